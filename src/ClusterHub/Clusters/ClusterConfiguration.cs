using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterHub.Clusters;

/// <summary>Column lengths are <see cref="ClusterLimits"/>, the registration's own.</summary>
internal sealed class ClusterConfiguration : IEntityTypeConfiguration<Cluster>
{
    public void Configure(EntityTypeBuilder<Cluster> b)
    {
        b.HasIndex(c => c.Slug).IsUnique();
        b.Property(c => c.Slug).HasMaxLength(ClusterLimits.Slug);
        b.Property(c => c.Name).HasMaxLength(ClusterLimits.Name);
        b.Property(c => c.LegalForm).HasMaxLength(ClusterLimits.LegalForm);
        b.Property(c => c.Region).HasMaxLength(ClusterLimits.Region);
        b.Property(c => c.Sector).HasMaxLength(ClusterLimits.Sector);
        b.Property(c => c.Website).HasMaxLength(ClusterLimits.Website);
        b.HasMany(c => c.Offices).WithOne().HasForeignKey(o => o.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Certifications).WithOne().HasForeignKey(o => o.ClusterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClusterOfficeConfiguration : IEntityTypeConfiguration<ClusterOffice>
{
    public void Configure(EntityTypeBuilder<ClusterOffice> b)
    {
        b.Property(o => o.City).HasMaxLength(ClusterLimits.OfficeCity);
        b.Property(o => o.Region).HasMaxLength(ClusterLimits.Region);
    }
}

internal sealed class ClusterCertificationConfiguration : IEntityTypeConfiguration<ClusterCertification>
{
    public void Configure(EntityTypeBuilder<ClusterCertification> b)
    {
        b.Property(c => c.Label).HasMaxLength(ClusterLimits.CertificationLabel);
        b.Property(c => c.Note).HasMaxLength(ClusterLimits.CertificationNote);
    }
}
