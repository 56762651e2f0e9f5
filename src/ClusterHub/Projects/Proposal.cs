using ClusterHub.History;
using ClusterHub.Members;

namespace ClusterHub.Projects;

/// <summary>
/// The labelling pipeline's states. <see cref="ProposalWorkflow"/> holds the only table of allowed moves between them.
/// </summary>
public enum ProposalState
{
    Draft, Submitted, UnderReview, Certified, ReturnedForRevision, Rejected,
    SubmittedToFunder, Funded, NotFunded, Running, Completed, OnTheMarket,
}

/// <summary>The categories funding rates are set by; a member's comes from its type and size, a non-member's is given.</summary>
public enum PartnerCategory { LargeCompany, MidSizeCompany, Sme, Research, Other }

public enum PartnerRole { Coordinator, Partner, Subcontractor }

/// <summary>A collaborative R&amp;D proposal and, once funded, the project it becomes.</summary>
public sealed class Proposal : IVersioned
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public int? CallId { get; set; }
    public FundingCall? Call { get; set; }
    public required string Title { get; set; }
    public required string Acronym { get; set; }

    /// <summary>Upper-case, accent-free title and acronym: case-insensitive search on every provider.</summary>
    public string NormalizedTitle { get; set; } = "";
    public string? Summary { get; set; }

    /// <summary>The Strategy feature's lists (a strategic area, an activity domain) by id.</summary>
    public int? StrategicAreaId { get; set; }
    public int? ActivityDomainId { get; set; }
    public int DurationMonths { get; set; }
    public int TrlStart { get; set; }
    public int TrlTarget { get; set; }

    /// <summary>Products, patents, jobs, turnover expected, in words.</summary>
    public string? ExpectedOutcomes { get; set; }

    /// <summary>The member that coordinates (derived from the consortium on every save): whose representative owns the proposal.</summary>
    public int? CoordinatorMemberId { get; set; }
    public ProposalState State { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime StateSince { get; set; }

    /// <summary>Public money granted, in cents, recorded with the funding decision.</summary>
    public long? GrantedCents { get; set; }

    /// <summary>
    /// The consortium's total budget in cents: the sum of its partners' <see cref="ProposalPartner.BudgetCents"/>, kept by
    /// the database (a trigger on <c>ProposalPartners</c>, migration <c>FunnelLeverage</c>) whatever writes the partners,
    /// so that the dashboard's leverage reads one column instead of summing every funded proposal's partners. EF never
    /// writes it after the insert: read it with a query, not from an entity tracked since its partners changed.
    /// </summary>
    public long BudgetCents { get; private set; }
    public int Version { get; set; }

    public List<ProposalPartner> Partners { get; set; } = [];
    public List<ProposalStateChange> StateChanges { get; set; } = [];
    public List<ProjectOutcome> Outcomes { get; set; } = [];

    /// <summary>The competences of the cluster's taxonomy the project needs: what reviewers' expertise is matched against.</summary>
    public List<ProposalCompetence> Competences { get; set; } = [];
}

/// <summary>A competence of the cluster's taxonomy a proposal needs (one row per proposal and competence).</summary>
public sealed class ProposalCompetence : IHistoryPart
{
    public int Id { get; set; }
    public int ProposalId { get; set; }
    public int CompetenceId { get; set; }
    public Competences.Competence? Competence { get; set; }

    string IHistoryPart.SubjectType => nameof(Proposal);
    int IHistoryPart.SubjectId => ProposalId;
}

/// <summary>One organisation of a consortium: a member (by id) or a non-member (by name).</summary>
public sealed class ProposalPartner : IHistoryPart
{
    public int Id { get; set; }
    public int ProposalId { get; set; }
    public int? MemberId { get; set; }
    public Member? Member { get; set; }
    public required string Name { get; set; }
    public PartnerCategory Category { get; set; }
    public PartnerRole Role { get; set; }
    public long BudgetCents { get; set; }
    public long RequestedCents { get; set; }

    string IHistoryPart.SubjectType => nameof(Proposal);
    int IHistoryPart.SubjectId => ProposalId;
}

/// <summary>One move of the workflow: from what to what, when, by whom, why. The dashboard's durations come from these rows.</summary>
public sealed class ProposalStateChange : IHistoryPart
{
    public long Id { get; set; }
    public int ProposalId { get; set; }
    public int ClusterId { get; set; }
    public ProposalState? From { get; set; }
    public ProposalState To { get; set; }

    private DateTime at;
    public DateTime At { get => at; set { at = value; Year = value.Year; } }

    /// <summary>The calendar year of <see cref="At"/>, stored: the funnel groups and filters by year through an index
    /// instead of evaluating a date function on every move (20,000 proposals make 200,000 moves).</summary>
    public int Year { get; private set; }

    /// <summary>Whole days the proposal spent in <see cref="From"/> (null for its creation): the dashboard's medians read it directly.</summary>
    public int? DaysInPrevious { get; set; }
    public required string Actor { get; set; }
    public string? Reason { get; set; }

    string IHistoryPart.SubjectType => nameof(Proposal);
    int IHistoryPart.SubjectId => ProposalId;
}

public enum OutcomeKind { Product, FirstSale, JobsCreated, Patent }

/// <summary>What a project brought to market: a product, a first sale, jobs created, a patent.</summary>
public sealed class ProjectOutcome : IHistoryPart
{
    public int Id { get; set; }
    public int ProposalId { get; set; }
    public OutcomeKind Kind { get; set; }
    public required string Description { get; set; }
    public DateOnly On { get; set; }

    /// <summary>Jobs created (JobsCreated) or units; null where a count means nothing.</summary>
    public int? Count { get; set; }

    string IHistoryPart.SubjectType => nameof(Proposal);
    int IHistoryPart.SubjectId => ProposalId;
}

/// <summary>A reviewer assigned to a proposal by the secretariat (or, later, by the assignment solver): what the reviewer may see.</summary>
public sealed class ReviewAssignment : IHistoryPart
{
    public int Id { get; set; }
    public int ProposalId { get; set; }
    public required string UserId { get; set; }
    public DateTime AssignedAt { get; set; }

    /// <summary>The conflicts found when it was made, as evidence sentences; set only when the committee's chair overrode them.</summary>
    public string? OverriddenConflicts { get; set; }

    /// <summary>The chair's written reason for assigning despite the conflicts (also the change history's reason).</summary>
    public string? OverrideReason { get; set; }
    public string? OverriddenBy { get; set; }

    string IHistoryPart.SubjectType => nameof(Proposal);
    int IHistoryPart.SubjectId => ProposalId;
}

public static class PartnerCategories
{
    /// <summary>A member's category: its type, and for a company of unknown type its size under the EU definition.</summary>
    public static PartnerCategory Of(MemberType type, SizeClass size) => type switch
    {
        MemberType.LargeCompany => PartnerCategory.LargeCompany,
        MemberType.MidSizeCompany => PartnerCategory.MidSizeCompany,
        MemberType.Sme or MemberType.MicroStartup => PartnerCategory.Sme,
        MemberType.University or MemberType.EngineeringSchool or MemberType.TechnicalInstitute or MemberType.ResearchOrganisation => PartnerCategory.Research,
        _ when size is SizeClass.Micro or SizeClass.Small or SizeClass.Medium && type.Family() == MemberFamily.Company => PartnerCategory.Sme,
        _ => PartnerCategory.Other,
    };
}
