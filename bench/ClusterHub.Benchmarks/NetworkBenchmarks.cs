using BenchmarkDotNet.Attributes;
using ClusterHub.Analytics.Networks;

namespace ClusterHub.Benchmarks;

/// <summary>
/// The engine on seeded random graphs (10k nodes/50k edges, 100k nodes/1M edges) and the CORDIS
/// H2020 organisation network. Side-by-side figures against networkx and igraph: bench/compare/compare.py.
/// </summary>
[MemoryDiagnoser]
public class NetworkBenchmarks
{
    [Params("gnm-10k-50k", "gnm-100k-1M", "cordis")]
    public string Graph { get; set; } = "";

    private Graph g = null!;

    [GlobalSetup]
    public void Setup() => g = (Graph switch
    {
        "gnm-10k-50k" => Graphs.Random(10_000, 50_000, 1),
        "gnm-100k-1M" => Graphs.Random(100_000, 1_000_000, 1),
        _ => Graphs.Cordis() ?? throw new InvalidOperationException("shared/data/cordis_h2020_eunets is not beside the repository"),
    }).Graph;

    [Benchmark] public double[] PageRank() => Centrality.PageRank(g, new PageRankOptions { UseWeights = false, Tolerance = 1e-6 }).Ranks;
    [Benchmark] public int Components() => Topology.Components(g).Count;
    [Benchmark] public int[] CoreNumbers() => Cores.CoreNumbers(g);
    [Benchmark] public double Transitivity() => Clustering.Transitivity(g);
    [Benchmark] public double[] LocalClustering() => Clustering.Local(g);
    [Benchmark] public double[] BetweennessSampled256() => PathMeasures.Betweenness(g, new BetweennessOptions { Pivots = 256, Seed = 1 }).Values;
    [Benchmark] public DistanceSummary ClosenessSampled256() => PathMeasures.EstimateDistances(g, 256, seed: 1);
    [Benchmark] public DistanceSummary BetweennessAndClosenessSampled256() => PathMeasures.BetweennessAndDistances(g, new BetweennessOptions { Pivots = 256, Seed = 1 }).Distances;
    [Benchmark] public double Louvain() => Communities.Louvain(g, new CommunityOptions { Seed = 1, UseWeights = false }).Modularity;
    [Benchmark] public double Leiden() => Communities.Leiden(g, new CommunityOptions { Seed = 1, UseWeights = false }).Modularity;
}
