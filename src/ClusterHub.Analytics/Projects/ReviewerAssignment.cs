using System.Diagnostics;
using Google.OrTools.Graph;

namespace ClusterHub.Analytics.Projects;

/// <summary>How many reviewers each proposal needs and how many proposals a reviewer may take.</summary>
public sealed record AssignmentOptions
{
    /// <summary>k: reviewers per proposal.</summary>
    public int ReviewersPerProposal { get; init; } = 3;

    /// <summary>The load cap of every reviewer without one of its own in <see cref="LoadCaps"/>.</summary>
    public int LoadCap { get; init; } = 10;

    /// <summary>Optional caps per reviewer (by index), overriding <see cref="LoadCap"/>.</summary>
    public IReadOnlyList<int>? LoadCaps { get; init; }

    internal int[] CapsFor(int reviewers)
    {
        // Messages name the option: the options record is what the caller passed.
        if (ReviewersPerProposal < 1) throw new ArgumentException($"ReviewersPerProposal is {ReviewersPerProposal}: a proposal needs at least one reviewer");
        if (LoadCap < 0) throw new ArgumentException($"LoadCap is {LoadCap}: a load cap is ≥ 0");
        if (LoadCaps is null) return Enumerable.Repeat(LoadCap, reviewers).ToArray();
        if (LoadCaps.Count != reviewers) throw new ArgumentException($"{LoadCaps.Count} load caps for {reviewers} reviewers");
        if (LoadCaps.Any(c => c < 0)) throw new ArgumentException("LoadCaps: a load cap is ≥ 0");
        return [.. LoadCaps];
    }
}

public enum AssignmentMethod
{
    /// <summary>Optimal: a min-cost flow (OR-Tools).</summary>
    MinCostFlow,

    /// <summary>For comparison: pairs taken best match first while both sides have room.</summary>
    Greedy,
}

/// <summary>A reviewer given a proposal, with why: the match and the tags behind it.</summary>
public sealed record ReviewerChoice(int Reviewer, int Proposal, double Score, IReadOnlyList<MatchedTag> MatchedTags);

public enum ShortfallReason
{
    /// <summary>Fewer reviewers than k are free of conflict with the proposal (or have any capacity at all).</summary>
    TooFewEligibleReviewers,

    /// <summary>Enough reviewers are free of conflict, but those not given it are all at their load cap.</summary>
    EligibleReviewersAtLoadCap,
}

/// <summary>A proposal that did not get its k reviewers (<paramref name="Needed"/>) but <paramref name="Assigned"/>, and why.</summary>
/// <param name="Proposal">The proposal, by index.</param>
/// <param name="Assigned">Reviewers it got.</param>
/// <param name="Needed">k.</param>
/// <param name="Reason">Why it got no more.</param>
/// <param name="EligibleReviewers">Reviewers free of conflict with it and with a load cap above 0.</param>
/// <param name="ConflictedReviewers">Reviewers a conflict keeps from it.</param>
/// <param name="ReviewersAtLoadCap">For <see cref="ShortfallReason.EligibleReviewersAtLoadCap"/>: the eligible reviewers
/// not given it, every one of them at its cap (taken by other proposals).</param>
public sealed record Shortfall(int Proposal, int Assigned, int Needed, ShortfallReason Reason, int EligibleReviewers, int ConflictedReviewers, IReadOnlyList<int> ReviewersAtLoadCap);

/// <summary>An assignment of a call: the choices by proposal (best match first), their total, and the proposals left short.</summary>
public sealed record AssignmentResult(AssignmentMethod Method, IReadOnlyList<ReviewerChoice> Choices, double TotalMatch, IReadOnlyList<Shortfall> Shortfalls)
{
    /// <summary>Every proposal has its k reviewers.</summary>
    public bool IsComplete => Shortfalls.Count == 0;
}

/// <summary>
/// Reviewers for a whole call: each proposal gets k reviewers, nobody over a load cap, no blocked (conflicted) pair,
/// and the greatest total match. The objective is lexicographic: first as many of the k × proposals seats filled as the
/// constraints allow, then the greatest total match among such assignments — a suggestion that leaves a proposal
/// without a reviewer to gain match elsewhere is not a better one. When every proposal can get k reviewers, this is
/// exactly "maximise the total match".
/// </summary>
public static class ReviewerAssignment
{
    /// <summary>Costs are integers: the best match costs 0 and a match of 0 costs this, so rounding moves a total by under 1e-7 per seat.</summary>
    private const double CostResolution = 1e7;

    /// <summary>
    /// The optimal assignment, as a min-cost max-flow: source → proposal (capacity k), proposal → reviewer (capacity 1,
    /// for every pair not blocked, cost falling as the match rises), reviewer → sink (capacity its load cap). A maximum
    /// flow fills as many seats as possible; of those, the cheapest has the greatest total match. Solved by OR-Tools'
    /// <see cref="MinCostFlow"/> (cost scaling push-relabel), which is integral, so each arc carries 0 or 1 reviewer.
    /// </summary>
    public static AssignmentResult Solve(Expertise expertise, PairMask blocked, AssignmentOptions options)
    {
        var (caps, k, reviewers, proposals) = Validate(expertise, blocked, options);
        var scores = Scores(expertise, blocked);
        var best = scores.Length == 0 ? 0 : scores.Max(s => s.Score);
        var scale = best > 0 ? CostResolution / best : 1;

        int Proposal(int p) => 1 + p;
        int Reviewer(int r) => 1 + proposals + r;
        var (source, sink) = (0, 1 + proposals + reviewers);
        using var flow = new MinCostFlow();
        for (var p = 0; p < proposals; p++) flow.AddArcWithCapacityAndUnitCost(source, Proposal(p), k, 0);
        var firstPairArc = proposals;
        foreach (var (r, p, s) in scores)
            flow.AddArcWithCapacityAndUnitCost(Proposal(p), Reviewer(r), 1, (long)Math.Round((best - s) * scale));
        for (var r = 0; r < reviewers; r++) flow.AddArcWithCapacityAndUnitCost(Reviewer(r), sink, caps[r], 0);
        var seats = (long)k * proposals;
        flow.SetNodeSupply(source, seats);
        flow.SetNodeSupply(sink, -seats);
        var status = flow.SolveMaxFlowWithMinCost();
        if (status != MinCostFlowBase.Status.OPTIMAL)
            throw new InvalidOperationException($"the min-cost flow solver answered {status}");

        var chosen = new List<(int Reviewer, int Proposal, double Score)>();
        for (var i = 0; i < scores.Length; i++)
            if (flow.Flow(firstPairArc + i) == 1) chosen.Add(scores[i]);
        return Result(AssignmentMethod.MinCostFlow, expertise, blocked, caps, k, chosen);
    }

