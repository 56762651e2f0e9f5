using System.Runtime.CompilerServices;

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
    public static BetweennessResult Betweenness(Graph g, BetweennessOptions? options = null, IProgress<double>? progress = null)
    {
        options ??= new BetweennessOptions();
        var n = g.NodeCount;
        var sources = Sources(n, options.Pivots, options.Seed);
        var sampled = sources.Length < n;
        var total = new double[n];
        var gate = new object();
        var incoming = g.IsDirected ? Topology.Reverse(g) : g; // predecessors are found along in-arcs
        var weighted = options.WeightsAsDistances && g.IsWeighted;
        var counter = new SourceCounter(sources.Length, progress);
        Parallel.For(0, sources.Length, () => new BrandesState(n), (i, _, state) =>
        {
            if (weighted) state.AccumulateWeighted(g, incoming, sources[i]);
            else state.Accumulate(g, incoming, sources[i]);
            counter.Done();
            return state;
        }, state => { lock (gate) for (var v = 0; v < n; v++) total[v] += state.Centrality[v]; });

        // Each unordered pair was counted from both ends in an undirected graph.
        var scale = g.IsDirected ? 1.0 : 0.5;
        if (sampled) scale *= (double)n / sources.Length;
        if (options.Normalized && n > 2) scale *= g.IsDirected ? 1.0 / ((n - 1.0) * (n - 2.0)) : 2.0 / ((n - 1.0) * (n - 2.0));
        for (var v = 0; v < n; v++) total[v] *= scale;
        return new BetweennessResult(total, sampled, sources.Length);
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
        var closeness = new double[n];
        var harmonic = new double[n];
        var diameter = 0.0;
        double pathSum = 0;
        long pairs = 0;
        var gate = new object();
        var counter = new SourceCounter(n, progress);
        var toward = g.IsDirected ? Topology.Reverse(g) : g; // distances *to* each node, as networkx
        var byLength = weightsAsDistances && g.IsWeighted;
        Parallel.For(0, n, () => new SearchState(n, tally: false, byLength), (s, _, st) =>
        {
            var (sum, reached, inverse) = st.Search(toward, s);
            closeness[s] = Closeness(sum, reached, n);
            harmonic[s] = inverse;
            counter.Done();
            return st;
        }, st => { lock (gate) { diameter = Math.Max(diameter, st.Max); pathSum += st.PathSum; pairs += st.Pairs; } });
        // Every node reached every other exactly when the reachable pairs are all n(n−1) ordered pairs.
        var connected = pairs == (long)n * (n - 1);
        return new DistanceSummary(closeness, harmonic, diameter, pairs == 0 ? 0 : pathSum / pairs, connected);
    }

    /// <summary>networkx's Wasserman–Faust closeness: (r/(n−1)) · (r/Σd) over the r nodes reached, 0 when none is.</summary>
    private static double Closeness(double distanceSum, int reached, int n) =>
        distanceSum == 0 || n < 2 ? 0 : (double)reached / (n - 1) * (reached / distanceSum);

    /// <summary>Single-source Dijkstra; settles nodes into <paramref name="order"/> (when given) in non-decreasing distance.</summary>
    private static int Dijkstra(Graph g, int s, double[] dist, bool[] done, PriorityQueue<int, double> queue, int[]? order, double[]? sigma = null)
    {
        Array.Fill(dist, double.PositiveInfinity);
        Array.Clear(done);
        dist[s] = 0;
        if (sigma is not null) sigma[s] = 1;
        queue.Clear();
        queue.Enqueue(s, 0);
        var settled = 0;
        while (queue.TryDequeue(out var v, out var d))
        {
            if (done[v] || d > dist[v]) continue;
            done[v] = true;
            if (order is not null) order[settled] = v;
            settled++;
            var targets = g.Neighbors(v);
            var weights = g.NeighborWeights(v);
            for (var i = 0; i < targets.Length; i++)
            {
                var w = targets[i];
                var nd = d + (weights.IsEmpty ? 1.0 : weights[i]);
                if (nd < dist[w])
                {
                    dist[w] = nd;
                    if (sigma is not null) sigma[w] = sigma[v];
                    queue.Enqueue(w, nd);
                }
                else if (sigma is not null && nd == dist[w] && !done[w]) sigma[w] += sigma[v];
            }
        }
        return settled;
    }

    /// <summary>
    /// One worker's shortest-path search (breadth-first over hops, or Dijkstra over lengths), its buffers reused across
    /// sources; it keeps the largest distance, the path sum and the pairs it met. With <paramref name="tally"/> it also
    /// adds each source's distances to per-node sums (what the pivot estimate averages).
    /// </summary>
    private sealed class SearchState(int n, bool tally, bool byLength)
    {
        public readonly int[] Hits = tally ? new int[n] : [];
        public readonly double[] DistanceSum = tally ? new double[n] : [];
        public readonly double[] InverseSum = tally ? new double[n] : [];
        public double Max;
        public double PathSum;
        public long Pairs;
        private readonly int[] hops = byLength ? [] : new int[n];
        private readonly double[] length = byLength ? new double[n] : [];
        private readonly bool[] settled = byLength ? new bool[n] : [];
        private readonly PriorityQueue<int, double>? heap = byLength ? new() : null;
        private readonly int[] order = new int[n];
        private double sum, inverse;

        /// <summary>Searches from <paramref name="s"/>; returns its distance sum, how many nodes it reached and Σ 1/d.</summary>
        public (double Sum, int Reached, double Inverse) Search(Graph g, int s)
        {
            sum = inverse = 0;
            int reached;
            if (byLength)
            {
                reached = Dijkstra(g, s, length, settled, heap!, order) - 1;
                for (var i = 1; i <= reached; i++) Reach(order[i], length[order[i]]);
            }
            else reached = BreadthFirst(g, s);
            PathSum += sum;
            Pairs += reached;
            return (sum, reached, inverse);
        }

        /// <summary>Hop counts, each node counted as it is first reached (the hot loop of the all-pairs measures).</summary>
        private int BreadthFirst(Graph g, int s)
        {
            Array.Fill(hops, -1);
            hops[s] = 0;
            int head = 0, tail = 0;
            order[tail++] = s;
            while (head < tail)
            {
                var v = order[head++];
                foreach (var t in g.Neighbors(v))
                {
                    if (hops[t] >= 0) continue;
                    var d = hops[t] = hops[v] + 1;
                    order[tail++] = t;
                    Reach(t, d);
                }
            }
            return tail - 1;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Reach(int t, double d)
        {
            sum += d;
            var near = d > 0 ? 1 / d : 0; // a zero-length path adds nothing to Σ 1/d, as in networkx
            inverse += near;
            if (d > Max) Max = d;
            if (!tally) return;
            Hits[t]++;
            DistanceSum[t] += d;
            InverseSum[t] += near;
        }
    }

    /// <summary>Scratch buffers of one worker: reused across sources, so a source costs no allocation.</summary>
    private sealed class BrandesState(int n)
    {
        public readonly double[] Centrality = new double[n];
        private readonly int[] distance = new int[n];
        private readonly double[] sigma = new double[n];
        private readonly double[] delta = new double[n];
        private readonly int[] order = new int[n];
        private readonly double[] length = new double[n];
        private readonly bool[] settledFlags = new bool[n];
        private readonly PriorityQueue<int, double> queue = new();

        /// <summary>Brandes over weighted shortest paths (weights as lengths).</summary>
        public void AccumulateWeighted(Graph g, Graph incoming, int s)
        {
            Array.Clear(sigma);
            Array.Clear(delta);
            var settled = Dijkstra(g, s, length, settledFlags, queue, order, sigma);
            for (var i = settled - 1; i > 0; i--)
            {
                var w = order[i];
                var coefficient = (1 + delta[w]) / sigma[w];
                var sources = incoming.Neighbors(w);
                var weights = incoming.NeighborWeights(w);
                for (var j = 0; j < sources.Length; j++)
                {
                    var v = sources[j];
                    if (v != w && length[v] + weights[j] == length[w]) delta[v] += sigma[v] * coefficient;
                }
                Centrality[w] += delta[w];
            }
        }

        public void Accumulate(Graph g, Graph incoming, int s)
        {
            Array.Fill(distance, -1);
            Array.Clear(sigma);
            Array.Clear(delta);
            distance[s] = 0;
            sigma[s] = 1;
            int head = 0, tail = 0;
            order[tail++] = s;
            while (head < tail)
            {
                var v = order[head++];
                foreach (var w in g.Neighbors(v))
                {
                    if (distance[w] < 0) { distance[w] = distance[v] + 1; order[tail++] = w; }
                    if (distance[w] == distance[v] + 1) sigma[w] += sigma[v];
                }
            }
            // Dependencies back from the farthest nodes: predecessors are the neighbours one step closer.
            for (var i = tail - 1; i > 0; i--)
            {
                var w = order[i];
                var coefficient = (1 + delta[w]) / sigma[w];
                foreach (var v in incoming.Neighbors(w))
                    if (distance[v] == distance[w] - 1) delta[v] += sigma[v] * coefficient;
                Centrality[w] += delta[w];
            }
        }
    }
}
