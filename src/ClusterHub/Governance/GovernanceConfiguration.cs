using ClusterHub.Clusters;
using ClusterHub.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterHub.Governance;

internal sealed class GovernanceActorConfiguration : IEntityTypeConfiguration<GovernanceActor>
{
    public void Configure(EntityTypeBuilder<GovernanceActor> b)
    {
        b.ToTable("GovernanceActors");
        b.Property(a => a.Name).HasMaxLength(GovernanceTypes.NameLength);
        b.Property(a => a.ShortName).HasMaxLength(GovernanceTypes.ShortNameLength);
        b.Property(a => a.Notes).HasMaxLength(GovernanceTypes.TextLength);
        b.Ignore(a => a.Label);
        b.HasOne<Cluster>().WithMany().HasForeignKey(a => a.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(a => new { a.ClusterId, a.Name }).IsUnique();
        b.HasIndex(a => new { a.ClusterId, a.ShortName }).IsUnique().HasFilter("\"ShortName\" IS NOT NULL");
    }
}

internal sealed class GovernanceTieConfiguration : IEntityTypeConfiguration<GovernanceTie>
{
    public void Configure(EntityTypeBuilder<GovernanceTie> b)
    {
        b.ToTable("GovernanceTies");
        b.Property(t => t.Source).HasMaxLength(GovernanceTypes.SourceLength);
        b.Property(t => t.Notes).HasMaxLength(GovernanceTypes.TextLength);
        b.HasOne<Cluster>().WithMany().HasForeignKey(t => t.ClusterId).OnDelete(DeleteBehavior.Cascade);
        // An actor with ties is deleted with them (the operation says so); the database cascades from either end.
        b.HasOne(t => t.FromActor).WithMany().HasForeignKey(t => t.FromActorId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(t => t.ToActor).WithMany().HasForeignKey(t => t.ToActorId).OnDelete(DeleteBehavior.Cascade);
        // One tie of a type between two actors, in the direction given (the validator also refuses the reverse of an undirected one).
        b.HasIndex(t => new { t.FromActorId, t.ToActorId, t.Type }).IsUnique();
        b.HasIndex(t => new { t.ClusterId, t.Type });
    }
}
