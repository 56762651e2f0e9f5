using ClusterHub.Accounts;
using ClusterHub.Clusters;
using ClusterHub.Dues;
using ClusterHub.History;
using ClusterHub.Members;
using ClusterHub.Outbox;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Data;

/// <summary>
/// The one DbContext. Each provider has a subclass only so that each can own its migration
/// set (see <see cref="SqliteClusterDb"/>, <see cref="PostgresClusterDb"/>); code everywhere
/// else takes <see cref="ClusterDb"/>.
/// </summary>
public abstract class ClusterDb(DbContextOptions options) : IdentityDbContext<ClusterUser>(options)
{
    public DbSet<Cluster> Clusters => Set<Cluster>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<MemberContact> MemberContacts => Set<MemberContact>();
    public DbSet<MemberStatusChange> MemberStatusChanges => Set<MemberStatusChange>();
    public DbSet<MemberChangeRequest> MemberChangeRequests => Set<MemberChangeRequest>();
    public DbSet<DuesTier> DuesTiers => Set<DuesTier>();
    public DbSet<MembershipYear> MembershipYears => Set<MembershipYear>();
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<ClusterRoleGrant> RoleGrants => Set<ClusterRoleGrant>();
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();
    public DbSet<ChangeRecord> ChangeRecords => Set<ChangeRecord>();
    public DbSet<Strategy.StrategicArea> StrategicAreas => Set<Strategy.StrategicArea>();
    public DbSet<global::ClusterHub.Competences.Competence> Competences => Set<global::ClusterHub.Competences.Competence>();
    public DbSet<global::ClusterHub.Competences.CompetenceDeclaration> CompetenceDeclarations => Set<global::ClusterHub.Competences.CompetenceDeclaration>();
    public DbSet<Strategy.ActivityDomain> ActivityDomains => Set<Strategy.ActivityDomain>();
    public DbSet<Strategy.ValueChainStage> ValueChainStages => Set<Strategy.ValueChainStage>();
    public DbSet<Strategy.ClusterStrategy> Strategies => Set<Strategy.ClusterStrategy>();
    public DbSet<Strategy.RoadmapAction> RoadmapActions => Set<Strategy.RoadmapAction>();
    public DbSet<Strategy.Objective> Objectives => Set<Strategy.Objective>();
    public DbSet<Strategy.StrategyReview> StrategyReviews => Set<Strategy.StrategyReview>();

    /// <summary>Why the next <c>SaveChanges</c> changes what it changes, for the change history (cleared by the save).</summary>
    public string? ChangeReason { get; set; }

    /// <summary>Who acts when no one is signed in: <c>system</c> for background work, <c>cli:NAME</c> for the command line.</summary>
    public string Actor { get; set; } = "system";

