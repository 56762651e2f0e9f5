namespace ClusterHub.Analytics.Networks;

public sealed record BetweennessOptions
{
    /// <summary>Divide by the number of pairs not involving the node, as networkx does by default.</summary>
    public bool Normalized { get; init; } = true;

    /// <summary>Estimate from this many random source nodes (pivots) instead of all: O(k·m) instead of O(n·m).</summary>
    public int? Pivots { get; init; }

    public int Seed { get; init; }

    /// <summary>Read edge weights as lengths (networkx's convention) and follow shortest weighted paths (Dijkstra).</summary>
    public bool WeightsAsDistances { get; init; }
}

/// <summary>Betweenness values, and whether they are exact or a pivot-sampled estimate.</summary>
public sealed record BetweennessResult(double[] Values, bool IsEstimate, int Sources);

/// <summary>
/// Distance statistics from shortest-path searches (hops, or weights read as lengths); <c>Connected</c>: every node reaches every other. An estimate
/// (<see cref="PathMeasures.EstimateDistances"/>) says so, and its diameter is then a lower bound.
/// </summary>
public sealed record DistanceSummary(double[] Closeness, double[] Harmonic, double Diameter, double AverageShortestPathLength, bool Connected, bool IsEstimate = false);

/// <summary>
/// Shortest-path measures over hop counts, or over weights read as lengths (Dijkstra), computed from one search per
/// source on all cores. Brandes (2001), "A faster algorithm for betweenness centrality".
/// </summary>
public static partial class PathMeasures
{
    /// <param name="g">The graph.</param>
    /// <param name="options">Normalisation, sampling and weights.</param>
    /// <param name="progress">Told the fraction of sources done, from the workers' threads.</param>
    public static BetweennessResult Betweenness(Graph g, BetweennessOptions? options = null, IProgress<double>? progress = null) =>
        Searches(g, options ?? new BetweennessOptions(), withDistances: false, progress).Betweenness;

    /// <summary>
    /// Betweenness and the distance measures of <see cref="Distances"/> (or, with pivots, of <see cref="EstimateDistances"/>
    /// from the same pivots) out of one search per source instead of two: on an undirected graph the search that
    /// counts paths for betweenness also measures the distances. A directed graph takes two passes, as closeness there
    /// looks at the distances *to* a node.
    /// </summary>
    /// <param name="g">The graph.</param>
    /// <param name="options">Normalisation, sampling (the pivots of both) and weights (read as lengths by both).</param>
    /// <param name="progress">Told the fraction of searches done, from the workers' threads.</param>
    public static (BetweennessResult Betweenness, DistanceSummary Distances) BetweennessAndDistances(Graph g, BetweennessOptions options, IProgress<double>? progress = null)
    {
        if (!g.IsDirected)
        {
            var (both, distances) = Searches(g, options, withDistances: true, progress);
            return (both, distances!);
        }
        var betweenness = Searches(g, options, withDistances: false, Half(progress, 0)).Betweenness;
        return (betweenness, options.Pivots is { } k
            ? EstimateDistances(g, k, options.Seed, Half(progress, 0.5), options.WeightsAsDistances)
            : Distances(g, Half(progress, 0.5), options.WeightsAsDistances));
    }

    /// <summary>One of two passes: its fractions mapped onto the first or the second half of the bar.</summary>
    private static HalfProgress? Half(IProgress<double>? progress, double start) => progress is null ? null : new HalfProgress(progress, start);

    private sealed class HalfProgress(IProgress<double> whole, double start) : IProgress<double>
    {
        public void Report(double value) => whole.Report(start + value / 2);
    }

    /// <summary>Brandes from every source (or pivot), measuring the distances on the way when asked (undirected graphs).</summary>
    private static (BetweennessResult Betweenness, DistanceSummary? Distances) Searches(Graph g, BetweennessOptions options, bool withDistances, IProgress<double>? progress)
    {
        var n = g.NodeCount;
        var sources = Sources(n, options.Pivots, options.Seed);
        var sampled = sources.Length < n;
        var byLength = options.WeightsAsDistances && g.IsWeighted;
        var incoming = g.IsDirected ? Topology.Reverse(g) : g; // predecessors are found along in-arcs
        var total = new double[n];
        var distances = withDistances ? new DistanceTotals(n) : null;
        ForEachSource(sources, () => new PathSearch(n, byLength, betweenness: true, tally: withDistances && sampled), (search, s) =>
        {
            search.Search(g, s);
            search.AddDependencies(incoming);
            if (distances is null) return;
            if (sampled) search.MeasureDistances();
            else distances.Measure(search, s);
        }, search =>
        {
            for (var v = 0; v < n; v++) total[v] += search.Centrality[v];
            distances?.Merge(search);
        }, progress);

        // Each unordered pair was counted from both ends in an undirected graph.
        var scale = g.IsDirected ? 1.0 : 0.5;
        if (sampled) scale *= (double)n / sources.Length;
        if (options.Normalized && n > 2) scale *= g.IsDirected ? 1.0 / ((n - 1.0) * (n - 2.0)) : 2.0 / ((n - 1.0) * (n - 2.0));
        for (var v = 0; v < n; v++) total[v] *= scale;
        var summary = distances is null ? null : sampled ? Estimate(g, distances, byLength) : distances.Exact();
        return (new BetweennessResult(total, sampled, sources.Length), summary);
    }

    /// <summary>Every node, or <paramref name="pivots"/> of them drawn uniformly with the seed (the same draw for every measure).</summary>
    private static int[] Sources(int n, int? pivots, int seed)
    {
        var sources = Enumerable.Range(0, n).ToArray();
        if (pivots is not { } k || k >= n) return sources;
        new Random(seed).Shuffle(sources);
        return sources[..Math.Max(1, k)];
    }

    /// <summary>
    /// Closeness (networkx's Wasserman–Faust form: (r/(n-1)) · (r / Σd) for the r nodes reachable),
    /// harmonic centrality (Σ 1/d), the diameter and the average shortest path length (over reachable pairs).
    /// In a directed graph the distances are those *to* the node (networkx's convention: how near the others are).
    /// </summary>
    /// <param name="g">The graph.</param>
    /// <param name="progress">Told the fraction of sources done, from the workers' threads.</param>
    /// <param name="weightsAsDistances">Read edge weights as lengths (Dijkstra), as networkx's <c>distance="weight"</c>;
    /// otherwise (or on an unweighted graph) count hops.</param>
    public static DistanceSummary Distances(Graph g, IProgress<double>? progress = null, bool weightsAsDistances = false)
    {
        var n = g.NodeCount;
        var toward = g.IsDirected ? Topology.Reverse(g) : g; // distances *to* each node, as networkx
        var byLength = weightsAsDistances && g.IsWeighted;
        var totals = new DistanceTotals(n);
        ForEachSource([.. Enumerable.Range(0, n)], () => new PathSearch(n, byLength, betweenness: false, tally: false), (search, s) =>
        {
            search.Search(toward, s);
            totals.Measure(search, s);
        }, totals.Merge, progress);
        return totals.Exact();
    }

    /// <summary>networkx's Wasserman–Faust closeness: (r/(n−1)) · (r/Σd) over the r nodes reached, 0 when none is.</summary>
    private static double Closeness(double distanceSum, int reached, int n) =>
        distanceSum == 0 || n < 2 ? 0 : (double)reached / (n - 1) * (reached / distanceSum);
}
