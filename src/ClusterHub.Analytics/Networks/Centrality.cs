namespace ClusterHub.Analytics.Networks;

public sealed record PageRankOptions
{
    public double Damping { get; init; } = 0.85;
    public double Tolerance { get; init; } = 1e-10;
    public int MaxIterations { get; init; } = 1000;
    public bool UseWeights { get; init; } = true;

    /// <summary>Teleport distribution (need not sum to 1; it is normalised). Null: uniform.</summary>
    public double[]? Personalization { get; init; }
}

public sealed record PageRankResult(double[] Ranks, int Iterations, bool Converged);

public static class Centrality
{
    /// <summary>
    /// PageRank by power iteration. Dangling nodes (no out-weight) give their rank to the teleport
    /// distribution, so ranks always sum to 1 (networkx's definition). Stops when the L1 change
    /// is below n × tolerance, as networkx does.
    /// </summary>
    public static PageRankResult PageRank(Graph g, PageRankOptions? options = null)
    {
        options ??= new PageRankOptions();
        if (options.Damping is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(options), "damping must be in [0, 1)");
        var n = g.NodeCount;
        if (n == 0) return new([], 0, true);
        var teleport = new double[n];
        if (options.Personalization is { } p)
        {
            if (p.Length != n || p.Any(x => x < 0 || double.IsNaN(x)) || p.Sum() <= 0) throw new ArgumentException("personalization needs n non-negative values with a positive sum", nameof(options));
            var sum = p.Sum();
            for (var v = 0; v < n; v++) teleport[v] = p[v] / sum;
        }
        else Array.Fill(teleport, 1.0 / n);

        var weighted = options.UseWeights && g.IsWeighted;
        var outWeight = new double[n];
        for (var v = 0; v < n; v++)
        {
            if (!weighted) outWeight[v] = g.Degree(v);
            else foreach (var w in g.NeighborWeights(v)) outWeight[v] += w;
        }
        var rank = (double[])teleport.Clone();
        Array.Fill(rank, 1.0 / n);
        var next = new double[n];
        var d = options.Damping;
        for (var iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            double dangling = 0;
            for (var v = 0; v < n; v++) if (outWeight[v] == 0) dangling += rank[v];
            for (var v = 0; v < n; v++) next[v] = (1 - d + d * dangling) * teleport[v];
            for (var v = 0; v < n; v++)
            {
                if (outWeight[v] == 0) continue;
                var share = d * rank[v] / outWeight[v];
                var targets = g.Neighbors(v);
                if (!weighted) foreach (var t in targets) next[t] += share;
                else
                {
                    var ws = g.NeighborWeights(v);
                    for (var i = 0; i < targets.Length; i++) next[targets[i]] += share * ws[i];
                }
            }
            double change = 0;
            for (var v = 0; v < n; v++) change += Math.Abs(next[v] - rank[v]);
            (rank, next) = (next, rank);
            if (change < n * options.Tolerance) return new(rank, iteration, true);
        }
        return new(rank, options.MaxIterations, false);
    }

    /// <summary>
    /// Eigenvector centrality: the principal eigenvector of the adjacency matrix, unit Euclidean norm,
    /// by power iteration on A + I (the shift keeps bipartite graphs from oscillating, as networkx does).
    /// </summary>
    public static (double[] Values, int Iterations, bool Converged) Eigenvector(Graph g, bool useWeights = false, double tolerance = 1e-13, int maxIterations = 10_000)
    {
        var n = g.NodeCount;
        var x = new double[n];
        Array.Fill(x, 1.0 / Math.Sqrt(Math.Max(n, 1)));
        var next = new double[n];
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            Array.Copy(x, next, n);
            for (var v = 0; v < n; v++)
                for (var a = g.Offsets[v]; a < g.Offsets[v + 1]; a++)
                    next[g.Targets[a]] += x[v] * (useWeights ? g.Weight(a) : 1.0);
            double norm = 0;
            foreach (var value in next) norm += value * value;
            norm = Math.Sqrt(norm);
            if (norm == 0) return (next, iteration, true);
            double change = 0;
            for (var v = 0; v < n; v++) { next[v] /= norm; change += Math.Abs(next[v] - x[v]); }
            (x, next) = (next, x);
            if (change < n * tolerance) return (x, iteration, true);
        }
        return (x, maxIterations, false);
    }

    /// <summary>
    /// Newman's modularity of a partition (labels per node), on weights when the graph has them and
    /// <paramref name="useWeights"/> is set: Q = Σ_c [ L_c/m − γ (D_c/2m)² ].
    /// </summary>
    public static double Modularity(Graph g, ReadOnlySpan<int> community, bool useWeights = false, double resolution = 1.0)
    {
        Clustering.RequireUndirected(g);
        var k = community.Length == 0 ? 0 : community.ToArray().Max() + 1;
        var inside = new double[k];
        var degree = new double[k];
        double twoM = 0;
        for (var v = 0; v < g.NodeCount; v++)
        {
            var targets = g.Neighbors(v);
            var ws = useWeights ? g.NeighborWeights(v) : default;
            for (var i = 0; i < targets.Length; i++)
            {
                var w = ws.IsEmpty ? 1.0 : ws[i];
                // A self-loop is one arc but adds 2 to the degree, as in networkx.
                var contribution = targets[i] == v ? 2 * w : w;
                degree[community[v]] += contribution;
                twoM += contribution;
                if (community[targets[i]] == community[v]) inside[community[v]] += contribution;
            }
        }
        if (twoM == 0) return 0;
        double q = 0;
        for (var c = 0; c < k; c++) q += inside[c] / twoM - resolution * Math.Pow(degree[c] / twoM, 2);
        return q;
    }
}
