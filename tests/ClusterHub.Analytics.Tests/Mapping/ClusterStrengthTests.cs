using ClusterHub.Analytics.Mapping;
using static ClusterHub.Analytics.Tests.Mapping.Tables;

namespace ClusterHub.Analytics.Tests.Mapping;

public class ClusterStrengthTests
{
    /// <summary>
    /// "nuclear" = 2530* (steam generators, by prefix) and 2511Z; 4711A (retail) is in no cluster but counts in the regions'
    /// totals. A = (2530Z 40, 2511Z 10, 4711A 50), B = (2511Z 10, 4711A 190): nuclear is 50 of 100 in A, 10 of 200 in B,
    /// 60 of 300 nationally; LQ(A) = 0.5/0.2 = 2.5, LQ(B) = 0.05/0.2 = 0.25.
    /// </summary>
    [Fact]
    public void Aggregation_by_definition_keeps_the_whole_economy_as_the_regions_total()
    {
        var t = Of(("A", "2530Z", 0, 40), ("A", "2511Z", 0, 10), ("A", "4711A", 0, 50), ("B", "2511Z", 0, 10), ("B", "4711A", 0, 190));
        var definition = new ClusterDefinition();
        definition.Add("2530*", "nuclear");
        definition.Add("2511Z", "nuclear");
        var clusters = definition.Aggregate(t);
        Assert.Equal(["nuclear"], clusters.Industries.Codes);
        Assert.Equal(50, At(clusters, clusters.Values, "A", "nuclear"));
        Assert.Equal(100, clusters.RegionTotal(0, clusters.Regions.IndexOf("A")));
        var lq = LocationQuotient.Compute(clusters);
        Assert.Equal(2.5, At(clusters, lq, "A", "nuclear"), 12);
        Assert.Equal(0.25, At(clusters, lq, "B", "nuclear"), 12);
        var figures = ClusterStrength.Figures(clusters, 0);
        Assert.Equal(0.5, figures.RegionShare[0], 12);
        Assert.Equal(50.0 / 60, figures.BaseShare[0], 12);
    }

    [Fact]
    public void Exact_codes_win_over_prefixes_and_a_code_may_count_in_several_clusters()
    {
        var d = new ClusterDefinition();
        d.Add("25*", "metal");
        d.Add("2530*", "nuclear");
        d.Add("2530Z", "energy");
        d.Add("2511Z", "nuclear");
        d.Add("2511Z", "construction");
        Assert.Equal(["energy"], d.ClustersOf("2530Z").Select(c => d.Clusters[c]));
        Assert.Equal(["nuclear"], d.ClustersOf("2530A").Select(c => d.Clusters[c]));
        Assert.Equal(["metal"], d.ClustersOf("2599B").Select(c => d.Clusters[c]));
        Assert.Equal(["nuclear", "construction"], d.ClustersOf("2511Z").Select(c => d.Clusters[c]));
        Assert.Empty(d.ClustersOf("4711A"));
    }

    /// <summary>
    /// Ten regions, one cluster of 10·(r+1) jobs in regions of 1,000 jobs except the smallest (R0: 10 of 20).
    /// Size: top 10% of 10 = the first: R9 (100 jobs). Focus: R0's 50 % share. Specialisation (LQ ≥ 2): R0 only, 0.5 against
    /// 550/9020 nationally (LQ 8.2); R9's 10 % gives 1.64.
    /// </summary>
    [Fact]
    public void Stars_by_hand()
    {
        var cells = new List<(string, string, int, double)>();
        for (var r = 0; r < 10; r++)
        {
            cells.Add(($"R{r}", "c", 0, 10 * (r + 1)));
            cells.Add(($"R{r}", "other", 0, (r == 0 ? 20 : 1000) - 10 * (r + 1)));
        }
        var t = Build(cells);
        var lq = LocationQuotient.Compute(t);
        var stars = ClusterStrength.Stars(t, lq, 0);
        var c = t.Industries.IndexOf("c");
        string[] Rated(bool[] flags) => [.. Enumerable.Range(0, 10).Where(r => flags[r * t.IndustryCount + c]).Select(r => t.Regions[r])];
        Assert.Equal(["R9"], Rated(stars.Size));
        Assert.Equal(["R0"], Rated(stars.Focus));
        Assert.Equal(["R0"], Rated(stars.Specialisation));
        Assert.Equal(2, stars.Stars[t.Regions.IndexOf("R0") * t.IndustryCount + c]);
        Assert.Equal(1, stars.Stars[t.Regions.IndexOf("R9") * t.IndustryCount + c]);
        Assert.Equal(0, stars.Stars[t.Regions.IndexOf("R5") * t.IndustryCount + c]);
    }

