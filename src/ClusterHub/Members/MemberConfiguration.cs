using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterHub.Members;

/// <summary>Column lengths are <see cref="MemberLimits"/>, the validator's own, so the database refuses what it refuses.</summary>
internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> b)
    {
        b.Property(m => m.Name).HasMaxLength(MemberLimits.Name);
        b.Property(m => m.NormalizedName).HasMaxLength(MemberLimits.NormalizedName);
        b.Property(m => m.NationalId).HasMaxLength(MemberLimits.NationalId);
        b.Property(m => m.Country).HasMaxLength(2);
        b.Property(m => m.ArchiveReason).HasMaxLength(MemberArchive.MaxReasonLength);
        b.Property(m => m.Region).HasMaxLength(MemberLimits.Region);
        b.Property(m => m.Departement).HasMaxLength(MemberLimits.Departement);
        b.Property(m => m.NutsCode).HasMaxLength(MemberLimits.NutsCode);
        b.Property(m => m.City).HasMaxLength(MemberLimits.City);
        b.Property(m => m.SectorCodes).HasMaxLength(MemberLimits.SectorCodes);
        b.HasOne(m => m.Cluster).WithMany().HasForeignKey(m => m.ClusterId).OnDelete(DeleteBehavior.Cascade);
        // The list pages filter by cluster first, then status/type and sort by name.
        b.HasIndex(m => new { m.ClusterId, m.NormalizedName });
        b.HasIndex(m => new { m.ClusterId, m.Status, m.Type });
        b.Property(m => m.NormalizedCity).HasMaxLength(MemberLimits.NormalizedCity);
        // The duplicate rule, enforced where concurrent writers cannot slip past it: one member per national id in a
        // cluster, and, among members without one, one per normalised name and city. (The filters are plain SQL that
        // SQLite and PostgreSQL read alike.)
        b.HasIndex(m => new { m.ClusterId, m.NationalId }).IsUnique().HasFilter("\"NationalId\" IS NOT NULL").HasDatabaseName("UX_Members_ClusterId_NationalId");
        b.HasIndex(m => new { m.ClusterId, m.NormalizedName, m.NormalizedCity }).IsUnique().HasFilter("\"NationalId\" IS NULL").HasDatabaseName("UX_Members_ClusterId_NormalizedName_NormalizedCity");
        b.HasMany(m => m.Contacts).WithOne().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.StatusHistory).WithOne().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MemberContactConfiguration : IEntityTypeConfiguration<MemberContact>
{
    public void Configure(EntityTypeBuilder<MemberContact> b)
    {
        b.Property(c => c.FullName).HasMaxLength(MemberLimits.ContactName);
        b.Property(c => c.Role).HasMaxLength(MemberLimits.ContactRole);
        b.Property(c => c.Email).HasMaxLength(MemberLimits.ContactEmail);
        b.Property(c => c.Phone).HasMaxLength(MemberLimits.ContactPhone);
    }
}

internal sealed class MemberStatusChangeConfiguration : IEntityTypeConfiguration<MemberStatusChange>
{
    public void Configure(EntityTypeBuilder<MemberStatusChange> b) => b.Property(s => s.Reason).HasMaxLength(MemberLimits.StatusReason);
}
