using ClusterHub.Accounts;
using ClusterHub.Analytics.Projects;
using ClusterHub.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Projects;

public sealed record SuggestionRequest(int? K, int? LoadCap);
public sealed record SuggestedReviewer(int ProposalId, string Acronym, string UserId, string Reviewer, double Score, IReadOnlyList<MatchedTag> Why);
public sealed record SuggestionShortfall(int ProposalId, string Acronym, int Assigned, int Needed, ShortfallReason Reason, int EligibleReviewers, int ConflictedReviewers);
public sealed record SuggestionConflict(int ProposalId, string Acronym, string UserId, string Reviewer, string Evidence);
/// <summary><see cref="TagNames"/>: the name behind each tag of the choices' reasons (<c>area:A1</c>, <c>comp:WELD</c>), for people.</summary>
public sealed record Suggestion(int CallId, int K, int LoadCap, int Proposals, int Reviewers, double TotalMatch, double GreedyTotalMatch, int GreedyAssigned,
    IReadOnlyList<SuggestedReviewer> Choices, IReadOnlyList<SuggestionShortfall> Shortfalls, IReadOnlyList<SuggestionConflict> Conflicts,
    IReadOnlyDictionary<string, string> TagNames);

/// <summary>
/// The reviewers of a whole call as the engine suggests them (<see cref="ReviewerAssignment.Solve"/>, with
/// <see cref="ReviewerAssignment.Greedy"/> on the same input for comparison): the call's submitted or under-review proposals
/// that have no reviewer yet, against the reviewers who sit on a committee; conflicts block pairs; expertise is two tag families
/// (<see cref="ExpertiseProfiles"/>): each reviewer's committees' strategic areas against the proposal's area (<c>area:CODE</c>, weight 1),
/// and the reviewer's competences against those the proposal needs (<c>comp:CODE</c>, the reviewer's weighted level ÷ 4, the
/// proposal's 1). A reviewer's load cap counts what it already reviews in the call.
/// </summary>
public static class AssignmentSuggestion
{
    public const int MaxK = 10, MaxLoadCap = 500;

    public static IReadOnlyList<Members.FieldError> Validate(SuggestionRequest r)
    {
        var errors = new List<Members.FieldError>();
        if (r.K is not (>= 1 and <= MaxK)) errors.Add(new("k", r.K?.ToString(System.Globalization.CultureInfo.InvariantCulture), $"must be between 1 and {MaxK}"));
        if (r.LoadCap is not (>= 1 and <= MaxLoadCap)) errors.Add(new("loadCap", r.LoadCap?.ToString(System.Globalization.CultureInfo.InvariantCulture), $"must be between 1 and {MaxLoadCap}"));
        return errors;
    }

