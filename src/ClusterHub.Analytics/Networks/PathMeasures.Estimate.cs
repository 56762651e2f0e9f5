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
        var (components, component) = Topology.Components(g);
        var size = new int[components];
        foreach (var c in component) size[c]++;

        // Per node: how many pivots reached it, and the sums of their distances and inverse distances to it.
        var hits = new int[n];
        var distanceSum = new double[n];
        var inverseSum = new double[n];
        var diameter = 0.0;
        double pathSum = 0;
        long pairs = 0;
        var gate = new object();
        var counter = new SourceCounter(sources.Length, progress);
        Parallel.For(0, sources.Length, () => new SearchState(n, tally: true, byLength), (i, _, st) =>
        {
            st.Search(g, sources[i]);
            counter.Done();
            return st;
        }, st =>
        {
            lock (gate)
            {
                for (var v = 0; v < n; v++) { hits[v] += st.Hits[v]; distanceSum[v] += st.DistanceSum[v]; inverseSum[v] += st.InverseSum[v]; }
                diameter = Math.Max(diameter, st.Max);
                pathSum += st.PathSum;
                pairs += st.Pairs;
            }
        });

        var closeness = new double[n];
        var harmonic = new double[n];
        var exact = new List<int>();
        for (var v = 0; v < n; v++)
        {
            var reachable = size[component[v]] - 1;
            if (reachable == 0) continue;
            if (hits[v] < Math.Min(MinimumPivots, reachable)) { exact.Add(v); continue; }
            var meanDistance = distanceSum[v] / hits[v];
            closeness[v] = reachable / (n - 1.0) / meanDistance; // (r/(n−1)) · (r / (r · mean d))
            harmonic[v] = inverseSum[v] / hits[v] * reachable;
        }
        Parallel.ForEach(exact, () => new SearchState(n, tally: false, byLength), (v, _, st) =>
        {
            var (sum, reached, inverse) = st.Search(g, v);
            closeness[v] = Closeness(sum, reached, n);
            harmonic[v] = inverse;
            return st;
        }, _ => { });
        return new DistanceSummary(closeness, harmonic, diameter, pairs == 0 ? 0 : pathSum / pairs, components == 1, IsEstimate: true);
    }
}
