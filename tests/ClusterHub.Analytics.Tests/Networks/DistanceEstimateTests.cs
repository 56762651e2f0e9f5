using ClusterHub.Analytics.Networks;

namespace ClusterHub.Analytics.Tests.Networks;

/// <summary>Closeness and harmonic centrality from pivots (Eppstein–Wang) against the exact all-pairs values.</summary>
public class DistanceEstimateTests
{
    [Fact]
    public void With_every_node_as_a_pivot_the_estimate_is_the_exact_value_and_says_so()
    {
        var g = RandomGraphs.Gnm(300, 900, 4);
        var exact = PathMeasures.Distances(g);
        var all = PathMeasures.EstimateDistances(g, pivots: 300);
        Assert.False(all.IsEstimate);
        Assert.Equal(exact.Closeness, all.Closeness);
        Assert.Equal(exact.Harmonic, all.Harmonic);
    }

    /// <summary>
    /// 200 of 3,000 nodes as pivots on a connected graph of mean degree 8: every node's closeness within 5 % and harmonic
    /// within 8 % (12 % over weighted lengths, where the few nearest nodes weigh more) of the exact value, the average
    /// path within 1 %, the diameter a lower bound. (Largest errors when written, hops: 3.7 %, 5.7 % and 0.3 %; lengths:
    /// 4.4 %, 10.1 % and 0.5 %; the draw is seeded, so the test is deterministic.)
    /// </summary>
    [Theory]
    [InlineData(false, 0.08)]
    [InlineData(true, 0.12)]
    public void Two_hundred_pivots_estimate_closeness_and_harmonic_within_a_few_percent(bool weightsAsDistances, double harmonicError)
    {
        var g = RandomGraphs.Gnm(3000, 12000, 5);
        var exact = PathMeasures.Distances(g, weightsAsDistances: weightsAsDistances);
        Assert.True(exact.Connected);
        var estimate = PathMeasures.EstimateDistances(g, pivots: 200, seed: 1, weightsAsDistances: weightsAsDistances);
        Assert.True(estimate.IsEstimate);
        Assert.All(Enumerable.Range(0, g.NodeCount), v =>
        {
            Assert.InRange(estimate.Closeness[v] / exact.Closeness[v], 0.95, 1.05);
            Assert.InRange(estimate.Harmonic[v] / exact.Harmonic[v], 1 - harmonicError, 1 + harmonicError);
        });
        Assert.InRange(estimate.AverageShortestPathLength / exact.AverageShortestPathLength, 0.99, 1.01);
        Assert.InRange(estimate.Diameter, 1, exact.Diameter);
    }

    /// <summary>Small components that no pivot fell in get an exact search of their own; isolated nodes score 0.</summary>
    [Fact]
    public void Nodes_in_components_without_a_pivot_get_exact_values()
    {
        var b = new GraphBuilder();
        for (var i = 0; i < 500; i++) b.AddEdge($"g{i}", $"g{(i * 7 + 3) % 500}");
        for (var i = 0; i < 500; i++) b.AddEdge($"g{i}", $"g{(i + 1) % 500}");
        for (var t = 0; t < 20; t++) { b.AddEdge($"t{t}a", $"t{t}b"); b.AddEdge($"t{t}b", $"t{t}c"); }
        b.AddNode("alone");
        var named = b.Build();
        var exact = PathMeasures.Distances(named.Graph);
        var estimate = PathMeasures.EstimateDistances(named.Graph, pivots: 10, seed: 3);
        foreach (var id in named.Ids.Where(id => !id.StartsWith('g')))
        {
            var v = named.IndexOf(id);
            Assert.Equal(exact.Closeness[v], estimate.Closeness[v], 12);
            Assert.Equal(exact.Harmonic[v], estimate.Harmonic[v], 12);
        }
        Assert.Equal(0, estimate.Closeness[named.IndexOf("alone")]);
        Assert.False(estimate.Connected);
    }
}

/// <summary>One search per source for betweenness and the distances gives what the two measures give apart.</summary>
public class BetweennessAndDistancesTests
{
    [Theory]
    [InlineData(false, false, null)]
    [InlineData(false, true, null)]
    [InlineData(false, false, 40)]
    [InlineData(false, true, 40)]
    [InlineData(true, false, null)]
    [InlineData(true, true, 40)]
    public void One_pass_equals_the_two_measures_apart(bool directed, bool weightsAsDistances, int? pivots)
    {
        var g = RandomGraphs.Named(400, 1200, 9, directed).Graph;
        var options = new BetweennessOptions { Pivots = pivots, Seed = 2, WeightsAsDistances = weightsAsDistances };
        var (betweenness, distances) = PathMeasures.BetweennessAndDistances(g, options);
        var apart = pivots is { } k
            ? PathMeasures.EstimateDistances(g, k, 2, weightsAsDistances: weightsAsDistances)
            : PathMeasures.Distances(g, weightsAsDistances: weightsAsDistances);
        Assert.Equal(PathMeasures.Betweenness(g, options).Values, betweenness.Values, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(apart.Closeness, distances.Closeness, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(apart.Harmonic, distances.Harmonic, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal((apart.Diameter, apart.Connected, apart.IsEstimate), (distances.Diameter, distances.Connected, distances.IsEstimate));
        Assert.Equal(apart.AverageShortestPathLength, distances.AverageShortestPathLength, 12);
        Assert.Equal(pivots is not null && !directed, distances.IsEstimate);
    }
}
