using ClusterHub.Analytics.Networks;

namespace ClusterHub.Analytics.Tests.Networks;

/// <summary>
/// Every measure against networkx (and igraph where both define it the same way) on karate,
/// Les Misérables and the Florentine families. Tolerances: 1e-12 for closed-form and
/// combinatorial measures, 1e-9 for betweenness sums, 1e-9 for PageRank (both sides iterate to 1e-13).
/// </summary>
public class ReferenceValueTests
{
    public static TheoryData<string> Networks => [.. ReferenceNetworks.Names];

    [Theory, MemberData(nameof(Networks))]
    public void Size_density_and_components(string name)
    {
        var g = ReferenceNetworks.Load(name);
        var r = ReferenceNetworks.Values(name);
        Assert.Equal(r.GetProperty("nodes").GetInt32(), g.Graph.NodeCount);
        Assert.Equal(r.GetProperty("edges").GetInt32(), g.Graph.EdgeCount);
        Assert.Equal(r.GetProperty("density").GetDouble(), Topology.Density(g.Graph), 12);
        Assert.Equal(r.GetProperty("components").GetInt32(), Topology.Components(g.Graph).Count);
        ReferenceNetworks.AssertPerNode(g, Topology.Degrees(g.Graph).Select(d => (double)d).ToArray(), r.GetProperty("degree"), 0, "degree");
        if (r.GetProperty("strength").ValueKind != System.Text.Json.JsonValueKind.Null)
            ReferenceNetworks.AssertPerNode(g, Topology.Strengths(g.Graph), r.GetProperty("strength"), 1e-12, "strength");
    }

    [Theory, MemberData(nameof(Networks))]
    public void Betweenness_matches_networkx(string name)
    {
        var g = ReferenceNetworks.Load(name);
        var result = PathMeasures.Betweenness(g.Graph);
        Assert.False(result.IsEstimate);
        ReferenceNetworks.AssertPerNode(g, result.Values, ReferenceNetworks.Values(name).GetProperty("betweenness"), 1e-9, "betweenness");
    }

    /// <summary>
    /// Paths over weights read as lengths ("weighted": networkx's weight="weight") or over 1/weight ("inverse": weights as
    /// tie strengths, networkx on an attribute 1/weight): betweenness 1e-9, the distance measures 1e-12.
    /// </summary>
    [Theory]
    [InlineData("karate", "weighted")]
    [InlineData("lesmis", "weighted")]
    [InlineData("karate", "inverse")]
    [InlineData("lesmis", "inverse")]
    public void Betweenness_closeness_harmonic_and_path_statistics_over_lengths_match_networkx(string name, string lengths)
    {
        var g = ReferenceNetworks.Load(name);
        var r = ReferenceNetworks.Values(name);
        var paths = lengths == "inverse" ? Topology.InverseWeights(g.Graph) : g.Graph;
        var betweenness = PathMeasures.Betweenness(paths, new BetweennessOptions { WeightsAsDistances = true }).Values;
        ReferenceNetworks.AssertPerNode(g, betweenness, r.GetProperty($"betweenness_{lengths}"), 1e-9, $"{lengths} betweenness");
        var distances = PathMeasures.Distances(paths, weightsAsDistances: true);
        ReferenceNetworks.AssertPerNode(g, distances.Closeness, r.GetProperty($"closeness_{lengths}"), 1e-12, $"{lengths} closeness");
        ReferenceNetworks.AssertPerNode(g, distances.Harmonic, r.GetProperty($"harmonic_{lengths}"), 1e-12, $"{lengths} harmonic");
        Assert.Equal(r.GetProperty($"diameter_{lengths}").GetDouble(), distances.Diameter, 12);
        Assert.Equal(r.GetProperty($"average_shortest_path_length_{lengths}").GetDouble(), distances.AverageShortestPathLength, 12);
        Assert.NotEqual(PathMeasures.Betweenness(g.Graph).Values, betweenness); // the lengths do change the answer
        Assert.Same(g.Graph.Targets, paths.Targets); // 1/weight shares the arcs, only the weights are new
    }