    /// <summary>
    /// The published strong_b and strong10_b of the 51 traded clusters × 50 states: given the published qualifying_b, a cell
    /// is strong when its LQ ranks within ⌈25 %⌉ (⌈10 %⌉) of the states with employment; every published flag is matched,
    /// and so are the published LQ and employment ranks.
    /// </summary>
    [Fact]
    public void Us_cluster_mapping_strong_flags_and_ranks()
    {
        var rows = UsStates.Value;
        var t = Build(rows.Select(r => (r.State, r.Cluster, 2016, r.Employment)));
        var traded = rows.DistinctBy(r => r.Cluster).ToDictionary(r => r.Cluster, r => r.Traded);
        var reference = new double[t.IndustryCount];
        foreach (var r in rows.Where(r => r.Employment > 0)) reference[t.Industries.IndexOf(r.Cluster)] = r.Employment / r.ClusterShare;
        var lq = LocationQuotient.Compute(t, new LocationQuotientOptions
        {
            IndustryGroups = Grouping.ByParent(t.Industries, c => traded[c] ? "traded" : "local"),
            ReferenceTotals = reference,
        });
        var qualifying = new bool[t.RegionCount * t.IndustryCount];
        foreach (var r in rows) qualifying[t.Regions.IndexOf(r.State) * t.IndustryCount + t.Industries.IndexOf(r.Cluster)] = r.Qualifying == true;
        var flags = ClusterStrength.Strong(t, lq, 0, qualifying);
        int checkedFlags = 0, checkedRanks = 0;
        foreach (var r in rows)
        {
            var k = t.Regions.IndexOf(r.State) * t.IndustryCount + t.Industries.IndexOf(r.Cluster);
            if (r.Strong is { } strong)
            {
                Assert.True(strong == flags.Strong[k], $"{r.State}/{r.Cluster}: strong_b {strong}");
                Assert.True(r.Strong10 == flags.Strong10[k], $"{r.State}/{r.Cluster}: strong10_b {r.Strong10}");
                checkedFlags++;
            }
            if (r.LqRank is { } rank)
            {
                Assert.True(rank == flags.LqRank[k], $"{r.State}/{r.Cluster}: lq rank {rank}, computed {flags.LqRank[k]}");
                checkedRanks++;
            }
        }
        Assert.Equal((2550, 3294), (checkedFlags, checkedRanks));
        // Published employment ranks break ties in an order the file does not show (1,2,3 for three states of 175 jobs):
        // a tie's published rank lies within the tied block our competition rank starts.
        foreach (var cluster in t.Industries.Codes)
        {
            var column = Ranking.Column(t, t.Values, 0, t.Industries.IndexOf(cluster));
            var ranks = Ranking.Ranks(column);
            foreach (var r in rows.Where(r => r.Cluster == cluster && r.EmploymentRank is not null))
            {
                var ours = ranks[t.Regions.IndexOf(r.State)];
                var tied = column.Count(v => v == r.Employment);
                Assert.InRange(r.EmploymentRank!.Value, ours, ours + tied - 1);
            }
        }
    }

    [Fact]
    public void Ranks_share_the_better_rank_on_ties_and_skip_missing()
    {
        Assert.Equal([2, 1, 2, 0, 4], Ranking.Ranks([5.0, 7, 5, double.NaN, 1]));
        Assert.Equal([1, 0, 2, 4], Ranking.Order([5.0, 7, 5, double.NaN, 1]));
        Assert.True(Ranking.InTop(13, 50, 0.25));
        Assert.False(Ranking.InTop(14, 50, 0.25));
        Assert.True(Ranking.InTop(1, 3, 0.10));
    }

    [Fact]
    public void Growth_is_missing_from_zero_or_a_missing_year()
    {
        var t = Of(("A", "c", 2000, 100), ("A", "c", 2010, 150), ("B", "c", 2000, 0), ("B", "c", 2010, 5), ("C", "c", 2000, double.NaN), ("C", "c", 2010, 5));
        var g = ClusterStrength.Growth(t, 0, 1);
        Assert.Equal(0.5, g[0], 12);
        Assert.True(double.IsNaN(g[1]) && double.IsNaN(g[2]));
    }
}
