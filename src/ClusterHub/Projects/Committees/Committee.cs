using ClusterHub.History;

namespace ClusterHub.Projects;

/// <summary>A thematic committee of one strategic area: its members (reviewers, one chair) and its scoring grid.</summary>
public sealed class Committee : IVersioned
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public int StrategicAreaId { get; set; }
    public required string Name { get; set; }
    public int Version { get; set; }
    public List<CommitteeMember> Members { get; set; } = [];
    public List<ScoringCriterion> Criteria { get; set; } = [];
}

/// <summary>A user of the cluster sitting on a committee, with the organisation it belongs to (null: an independent expert).</summary>
public sealed class CommitteeMember : IHistoryPart
{
    public int Id { get; set; }
    public int CommitteeId { get; set; }
    public required string UserId { get; set; }

    /// <summary>The reviewer's organisation, a member of the cluster: what the conflict rules check against consortia.</summary>
    public int? MemberId { get; set; }
    public bool IsChair { get; set; }

    string IHistoryPart.SubjectType => nameof(Committee);
    int IHistoryPart.SubjectId => CommitteeId;
}

/// <summary>One criterion of a committee's scoring grid; the weights of a grid sum to 100.</summary>
public sealed class ScoringCriterion : IHistoryPart
{
    public int Id { get; set; }
    public int CommitteeId { get; set; }
    public required string Name { get; set; }
    public int Weight { get; set; }
    public int Order { get; set; }

    string IHistoryPart.SubjectType => nameof(Committee);
    int IHistoryPart.SubjectId => CommitteeId;
}

/// <summary>An assigned reviewer's scores of a proposal on its committee's grid, with comments. One per reviewer and proposal.</summary>
public sealed class ProposalReview : IHistoryPart
{
    public int Id { get; set; }
    public int ProposalId { get; set; }
    public int CommitteeId { get; set; }
    public required string UserId { get; set; }
    public string? Comments { get; set; }
    public DateTime SubmittedAt { get; set; }

    /// <summary>Σ weight × score ÷ Σ weight over the grid, 0–10; stored with the scores so that a later grid edit leaves it as given.</summary>
    public double WeightedScore { get; set; }
    public List<ReviewScore> Scores { get; set; } = [];

    string IHistoryPart.SubjectType => nameof(Proposal);
    int IHistoryPart.SubjectId => ProposalId;
}

/// <summary>One criterion's score (0–10) in a review, with the criterion's name and weight as they were when scored.</summary>
public sealed class ReviewScore
{
    public int Id { get; set; }
    public int ReviewId { get; set; }
    public int CriterionId { get; set; }
    public required string Criterion { get; set; }
    public int Weight { get; set; }
    public int Score { get; set; }
}

/// <summary>A reviewer's own declaration of a conflict: with a proposal, or with an organisation (a member) wherever it appears.</summary>
public sealed class ConflictDeclaration
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public required string UserId { get; set; }
    public int? ProposalId { get; set; }
    public int? MemberId { get; set; }
    public required string Reason { get; set; }
    public DateTime DeclaredAt { get; set; }
}

/// <summary>Two members declared competitors (by a reviewer for its organisation, or by the secretariat); symmetric.</summary>
public sealed class CompetitorDeclaration
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public int MemberId { get; set; }
    public int CompetitorMemberId { get; set; }
    public required string DeclaredBy { get; set; }
    public DateTime DeclaredAt { get; set; }
}

/// <summary>
/// One organisation in one project over its years, from an imported participation file (e.g. the EU's H2020 extract):
/// the collaboration the conflict rules find beside the platform's own projects. Organisations are the file's ids (a PIC),
/// which meet the cluster's members through their national id.
/// </summary>
public sealed class ImportedParticipation
{
    public long Id { get; set; }
    public int ClusterId { get; set; }
    public required string Organisation { get; set; }
    public required string Project { get; set; }
    public int FirstYear { get; set; }
    public int LastYear { get; set; }
    public required string Source { get; set; }
}

/// <summary>A committee meeting: the agenda of proposals, a decision per item, the minutes.</summary>
public sealed class CommitteeMeeting : IVersioned
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public int CommitteeId { get; set; }
    public DateOnly On { get; set; }
    public string? Minutes { get; set; }
    public int Version { get; set; }
    public List<MeetingItem> Items { get; set; } = [];
}

/// <summary>One proposal on a meeting's agenda and what the committee decided (through the proposal's workflow).</summary>
public sealed class MeetingItem : IHistoryPart
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int ProposalId { get; set; }
    public int Order { get; set; }
    public ProposalAction? Decision { get; set; }
    public string? Reason { get; set; }
    public DateTime? DecidedAt { get; set; }

    string IHistoryPart.SubjectType => nameof(CommitteeMeeting);
    int IHistoryPart.SubjectId => MeetingId;
}

/// <summary>A user who speaks for a funder: it sees the certified proposals sent to that funder.</summary>
public sealed class FunderUser
{
    public int Id { get; set; }
    public int FunderId { get; set; }
    public required string UserId { get; set; }
}
