using ClusterHub.Data;
using ClusterHub.History;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Projects;

public enum MilestoneState { Open, Done }

public enum DeliverableKind { Report, Prototype, Software, Dataset, Demonstrator, Other }

/// <summary>A periodic report's life: the coordinator submits it, the secretariat accepts it or returns it (then it is submitted again).</summary>
public enum ReportState { Submitted, Accepted, Returned }

/// <summary>A step of a funded project, due on a date, marked done by the coordinator's representative or the secretariat.</summary>
public sealed class ProjectMilestone : IVersioned, IHistoryPart
{
    public int Id { get; set; }
    public int ProposalId { get; set; }
    public required string Title { get; set; }
    public DateOnly DueOn { get; set; }
    public MilestoneState State { get; set; }
    public DateOnly? DoneOn { get; set; }
    public string? DoneBy { get; set; }
    public int Version { get; set; }

    string IHistoryPart.SubjectType => nameof(Proposal);
    int IHistoryPart.SubjectId => ProposalId;
}

/// <summary>Something a funded project hands over (a report, a prototype, software, a data set…), due on a date.</summary>
public sealed class ProjectDeliverable : IVersioned, IHistoryPart
{
    public int Id { get; set; }
    public int ProposalId { get; set; }
    public required string Title { get; set; }
    public DeliverableKind Kind { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? DeliveredOn { get; set; }
    public string? DeliveredBy { get; set; }
    public int Version { get; set; }

    string IHistoryPart.SubjectType => nameof(Proposal);
    int IHistoryPart.SubjectId => ProposalId;
}

/// <summary>A periodic progress report of a funded project over one period; its version decides between two people deciding on it at once.</summary>
public sealed class ProjectReport : IVersioned, IHistoryPart
{
    public int Id { get; set; }
    public int ProposalId { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public required string Summary { get; set; }
    public ReportState State { get; set; }
    public DateTime SubmittedAt { get; set; }
    public required string SubmittedBy { get; set; }

    /// <summary>The secretariat's note: why it was returned (required) or a remark on acceptance.</summary>
    public string? DecisionNote { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public int Version { get; set; }

    string IHistoryPart.SubjectType => nameof(Proposal);
    int IHistoryPart.SubjectId => ProposalId;
}

/// <summary>What a deadline notice is about; one notice per kind, proposal, item and due date, so a sweep run twice mails once.</summary>
public enum NoticeKind { CallDeadline, MilestoneDue, MilestoneOverdue, DeliverableDue, DeliverableOverdue }

/// <summary>
/// The record that a deadline's reminder was queued: its unique key (kind, proposal, item, due date) makes
/// <see cref="DeadlineReminders.SweepAsync"/> idempotent, and a moved due date earns a reminder of its own.
/// </summary>
public sealed class DeadlineNotice
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public int ProposalId { get; set; }
    public NoticeKind Kind { get; set; }

    /// <summary>The call's, milestone's or deliverable's id.</summary>
    public int ItemId { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTime QueuedAt { get; set; }
    public int Recipients { get; set; }
}

/// <summary>Lengths and counts of the follow-up's inputs, shared by the configuration and the validators.</summary>
public static class FollowUpLimits
{
    /// <summary>Milestones, deliverables or reports per project: the follow-up is shown whole, not paged, so it is bounded.</summary>
    public const int MaxItems = 200;
    public const int Summary = ProjectLimits.Text;
}
