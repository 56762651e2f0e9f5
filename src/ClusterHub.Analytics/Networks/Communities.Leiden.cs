namespace ClusterHub.Analytics.Networks;

/// <summary>
/// Leiden (Traag, Waltman &amp; van Eck 2019, "From Louvain to Leiden: guaranteeing well-connected communities"):
/// <list type="number">
/// <item>fast local moving, as Louvain here;</item>
/// <item>refinement: inside each community, nodes start alone and merge, only into well-connected sub-communities and only
///   while still alone, choosing randomly with probability ∝ exp(ΔQ/β) among the non-negative gains;</item>
/// <item>aggregation by the refined partition, the coarse partition carried over as the next level's starting point.</item>
/// </list>
/// Communities therefore stay connected, which Louvain does not guarantee. Each iteration restarts from the previous
/// result; it stops after <see cref="CommunityOptions.MaxIterations"/> or as soon as an iteration changes nothing.
/// </summary>
public static partial class Communities
{
    /// <param name="g">An undirected graph.</param>
    /// <param name="options">Seed, resolution, weights, randomness and iterations.</param>
    /// <param name="progress">Told the fraction of iterations done (of <see cref="CommunityOptions.MaxIterations"/>; none when unbounded).</param>
    public static CommunityResult Leiden(Graph g, CommunityOptions? options = null, IProgress<double>? progress = null)
    {
        Clustering.RequireUndirected(g);
        options ??= new CommunityOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Randomness);
        var rng = new Random(options.Seed);
        var graph = LevelGraph.From(g, options.UseWeights);
        var resolution = options.Resolution / graph.Strength.Sum();
        var membership = Enumerable.Range(0, g.NodeCount).ToArray();
        var iterations = 0;
        while (iterations < options.MaxIterations || options.MaxIterations < 0)
        {
            iterations++;
            var next = LeidenIteration(graph, membership, rng, resolution, options.Randomness);
            var changed = !next.AsSpan().SequenceEqual(membership);
            membership = next;
            if (options.MaxIterations > 0) progress?.Report(changed ? (double)iterations / options.MaxIterations : 1);
            if (!changed) break;
        }
        return Result(g, membership, options, iterations);
    }

    /// <summary>One Leiden iteration from a partition of the original graph; returns the new partition, renumbered.</summary>
    private static int[] LeidenIteration(LevelGraph original, int[] start, Random rng, double resolution, double beta)
    {
        var level = original;
        var (partition, _) = Renumber(start);
        var node = Enumerable.Range(0, original.NodeCount).ToArray(); // original node → its node on the current level
        while (true)
        {
            MoveNodesFast(level, partition, rng, resolution);
            (partition, var count) = Renumber(partition);
            if (count == level.NodeCount) break;
            var (refined, refinedCount) = Refine(level, partition, count, rng, resolution, beta);
            // A refinement that merged nothing would rebuild the same level: aggregate by the partition itself (as igraph does).
            if (refinedCount == level.NodeCount) (refined, refinedCount) = (partition, count);
            var next = new int[refinedCount];
            for (var v = 0; v < level.NodeCount; v++) next[refined[v]] = partition[v];
            for (var v = 0; v < node.Length; v++) node[v] = refined[node[v]];
            level = level.Collapse(refined, refinedCount);
            partition = next;
        }
        var result = new int[original.NodeCount];
        for (var v = 0; v < result.Length; v++) result[v] = partition[node[v]];
        return Renumber(result).Labels;
    }

    /// <summary>Sub-communities inside each community of <paramref name="partition"/>, merged from singletons.</summary>
    private static (int[] Refined, int Count) Refine(LevelGraph g, int[] partition, int count, Random rng, double resolution, double beta)
    {
        var n = g.NodeCount;
        var refined = Enumerable.Range(0, n).ToArray();
        var total = (double[])g.Strength.Clone();   // strength of each sub-community
        var size = new int[n];
        Array.Fill(size, 1);
        var external = new double[n];               // weight from each sub-community to the rest of its community
        var communityTotal = new double[count];
        for (var v = 0; v < n; v++)
        {
            communityTotal[partition[v]] += g.Strength[v];
            for (var a = g.Offsets[v]; a < g.Offsets[v + 1]; a++)
                if (partition[g.Targets[a]] == partition[v]) external[v] += g.Weights[a];
        }
        var order = Enumerable.Range(0, n).ToArray();
        rng.Shuffle(order);
        var weightTo = new double[n];
        var touched = new List<int>();
        var gains = new List<(int Community, double Gain)>();
        foreach (var v in order)
        {
            if (size[refined[v]] != 1) continue; // only nodes still alone move
            var kv = g.Strength[v];
            var ks = communityTotal[partition[v]];
            if (external[v] < resolution * kv * (ks - kv)) continue; // v itself is not well connected
            CollectWeights(g, v, refined, weightTo, touched, partition);
            var own = refined[v];
            total[own] = 0;
            size[own] = 0;
            gains.Clear();
            gains.Add((own, 0));
            var maxGain = 0.0;
            foreach (var c in touched)
            {
                if (c == own || external[c] < resolution * total[c] * (ks - total[c])) continue; // only well-connected targets
                var gain = weightTo[c] - resolution * kv * total[c];
                if (gain < 0) continue;
                gains.Add((c, gain));
                maxGain = Math.Max(maxGain, gain);
            }
            var chosen = Draw(gains, maxGain, rng, beta);
            total[chosen] += kv;
            size[chosen]++;
            if (chosen != own)
            {
                // ext(A ∪ {v}) = ext(A) + ext(v) − 2 w(A, v)
                external[chosen] += external[own] - 2 * weightTo[chosen];
                refined[v] = chosen;
            }
            foreach (var c in touched) weightTo[c] = 0;
            touched.Clear();
        }
        return Renumber(refined);
    }

    /// <summary>Picks a candidate with probability ∝ exp((gain − max)/β); shifting by the max keeps exp finite.</summary>
    private static int Draw(List<(int Community, double Gain)> gains, double maxGain, Random rng, double beta)
    {
        if (gains.Count == 1) return gains[0].Community;
        var sum = 0.0;
        foreach (var (_, gain) in gains) sum += Math.Exp((gain - maxGain) / beta);
        var r = rng.NextDouble() * sum;
        foreach (var (c, gain) in gains)
        {
            r -= Math.Exp((gain - maxGain) / beta);
            if (r <= 0) return c;
        }
        return gains[^1].Community;
    }
}
