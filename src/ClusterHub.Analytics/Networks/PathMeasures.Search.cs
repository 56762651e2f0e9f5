using System.Runtime.CompilerServices;

namespace ClusterHub.Analytics.Networks;

public static partial class PathMeasures
{
    /// <summary>
    /// One worker's shortest-path searches, its buffers reused across sources so that a source costs no allocation.
    /// A search (breadth-first over hops, or Dijkstra over lengths) settles the nodes it reaches into <c>order</c>, the
    /// source first and then by non-decreasing distance, counting shortest paths when betweenness needs them. After it,
    /// <see cref="AddDependencies"/> adds Brandes' dependencies to <see cref="Centrality"/> and <see cref="MeasureDistances"/>
    /// adds to the distance statistics: one search can serve both.
    /// </summary>
    private sealed class PathSearch
    {
        public readonly double[] Centrality;
        public readonly int[] Hits;
        public readonly double[] DistanceSum, InverseSum;
        public double Max, PathSum;
        public long Pairs;
        private readonly bool byLength, countPaths, tally;
        private readonly int[] hops;
        private readonly double[] length;
        private readonly bool[] settled;
        private readonly PriorityQueue<int, double>? heap;
        private readonly int[] order;
        private readonly int[] orderHops; // BFS: the hops of order[i], so that measuring reads one array in sequence
        private readonly double[] sigma, delta;
        private int reached;

        /// <param name="n">Nodes.</param>
        /// <param name="byLength">Dijkstra over weights read as lengths; otherwise breadth-first over hops.</param>
        /// <param name="betweenness">Count shortest paths and keep per-node dependency sums.</param>
        /// <param name="tally">Keep per-node sums of the distances from the sources (what the pivot estimate averages).</param>
        public PathSearch(int n, bool byLength, bool betweenness, bool tally)
        {
            (this.byLength, countPaths, this.tally) = (byLength, betweenness, tally);
            (hops, orderHops) = byLength ? ([], []) : (new int[n], new int[n]);
            (length, settled, heap) = byLength ? (new double[n], new bool[n], new PriorityQueue<int, double>()) : ([], [], null);
            order = new int[n];
            (sigma, delta, Centrality) = betweenness ? (new double[n], new double[n], new double[n]) : ([], [], []);
            (Hits, DistanceSum, InverseSum) = tally ? (new int[n], new double[n], new double[n]) : ([], [], []);
        }

        public void Search(Graph g, int s)
        {
            if (countPaths) Array.Clear(sigma);
            reached = (byLength ? Dijkstra(g, s) : BreadthFirst(g, s)) - 1;
        }

        private int BreadthFirst(Graph g, int s)
        {
            Array.Fill(hops, -1);
            hops[s] = 0;
            if (countPaths) sigma[s] = 1;
            int head = 0, tail = 0;
            order[tail++] = s;
            while (head < tail)
            {
                var v = order[head++];
                var next = hops[v] + 1;
                if (!countPaths) // the all-pairs distances' inner loop: kept free of the path counting
                {
                    foreach (var w in g.Neighbors(v))
                        if (hops[w] < 0) { hops[w] = next; orderHops[tail] = next; order[tail++] = w; }
                    continue;
                }
                foreach (var w in g.Neighbors(v))
                {
                    if (hops[w] < 0) { hops[w] = next; orderHops[tail] = next; order[tail++] = w; }
                    if (hops[w] == next) sigma[w] += sigma[v];
                }
            }
            return tail;
        }

        private int Dijkstra(Graph g, int s)
        {
            Array.Fill(length, double.PositiveInfinity);
            Array.Clear(settled);
            length[s] = 0;
            if (countPaths) sigma[s] = 1;
            heap!.Clear();
            heap.Enqueue(s, 0);
            var count = 0;
            while (heap.TryDequeue(out var v, out var d))
            {
                if (settled[v] || d > length[v]) continue; // a stale entry: the node was reached more cheaply since
                settled[v] = true;
                order[count++] = v;
                var targets = g.Neighbors(v);
                var weights = g.NeighborWeights(v);
                for (var i = 0; i < targets.Length; i++)
                {
                    var w = targets[i];
                    var nd = d + (weights.IsEmpty ? 1.0 : weights[i]);
                    if (nd < length[w])
                    {
                        length[w] = nd;
                        if (countPaths) sigma[w] = sigma[v];
                        heap.Enqueue(w, nd);
                    }
                    else if (countPaths && nd == length[w] && !settled[w]) sigma[w] += sigma[v];
                }
            }
            return count;
        }

