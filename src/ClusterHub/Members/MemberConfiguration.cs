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
        b.Property(m => m.Region).HasMaxLength(MemberLimits.Region);
        b.Property(m => m.Departement).HasMaxLength(MemberLimits.Departement);
        b.Property(m => m.NutsCode).HasMaxLength(MemberLimits.NutsCode);
        b.Property(m => m.City).HasMaxLength(MemberLimits.City);
        b.Property(m => m.SectorCodes).HasMaxLength(MemberLimits.SectorCodes);
        b.HasOne(m => m.Cluster).WithMany().HasForeignKey(m => m.ClusterId).OnDelete(DeleteBehavior.Cascade);
        // The list pages filter by cluster first, then status/type and sort by name.
        b.HasIndex(m => new { m.ClusterId, m.NormalizedName });
        b.HasIndex(m => new { m.ClusterId, m.Status, m.Type });
        b.HasIndex(m => new { m.ClusterId, m.NationalId });
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
