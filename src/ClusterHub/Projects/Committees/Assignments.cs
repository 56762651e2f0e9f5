using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Outbox;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Projects;

public enum AssignOutcome
{
    Assigned,
    /// <summary>The reviewer already had the proposal: nothing changed.</summary>
    AlreadyAssigned,
    NotFound,
    NotReviewer,
    /// <summary>A conflict of interest blocks it; the evidence comes with the outcome.</summary>
    Conflicted,
    /// <summary>Only the chair of the proposal's committee overrides a conflict.</summary>
    NotChair,
    /// <summary>An override needs a written reason.</summary>
    ReasonRequired,
}

public sealed record AssignResult(AssignOutcome Outcome, IReadOnlyList<ConflictEvidence>? Conflicts = null);

/// <summary>
/// Assigning reviewers: every assignment (by hand, by the chair's override, or accepted from the suggestion) goes through here,
/// runs the conflict rules first, and queues the reviewer's e-mail in the same save.
/// </summary>
public static class Assignments
{
    /// <summary>
    /// Assigns <paramref name="userId"/> to a proposal. A conflict refuses it with its evidence, unless <paramref name="overrideReason"/> is
    /// given by the chair of the proposal's committee: then the assignment records the conflicts, the reason and the chair, and the
    /// change history carries the reason.
    /// </summary>
    public static async Task<AssignResult> AssignAsync(ClusterDb db, int clusterId, int proposalId, string? userId, string? overrideReason, string? chairUserId,
        string actor, DateTime now, CancellationToken ct)
    {
        if (!await db.Proposals.AnyAsync(p => p.Id == proposalId && p.ClusterId == clusterId, ct)) return new(AssignOutcome.NotFound);
        if (userId is null || !await db.RoleGrants.AnyAsync(g => g.UserId == userId && g.ClusterId == clusterId && g.Role == ClusterRole.Reviewer, ct))
            return new(AssignOutcome.NotReviewer);
        if (await db.ReviewAssignments.AnyAsync(a => a.ProposalId == proposalId && a.UserId == userId, ct)) return new(AssignOutcome.AlreadyAssigned);
        var isOverride = chairUserId is not null;
        var reason = InputText.Required(overrideReason, ProjectLimits.Reason);
        if (isOverride && reason is null) return new(AssignOutcome.ReasonRequired);
        if (isOverride && !await Committees.ChairsAsync(db, proposalId, chairUserId, ct)) return new(AssignOutcome.NotChair);
        var conflicts = await ReviewConflicts.CheckAsync(db, clusterId, proposalId, userId, now.Year, ct);
        if (conflicts.Count > 0 && !isOverride) return new(AssignOutcome.Conflicted, conflicts);
        var assignment = new ReviewAssignment { ProposalId = proposalId, UserId = userId, AssignedAt = now };
        if (isOverride && conflicts.Count > 0)
        {
            assignment.OverriddenConflicts = Truncate(string.Join("; ", conflicts.Select(c => c.Evidence)), ProjectLimits.Text);
            assignment.OverrideReason = reason;
            assignment.OverriddenBy = actor;
            db.ChangeReason = Truncate("Conflict overridden by the committee chair: " + reason, ProjectLimits.Reason);
        }
        db.ReviewAssignments.Add(assignment);
        await QueueAsync(db, clusterId, [(proposalId, userId)], now, ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (UniqueViolation.Is(e)) { db.ChangeTracker.Clear(); return new(AssignOutcome.AlreadyAssigned); }
        return new(AssignOutcome.Assigned, conflicts);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>Queues one e-mail per reviewer listing the proposals it was given, in the cluster's language.</summary>
    public static async Task QueueAsync(ClusterDb db, int clusterId, IReadOnlyList<(int ProposalId, string UserId)> pairs, DateTime now, CancellationToken ct)
    {
        var userIds = pairs.Select(p => p.UserId).Distinct().ToList();
        var proposalIds = pairs.Select(p => p.ProposalId).Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.Email != null).ToDictionaryAsync(u => u.Id, u => u.Email!, ct);
        var acronyms = await db.Proposals.AsNoTracking().Where(p => proposalIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => $"{p.Acronym} ({p.Title})", ct);
        var cluster = await db.Clusters.AsNoTracking().Where(c => c.Id == clusterId).Select(c => new { c.Name, c.Language }).SingleAsync(ct);
        var culture = MailTexts.Culture(cluster.Language);
        foreach (var group in pairs.GroupBy(p => p.UserId))
        {
            if (!emails.TryGetValue(group.Key, out var email)) continue;
            var list = string.Join("\n", group.Select(p => "- " + acronyms[p.ProposalId]));
            db.OutboxMessages.Add(OutboxMessage.Create(MessageKind.ReviewAssignment, clusterId, email,
                MailTexts.Text(culture, "Mail.ReviewAssignment.Subject", cluster.Name, group.Count()),
                MailTexts.Text(culture, "Mail.ReviewAssignment.Body", list, cluster.Name), now));
        }
    }

    /// <summary>The refusals in English for the API (pages translate <c>Projects.Assign.{outcome}</c>).</summary>
    public static string English(AssignResult r) => r.Outcome switch
    {
        AssignOutcome.NotFound => "No such proposal.",
        AssignOutcome.NotReviewer => "is not a reviewer of this cluster",
        AssignOutcome.Conflicted => "The reviewer has a conflict of interest with this proposal: " + string.Join("; ", r.Conflicts!.Select(c => c.Evidence)) + ". The committee's chair may override it with a written reason.",
        AssignOutcome.NotChair => "Only the chair of the proposal's committee overrides a conflict of interest.",
        AssignOutcome.ReasonRequired => "An override needs a written reason.",
        _ => r.Outcome.ToString(),
    };
}
