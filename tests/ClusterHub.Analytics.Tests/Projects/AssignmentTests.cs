using ClusterHub.Analytics.Projects;

namespace ClusterHub.Analytics.Tests.Projects;

/// <summary>
/// The reviewer assignment: its constraints on seeded random calls, its optimality against brute force on tiny calls,
/// its advantage over greedy, its explanations and its reasons for proposals left short.
/// </summary>
public class AssignmentTests
{
    /// <summary>A seeded random call: weighted tags from a small vocabulary (so matches vary and tie), about one pair in eight blocked.</summary>
    internal sealed record Call(Expertise Expertise, PairMask Blocked, AssignmentOptions Options)
    {
        public static Call Random(int seed, int reviewers, int proposals, int k, int maxCap, double blockedShare = 0.125)
        {
            var random = new Random(seed);
            string[] vocabulary = ["area:eco-manufacturing", "area:high-performance", "area:dismantling", .. Enumerable.Range(0, 9).Select(i => $"competence:{i}")];
            IReadOnlyList<WeightedTag> Profile() =>
                [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => new WeightedTag(vocabulary[random.Next(vocabulary.Length)], Math.Round(random.NextDouble(), 2)))];
            var expertise = Expertise.Build([.. Enumerable.Range(0, reviewers).Select(_ => Profile())], [.. Enumerable.Range(0, proposals).Select(_ => Profile())]);
            var blocked = new PairMask(reviewers, proposals);
            for (var r = 0; r < reviewers; r++)
                for (var p = 0; p < proposals; p++)
                    if (random.NextDouble() < blockedShare) blocked.Set(r, p);
            var caps = Enumerable.Range(0, reviewers).Select(_ => random.Next(0, maxCap + 1)).ToArray();
            return new Call(expertise, blocked, new AssignmentOptions { ReviewersPerProposal = k, LoadCaps = caps });
        }

