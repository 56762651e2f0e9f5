using System.Globalization;
using ClusterHub.Analytics.Networks;

namespace ClusterHub.Analytics.Tests;

/// <summary>Seeded random multigraphs for property tests: m draws of a uniform pair, weights 1..5 (repeats sum, self-loops dropped).</summary>
public static class RandomGraphs
{
    public static NamedGraph Named(int n, int m, int seed, bool directed = false)
    {
        var rng = new Random(seed);
        var b = new GraphBuilder(directed);
        for (var i = 0; i < n; i++) b.AddNode(Id(i));
        for (var e = 0; e < m; e++) b.AddEdge(Id(rng.Next(n)), Id(rng.Next(n)), 1 + rng.Next(5));
        return b.Build();
    }

    public static Graph Gnm(int n, int m, int seed) => Named(n, m, seed).Graph;

    /// <summary>
    /// A planted partition: n nodes in blocks of <paramref name="block"/>; each of n·<paramref name="edgesPerNode"/> draws
    /// ties a random node to its own block with probability <paramref name="inside"/>, else to any node.
    /// </summary>
    public static Graph Planted(int n, int block, int edgesPerNode, double inside, int seed)
    {
        var rng = new Random(seed);
        var b = new GraphBuilder();
        for (var i = 0; i < n; i++) b.AddNode(Id(i));
        for (var e = 0; e < n * edgesPerNode; e++)
        {
            var u = rng.Next(n);
            var v = rng.NextDouble() < inside ? u / block * block + rng.Next(Math.Min(block, n - u / block * block)) : rng.Next(n);
            b.AddEdge(Id(u), Id(v));
        }
        return b.Build().Graph;
    }

    private static string Id(int i) => i.ToString(CultureInfo.InvariantCulture);
}