    /// <summary>The greedy assignment: every pair not blocked, best match first (ties: by reviewer, then proposal), taken while the proposal needs a reviewer and the reviewer has room.</summary>
    public static AssignmentResult Greedy(Expertise expertise, PairMask blocked, AssignmentOptions options)
    {
        var (caps, k, reviewers, proposals) = Validate(expertise, blocked, options);
        var scores = Scores(expertise, blocked);
        // Stable sort keeps the (reviewer, proposal) order of Scores among equal matches.
        var order = scores.Select((s, i) => (s.Score, i)).OrderByDescending(x => x.Score).Select(x => x.i).ToArray();
        var (load, seats) = (new int[reviewers], new int[proposals]);
        var chosen = new List<(int Reviewer, int Proposal, double Score)>();
        foreach (var i in order)
        {
            var (r, p, _) = scores[i];
            if (seats[p] == k || load[r] == caps[r]) continue;
            seats[p]++;
            load[r]++;
            chosen.Add(scores[i]);
        }
        return Result(AssignmentMethod.Greedy, expertise, blocked, caps, k, chosen);
    }

    private static (int[] Caps, int K, int Reviewers, int Proposals) Validate(Expertise expertise, PairMask blocked, AssignmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(expertise);
        ArgumentNullException.ThrowIfNull(blocked);
        ArgumentNullException.ThrowIfNull(options);
        if (blocked.Reviewers != expertise.ReviewerCount || blocked.Proposals != expertise.ProposalCount)
            throw new ArgumentException($"the conflicts cover {blocked.Reviewers} × {blocked.Proposals} pairs, the expertise {expertise.ReviewerCount} × {expertise.ProposalCount}", nameof(blocked));
        return (options.CapsFor(expertise.ReviewerCount), options.ReviewersPerProposal, expertise.ReviewerCount, expertise.ProposalCount);
    }

    /// <summary>Every pair not blocked with its match, by reviewer then proposal.</summary>
    private static (int Reviewer, int Proposal, double Score)[] Scores(Expertise expertise, PairMask blocked)
    {
        var pairs = new List<(int, int, double)>(expertise.ReviewerCount * expertise.ProposalCount);
        for (var r = 0; r < expertise.ReviewerCount; r++)
            for (var p = 0; p < expertise.ProposalCount; p++)
                if (!blocked[r, p]) pairs.Add((r, p, expertise.Score(r, p)));
        return [.. pairs];
    }

    /// <summary>The choices with their reasons, and every proposal left short with why.</summary>
    private static AssignmentResult Result(AssignmentMethod method, Expertise expertise, PairMask blocked, int[] caps, int k,
        List<(int Reviewer, int Proposal, double Score)> chosen)
    {
        var (reviewers, proposals) = (expertise.ReviewerCount, expertise.ProposalCount);
        var load = new int[reviewers];
        var given = new List<int>[proposals];
        for (var p = 0; p < proposals; p++) given[p] = [];
        foreach (var (r, p, _) in chosen)
        {
            load[r]++;
            given[p].Add(r);
        }
        var shortfalls = new List<Shortfall>();
        for (var p = 0; p < proposals; p++)
        {
            if (given[p].Count >= k) continue;
            var conflicted = 0;
            var eligible = new List<int>();
            for (var r = 0; r < reviewers; r++)
            {
                if (blocked[r, p]) conflicted++;
                else if (caps[r] > 0) eligible.Add(r);
            }
            // Both methods leave a proposal short only when every eligible reviewer not given it is full: the flow is
            // maximum (a free one would be an augmenting path), and greedy saw every pair.
            var atCap = eligible.Where(r => !given[p].Contains(r)).ToList();
            Debug.Assert(atCap.All(r => load[r] == caps[r]));
            shortfalls.Add(eligible.Count < k
                ? new Shortfall(p, given[p].Count, k, ShortfallReason.TooFewEligibleReviewers, eligible.Count, conflicted, [])
                : new Shortfall(p, given[p].Count, k, ShortfallReason.EligibleReviewersAtLoadCap, eligible.Count, conflicted, atCap));
        }
        var choices = chosen
            .OrderBy(c => c.Proposal).ThenByDescending(c => c.Score).ThenBy(c => c.Reviewer)
            .Select(c => new ReviewerChoice(c.Reviewer, c.Proposal, c.Score, expertise.Explain(c.Reviewer, c.Proposal)))
            .ToList();
        return new AssignmentResult(method, choices, chosen.Sum(c => c.Score), shortfalls);
    }
}
