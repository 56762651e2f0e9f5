using ClusterHub.Analytics.Networks;

namespace ClusterHub.Analytics.Tests.Networks;

/// <summary>Eigenvector centrality, Burt's constraint and effective size against networkx; bipartite projection against networkx's Davis projection.</summary>
public class BrokerageTests
{
    public static TheoryData<string> Networks => [.. ReferenceNetworks.Names];

    [Theory, MemberData(nameof(Networks))]
    public void Eigenvector_centrality_matches_networkx(string name)
    {
        var g = ReferenceNetworks.Load(name);
        var (values, _, converged) = Centrality.Eigenvector(g.Graph);
        Assert.True(converged);
        ReferenceNetworks.AssertPerNode(g, values, ReferenceNetworks.Values(name).GetProperty("eigenvector"), 1e-9, "eigenvector");
    }

    [Theory, MemberData(nameof(Networks))]
    public void Constraint_and_effective_size_match_networkx(string name)
    {
        var g = ReferenceNetworks.Load(name);
        ReferenceNetworks.AssertPerNode(g, Brokerage.Constraint(g.Graph), ReferenceNetworks.Values(name).GetProperty("constraint"), 1e-12, "constraint");
        ReferenceNetworks.AssertPerNode(g, Brokerage.EffectiveSize(g.Graph), ReferenceNetworks.Values(name).GetProperty("effective_size"), 1e-12, "effective size");
    }

    /// <summary>
    /// On a weighted network (lesmis' co-appearance counts) both of Burt's measures read the weights as tie strengths, as
    /// networkx does when given a weight: effective size used to ignore them (off by up to 27 on a real network).
    /// </summary>
    [Theory, MemberData(nameof(Networks))]
    public void Weighted_constraint_and_effective_size_match_networkx(string name)
    {
        var g = ReferenceNetworks.Load(name);
        var r = ReferenceNetworks.Values(name);
        if (!g.Graph.IsWeighted)
        {
            Assert.Equal(System.Text.Json.JsonValueKind.Null, r.GetProperty("effective_size_weighted").ValueKind);
            // Without weights, asking for them changes nothing.
            Assert.Equal(Brokerage.EffectiveSize(g.Graph), Brokerage.EffectiveSize(g.Graph, useWeights: true));
            return;
        }
        ReferenceNetworks.AssertPerNode(g, Brokerage.Constraint(g.Graph, useWeights: true), r.GetProperty("constraint_weighted"), 1e-12, "weighted constraint");
        ReferenceNetworks.AssertPerNode(g, Brokerage.EffectiveSize(g.Graph, useWeights: true), r.GetProperty("effective_size_weighted"), 1e-12, "weighted effective size");
    }

    [Theory]
    [InlineData(ProjectionWeighting.SharedCount, "shared")]
    [InlineData(ProjectionWeighting.Newman, "newman")]
    public void The_davis_projection_matches_networkx(ProjectionWeighting weighting, string key)
    {
        var rows = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "davis_southern_women_bipartite.csv")).Skip(1)
            .Select(l => l.Split(',')).Select(f => (f[0], f[1])).ToList();
        var projected = Bipartite.Project(rows, weighting);
        var expected = ReferenceNetworks.Values("davis").GetProperty(key).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        var g = projected.Graph;
        Assert.Equal(18, g.NodeCount);
        Assert.Equal(expected.Count, g.EdgeCount);
        for (var v = 0; v < g.NodeCount; v++)
        {
            var targets = g.Neighbors(v);
            var weights = g.NeighborWeights(v);
            for (var i = 0; i < targets.Length; i++)
            {
                var (a, b) = (projected.Ids[v], projected.Ids[targets[i]]);
                var pair = string.CompareOrdinal(a, b) < 0 ? $"{a}|{b}" : $"{b}|{a}";
                Assert.Equal(expected[pair], weights[i], 12);
            }
        }
    }

    [Fact]
    public void A_broker_between_two_cliques_is_less_constrained_than_their_members()
    {
        var b = new GraphBuilder();
        foreach (var side in new[] { "a", "b" })
            for (var i = 0; i < 4; i++)
            {
                b.AddEdge("broker", $"{side}{i}");
                for (var j = i + 1; j < 4; j++) b.AddEdge($"{side}{i}", $"{side}{j}");
            }
        var g = b.Build();
        var constraint = Brokerage.Constraint(g.Graph);
        var size = Brokerage.EffectiveSize(g.Graph);
        Assert.True(constraint[g.IndexOf("broker")] < constraint[g.IndexOf("a0")]);
        Assert.Equal(8 - 2.0 * 12 / 8, size[g.IndexOf("broker")], 12); // 8 contacts, 12 ties among them
    }
}
