using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterHub.Accounts;

internal sealed class ClusterRoleGrantConfiguration : IEntityTypeConfiguration<ClusterRoleGrant>
{
    public void Configure(EntityTypeBuilder<ClusterRoleGrant> b)
    {
        b.HasOne<ClusterUser>().WithMany(u => u.Grants).HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(g => g.Cluster).WithMany().HasForeignKey(g => g.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Members.Member>().WithMany().HasForeignKey(g => g.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(g => new { g.UserId, g.ClusterId, g.Role }).IsUnique();
    }
}

internal sealed class AccessTokenConfiguration : IEntityTypeConfiguration<AccessToken>
{
    public void Configure(EntityTypeBuilder<AccessToken> b)
    {
        b.HasOne<ClusterUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Property(t => t.Name).HasMaxLength(AccessToken.MaxNameLength);
        b.Property(t => t.Hash).HasMaxLength(64);
        b.HasIndex(t => t.Hash).IsUnique();
    }
}