        /// <summary>Brandes: dependencies back from the farthest nodes; predecessors are found along <paramref name="incoming"/>.</summary>
        public void AddDependencies(Graph incoming)
        {
            Array.Clear(delta);
            for (var i = reached; i > 0; i--)
            {
                var w = order[i];
                var coefficient = (1 + delta[w]) / sigma[w];
                var sources = incoming.Neighbors(w);
                if (byLength)
                {
                    var weights = incoming.NeighborWeights(w);
                    for (var j = 0; j < sources.Length; j++)
                    {
                        var v = sources[j];
                        if (v != w && length[v] + weights[j] == length[w]) delta[v] += sigma[v] * coefficient;
                    }
                }
                else
                    foreach (var v in sources)
                        if (hops[v] == hops[w] - 1) delta[v] += sigma[v] * coefficient;
                Centrality[w] += delta[w];
            }
        }

        /// <summary>The last search's distance sum, how many nodes it reached and Σ 1/d; adds to the running statistics.</summary>
        public (double Sum, int Reached, double Inverse) MeasureDistances()
        {
            double sum = 0, inverse = 0;
            for (var i = 1; i <= reached; i++)
            {
                double d = byLength ? length[order[i]] : orderHops[i];
                var near = d > 0 ? 1 / d : 0; // a zero-length path adds nothing to Σ 1/d, as in networkx
                sum += d;
                inverse += near;
                if (!tally) continue;
                var t = order[i];
                Hits[t]++;
                DistanceSum[t] += d;
                InverseSum[t] += near;
            }
            // Settled in non-decreasing distance: the last is the farthest.
            if (reached > 0) Max = Math.Max(Max, byLength ? length[order[reached]] : orderHops[reached]);
            PathSum += sum;
            Pairs += reached;
            return (sum, reached, inverse);
        }
    }

    /// <summary>Runs <paramref name="each"/> for every source on all cores, one <see cref="PathSearch"/> per worker
    /// (<see cref="Workers"/>), and hands each worker's state to <paramref name="merge"/> when it is done.</summary>
    private static void ForEachSource(int[] sources, Func<PathSearch> worker, Action<PathSearch, int> each, Action<PathSearch> merge, IProgress<double>? progress)
    {
        var counter = new SourceCounter(sources.Length, progress);
        Workers.ForEach(sources.Length, worker, (search, i) =>
        {
            each(search, sources[i]);
            counter.Done();
        }, merge);
    }

    /// <summary>Closeness, harmonic and path statistics being gathered from the workers (see <see cref="PathSearch.MeasureDistances"/>).</summary>
    private sealed class DistanceTotals(int n)
    {
        public readonly double[] Closeness = new double[n];
        public readonly double[] Harmonic = new double[n];
        public int[] Hits = [];
        public double[] DistanceSum = [], InverseSum = [];
        public double Diameter, PathSum;
        public long Pairs;

        /// <summary>An exact search from <paramref name="s"/>: its own closeness and harmonic centrality.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Measure(PathSearch search, int s)
        {
            var (sum, reached, inverse) = search.MeasureDistances();
            Closeness[s] = PathMeasures.Closeness(sum, reached, n);
            Harmonic[s] = inverse;
        }

        public void Merge(PathSearch search)
        {
            Diameter = Math.Max(Diameter, search.Max);
            PathSum += search.PathSum;
            Pairs += search.Pairs;
            if (search.Hits.Length == 0) return;
            if (Hits.Length == 0) (Hits, DistanceSum, InverseSum) = (new int[n], new double[n], new double[n]);
            for (var v = 0; v < n; v++) { Hits[v] += search.Hits[v]; DistanceSum[v] += search.DistanceSum[v]; InverseSum[v] += search.InverseSum[v]; }
        }

        /// <summary>Every node searched from: exact; connected when the reachable pairs are all n(n−1) ordered pairs.</summary>
        public DistanceSummary Exact() =>
            new(Closeness, Harmonic, Diameter, Pairs == 0 ? 0 : PathSum / Pairs, Pairs == (long)n * (n - 1));
    }
}