        public AssignmentResult Solve() => ReviewerAssignment.Solve(Expertise, Blocked, Options);
        public AssignmentResult Greedy() => ReviewerAssignment.Greedy(Expertise, Blocked, Options);
    }

    /// <summary>What every assignment must be, whatever the method.</summary>
    private static void AssertValid(Call call, AssignmentResult result)
    {
        var (expertise, blocked, options) = (call.Expertise, call.Blocked, call.Options);
        var k = options.ReviewersPerProposal;
        var caps = options.LoadCaps!;
        Assert.Equal(result.Choices.Count, result.Choices.Select(c => (c.Reviewer, c.Proposal)).Distinct().Count());
        foreach (var c in result.Choices)
        {
            Assert.False(blocked[c.Reviewer, c.Proposal], $"reviewer {c.Reviewer} is in conflict with proposal {c.Proposal}");
            Assert.Equal(expertise.Score(c.Reviewer, c.Proposal), c.Score);
            Assert.Equal(c.Score, c.MatchedTags.Sum(t => t.Contribution), 9); // the explanation adds up to the score
        }
        var load = result.Choices.CountBy(c => c.Reviewer).ToDictionary();
        foreach (var (r, n) in load) Assert.True(n <= caps[r], $"reviewer {r} has {n} proposals, over its cap of {caps[r]}");
        var seats = result.Choices.CountBy(c => c.Proposal).ToDictionary();
        Assert.All(seats.Values, n => Assert.True(n <= k));
        Assert.Equal(result.Choices.Sum(c => c.Score), result.TotalMatch, 9);

        var shortProposals = Enumerable.Range(0, expertise.ProposalCount).Where(p => seats.GetValueOrDefault(p) < k).ToList();
        Assert.Equal(shortProposals, result.Shortfalls.Select(s => s.Proposal));
        foreach (var s in result.Shortfalls)
        {
            var eligible = Enumerable.Range(0, expertise.ReviewerCount).Where(r => !blocked[r, s.Proposal] && caps[r] > 0).ToList();
            Assert.Equal((seats.GetValueOrDefault(s.Proposal), k, eligible.Count), (s.Assigned, s.Needed, s.EligibleReviewers));
            Assert.Equal(Enumerable.Range(0, expertise.ReviewerCount).Count(r => blocked[r, s.Proposal]), s.ConflictedReviewers);
            if (s.Reason == ShortfallReason.TooFewEligibleReviewers) Assert.True(eligible.Count < k);
            else
            {
                Assert.True(eligible.Count >= k);
                var notGiven = eligible.Where(r => !result.Choices.Any(c => c.Reviewer == r && c.Proposal == s.Proposal)).ToList();
                Assert.Equal(notGiven, s.ReviewersAtLoadCap);
                Assert.All(notGiven, r => Assert.Equal(caps[r], load.GetValueOrDefault(r)));
            }
        }
    }

    [Theory]
    [InlineData(1, 30, 30, 3, 8)]     // ample capacity: every proposal served
    [InlineData(2, 12, 30, 3, 4)]     // short of capacity: some proposals cannot be served
    [InlineData(3, 30, 60, 2, 5)]
    [InlineData(4, 5, 10, 4, 10)]     // k close to the number of reviewers: conflicts leave proposals short
    [InlineData(5, 40, 20, 1, 1)]
    [InlineData(6, 60, 50, 3, 9)]
    public void Constraints_always_hold_and_the_solver_is_never_worse_than_greedy(int seed, int reviewers, int proposals, int k, int maxCap)
    {
        var call = Call.Random(seed, reviewers, proposals, k, maxCap);
        var (solved, greedy) = (call.Solve(), call.Greedy());
        AssertValid(call, solved);
        AssertValid(call, greedy);
        Assert.Equal(AssignmentMethod.MinCostFlow, solved.Method);
        // Lexicographic: more seats filled, or as many with at least the same total match.
        Assert.True(solved.Choices.Count >= greedy.Choices.Count);
        if (solved.Choices.Count == greedy.Choices.Count) Assert.True(solved.TotalMatch >= greedy.TotalMatch - 1e-6);
    }

    [Fact]
    public void Seeded_random_calls_cover_complete_and_short_assignments()
    {
        // Guards the theory above against seeds that never exercise a shortfall reason.
        var results = new[] { (1, 30, 30, 3, 8), (2, 12, 30, 3, 4), (4, 5, 10, 4, 10) }
            .Select(c => Call.Random(c.Item1, c.Item2, c.Item3, c.Item4, c.Item5).Solve()).ToList();
        Assert.Contains(results, r => r.IsComplete);
        Assert.Contains(results, r => r.Shortfalls.Any(s => s.Reason == ShortfallReason.EligibleReviewersAtLoadCap));
        Assert.Contains(results, r => r.Shortfalls.Any(s => s.Reason == ShortfallReason.TooFewEligibleReviewers));
    }

    /// <summary>Every assignment of a tiny call, enumerated: the best (seats, then total match).</summary>
    private static (int Seats, double Total) BruteForce(Call call)
    {
        var (e, blocked, k, caps) = (call.Expertise, call.Blocked, call.Options.ReviewersPerProposal, call.Options.LoadCaps!);
        var load = new int[e.ReviewerCount];
        var best = (Seats: -1, Total: 0.0);
        void Assign(int p, int seats, double total)
        {
            if (p == e.ProposalCount)
            {
                if (seats > best.Seats || (seats == best.Seats && total > best.Total)) best = (seats, total);
                return;
            }
            // Every subset of at most k eligible reviewers with room, as a bit mask over reviewers.
            for (var mask = 0; mask < 1 << e.ReviewerCount; mask++)
            {
                var members = Enumerable.Range(0, e.ReviewerCount).Where(r => (mask >> r & 1) == 1).ToList();
                if (members.Count > k || members.Any(r => blocked[r, p] || load[r] == caps[r])) continue;
                foreach (var r in members) load[r]++;
                Assign(p + 1, seats + members.Count, total + members.Sum(r => e.Score(r, p)));
                foreach (var r in members) load[r]--;
            }
        }
        Assign(0, 0, 0);
        return best;
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 2)]
    [InlineData(3, 1)]
    [InlineData(4, 2)]
    [InlineData(5, 3)]
    [InlineData(6, 2)]
    [InlineData(7, 1)]
    [InlineData(8, 2)]
    public void The_solver_is_optimal_on_tiny_calls(int seed, int k)
    {
        var call = Call.Random(seed, reviewers: 4, proposals: 4, k, maxCap: 3, blockedShare: 0.2);
        var solved = call.Solve();
        var (seats, total) = BruteForce(call);
        Assert.Equal(seats, solved.Choices.Count);
        Assert.Equal(total, solved.TotalMatch, 5);
    }

    /// <summary>
    /// A seeded call built to trap greedy: in each block, generalists A match proposal X best and Y almost as well,
    /// specialists B match X fairly and Y not at all. Greedy gives X the generalists, so Y gets the specialists (0);
    /// the optimum gives Y the generalists and X the specialists. Random weights keep A·X &gt; A·Y &gt; B·X and
    /// A·Y + B·X &gt; A·X.
    /// </summary>
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void The_solver_beats_greedy_on_a_call_built_to_trap_it(int seed)
    {
        var random = new Random(seed);
        const int k = 3;
        var reviewers = new List<IReadOnlyList<WeightedTag>>();
        var proposals = new List<IReadOnlyList<WeightedTag>>();
        double expectedOptimum = 0, expectedGreedy = 0;
        for (var block = 0; block < 10; block++)
        {
            var (x, y) = ($"x{block}", $"y{block}");
            var ax = 0.8 + 0.2 * random.NextDouble();
            var ay = 0.6 + 0.15 * random.NextDouble();
            var bx = 0.4 + 0.15 * random.NextDouble();
            for (var i = 0; i < k; i++) reviewers.Add([new(x, ax), new(y, ay)]);   // A: generalists
            for (var i = 0; i < k; i++) reviewers.Add([new(x, bx)]);               // B: specialists
            proposals.Add([new(x, 1)]);
            proposals.Add([new(y, 1)]);
            expectedGreedy += k * ax;
            expectedOptimum += k * (ay + bx);
        }
        var expertise = Expertise.Build(reviewers, proposals);
        var call = new Call(expertise, new PairMask(reviewers.Count, proposals.Count), new AssignmentOptions { ReviewersPerProposal = k, LoadCaps = [.. reviewers.Select(_ => 1)] });
        var (solved, greedy) = (call.Solve(), call.Greedy());
        AssertValid(call, solved);
        AssertValid(call, greedy);
        Assert.True(solved.IsComplete && greedy.IsComplete);
        Assert.Equal(expectedGreedy, greedy.TotalMatch, 6);
        Assert.Equal(expectedOptimum, solved.TotalMatch, 6);
        Assert.True(solved.TotalMatch > greedy.TotalMatch + 1);
        // Why the first block's Y got its reviewers: the generalists' y0 tag.
        var y0 = solved.Choices.Where(c => c.Proposal == 1).ToList();
        Assert.Equal([0, 1, 2], y0.Select(c => c.Reviewer));
        Assert.All(y0, c => Assert.Equal("y0", Assert.Single(c.MatchedTags).Tag));
    }

    [Fact]
    public void A_proposal_with_too_few_reviewers_free_of_conflict_is_reported_with_its_counts()
    {
        var expertise = Expertise.Build([[new("a", 1)], [new("a", 1)], [new("a", 1)]], [[new("a", 1)], [new("a", 0.5)]]);
        var blocked = new PairMask(3, 2);
        blocked.Set(0, 1);
        blocked.Set(1, 1);
        var result = ReviewerAssignment.Solve(expertise, blocked, new AssignmentOptions { ReviewersPerProposal = 2, LoadCap = 1 });
        Assert.Equal([new Shortfall(1, 1, 2, ShortfallReason.TooFewEligibleReviewers, 1, 2, [])], result.Shortfalls);
        Assert.Equal([(0, 0), (1, 0), (2, 1)], result.Choices.Select(c => (c.Reviewer, c.Proposal)));
    }

    [Fact]
    public void A_chairs_override_frees_a_blocked_pair_for_the_solver()
    {
        var expertise = Expertise.Build([[new("a", 1)], [new("a", 0.1)]], [[new("a", 1)]]);
        var blocked = new PairMask(2, 1);
        blocked.Set(0, 0);
        var options = new AssignmentOptions { ReviewersPerProposal = 1 };
        Assert.Equal(1, Assert.Single(ReviewerAssignment.Solve(expertise, blocked, options).Choices).Reviewer);
        blocked.Clear(0, 0);
        Assert.Equal(0, Assert.Single(ReviewerAssignment.Solve(expertise, blocked, options).Choices).Reviewer);
    }

    [Fact]
    public void A_proposal_whose_free_reviewers_are_all_taken_is_reported_with_them()
    {
        // Two proposals, k = 2, three reviewers of one proposal each: one proposal gets one reviewer only.
        var expertise = Expertise.Build([[new("a", 1)], [new("a", 1)], [new("b", 1)]], [[new("a", 1)], [new("a", 1), new("b", 1)]]);
        var result = ReviewerAssignment.Solve(expertise, new PairMask(3, 2), new AssignmentOptions { ReviewersPerProposal = 2, LoadCap = 1 });
        var shortfall = Assert.Single(result.Shortfalls);
        Assert.Equal((ShortfallReason.EligibleReviewersAtLoadCap, 1, 3, 0), (shortfall.Reason, shortfall.Assigned, shortfall.EligibleReviewers, shortfall.ConflictedReviewers));
        Assert.Equal(2, shortfall.ReviewersAtLoadCap.Count);
        Assert.Equal(3, result.Choices.Count);
    }

    [Fact]
    public void A_reviewer_without_capacity_is_not_eligible_and_a_call_without_pairs_is_all_short()
    {
        var expertise = Expertise.Build([[new("a", 1)]], [[new("a", 1)]]);
        var result = ReviewerAssignment.Solve(expertise, new PairMask(1, 1), new AssignmentOptions { ReviewersPerProposal = 1, LoadCaps = [0] });
        Assert.Equal([new Shortfall(0, 0, 1, ShortfallReason.TooFewEligibleReviewers, 0, 0, [])], result.Shortfalls);
        var none = ReviewerAssignment.Solve(Expertise.Build([], [[new("a", 1)]]), new PairMask(0, 1), new AssignmentOptions());
        Assert.Equal(ShortfallReason.TooFewEligibleReviewers, Assert.Single(none.Shortfalls).Reason);
    }

    [Fact]
    public void Matches_are_weighted_tag_products_explained_largest_first()
    {
        var expertise = Expertise.Build(
            [[new("area:dismantling", 1), new("competence:robotics", 0.5), new("competence:robotics", 0.25), new("area:eco", 0.2)]],
            [[new("competence:robotics", 0.8), new("area:dismantling", 0.5), new("competence:welding", 1)]]);
        Assert.Equal(0.75 * 0.8 + 1 * 0.5, expertise.Score(0, 0), 12); // a repeated tag's weights add up
        Assert.Equal(["competence:robotics", "area:dismantling"], expertise.Explain(0, 0).Select(t => t.Tag));
    }

    [Fact]
    public void Bad_options_and_weights_are_refused()
    {
        var expertise = Expertise.Build([[new("a", 1)]], [[new("a", 1)]]);
        Assert.Throws<ArgumentException>(() => Expertise.Build([[new("a", -1)]], []));
        Assert.Throws<ArgumentException>(() => Expertise.Build([], [[new("a", double.NaN)]]));
        Assert.Throws<ArgumentException>(() => ReviewerAssignment.Solve(expertise, new PairMask(1, 1), new AssignmentOptions { ReviewersPerProposal = 0 }));
        Assert.Throws<ArgumentException>(() => ReviewerAssignment.Greedy(expertise, new PairMask(1, 1), new AssignmentOptions { LoadCaps = [1, 2] }));
        Assert.Throws<ArgumentException>(() => ReviewerAssignment.Solve(expertise, new PairMask(2, 1), new AssignmentOptions()));
    }
}
