using ClusterHub.Clusters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterHub.Finance;

internal sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> b)
    {
        b.HasOne<Cluster>().WithMany().HasForeignKey(l => l.ClusterId).OnDelete(DeleteBehavior.Cascade);
        // A member erased from the directory leaves its money in the budget, unnamed.
        b.HasOne(l => l.PayerMember).WithMany().HasForeignKey(l => l.PayerMemberId).OnDelete(DeleteBehavior.SetNull);
        b.Property(l => l.PayerName).HasMaxLength(FinanceLimits.PayerName);
        b.Property(l => l.Note).HasMaxLength(FinanceLimits.Note);
        b.HasIndex(l => new { l.ClusterId, l.Year, l.Source });
    }
}

internal sealed class FinanceYearConfiguration : IEntityTypeConfiguration<FinanceYear>
{
    public void Configure(EntityTypeBuilder<FinanceYear> b)
    {
        b.HasOne<Cluster>().WithMany().HasForeignKey(y => y.ClusterId).OnDelete(DeleteBehavior.Cascade);
        // One record per cluster and year: of two people creating it at once, the index refuses the second.
        b.HasIndex(y => new { y.ClusterId, y.Year }).IsUnique();
    }
}
