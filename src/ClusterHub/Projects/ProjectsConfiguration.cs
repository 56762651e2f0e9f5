using ClusterHub.Clusters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterHub.Projects;

internal sealed class FunderConfiguration : IEntityTypeConfiguration<Funder>
{
    public void Configure(EntityTypeBuilder<Funder> b)
    {
        b.HasOne<Cluster>().WithMany().HasForeignKey(f => f.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.Property(f => f.Name).HasMaxLength(ProjectLimits.Name);
        b.HasIndex(f => new { f.ClusterId, f.Name }).IsUnique();
    }
}

internal sealed class FundingCallConfiguration : IEntityTypeConfiguration<FundingCall>
{
    public void Configure(EntityTypeBuilder<FundingCall> b)
    {
        b.ToTable("FundingCalls");
        b.HasOne<Cluster>().WithMany().HasForeignKey(c => c.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.Funder).WithMany().HasForeignKey(c => c.FunderId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.Title).HasMaxLength(ProjectLimits.Title);
        b.Property(c => c.Themes).HasMaxLength(ProjectLimits.Text);
        b.HasMany(c => c.FundingRates).WithOne().HasForeignKey(r => r.CallId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.ClusterId, c.ClosesOn });
    }
}

internal sealed class CallFundingRateConfiguration : IEntityTypeConfiguration<CallFundingRate>
{
    public void Configure(EntityTypeBuilder<CallFundingRate> b) => b.HasIndex(r => new { r.CallId, r.Category }).IsUnique();
}

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> b)
    {
        b.HasOne<Cluster>().WithMany().HasForeignKey(p => p.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(p => p.Call).WithMany().HasForeignKey(p => p.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Strategy.StrategicArea>().WithMany().HasForeignKey(p => p.StrategicAreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Strategy.ActivityDomain>().WithMany().HasForeignKey(p => p.ActivityDomainId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.Title).HasMaxLength(ProjectLimits.Title);
        b.Property(p => p.Acronym).HasMaxLength(ProjectLimits.Acronym);
        b.Property(p => p.NormalizedTitle).HasMaxLength(ProjectLimits.Title + ProjectLimits.Acronym + 1);
        b.Property(p => p.Summary).HasMaxLength(ProjectLimits.Text);
        b.Property(p => p.ExpectedOutcomes).HasMaxLength(ProjectLimits.Text);
        b.HasMany(p => p.Partners).WithOne().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.StateChanges).WithOne().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Outcomes).WithOne().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Competences).WithOne().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.ClusterId, p.State });
        b.HasIndex(p => new { p.ClusterId, p.CoordinatorMemberId });
        // Kept by a trigger on ProposalPartners (migration FunnelLeverage): 0 on insert (a proposal's partners come after
        // it), never written by EF after that, whatever an update marks as modified.
        b.Property(p => p.BudgetCents).HasDefaultValue(0L).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        // The proposals of a call; and the leverage's sums by call and strategic area read from this index alone.
        b.HasIndex(p => new { p.ClusterId, p.CallId, p.StrategicAreaId, p.GrantedCents, p.BudgetCents }).HasDatabaseName("IX_Proposals_Leverage");
        b.HasIndex(p => new { p.ClusterId, p.StrategicAreaId });
    }
}

internal sealed class ProposalCompetenceConfiguration : IEntityTypeConfiguration<ProposalCompetence>
{
    public void Configure(EntityTypeBuilder<ProposalCompetence> b)
    {
        b.ToTable("ProposalCompetences");
        // Removing a competence from the taxonomy removes it from the proposals that named it, as from members' declarations.
        b.HasOne(x => x.Competence).WithMany().HasForeignKey(x => x.CompetenceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ProposalId, x.CompetenceId }).IsUnique();
        b.HasIndex(x => x.CompetenceId);
    }
}

internal sealed class ProposalPartnerConfiguration : IEntityTypeConfiguration<ProposalPartner>
{
    public void Configure(EntityTypeBuilder<ProposalPartner> b)
    {
        b.Property(p => p.Name).HasMaxLength(ProjectLimits.Name);
        b.HasOne(p => p.Member).WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.MemberId);
        // A database trigger keeps the proposal's total budget from every partner written (see Proposal.BudgetCents);
        // SQLite's RETURNING cannot be used on a table with AFTER triggers.
        b.ToTable(t => t.UseSqlReturningClause(false));
    }
}

internal sealed class ProposalStateChangeConfiguration : IEntityTypeConfiguration<ProposalStateChange>
{
    public void Configure(EntityTypeBuilder<ProposalStateChange> b)
    {
        b.Property(s => s.Actor).HasMaxLength(256);
        b.Property(s => s.Reason).HasMaxLength(ProjectLimits.Reason);
        // The indicators' "funded in year Y" finds its proposals through this index.
        b.HasIndex(s => new { s.ClusterId, s.Year, s.To, s.ProposalId });
        // A database trigger keeps ProposalYearStages from every inserted move; SQLite's RETURNING cannot be used on a
        // table with AFTER triggers, so EF reads the new key back the older way.
        b.ToTable(t => t.UseSqlReturningClause(false));
        // The medians of days per state page through this index.
        b.HasIndex(s => new { s.ClusterId, s.From, s.DaysInPrevious });
    }
}

internal sealed class ProjectOutcomeConfiguration : IEntityTypeConfiguration<ProjectOutcome>
{
    public void Configure(EntityTypeBuilder<ProjectOutcome> b) => b.Property(o => o.Description).HasMaxLength(ProjectLimits.Name);
}

internal sealed class ReviewAssignmentConfiguration : IEntityTypeConfiguration<ReviewAssignment>
{
    public void Configure(EntityTypeBuilder<ReviewAssignment> b)
    {
        b.HasOne<Proposal>().WithMany().HasForeignKey(a => a.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.Property(a => a.UserId).HasMaxLength(64);
        b.HasIndex(a => new { a.ProposalId, a.UserId }).IsUnique();
        b.HasIndex(a => a.UserId);
    }
}

/// <summary>Column lengths, shared by the configuration and the validator.</summary>
public static class ProjectLimits
{
    public const int Name = 200, Title = 300, Acronym = 40, Text = 4000, Reason = 1000;
}

internal sealed class ProposalYearStageConfiguration : IEntityTypeConfiguration<ProposalYearStage>
{
    public void Configure(EntityTypeBuilder<ProposalYearStage> b)
    {
        b.HasKey(s => new { s.ProposalId, s.Year, s.Stage });
        b.HasOne<Proposal>().WithMany().HasForeignKey(s => s.ProposalId).OnDelete(DeleteBehavior.Cascade);
        // The funnel counts rows per year and stage: this index covers the count.
        b.HasIndex(s => new { s.ClusterId, s.Year, s.Stage });
    }
}
