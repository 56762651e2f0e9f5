using System.Globalization;
using ClusterHub.Data;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Projects;

public sealed record MeetingInput(DateOnly? On, IReadOnlyList<int>? ProposalIds);
public sealed record MinutesInput(string? Minutes);
public sealed record DecisionInput(ProposalAction? Decision, string? Reason);
public sealed record MeetingRow(int Id, int CommitteeId, string Committee, DateOnly On, int Items, int Decided);
public sealed record MeetingItemDto(int Id, int ProposalId, string Acronym, string Title, ProposalState State, double? WeightedScore, int Reviews,
    ProposalAction? Decision, string? Reason, DateTime? DecidedAt);
public sealed record MeetingDetails(MeetingRow Meeting, string? Minutes, IReadOnlyList<MeetingItemDto> Items, int Version);

/// <summary>Committee meetings: an agenda of proposals, a decision per item through <see cref="ProposalWorkflow"/>, the minutes.</summary>
public static class Meetings
{
    /// <summary>The decisions a meeting takes: the committee's moves of the workflow.</summary>
    public static readonly ProposalAction[] Decisions = [ProposalAction.Certify, ProposalAction.Return, ProposalAction.Reject];

    /// <summary>A date within the house's years; 1 to 200 distinct proposals of the cluster.</summary>
    public static async Task<List<FieldError>> ValidateAsync(ClusterDb db, int clusterId, MeetingInput input, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (input.On is not { } on) errors.Add(new("on", null, "is required"));
        else if (Years.Validate(on.Year, "on") is { } e) errors.Add(e);
        var ids = input.ProposalIds ?? [];
        if (ids.Count is 0 or > CommitteeLimits.MaxAgenda) errors.Add(new("proposalIds", ids.Count.ToString(CultureInfo.InvariantCulture), $"an agenda has 1 to {CommitteeLimits.MaxAgenda} proposals"));
        else if (ids.Distinct().Count() != ids.Count) errors.Add(new("proposalIds", null, "names a proposal more than once"));
        else
        {
            var known = await db.Proposals.AsNoTracking().Where(p => p.ClusterId == clusterId && ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
            foreach (var id in ids.Except(known)) errors.Add(new("proposalIds", id.ToString(CultureInfo.InvariantCulture), "is not a proposal of this cluster"));
        }
        return errors;
    }

    public static async Task<(CommitteeMeeting? Meeting, List<FieldError> Errors)> CreateAsync(ClusterDb db, int clusterId, int committeeId, MeetingInput input, CancellationToken ct)
    {
        if (!await db.Committees.AnyAsync(c => c.Id == committeeId && c.ClusterId == clusterId, ct)) return (null, []);
        var errors = await ValidateAsync(db, clusterId, input, ct);
        if (errors.Count > 0) return (null, errors);
        var meeting = new CommitteeMeeting { ClusterId = clusterId, CommitteeId = committeeId, On = input.On!.Value };
        meeting.Items.AddRange(input.ProposalIds!.Select((id, i) => new MeetingItem { ProposalId = id, Order = i + 1 }));
        db.CommitteeMeetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return (meeting, errors);
    }

    /// <summary>The cluster's meetings, filtered and ordered by <paramref name="shape"/> before the projection (latest first by default).</summary>
    public static IQueryable<MeetingRow> Rows(ClusterDb db, int clusterId, Func<IQueryable<CommitteeMeeting>, IQueryable<CommitteeMeeting>>? shape = null) =>
        (shape ?? (q => q.OrderByDescending(m => m.On).ThenByDescending(m => m.Id)))(db.CommitteeMeetings.AsNoTracking().Where(m => m.ClusterId == clusterId))
            .Select(m => new MeetingRow(m.Id, m.CommitteeId, db.Committees.Where(c => c.Id == m.CommitteeId).Select(c => c.Name).First(), m.On, m.Items.Count, m.Items.Count(i => i.Decision != null)));

    public static async Task<MeetingDetails?> FindAsync(ClusterDb db, int clusterId, int id, CancellationToken ct)
    {
        var row = await Rows(db, clusterId, q => q.Where(m => m.Id == id)).SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var meeting = await db.CommitteeMeetings.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.Minutes, m.Version }).SingleAsync(ct);
        var items = await db.MeetingItems.AsNoTracking().Where(i => i.MeetingId == id).OrderBy(i => i.Order)
            .Join(db.Proposals, i => i.ProposalId, p => p.Id, (i, p) => new
            {
                i.Id, i.ProposalId, p.Acronym, p.Title, p.State, i.Decision, i.Reason, i.DecidedAt,
                Score = db.ProposalReviews.Where(r => r.ProposalId == p.Id).Average(r => (double?)r.WeightedScore),
                Reviews = db.ProposalReviews.Count(r => r.ProposalId == p.Id),
            }).ToListAsync(ct);
        return new MeetingDetails(row, meeting.Minutes,
            [.. items.Select(i => new MeetingItemDto(i.Id, i.ProposalId, i.Acronym, i.Title, i.State, i.Score is { } s ? Math.Round(s, 2) : null, i.Reviews, i.Decision, i.Reason, i.DecidedAt))],
            meeting.Version);
    }

    public enum DecideOutcome { Done, NotFound, Invalid, AlreadyDecided, Refused }

    /// <summary>
    /// Records the committee's decision on one item by moving its proposal through <see cref="ProposalWorkflow.TransitionAsync"/>
    /// (the same move as the proposal's own route: its checks, its history, its mail to the coordinator); the item's decision is
    /// saved in the same save, so a refused or lost move leaves the item undecided.
    /// </summary>
    public static async Task<(DecideOutcome Outcome, TransitionResult? Transition, List<FieldError> Errors)> DecideAsync(ClusterDb db, int clusterId, int meetingId, int itemId,
        DecisionInput input, string actor, DateTime now, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (input.Decision is not { } decision || !Decisions.Contains(decision))
            errors.Add(new("decision", input.Decision?.ToString(), "must be Certify, Return or Reject"));
        if (InputText.Blank(input.Reason) is { } r && InputText.CheckLines(r, ProjectLimits.Reason) is { } reason) errors.Add(new("reason", InputText.Echo(r), reason));
        if (errors.Count > 0) return (DecideOutcome.Invalid, null, errors);
        var item = await db.MeetingItems.SingleOrDefaultAsync(i => i.Id == itemId && i.MeetingId == meetingId && db.CommitteeMeetings.Any(m => m.Id == meetingId && m.ClusterId == clusterId), ct);
        if (item is null) return (DecideOutcome.NotFound, null, errors);
        if (item.Decision is not null) { db.ChangeTracker.Clear(); return (DecideOutcome.AlreadyDecided, null, errors); }
        item.Decision = input.Decision;
        item.Reason = InputText.Blank(input.Reason);
        item.DecidedAt = now;
        // The tracked item is saved by the transition's own SaveChanges, or cleared with it when the move is refused.
        var result = await ProposalWorkflow.TransitionAsync(db, clusterId, item.ProposalId, input.Decision!.Value, input.Reason, null, actor, now, ct);
        return (result.Outcome == TransitionOutcome.Done ? DecideOutcome.Done : DecideOutcome.Refused, result, errors);
    }

    public static async Task<(bool Found, List<FieldError> Errors)> SetMinutesAsync(ClusterDb db, int clusterId, int meetingId, MinutesInput input, CancellationToken ct)
    {
        var meeting = await db.CommitteeMeetings.SingleOrDefaultAsync(m => m.Id == meetingId && m.ClusterId == clusterId, ct);
        if (meeting is null) return (false, []);
        var minutes = InputText.Blank(input.Minutes);
        if (minutes is not null && InputText.CheckLines(minutes, CommitteeLimits.Minutes) is { } reason) return (true, [new("minutes", InputText.Echo(minutes), reason)]);
        meeting.Minutes = minutes;
        await db.SaveChangesAsync(ct);
        return (true, []);
    }
}
