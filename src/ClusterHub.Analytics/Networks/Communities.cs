namespace ClusterHub.Analytics.Networks;

public sealed record LouvainOptions
{
    /// <summary>Seeds the node visiting order: the same seed gives the same partition.</summary>
    public int Seed { get; init; }

    /// <summary>γ in Q = Σ_c [L_c/m − γ (D_c/2m)²]; above 1 favours smaller communities.</summary>
    public double Resolution { get; init; } = 1.0;

    public bool UseWeights { get; init; } = true;
}

/// <summary>A partition: community label per node (0..Count-1, numbered by first node), its modularity, and the levels it took.</summary>
public sealed record CommunityResult(int[] Community, int Count, double Modularity, int Levels);

/// <summary>
/// Louvain community detection (Blondel, Guillaume, Lambiotte &amp; Lefebvre 2008): move nodes to the
/// neighbouring community with the best modularity gain until none improves, collapse communities
/// into nodes, repeat. Weighted; self-loops count twice in a node's strength, as in networkx.
/// </summary>
public static class Communities
{
    private const double Epsilon = 1e-12;

    public static CommunityResult Louvain(Graph g, LouvainOptions? options = null)
    {
        Clustering.RequireUndirected(g);
        options ??= new LouvainOptions();
        var rng = new Random(options.Seed);
        var level = LevelGraph.From(g, options.UseWeights);
        var membership = Enumerable.Range(0, g.NodeCount).ToArray();
        var levels = 0;
        while (true)
        {
            var (moved, community, count) = MoveNodes(level, rng, options.Resolution);
            if (!moved) break;
            levels++;
            for (var v = 0; v < membership.Length; v++) membership[v] = community[membership[v]];
            level = level.Collapse(community, count);
        }
        var (labels, k) = Renumber(membership);
        return new CommunityResult(labels, k, Centrality.Modularity(g, labels, options.UseWeights && g.IsWeighted, options.Resolution), levels);
    }

    /// <summary>Local moving on one level; returns the communities renumbered 0..count-1.</summary>
    private static (bool Moved, int[] Community, int Count) MoveNodes(LevelGraph g, Random rng, double resolution)
    {
        var n = g.NodeCount;
        var community = Enumerable.Range(0, n).ToArray();
        var total = (double[])g.Strength.Clone(); // Σ strength of each community
        var twoM = g.Strength.Sum();
        if (twoM == 0) return (false, community, n);
        var order = Enumerable.Range(0, n).ToArray();
        rng.Shuffle(order);
        var weightTo = new double[n];
        Array.Fill(weightTo, -1);
        var touched = new List<int>();
        var movedAny = false;
        for (var pass = 0; pass < 1000; pass++)
        {
            var moves = 0;
            foreach (var i in order)
            {
                var own = community[i];
                for (var a = g.Offsets[i]; a < g.Offsets[i + 1]; a++)
                {
                    var c = community[g.Targets[a]];
                    if (weightTo[c] < 0) { weightTo[c] = 0; touched.Add(c); }
                    weightTo[c] += g.Weights[a];
                }
                var ki = g.Strength[i];
                total[own] -= ki;
                var best = own;
                var bestGain = Math.Max(weightTo[own], 0) - resolution * total[own] * ki / twoM;
                foreach (var c in touched)
                {
                    var gain = weightTo[c] - resolution * total[c] * ki / twoM;
                    if (gain > bestGain + Epsilon) { best = c; bestGain = gain; }
                }
                total[best] += ki;
                if (best != own) { community[i] = best; moves++; }
                foreach (var c in touched) weightTo[c] = -1;
                touched.Clear();
            }
            if (moves == 0) break;
            movedAny = true;
        }
        var (labels, count) = Renumber(community);
        return (movedAny, labels, count);
    }

    private static (int[] Labels, int Count) Renumber(int[] community)
    {
        var map = new Dictionary<int, int>();
        var labels = new int[community.Length];
        for (var v = 0; v < community.Length; v++)
        {
            if (!map.TryGetValue(community[v], out var label)) map[community[v]] = label = map.Count;
            labels[v] = label;
        }
        return (labels, map.Count);
    }

    /// <summary>
    /// A weighted undirected graph of one Louvain level: arcs without self-loops (both directions),
    /// the self-loop weight of each node apart, and its strength (arcs + twice the loop).
    /// </summary>
    private sealed class LevelGraph(int[] offsets, int[] targets, double[] weights, double[] loops)
    {
        public int NodeCount => loops.Length;
        public int[] Offsets => offsets;
        public int[] Targets => targets;
        public double[] Weights => weights;
        public double[] Strength { get; } = ComputeStrength(offsets, weights, loops);

        private static double[] ComputeStrength(int[] offsets, double[] weights, double[] loops)
        {
            var s = new double[loops.Length];
            for (var v = 0; v < loops.Length; v++)
            {
                s[v] = 2 * loops[v];
                for (var a = offsets[v]; a < offsets[v + 1]; a++) s[v] += weights[a];
            }
            return s;
        }

        public static LevelGraph From(Graph g, bool useWeights)
        {
            var n = g.NodeCount;
            var loops = new double[n];
            var offsets = new int[n + 1];
            var targets = new List<int>(g.Targets.Length);
            var weights = new List<double>(g.Targets.Length);
            for (var v = 0; v < n; v++)
            {
                for (var a = g.Offsets[v]; a < g.Offsets[v + 1]; a++)
                {
                    var w = useWeights ? g.Weight(a) : 1.0;
                    if (g.Targets[a] == v) loops[v] += w;
                    else { targets.Add(g.Targets[a]); weights.Add(w); }
                }
                offsets[v + 1] = targets.Count;
            }
            return new LevelGraph(offsets, [.. targets], [.. weights], loops);
        }

        /// <summary>Each community becomes a node; edges between communities are summed, edges inside become its loop.</summary>
        public LevelGraph Collapse(int[] community, int count)
        {
            var members = new List<int>[count];
            for (var c = 0; c < count; c++) members[c] = [];
            for (var v = 0; v < NodeCount; v++) members[community[v]].Add(v);
            var newLoops = new double[count];
            var newOffsets = new int[count + 1];
            var newTargets = new List<int>();
            var newWeights = new List<double>();
            var weightTo = new double[count];
            var seen = new bool[count];
            var touched = new List<int>();
            for (var c = 0; c < count; c++)
            {
                foreach (var v in members[c])
                {
                    newLoops[c] += loops[v];
                    for (var a = offsets[v]; a < offsets[v + 1]; a++)
                    {
                        var d = community[targets[a]];
                        // An inside edge is met from both ends: half its weight each time.
                        if (d == c) { newLoops[c] += weights[a] / 2; continue; }
                        if (!seen[d]) { seen[d] = true; touched.Add(d); }
                        weightTo[d] += weights[a];
                    }
                }
                touched.Sort();
                foreach (var d in touched) { newTargets.Add(d); newWeights.Add(weightTo[d]); weightTo[d] = 0; seen[d] = false; }
                touched.Clear();
                newOffsets[c + 1] = newTargets.Count;
            }
            return new LevelGraph(newOffsets, [.. newTargets], [.. newWeights], newLoops);
        }
    }
}