    /// <summary>Set by <see cref="ChangeHistoryInterceptor"/> while it saves the history rows of a save.</summary>
    internal bool WritingHistory { get; set; }
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Projects.Funder> Funders => Set<Projects.Funder>();
    public DbSet<Projects.FundingCall> FundingCalls => Set<Projects.FundingCall>();
    public DbSet<Projects.CallFundingRate> CallFundingRates => Set<Projects.CallFundingRate>();
    public DbSet<Projects.Proposal> Proposals => Set<Projects.Proposal>();
    public DbSet<Projects.ProposalPartner> ProposalPartners => Set<Projects.ProposalPartner>();
    public DbSet<Projects.ProposalCompetence> ProposalCompetences => Set<Projects.ProposalCompetence>();
    public DbSet<Projects.ProposalStateChange> ProposalStateChanges => Set<Projects.ProposalStateChange>();
    public DbSet<Projects.ProposalYearStage> ProposalYearStages => Set<Projects.ProposalYearStage>();
    public DbSet<Projects.ProjectMilestone> ProjectMilestones => Set<Projects.ProjectMilestone>();
    public DbSet<Projects.ProjectDeliverable> ProjectDeliverables => Set<Projects.ProjectDeliverable>();
    public DbSet<Projects.ProjectReport> ProjectReports => Set<Projects.ProjectReport>();
    public DbSet<Projects.DeadlineNotice> DeadlineNotices => Set<Projects.DeadlineNotice>();
    public DbSet<Projects.Attachments.ProposalAttachment> ProposalAttachments => Set<Projects.Attachments.ProposalAttachment>();
    public DbSet<Projects.ProjectOutcome> ProjectOutcomes => Set<Projects.ProjectOutcome>();
    public DbSet<Projects.ReviewAssignment> ReviewAssignments => Set<Projects.ReviewAssignment>();
    public DbSet<Projects.Committee> Committees => Set<Projects.Committee>();
    public DbSet<Projects.CommitteeMember> CommitteeMembers => Set<Projects.CommitteeMember>();
    public DbSet<Projects.ReviewerExpertise> ReviewerExpertise => Set<Projects.ReviewerExpertise>();
    public DbSet<Projects.ScoringCriterion> ScoringCriteria => Set<Projects.ScoringCriterion>();
    public DbSet<Projects.ProposalReview> ProposalReviews => Set<Projects.ProposalReview>();
    public DbSet<Projects.ConflictDeclaration> ConflictDeclarations => Set<Projects.ConflictDeclaration>();
    public DbSet<Projects.CompetitorDeclaration> CompetitorDeclarations => Set<Projects.CompetitorDeclaration>();
    public DbSet<Projects.ImportedParticipation> ImportedParticipations => Set<Projects.ImportedParticipation>();
    public DbSet<Projects.CommitteeMeeting> CommitteeMeetings => Set<Projects.CommitteeMeeting>();
    public DbSet<Projects.MeetingItem> MeetingItems => Set<Projects.MeetingItem>();
    public DbSet<Projects.FunderUser> FunderUsers => Set<Projects.FunderUser>();
    public DbSet<Finance.BudgetLine> BudgetLines => Set<Finance.BudgetLine>();
    public DbSet<Finance.FinanceYear> FinanceYears => Set<Finance.FinanceYear>();
    public DbSet<Surveys.Survey> Surveys => Set<Surveys.Survey>();
    public DbSet<Surveys.SurveyItem> SurveyItems => Set<Surveys.SurveyItem>();
    public DbSet<Surveys.SurveyInvitation> SurveyInvitations => Set<Surveys.SurveyInvitation>();
    public DbSet<Surveys.SurveyLink> SurveyLinks => Set<Surveys.SurveyLink>();
    public DbSet<Surveys.SurveyResponse> SurveyResponses => Set<Surveys.SurveyResponse>();
    public DbSet<Surveys.SurveyAnswer> SurveyAnswers => Set<Surveys.SurveyAnswer>();
    public DbSet<ClusterHub.Jobs.Job> Jobs => Set<ClusterHub.Jobs.Job>();
    public DbSet<ClusterHub.Networks.StoredNetwork> Networks => Set<ClusterHub.Networks.StoredNetwork>();
    public DbSet<ClusterHub.Networks.NetworkResult> NetworkResults => Set<ClusterHub.Networks.NetworkResult>();
    public DbSet<ClusterHub.Networks.NetworkResultNode> NetworkResultNodes => Set<ClusterHub.Networks.NetworkResultNode>();
    public DbSet<Mapping.MappingDataset> MappingDatasets => Set<Mapping.MappingDataset>();
    public DbSet<Mapping.MappingRegion> MappingRegions => Set<Mapping.MappingRegion>();
    public DbSet<Mapping.MappingIndustry> MappingIndustries => Set<Mapping.MappingIndustry>();
    public DbSet<Mapping.MappingValue> MappingValues => Set<Mapping.MappingValue>();
    public DbSet<Mapping.MappingDefinition> MappingDefinitions => Set<Mapping.MappingDefinition>();
    public DbSet<Mapping.MappingView> MappingViews => Set<Mapping.MappingView>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ClusterDb).Assembly);
        ConfigureVersions(builder);
    }

    /// <summary>Every <see cref="IVersioned"/> entity's version is a concurrency token, on both providers.</summary>
    private static void ConfigureVersions(ModelBuilder builder)
    {
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
            builder.Entity(type.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and safe against reordering the enum.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}

public sealed class SqliteClusterDb(DbContextOptions<SqliteClusterDb> options) : ClusterDb(options);

public sealed class PostgresClusterDb(DbContextOptions<PostgresClusterDb> options) : ClusterDb(options);
