using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ClusterHub.Analytics.Networks;

namespace ClusterHub.Benchmarks;

/// <summary>
/// <c>compare EDGEFILE</c>: times each algorithm on one edge list (best of three, after warming up the JIT) and
/// prints JSON with the seconds and the values, for bench/compare/compare.py to set beside networkx and igraph.
/// </summary>
public static class Compare
{
    public static int Run(string edgeFile)
    {
        var b = new GraphBuilder();
        foreach (var line in File.ReadLines(edgeFile).Skip(1))
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            b.AddEdge(line[..comma], line[(comma + 1)..]);
        }
        var named = b.Build();
        var g = named.Graph;
        var bytes = (g.Offsets.Length + g.Targets.Length) * sizeof(int) + (g.Weights?.Length ?? 0) * sizeof(double);
        var results = new Dictionary<string, object>
        {
            ["nodes"] = g.NodeCount, ["edges"] = g.EdgeCount, ["graph_bytes"] = bytes,
            ["ids"] = named.Ids,
        };
        void Time<T>(string name, Func<T> work, Func<T, object> value)
        {
            // Warm up until the JIT has promoted the loops to optimised (tier-1) code: about 30 calls, or one call
            // when a call takes long enough that tiering no longer matters; then give the background compiler a moment.
            var warm = Stopwatch.StartNew();
            for (var i = 0; i < 40 && (i == 0 || warm.Elapsed.TotalSeconds < 2); i++) work();
            Thread.Sleep(200);
            var best = double.MaxValue;
            T result = default!;
            for (var i = 0; i < 3; i++)
            {
                var sw = Stopwatch.StartNew();
                result = work();
                best = Math.Min(best, sw.Elapsed.TotalSeconds);
            }
            results[name] = new { seconds = best, value = value(result) };
        }
        Time("pagerank", () => Centrality.PageRank(g, new PageRankOptions { UseWeights = false, Tolerance = 1e-10 }).Ranks, r => r);
        Time("components", () => Topology.Components(g).Count, r => r);
        Time("core_number", () => Cores.CoreNumbers(g), r => r);
        Time("transitivity", () => Clustering.Transitivity(g), r => r);
        Time("betweenness_256", () => PathMeasures.Betweenness(g, new BetweennessOptions { Pivots = 256, Seed = 1 }).Values, r => r.Max());
        Time("louvain", () => Communities.Louvain(g, new CommunityOptions { Seed = 1, UseWeights = false }), r => r.Modularity);
        Time("leiden", () => Communities.Leiden(g, new CommunityOptions { Seed = 1, UseWeights = false }), r => r.Modularity);
        Console.WriteLine(JsonSerializer.Serialize(results));
        return 0;
    }
}
