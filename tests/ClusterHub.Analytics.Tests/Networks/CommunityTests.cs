using ClusterHub.Analytics.Networks;

namespace ClusterHub.Analytics.Tests.Networks;

public class CommunityTests
{
    private static CommunityResult Detect(string method, Graph g, CommunityOptions? options = null) =>
        method == "leiden" ? Communities.Leiden(g, options) : Communities.Louvain(g, options);

    public static TheoryData<string> Methods => new() { "louvain", "leiden" };

    public static TheoryData<string, string, bool> Cases
    {
        get
        {
            var data = new TheoryData<string, string, bool>();
            foreach (var method in new[] { "louvain", "leiden" })
                foreach (var (name, weighted) in new[] { ("karate", false), ("karate", true), ("lesmis", false), ("lesmis", true), ("florentine", false) })
                    data.Add(method, name, weighted);
            return data;
        }
    }

    /// <summary>
    /// Over 20 seeds, our best partition is at least as modular as igraph's best over 20 seeds of the same method
    /// (multilevel for Louvain, Leiden on modularity iterated until stable; values in Data/reference.json, tolerance 1e-9).
    /// </summary>
    [Theory, MemberData(nameof(Cases))]
    public void Reaches_igraphs_modularity_for_the_same_method(string method, string name, bool weighted)
    {
        var g = ReferenceNetworks.Load(name);
        var key = $"igraph_{(method == "leiden" ? "leiden" : "multilevel")}_modularity{(weighted ? "_weighted" : "")}";
        var igraph = ReferenceNetworks.Values(name).GetProperty(key).GetDouble();
        var best = Enumerable.Range(0, 20).Max(seed => Detect(method, g.Graph, new CommunityOptions { Seed = seed, UseWeights = weighted }).Modularity);
        Assert.True(best >= igraph - 1e-9, $"{name}: {method} {best:R} < igraph {igraph:R}");
    }

    [Theory, MemberData(nameof(Methods))]
    public void Karate_reaches_the_published_optimum_of_about_0_42(string method)
    {
        var g = ReferenceNetworks.Load("karate").Graph;
        var result = Enumerable.Range(0, 20).Select(seed => Detect(method, g, new CommunityOptions { Seed = seed, UseWeights = false })).MaxBy(r => r.Modularity)!;
        Assert.Equal(0.4198, result.Modularity, 4); // Brandes et al. 2008: optimum 0.4198 with 4 communities
        Assert.Equal(4, result.Count);
    }

    [Theory, MemberData(nameof(Methods))]
    public void A_seed_gives_the_same_partition_every_time_and_the_reported_modularity_is_the_partitions(string method)
    {
        var g = ReferenceNetworks.Load("lesmis").Graph;
        var a = Detect(method, g, new CommunityOptions { Seed = 42 });
        var b = Detect(method, g, new CommunityOptions { Seed = 42 });
        Assert.Equal(a.Community, b.Community);
        Assert.Equal(Centrality.Modularity(g, a.Community, useWeights: true), a.Modularity, 12);
        Assert.Equal(a.Count, a.Community.Distinct().Count());
        Assert.InRange(a.Modularity, 0.5, 1.0);
    }

    [Theory, MemberData(nameof(Methods))]
    public void Two_cliques_joined_by_one_edge_split_in_two(string method)
    {
        var b = new GraphBuilder();
        for (var i = 0; i < 5; i++)
            for (var j = i + 1; j < 5; j++) { b.AddEdge($"a{i}", $"a{j}"); b.AddEdge($"b{i}", $"b{j}"); }
        b.AddEdge("a0", "b0");
        var g = b.Build();
        var r = Detect(method, g.Graph);
        Assert.Equal(2, r.Count);
        Assert.All(Enumerable.Range(0, 5), i => Assert.Equal(r.Community[g.IndexOf("a0")], r.Community[g.IndexOf($"a{i}")]));
        Assert.NotEqual(r.Community[g.IndexOf("a0")], r.Community[g.IndexOf("b0")]);
    }

    [Theory, MemberData(nameof(Methods))]
    public void A_graph_without_edges_leaves_every_node_alone(string method)
    {
        var b = new GraphBuilder();
        b.AddNode("x");
        b.AddNode("y");
        var r = Detect(method, b.Build().Graph);
        Assert.Equal((2, 0.0), (r.Count, r.Modularity));
    }

    /// <summary>
    /// Leiden's guarantee, which Louvain lacks: every community induces a connected subgraph. Checked on seeded
    /// random graphs: sparse G(n, m) and planted partitions (blocks of 50, 80 % of ties inside).
    /// </summary>
    [Theory, InlineData(1), InlineData(2), InlineData(3), InlineData(4)]
    public void Leiden_communities_are_connected(int seed)
    {
        var g = seed % 2 == 0 ? RandomGraphs.Gnm(2000, 3000, seed) : RandomGraphs.Planted(2000, 50, 2, 0.8, seed);
        var r = Communities.Leiden(g, new CommunityOptions { Seed = seed, UseWeights = false });
        // Flood each community from its first node without leaving it: one flood per community if all are connected.
        var reached = new bool[g.NodeCount];
        var floods = 0;
        for (var s = 0; s < g.NodeCount; s++)
        {
            if (reached[s]) continue;
            floods++;
            var stack = new Stack<int>([s]);
            reached[s] = true;
            while (stack.TryPop(out var v))
                foreach (var u in g.Neighbors(v))
                    if (!reached[u] && r.Community[u] == r.Community[v]) { reached[u] = true; stack.Push(u); }
        }
        Assert.Equal(r.Count, floods);
    }

    /// <summary>
    /// Each Leiden iteration starts from the last partition and only moves nodes for a gain, so with the same seed
    /// (the same draws for the shared iterations) more iterations never give a less modular partition.
    /// </summary>
    [Theory, InlineData(1), InlineData(2), InlineData(3)]
    public void More_Leiden_iterations_never_lower_modularity(int seed)
    {
        var g = seed == 1 ? RandomGraphs.Gnm(3000, 15000, seed) : RandomGraphs.Planted(1000 * seed, 50, seed, 0.8, seed);
        var q = Enumerable.Range(1, 5).Select(k => Communities.Leiden(g, new CommunityOptions { Seed = seed, UseWeights = false, MaxIterations = k }).Modularity).ToList();
        Assert.All(q.Zip(q.Skip(1)), pair => Assert.True(pair.Second >= pair.First - 1e-12, $"{pair.Second} < {pair.First}"));
        Assert.True(q[^1] > q[0], "the later iterations improved nothing at all");
    }
}
