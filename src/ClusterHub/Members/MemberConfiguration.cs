using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterHub.Members;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> b)
    {
        b.Property(m => m.Name).HasMaxLength(200);
        b.Property(m => m.NormalizedName).HasMaxLength(200);
        b.Property(m => m.NationalId).HasMaxLength(32);
        b.Property(m => m.Country).HasMaxLength(2);
        b.Property(m => m.ArchiveReason).HasMaxLength(MemberArchive.MaxReasonLength);
        b.HasOne(m => m.Cluster).WithMany().HasForeignKey(m => m.ClusterId).OnDelete(DeleteBehavior.Cascade);
        // The list pages filter by cluster first, then status/type and sort by name.
        b.HasIndex(m => new { m.ClusterId, m.NormalizedName });
        b.HasIndex(m => new { m.ClusterId, m.Status, m.Type });
        b.HasIndex(m => new { m.ClusterId, m.NationalId });
        b.HasMany(m => m.Contacts).WithOne().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.StatusHistory).WithOne().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
