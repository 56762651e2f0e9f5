using ClusterHub.Clusters;
using ClusterHub.Strategy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterHub.Competences;

internal sealed class CompetenceConfiguration : IEntityTypeConfiguration<Competence>
{
    public void Configure(EntityTypeBuilder<Competence> b)
    {
        b.ToTable("Competences"); // plural like the tables named after ClusterDb's sets
        b.Property(c => c.Code).HasMaxLength(CompetenceRules.CodeLength);
        b.Property(c => c.Name).HasMaxLength(CompetenceRules.NameLength);
        b.Property(c => c.Domain).HasMaxLength(CompetenceRules.NameLength);
        b.Property(c => c.Description).HasMaxLength(CompetenceRules.TextLength);
        b.HasOne<Cluster>().WithMany().HasForeignKey(c => c.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ValueChainStage>().WithMany().HasForeignKey(c => c.ValueChainStageId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(c => new { c.ClusterId, c.Code }).IsUnique();
        b.HasMany(c => c.Needs).WithOne().HasForeignKey(n => n.CompetenceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CompetenceNeedConfiguration : IEntityTypeConfiguration<CompetenceNeed>
{
    public void Configure(EntityTypeBuilder<CompetenceNeed> b)
    {
        b.ToTable("CompetenceNeeds");
        b.HasOne<StrategicArea>().WithMany().HasForeignKey(n => n.StrategicAreaId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.CompetenceId, n.StrategicAreaId }).IsUnique();
    }
}

internal sealed class CompetenceDeclarationConfiguration : IEntityTypeConfiguration<CompetenceDeclaration>
{
    public void Configure(EntityTypeBuilder<CompetenceDeclaration> b)
    {
        b.ToTable("CompetenceDeclarations");
        b.Property(d => d.Certifications).HasMaxLength(CompetenceRules.TextLength);
        b.Property(d => d.References).HasMaxLength(CompetenceRules.TextLength);
        b.Property(d => d.RejectionReason).HasMaxLength(CompetenceRules.TextLength);
        b.Property(d => d.DecidedBy).HasMaxLength(256);
        b.HasOne(d => d.Member).WithMany().HasForeignKey(d => d.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(d => d.Competence).WithMany().HasForeignKey(d => d.CompetenceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.MemberId, d.CompetenceId }).IsUnique();
        // "Who can do X": the search and the analyses read one competence's validated declarations by level.
        b.HasIndex(d => new { d.ClusterId, d.CompetenceId, d.State, d.Level });
    }
}
