using ClusterHub.Clusters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterHub.Dues;

internal sealed class DuesTierConfiguration : IEntityTypeConfiguration<DuesTier>
{
    public void Configure(EntityTypeBuilder<DuesTier> b)
    {
        b.HasOne<Cluster>().WithMany().HasForeignKey(t => t.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => new { t.ClusterId, t.Year, t.MemberType, t.SizeClass }).IsUnique();
    }
}

internal sealed class MembershipYearConfiguration : IEntityTypeConfiguration<MembershipYear>
{
    public void Configure(EntityTypeBuilder<MembershipYear> b)
    {
        b.HasOne(y => y.Member).WithMany().HasForeignKey(y => y.MemberId).OnDelete(DeleteBehavior.Cascade);
        // One membership per member and year: renewal relies on it to be idempotent.
        b.HasIndex(y => new { y.MemberId, y.Year }).IsUnique();
        b.HasIndex(y => new { y.ClusterId, y.Year });
        b.HasOne(y => y.Invoice).WithOne(i => i.MembershipYear).HasForeignKey<Invoice>(i => i.MembershipYearId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> b)
    {
        b.Property(i => i.Number).HasMaxLength(32);
        b.HasIndex(i => new { i.ClusterId, i.Number }).IsUnique();
        b.HasIndex(i => new { i.ClusterId, i.Status });
    }
}
