using BenchmarkDotNet.Attributes;
using ClusterHub.Analytics.Projects;

namespace ClusterHub.Benchmarks;

/// <summary>
/// Issue 9's conflict checks: 200 reviewers × 500 proposals against the 144,726 H2020 participations (seeded, see
/// <see cref="ReviewCalls"/>), with the window 2017–2020; the index build alone, the call's check alone, and both.
/// </summary>
[MemoryDiagnoser]
public class ConflictBenchmarks
{
    private List<Participation> participations = [];
    private CollaborationIndex index = null!;
    private List<ConflictReviewer> reviewers = [];
    private List<IReadOnlyList<string>> consortia = [];
    private Competitors competitors = Competitors.None;
    private readonly ConflictOptions options = new(ReferenceYear: 2020, Years: 3);

    [GlobalSetup]
    public void Setup()
    {
        participations = ReviewCalls.H2020();
        index = CollaborationIndex.Build(participations);
        (reviewers, consortia, competitors) = ReviewCalls.Conflicts(participations, 200, 500, seed: 42);
    }

    [Benchmark] public CollaborationIndex BuildIndex() => CollaborationIndex.Build(participations);

    [Benchmark] public int CheckCall() => ConflictRules.ForCall(reviewers, consortia, competitors, index, options).Conflicts.Count;

    [Benchmark] public int BuildIndexAndCheckCall() =>
        ConflictRules.ForCall(reviewers, consortia, competitors, CollaborationIndex.Build(participations), options).Conflicts.Count;
}

/// <summary>Issue 9's assignment: 500 proposals, 200 reviewers, k = 3, load cap 10, seeded (<see cref="ReviewCalls"/>); greedy as the baseline.</summary>
[MemoryDiagnoser]
public class AssignmentBenchmarks
{
    private Expertise expertise = null!;
    private PairMask blocked = null!;
    private readonly AssignmentOptions options = new() { ReviewersPerProposal = 3, LoadCap = 10 };

    [GlobalSetup]
    public void Setup() => (expertise, blocked) = ReviewCalls.Assignment(200, 500, seed: 42);

    [Benchmark(Baseline = true)] public double Greedy() => ReviewerAssignment.Greedy(expertise, blocked, options).TotalMatch;

    [Benchmark] public double MinCostFlow() => ReviewerAssignment.Solve(expertise, blocked, options).TotalMatch;

    /// <summary><c>review-call</c>: what the benchmarks compute, once, with wall-clock times: the figures beside them in docs/performance.md.</summary>
    public static int Describe()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var participations = ReviewCalls.H2020();
        var read = watch.Elapsed;
        var index = CollaborationIndex.Build(participations);
        var built = watch.Elapsed - read;
        var (reviewers, consortia, competitors) = ReviewCalls.Conflicts(participations, 200, 500, seed: 42);
        watch.Restart();
        var report = ConflictRules.ForCall(reviewers, consortia, competitors, index, new ConflictOptions(2020, 3));
        var checkedIn = watch.Elapsed;
        var blockedPairs = Enumerable.Range(0, 200).Sum(r => Enumerable.Range(0, 500).Count(p => report.Blocked[r, p]));
        Console.WriteLine($"H2020: {participations.Count} dated participations read in {read.TotalSeconds:0.00} s; index ({index.OrganisationCount} organisations, {index.ProjectCount} projects, {index.ParticipationCount} distinct participations) built in {built.TotalMilliseconds:0} ms");
        Console.WriteLine($"conflicts, 200 × 500: {report.Conflicts.Count} ({string.Join(", ", report.Conflicts.CountBy(c => c.Rule).Select(g => $"{g.Key} {g.Value}"))}), {blockedPairs} pairs blocked ({blockedPairs / 1000.0:0.0} %), checked in {checkedIn.TotalMilliseconds:0} ms");

        var bench = new AssignmentBenchmarks();
        bench.Setup();
        watch.Restart();
        var greedy = ReviewerAssignment.Greedy(bench.expertise, bench.blocked, bench.options);
        var greedyTime = watch.Elapsed;
        watch.Restart();
        var solved = ReviewerAssignment.Solve(bench.expertise, bench.blocked, bench.options);
        var solvedTime = watch.Elapsed;
        foreach (var (result, time) in new[] { (greedy, greedyTime), (solved, solvedTime) })
            Console.WriteLine($"assignment, {result.Method}: {result.Choices.Count} seats of 1500, total match {result.TotalMatch:0.000}, {result.Shortfalls.Count} proposals short, {time.TotalMilliseconds:0} ms");
        return 0;
    }
}
