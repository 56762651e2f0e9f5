using System.Globalization;
using BenchmarkDotNet.Attributes;
using ClusterHub.Analytics.Networks;

namespace ClusterHub.Benchmarks;

/// <summary>
/// Every measure NetworkBenchmarks leaves out, on the 10k-node random graph (the all-pairs ones run 10,000 sources)
/// with groups node % 10 for the partition measures, and the bipartite projection of the CORDIS participations.
/// </summary>
[MemoryDiagnoser]
public class NetworkMeasureBenchmarks
{
    private Graph g = null!;
    private Graph weighted = null!;
    private int[] groups = null!;
    private List<(string, string)> participations = [];

    [GlobalSetup]
    public void Setup()
    {
        var named = Graphs.Random(10_000, 50_000, 1);
        g = named.Graph;
        groups = [.. named.Ids.Select(id => int.Parse(id, CultureInfo.InvariantCulture) % 10)];
        // The same edges with weights 1..5 (seeded) for the weighted measures.
        var rng = new Random(1);
        var b = new GraphBuilder();
        foreach (var (u, v) in Graphs.RandomEdges(10_000, 50_000, 1))
            b.AddEdge(u.ToString(CultureInfo.InvariantCulture), v.ToString(CultureInfo.InvariantCulture), 1 + rng.Next(5));
        weighted = b.Build().Graph;
        participations = Graphs.CordisParticipations() ?? [];
    }

    [Benchmark] public int[] Degrees() => Topology.Degrees(g);
    [Benchmark] public double[] Strengths() => Topology.Strengths(weighted);
    [Benchmark] public double Density() => Topology.Density(g);
    [Benchmark] public double[] PageRankWeighted() => Centrality.PageRank(weighted, new PageRankOptions { Tolerance = 1e-6 }).Ranks;
    [Benchmark] public double[] Eigenvector() => Centrality.Eigenvector(g, tolerance: 1e-10).Values;
    [Benchmark] public double[] LocalClustering() => Clustering.Local(g);
    [Benchmark] public DistanceSummary ClosenessHarmonic() => PathMeasures.Distances(g);
    [Benchmark] public DistanceSummary WeightedCloseness() => PathMeasures.Distances(weighted, weightsAsDistances: true);
    [Benchmark] public DistanceSummary WeightedClosenessSampled256() => PathMeasures.EstimateDistances(weighted, 256, seed: 1, weightsAsDistances: true);
    [Benchmark] public double[] BetweennessExact() => PathMeasures.Betweenness(g).Values;
    [Benchmark] public double[] BetweennessWeighted256() => PathMeasures.Betweenness(weighted, new BetweennessOptions { Pivots = 256, Seed = 1, WeightsAsDistances = true }).Values;
    [Benchmark] public double[] Constraint() => Brokerage.Constraint(weighted, useWeights: true);
    [Benchmark] public double[] EffectiveSize() => Brokerage.EffectiveSize(g);
    [Benchmark] public BrokerageRoles[] BrokerageRoles() => Groups.Brokerage(g, groups);
    [Benchmark] public double EIIndex() => Groups.EI(g, groups).Overall;
    [Benchmark] public double Assortativity() => Groups.Assortativity(g, groups);
    [Benchmark] public double Modularity() => Centrality.Modularity(g, groups);
    [Benchmark] public int BipartiteProjection() => participations.Count == 0 ? 0 : Bipartite.Project(participations).Graph.EdgeCount;
}