    public static async Task<Suggestion?> ComputeAsync(ClusterDb db, int clusterId, int callId, int k, int loadCap, int currentYear, CancellationToken ct)
    {
        var call = await db.FundingCalls.AsNoTracking().Where(c => c.Id == callId && c.ClusterId == clusterId).Select(c => new { c.OpensOn, c.ConflictYears }).SingleOrDefaultAsync(ct);
        if (call is null) return null;
        var proposals = await db.Proposals.AsNoTracking()
            .Where(p => p.CallId == callId && (p.State == ProposalState.Submitted || p.State == ProposalState.UnderReview) && !db.ReviewAssignments.Any(a => a.ProposalId == p.Id))
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Acronym, Area = db.StrategicAreas.Where(a => a.Id == p.StrategicAreaId).Select(a => a.Code).FirstOrDefault() }).ToListAsync(ct);
        var seats = await db.CommitteeMembers.AsNoTracking()
            .Where(m => db.Committees.Any(c => c.Id == m.CommitteeId && c.ClusterId == clusterId)
                && db.RoleGrants.Any(g => g.UserId == m.UserId && g.ClusterId == clusterId && g.Role == ClusterRole.Reviewer))
            .Select(m => new { m.UserId, Area = db.Committees.Where(c => c.Id == m.CommitteeId).SelectMany(c => db.StrategicAreas.Where(a => a.Id == c.StrategicAreaId)).Select(a => a.Code).First() })
            .ToListAsync(ct);
        var userIds = seats.Select(s => s.UserId).Distinct().Order(StringComparer.Ordinal).ToList();
        var emails = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.Id, ct);
        var load = await db.ReviewAssignments.AsNoTracking().Where(a => userIds.Contains(a.UserId) && db.Proposals.Any(p => p.Id == a.ProposalId && p.CallId == callId))
            .GroupBy(a => a.UserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var proposalIds = proposals.Select(p => p.Id).ToList();
        var needs = (await db.ProposalCompetences.AsNoTracking().Where(x => proposalIds.Contains(x.ProposalId)).Select(x => new { x.ProposalId, x.Competence!.Code }).ToListAsync(ct))
            .ToLookup(x => x.ProposalId, x => x.Code);
        var competences = await ExpertiseProfiles.CompetenceTagsAsync(db, clusterId, userIds, ct);

        var context = await ReviewConflicts.LoadAsync(db, clusterId, userIds, [.. proposals.Select(p => p.Id)], new ConflictOptions(call.OpensOn.Year, call.ConflictYears), currentYear, ct);
        var report = ConflictRules.ForCall(context.Reviewers, [.. context.Proposals.Select(p => p.Keys)], context.Competitors, context.Index, context.Options);
        var expertise = Expertise.Build(
            [.. userIds.Select(u => (IReadOnlyList<WeightedTag>)[
                .. seats.Where(s => s.UserId == u).Select(s => s.Area).Distinct().Select(a => new WeightedTag(ExpertiseProfiles.AreaPrefix + a, 1)),
                .. competences[u]])],
            [.. proposals.Select(p => (IReadOnlyList<WeightedTag>)[
                .. (p.Area is null ? [] : new[] { new WeightedTag(ExpertiseProfiles.AreaPrefix + p.Area, 1) }),
                .. needs[p.Id].Select(c => new WeightedTag(ExpertiseProfiles.CompetencePrefix + c, 1))])]);
        var options = new AssignmentOptions { ReviewersPerProposal = k, LoadCap = loadCap, LoadCaps = [.. userIds.Select(u => Math.Max(0, loadCap - load.GetValueOrDefault(u)))] };
        AssignmentResult solved, greedy;
        if (proposals.Count == 0 || userIds.Count == 0)
            solved = greedy = new AssignmentResult(AssignmentMethod.MinCostFlow, [], 0, []);
        else
        {
            solved = ReviewerAssignment.Solve(expertise, report.Blocked, options);
            greedy = ReviewerAssignment.Greedy(expertise, report.Blocked, options);
        }
        return new Suggestion(callId, k, loadCap, proposals.Count, userIds.Count, Math.Round(solved.TotalMatch, 4), Math.Round(greedy.TotalMatch, 4), greedy.Choices.Count,
            [.. solved.Choices.Select(c => new SuggestedReviewer(proposals[c.Proposal].Id, proposals[c.Proposal].Acronym, userIds[c.Reviewer], emails[userIds[c.Reviewer]], Math.Round(c.Score, 4), c.MatchedTags))],
            [.. solved.Shortfalls.Select(s => new SuggestionShortfall(proposals[s.Proposal].Id, proposals[s.Proposal].Acronym, s.Assigned, s.Needed, s.Reason, s.EligibleReviewers, s.ConflictedReviewers))],
            [.. report.Conflicts.Select(c => new SuggestionConflict(proposals[c.Proposal].Id, proposals[c.Proposal].Acronym, userIds[c.Reviewer], emails[userIds[c.Reviewer]], context.Describe(c).Evidence))],
            (await ExpertiseProfiles.TagNamesAsync(db, clusterId, ct)).Where(n => solved.Choices.Any(c => c.MatchedTags.Any(t => t.Tag == n.Key))).ToDictionary(StringComparer.Ordinal));
    }

    /// <summary>
    /// Computes the suggestion again and creates its assignments, with the reviewers' e-mails, in one transaction: nothing is
    /// created when any of them fails (e.g. someone assigned one of the pairs meanwhile).
    /// </summary>
    public static async Task<(Suggestion? Suggestion, int Created)> AcceptAsync(ClusterDb db, int clusterId, int callId, int k, int loadCap, DateTime now, CancellationToken ct)
    {
        var suggestion = await ComputeAsync(db, clusterId, callId, k, loadCap, now.Year, ct);
        if (suggestion is null || suggestion.Choices.Count == 0) return (suggestion, 0);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var c in suggestion.Choices)
            db.ReviewAssignments.Add(new ReviewAssignment { ProposalId = c.ProposalId, UserId = c.UserId, AssignedAt = now });
        await Assignments.QueueAsync(db, clusterId, [.. suggestion.Choices.Select(c => (c.ProposalId, c.UserId))], now, ct);
        db.ChangeReason = $"Assignment suggestion for call {callId} accepted (k = {k}, load cap {loadCap})";
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (suggestion, suggestion.Choices.Count);
    }
}
