using ClusterHub.Clusters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterHub.Projects;

internal sealed class CommitteeConfiguration : IEntityTypeConfiguration<Committee>
{
    public void Configure(EntityTypeBuilder<Committee> b)
    {
        b.HasOne<Cluster>().WithMany().HasForeignKey(c => c.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Strategy.StrategicArea>().WithMany().HasForeignKey(c => c.StrategicAreaId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.Name).HasMaxLength(ProjectLimits.Name);
        b.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Criteria).WithOne().HasForeignKey(m => m.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.ClusterId, c.Name }).IsUnique();
        b.HasIndex(c => new { c.ClusterId, c.StrategicAreaId });
    }
}

internal sealed class CommitteeMemberConfiguration : IEntityTypeConfiguration<CommitteeMember>
{
    public void Configure(EntityTypeBuilder<CommitteeMember> b)
    {
        b.Property(m => m.UserId).HasMaxLength(64);
        b.HasOne<Members.Member>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.CommitteeId, m.UserId }).IsUnique();
        b.HasIndex(m => m.UserId);
    }
}

internal sealed class ScoringCriterionConfiguration : IEntityTypeConfiguration<ScoringCriterion>
{
    public void Configure(EntityTypeBuilder<ScoringCriterion> b) => b.Property(c => c.Name).HasMaxLength(ProjectLimits.Name);
}

internal sealed class ProposalReviewConfiguration : IEntityTypeConfiguration<ProposalReview>
{
    public void Configure(EntityTypeBuilder<ProposalReview> b)
    {
        b.HasOne<Proposal>().WithMany().HasForeignKey(r => r.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Committee>().WithMany().HasForeignKey(r => r.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.UserId).HasMaxLength(64);
        b.Property(r => r.Comments).HasMaxLength(ProjectLimits.Text);
        b.HasMany(r => r.Scores).WithOne().HasForeignKey(s => s.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.ProposalId, r.UserId }).IsUnique();
    }
}

internal sealed class ReviewScoreConfiguration : IEntityTypeConfiguration<ReviewScore>
{
    public void Configure(EntityTypeBuilder<ReviewScore> b) => b.Property(s => s.Criterion).HasMaxLength(ProjectLimits.Name);
}

internal sealed class ConflictDeclarationConfiguration : IEntityTypeConfiguration<ConflictDeclaration>
{
    public void Configure(EntityTypeBuilder<ConflictDeclaration> b)
    {
        b.HasOne<Cluster>().WithMany().HasForeignKey(d => d.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Proposal>().WithMany().HasForeignKey(d => d.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Members.Member>().WithMany().HasForeignKey(d => d.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.Property(d => d.UserId).HasMaxLength(64);
        b.Property(d => d.Reason).HasMaxLength(ProjectLimits.Reason);
        b.HasIndex(d => new { d.ClusterId, d.UserId });
    }
}

internal sealed class CompetitorDeclarationConfiguration : IEntityTypeConfiguration<CompetitorDeclaration>
{
    public void Configure(EntityTypeBuilder<CompetitorDeclaration> b)
    {
        b.HasOne<Cluster>().WithMany().HasForeignKey(d => d.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Members.Member>().WithMany().HasForeignKey(d => d.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Members.Member>().WithMany().HasForeignKey(d => d.CompetitorMemberId).OnDelete(DeleteBehavior.Restrict);
        b.Property(d => d.DeclaredBy).HasMaxLength(256);
        b.HasIndex(d => new { d.ClusterId, d.MemberId, d.CompetitorMemberId }).IsUnique();
    }
}

internal sealed class ImportedParticipationConfiguration : IEntityTypeConfiguration<ImportedParticipation>
{
    public void Configure(EntityTypeBuilder<ImportedParticipation> b)
    {
        b.HasOne<Cluster>().WithMany().HasForeignKey(p => p.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.Property(p => p.Organisation).HasMaxLength(CommitteeLimits.Key);
        b.Property(p => p.Project).HasMaxLength(CommitteeLimits.Key);
        b.Property(p => p.Source).HasMaxLength(ProjectLimits.Name);
        b.HasIndex(p => new { p.ClusterId, p.Source });
    }
}

internal sealed class CommitteeMeetingConfiguration : IEntityTypeConfiguration<CommitteeMeeting>
{
    public void Configure(EntityTypeBuilder<CommitteeMeeting> b)
    {
        b.HasOne<Cluster>().WithMany().HasForeignKey(m => m.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Committee>().WithMany().HasForeignKey(m => m.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        b.Property(m => m.Minutes).HasMaxLength(CommitteeLimits.Minutes);
        b.HasMany(m => m.Items).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.ClusterId, m.On });
    }
}

internal sealed class MeetingItemConfiguration : IEntityTypeConfiguration<MeetingItem>
{
    public void Configure(EntityTypeBuilder<MeetingItem> b)
    {
        b.HasOne<Proposal>().WithMany().HasForeignKey(i => i.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.Property(i => i.Reason).HasMaxLength(ProjectLimits.Reason);
        b.HasIndex(i => new { i.MeetingId, i.ProposalId }).IsUnique();
    }
}

internal sealed class FunderUserConfiguration : IEntityTypeConfiguration<FunderUser>
{
    public void Configure(EntityTypeBuilder<FunderUser> b)
    {
        b.HasOne<Funder>().WithMany().HasForeignKey(f => f.FunderId).OnDelete(DeleteBehavior.Cascade);
        b.Property(f => f.UserId).HasMaxLength(64);
        b.HasIndex(f => new { f.FunderId, f.UserId }).IsUnique();
        b.HasIndex(f => f.UserId);
    }
}

/// <summary>Lengths and ranges of the committees' inputs, shared by the configuration and the validators.</summary>
public static class CommitteeLimits
{
    public const int Key = 64, Minutes = 20_000, MaxCriteria = 20, MaxScore = 10, MaxMembers = 100, MaxAgenda = 200;
}