    /// <summary>On a directed graph closeness and harmonic centrality measure the distances *to* a node, as networkx does (1e-12).</summary>
    [Fact]
    public void Directed_closeness_and_harmonic_look_at_distances_to_the_node_like_networkx()
    {
        var g = ReferenceNetworks.Load("lesmis", directed: true);
        var r = ReferenceNetworks.Values("lesmis_directed");
        var hops = PathMeasures.Distances(g.Graph);
        ReferenceNetworks.AssertPerNode(g, hops.Closeness, r.GetProperty("closeness"), 1e-12, "directed closeness");
        ReferenceNetworks.AssertPerNode(g, hops.Harmonic, r.GetProperty("harmonic"), 1e-12, "directed harmonic");
        var lengths = PathMeasures.Distances(g.Graph, weightsAsDistances: true);
        ReferenceNetworks.AssertPerNode(g, lengths.Closeness, r.GetProperty("closeness_weighted"), 1e-12, "directed weighted closeness");
        ReferenceNetworks.AssertPerNode(g, lengths.Harmonic, r.GetProperty("harmonic_weighted"), 1e-12, "directed weighted harmonic");
    }

    [Theory, MemberData(nameof(Networks))]
    public void Closeness_harmonic_diameter_and_average_path_match_networkx(string name)
    {
        var g = ReferenceNetworks.Load(name);
        var r = ReferenceNetworks.Values(name);
        var d = PathMeasures.Distances(g.Graph);
        ReferenceNetworks.AssertPerNode(g, d.Closeness, r.GetProperty("closeness"), 1e-12, "closeness");
        ReferenceNetworks.AssertPerNode(g, d.Harmonic, r.GetProperty("harmonic"), 1e-12, "harmonic");
        Assert.Equal(r.GetProperty("diameter").GetDouble(), d.Diameter);
        Assert.Equal(r.GetProperty("average_shortest_path_length").GetDouble(), d.AverageShortestPathLength, 12);
        Assert.True(d.Connected);
    }

    [Theory, MemberData(nameof(Networks))]
    public void Clustering_and_transitivity_match_networkx_and_igraph(string name)
    {
        var g = ReferenceNetworks.Load(name);
        var r = ReferenceNetworks.Values(name);
        ReferenceNetworks.AssertPerNode(g, Clustering.Local(g.Graph), r.GetProperty("clustering"), 1e-12, "clustering");
        Assert.Equal(r.GetProperty("average_clustering").GetDouble(), Clustering.AverageLocal(g.Graph), 12);
        Assert.Equal(r.GetProperty("transitivity").GetDouble(), Clustering.Transitivity(g.Graph), 12);
        Assert.Equal(r.GetProperty("igraph_transitivity").GetDouble(), Clustering.Transitivity(g.Graph), 12);
    }

    [Theory, MemberData(nameof(Networks))]
    public void Core_numbers_match_networkx_and_igraph(string name)
    {
        var g = ReferenceNetworks.Load(name);
        var cores = Cores.CoreNumbers(g.Graph).Select(c => (double)c).ToArray();
        ReferenceNetworks.AssertPerNode(g, cores, ReferenceNetworks.Values(name).GetProperty("core_number"), 0, "core number");
        ReferenceNetworks.AssertPerNode(g, cores, ReferenceNetworks.Values(name).GetProperty("igraph_core_number"), 0, "igraph coreness");
    }

    [Theory, MemberData(nameof(Networks))]
    public void PageRank_matches_networkx_and_igraph(string name)
    {
        var g = ReferenceNetworks.Load(name);
        var r = ReferenceNetworks.Values(name);
        var plain = Centrality.PageRank(g.Graph, new PageRankOptions { UseWeights = false, Tolerance = 1e-13 });
        Assert.True(plain.Converged);
        ReferenceNetworks.AssertPerNode(g, plain.Ranks, r.GetProperty("pagerank"), 1e-9, "pagerank");
        ReferenceNetworks.AssertPerNode(g, plain.Ranks, r.GetProperty("igraph_pagerank"), 1e-9, "igraph pagerank");
        if (r.GetProperty("pagerank_weighted").ValueKind != System.Text.Json.JsonValueKind.Null)
            ReferenceNetworks.AssertPerNode(g, Centrality.PageRank(g.Graph, new PageRankOptions { Tolerance = 1e-13 }).Ranks, r.GetProperty("pagerank_weighted"), 1e-9, "weighted pagerank");
    }

    [Fact]
    public void Modularity_of_the_karate_club_split_is_the_published_value()
    {
        var g = ReferenceNetworks.Load("karate");
        var partition = ReferenceNetworks.KarateClubs(g);
        // shared/data/reference_networks: networkx modularity of the "club" attribute, unweighted.
        Assert.Equal(0.3582347140039448, Centrality.Modularity(g.Graph, partition), 12);
    }
}
