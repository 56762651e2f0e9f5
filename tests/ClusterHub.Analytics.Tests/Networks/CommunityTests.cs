using ClusterHub.Analytics.Networks;

namespace ClusterHub.Analytics.Tests.Networks;

public class CommunityTests
{
    public static TheoryData<string, bool> Cases => new()
    {
        { "karate", false }, { "karate", true }, { "lesmis", false }, { "lesmis", true }, { "florentine", false },
    };

    /// <summary>
    /// Over the same 20 seeds, our best Louvain partition is at least as modular as igraph's best
    /// multilevel run (values in Data/reference.json, tolerance 1e-9).
    /// </summary>
    [Theory, MemberData(nameof(Cases))]
    public void Louvain_reaches_igraphs_multilevel_modularity(string name, bool weighted)
    {
        var g = ReferenceNetworks.Load(name);
        var key = weighted ? "igraph_multilevel_modularity_weighted" : "igraph_multilevel_modularity";
        var igraph = ReferenceNetworks.Values(name).GetProperty(key).GetDouble();
        var best = Enumerable.Range(0, 20).Max(seed => Communities.Louvain(g.Graph, new LouvainOptions { Seed = seed, UseWeights = weighted }).Modularity);
        Assert.True(best >= igraph - 1e-9, $"{name}: Louvain {best:R} < igraph {igraph:R}");
    }

    [Fact]
    public void Karate_reaches_the_published_optimum_of_about_0_42()
    {
        var g = ReferenceNetworks.Load("karate").Graph;
        var result = Enumerable.Range(0, 20).Select(seed => Communities.Louvain(g, new LouvainOptions { Seed = seed, UseWeights = false })).MaxBy(r => r.Modularity)!;
        Assert.Equal(0.4198, result.Modularity, 4); // Brandes et al. 2008: optimum 0.4198 with 4 communities
        Assert.Equal(4, result.Count);
    }

    [Fact]
    public void A_seed_gives_the_same_partition_every_time_and_the_reported_modularity_is_the_partitions()
    {
        var g = ReferenceNetworks.Load("lesmis").Graph;
        var a = Communities.Louvain(g, new LouvainOptions { Seed = 42 });
        var b = Communities.Louvain(g, new LouvainOptions { Seed = 42 });
        Assert.Equal(a.Community, b.Community);
        Assert.Equal(Centrality.Modularity(g, a.Community, useWeights: true), a.Modularity, 12);
        Assert.Equal(a.Count, a.Community.Distinct().Count());
        Assert.InRange(a.Modularity, 0.5, 1.0);
    }

    [Fact]
    public void Two_cliques_joined_by_one_edge_split_in_two()
    {
        var b = new GraphBuilder();
        for (var i = 0; i < 5; i++)
            for (var j = i + 1; j < 5; j++) { b.AddEdge($"a{i}", $"a{j}"); b.AddEdge($"b{i}", $"b{j}"); }
        b.AddEdge("a0", "b0");
        var g = b.Build();
        var r = Communities.Louvain(g.Graph);
        Assert.Equal(2, r.Count);
        Assert.All(Enumerable.Range(0, 5), i => Assert.Equal(r.Community[g.IndexOf("a0")], r.Community[g.IndexOf($"a{i}")]));
        Assert.NotEqual(r.Community[g.IndexOf("a0")], r.Community[g.IndexOf("b0")]);
    }

    [Fact]
    public void A_graph_without_edges_leaves_every_node_alone()
    {
        var b = new GraphBuilder();
        b.AddNode("x");
        b.AddNode("y");
        var r = Communities.Louvain(b.Build().Graph);
        Assert.Equal((2, 0.0), (r.Count, r.Modularity));
    }
}
