using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterHub.Clusters;

internal sealed class ClusterConfiguration : IEntityTypeConfiguration<Cluster>
{
    public void Configure(EntityTypeBuilder<Cluster> b)
    {
        b.HasIndex(c => c.Slug).IsUnique();
        b.Property(c => c.Slug).HasMaxLength(64);
        b.Property(c => c.Name).HasMaxLength(200);
        b.HasMany(c => c.Offices).WithOne().HasForeignKey(o => o.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Certifications).WithOne().HasForeignKey(o => o.ClusterId).OnDelete(DeleteBehavior.Cascade);
    }
}
