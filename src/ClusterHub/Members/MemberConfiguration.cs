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
        b.Property(m => m.NormalizedCity).HasMaxLength(200);
        // The duplicate rule, enforced where concurrent writers cannot slip past it: one member per national id in a
        // cluster, and, among members without one, one per normalised name and city. (The filters are plain SQL that
        // SQLite and PostgreSQL read alike.)
        b.HasIndex(m => new { m.ClusterId, m.NationalId }).IsUnique().HasFilter("\"NationalId\" IS NOT NULL").HasDatabaseName("UX_Members_ClusterId_NationalId");
        b.HasIndex(m => new { m.ClusterId, m.NormalizedName, m.NormalizedCity }).IsUnique().HasFilter("\"NationalId\" IS NULL").HasDatabaseName("UX_Members_ClusterId_NormalizedName_NormalizedCity");
        b.HasMany(m => m.Contacts).WithOne().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.StatusHistory).WithOne().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
