using ClusterHub.Analytics.Networks;

namespace ClusterHub.Analytics.Tests.Networks;

/// <summary>Laws that hold on any graph, checked on named small graphs and seeded random ones.</summary>
public class PropertyTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    public void PageRank_sums_to_one_even_with_dangling_nodes(int seed, bool directed)
    {
        var g = RandomGraphs.Named(200, 400, seed, directed).Graph;
        var ranks = Centrality.PageRank(g).Ranks;
        Assert.Equal(1.0, ranks.Sum(), 12);
        Assert.All(ranks, r => Assert.True(r > 0));
    }

    /// <summary>
    /// Components on sparse random graphs with hundreds of them, directed ones read as weakly connected: an arc never
    /// crosses two labels, each label's nodes are reached from its first node along arcs either way, and labels are
    /// numbered by first node (0, then 1, …), as a flood in node order would number them.
    /// </summary>
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public void Components_are_connected_separate_and_numbered_by_first_node(int seed, bool directed)
    {
        var g = RandomGraphs.Named(600, 400, seed, directed).Graph;
        var (count, labels) = Topology.Components(g);
        Assert.InRange(count, 150, 600);
        var neighbours = Enumerable.Range(0, g.NodeCount).Select(_ => new List<int>()).ToArray();
        for (var u = 0; u < g.NodeCount; u++)
            foreach (var v in g.Neighbors(u))
            {
                Assert.Equal(labels[u], labels[v]);
                neighbours[u].Add(v);
                neighbours[v].Add(u);
            }
        var next = 0;
        var reached = new bool[g.NodeCount];
        for (var s = 0; s < g.NodeCount; s++)
        {
            if (reached[s]) continue;
            Assert.Equal(next++, labels[s]);
            var stack = new Stack<int>([s]);
            reached[s] = true;
            while (stack.TryPop(out var v))
                foreach (var u in neighbours[v])
                    if (!reached[u]) { reached[u] = true; stack.Push(u); }
        }
        Assert.Equal(count, next);
    }

    [Fact]
    public void The_centre_of_a_star_has_betweenness_one_and_the_leaves_zero()
    {
        var b = new GraphBuilder();
        for (var i = 1; i <= 10; i++) b.AddEdge("hub", $"leaf{i}");
        var g = b.Build();
        var values = PathMeasures.Betweenness(g.Graph).Values;
        Assert.Equal(1.0, values[g.IndexOf("hub")], 12);
        Assert.All(Enumerable.Range(1, 10), i => Assert.Equal(0.0, values[g.IndexOf($"leaf{i}")]));
    }

    [Fact]
    public void Measures_do_not_depend_on_node_numbering()
    {
        var original = RandomGraphs.Named(120, 300, 7);
        // The same edges, inserted in reverse order with renamed nodes, get other dense ids.
        var b = new GraphBuilder();
        var g = original.Graph;
        for (var v = g.NodeCount - 1; v >= 0; v--)
        {
            b.AddNode("n" + original.Ids[v]);
            foreach (var t in g.Neighbors(v)) if (t >= v) b.AddEdge("n" + original.Ids[v], "n" + original.Ids[t]);
        }
        var relabelled = b.Build();
        var bo = PathMeasures.Betweenness(g).Values;
        var br = PathMeasures.Betweenness(relabelled.Graph).Values;
        var po = Centrality.PageRank(g, new PageRankOptions { UseWeights = false }).Ranks;
        var pr = Centrality.PageRank(relabelled.Graph, new PageRankOptions { UseWeights = false }).Ranks;
        var co = Cores.CoreNumbers(g);
        var cr = Cores.CoreNumbers(relabelled.Graph);
        for (var v = 0; v < g.NodeCount; v++)
        {
            var w = relabelled.IndexOf("n" + original.Ids[v]);
            Assert.Equal(bo[v], br[w], 9);
            Assert.Equal(po[v], pr[w], 9);
            Assert.Equal(co[v], cr[w]);
        }
    }

    [Fact]
    public void Pivot_sampling_says_it_is_an_estimate_and_with_every_node_as_pivot_equals_the_exact_value()
    {
        var g = RandomGraphs.Named(150, 400, 11).Graph;
        var exact = PathMeasures.Betweenness(g).Values;
        var all = PathMeasures.Betweenness(g, new BetweennessOptions { Pivots = g.NodeCount });
        Assert.False(all.IsEstimate);
        // Workers' sums are merged in whatever order they finish: equal up to rounding, not bit for bit.
        Assert.All(Enumerable.Range(0, g.NodeCount), v => Assert.Equal(exact[v], all.Values[v], 1e-12));
        var sampled = PathMeasures.Betweenness(g, new BetweennessOptions { Pivots = 40, Seed = 3 });
        Assert.True(sampled.IsEstimate);
        Assert.Equal(40, sampled.Sources);
        var again = PathMeasures.Betweenness(g, new BetweennessOptions { Pivots = 40, Seed = 3 }).Values; // seeded: the same pivots
        Assert.All(Enumerable.Range(0, g.NodeCount), v => Assert.Equal(sampled.Values[v], again[v], 1e-12));
    }

    [Fact]
    public void Modularity_is_zero_for_one_community_and_within_bounds_for_any_partition()
    {
        var g = RandomGraphs.Named(100, 300, 5).Graph;
        Assert.Equal(0.0, Centrality.Modularity(g, new int[g.NodeCount]), 12);
        var rng = new Random(9);
        for (var trial = 0; trial < 20; trial++)
        {
            var q = Centrality.Modularity(g, Enumerable.Range(0, g.NodeCount).Select(_ => rng.Next(6)).ToArray());
            Assert.InRange(q, -0.5, 1.0);
        }
    }

    [Fact]
    public void The_builder_merges_repeated_edges_by_summing_weights_and_drops_self_loops_by_default()
    {
        var b = new GraphBuilder();
        b.AddEdge("a", "b", 2);
        b.AddEdge("b", "a", 3);
        b.AddEdge("a", "a", 1);
        b.AddEdge("b", "c", 1);
        var g = b.Build();
        Assert.Equal(2, g.Graph.EdgeCount);
        Assert.Equal(5.0, g.Graph.NeighborWeights(g.IndexOf("a"))[0]);
        var keep = new GraphBuilder(selfLoops: SelfLoopPolicy.Keep);
        keep.AddEdge("a", "a");
        keep.AddEdge("a", "b");
        Assert.Equal(2, keep.Build().Graph.EdgeCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => b.AddEdge("a", "b", -1));
    }

    [Fact]
    public void The_engine_knows_nothing_of_the_web_or_the_database()
    {
        var references = typeof(Graph).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }
}
