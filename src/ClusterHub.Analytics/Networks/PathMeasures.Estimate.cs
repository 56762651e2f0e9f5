namespace ClusterHub.Analytics.Networks;

public static partial class PathMeasures
{
    /// <summary>Fewer pivots than this in a node's component (and not all of it): too few to average, search exactly.</summary>
    private const int MinimumPivots = 10;

    /// <summary>
    /// Closeness and harmonic centrality estimated from shortest-path searches out of <paramref name="pivots"/> random
    /// sources (Eppstein &amp; Wang 2004), for graphs where one search per node is too much: O(k·m) instead of O(n·m).
    /// A node's mean distance to the pivots in its component stands for its mean distance to the whole component,
    /// whose size is known exactly; a node whose component holds fewer than ten pivots (a small one, so it is cheap)
    /// gets its own exact search.
    /// The average path length is the pivots' and the diameter the largest pivot eccentricity (a lower bound).
    /// Exact (<see cref="Distances"/>) when the pivots cover every node or the graph is directed.
    /// </summary>
    /// <param name="g">The graph.</param>
    /// <param name="pivots">How many sources.</param>
    /// <param name="seed">Seeds the pivot draw (the same draw as betweenness with the same seed).</param>
    /// <param name="progress">Told the fraction of searches done, from the workers' threads.</param>
    /// <param name="weightsAsDistances">Read edge weights as lengths (Dijkstra) instead of counting hops.</param>
    public static DistanceSummary EstimateDistances(Graph g, int pivots, int seed = 0, IProgress<double>? progress = null, bool weightsAsDistances = false)
    {
        var n = g.NodeCount;
        var sources = Sources(n, pivots, seed);
        if (sources.Length == n || g.IsDirected) return Distances(g, progress, weightsAsDistances);
        var byLength = weightsAsDistances && g.IsWeighted;
        var totals = new DistanceTotals(n);
        ForEachSource(sources, () => new PathSearch(n, byLength, betweenness: false, tally: true), (search, s) =>
        {
            search.Search(g, s);
            search.MeasureDistances();
        }, totals.Merge, progress);
        return Estimate(g, totals, byLength);
    }

    /// <summary>Every node's closeness and harmonic centrality from the pivots' distance sums in <paramref name="totals"/>.</summary>
    private static DistanceSummary Estimate(Graph g, DistanceTotals totals, bool byLength)
    {
        var n = g.NodeCount;
        var (components, component) = Topology.Components(g);
        var size = new int[components];
        foreach (var c in component) size[c]++;
        var (closeness, harmonic) = (totals.Closeness, totals.Harmonic);
        var exact = new List<int>();
        for (var v = 0; v < n; v++)
        {
            var reachable = size[component[v]] - 1;
            if (reachable == 0) continue;
            if (totals.Hits[v] < Math.Min(MinimumPivots, reachable)) { exact.Add(v); continue; }
            var meanDistance = totals.DistanceSum[v] / totals.Hits[v];
            closeness[v] = reachable / (n - 1.0) / meanDistance; // (r/(n−1)) · (r / (r · mean d))
            harmonic[v] = totals.InverseSum[v] / totals.Hits[v] * reachable;
        }
        // The exact searches measure their own node only: their paths stay out of the pivots' statistics.
        var own = new DistanceTotals(n);
        ForEachSource([.. exact], () => new PathSearch(n, byLength, betweenness: false, tally: false), (search, v) =>
        {
            search.Search(g, v);
            own.Measure(search, v);
        }, _ => { }, progress: null);
        foreach (var v in exact) (closeness[v], harmonic[v]) = (own.Closeness[v], own.Harmonic[v]);
        return new DistanceSummary(closeness, harmonic, totals.Diameter, totals.Pairs == 0 ? 0 : totals.PathSum / totals.Pairs, components == 1, IsEstimate: true);
    }
}
