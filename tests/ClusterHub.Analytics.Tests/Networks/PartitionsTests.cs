using ClusterHub.Analytics.Networks;

namespace ClusterHub.Analytics.Tests.Networks;

/// <summary>NMI and adjusted Rand index against igraph's compare_communities, and their defining properties.</summary>
public class PartitionsTests
{
    /// <summary>College football's conferences against igraph's Leiden partition (Data/reference.json), 1e-12.</summary>
    [Fact]
    public void Football_conferences_against_a_Leiden_partition_score_as_igraph_scores_them()
    {
        var r = ReferenceNetworks.Values("football");
        var teams = r.GetProperty("conference").EnumerateObject().Select(p => p.Name).ToArray();
        int[] Labels(string name) => [.. teams.Select(t => r.GetProperty(name).GetProperty(t).GetInt32())];
        var (conference, found) = (Labels("conference"), Labels("igraph_leiden"));
        Assert.Equal(r.GetProperty("igraph_nmi").GetDouble(), Partitions.NormalizedMutualInformation(conference, found), 12);
        Assert.Equal(r.GetProperty("igraph_adjusted_rand").GetDouble(), Partitions.AdjustedRandIndex(conference, found), 12);
        Assert.Equal(115, teams.Length);
    }

    [Fact]
    public void A_partition_agrees_fully_with_itself_under_any_labels_and_not_with_a_random_one()
    {
        var rng = new Random(7);
        var a = Enumerable.Range(0, 10_000).Select(_ => rng.Next(20)).ToArray();
        var relabelled = a.Select(l => 100 - 3 * l).ToArray();
        Assert.Equal(1, Partitions.NormalizedMutualInformation(a, relabelled), 12);
        Assert.Equal(1, Partitions.AdjustedRandIndex(a, relabelled), 12);
        var random = a.Select(_ => rng.Next(20)).ToArray();
        Assert.InRange(Partitions.AdjustedRandIndex(a, random), -0.01, 0.01);
        Assert.InRange(Partitions.NormalizedMutualInformation(a, random), 0, 0.01);
        var split = a.Select(l => l / 2).ToArray(); // coarser: shares much, not all
        Assert.InRange(Partitions.NormalizedMutualInformation(a, split), 0.5, 0.99);
        Assert.InRange(Partitions.AdjustedRandIndex(a, split), 0.3, 0.99);
    }

    [Fact]
    public void Trivial_partitions_and_mismatched_lengths()
    {
        int[] one = [0, 0, 0, 0], singletons = [0, 1, 2, 3];
        Assert.Equal(1, Partitions.NormalizedMutualInformation(one, one));
        Assert.Equal(1, Partitions.AdjustedRandIndex(one, one));
        Assert.Equal(0, Partitions.NormalizedMutualInformation(one, singletons));
        Assert.Equal(0, Partitions.AdjustedRandIndex(one, singletons));
        Assert.Throws<ArgumentException>(() => Partitions.AdjustedRandIndex(one, [0, 1]));
        Assert.Throws<ArgumentException>(() => Partitions.NormalizedMutualInformation([], []));
    }
}
