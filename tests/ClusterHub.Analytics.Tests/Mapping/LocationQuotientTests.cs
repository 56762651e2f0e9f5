using ClusterHub.Analytics.Mapping;
using static ClusterHub.Analytics.Tests.Mapping.Tables;

namespace ClusterHub.Analytics.Tests.Mapping;

public class LocationQuotientTests
{
    /// <summary>
    /// By hand: A = (10, 30), B = (30, 40), C = (missing, 10); the nation's known cells give E(i1) = 40, E(i2) = 80, E = 120.
    /// LQ(A,i1) = (10/40)/(40/120) = 0.75; LQ(A,i2) = (30/40)/(80/120) = 1.125; LQ(B,i1) = (30/70)/(1/3) = 9/7;
    /// LQ(B,i2) = (40/70)/(2/3) = 6/7; LQ(C,i2) = (10/10)/(2/3) = 1.5; C's i1 is missing, not zero.
    /// </summary>
    [Fact]
    public void National_base_by_hand_with_a_missing_cell()
    {
        var t = Of(("A", "i1", 2020, 10), ("A", "i2", 2020, 30), ("B", "i1", 2020, 30), ("B", "i2", 2020, 40), ("C", "i1", 2020, double.NaN), ("C", "i2", 2020, 10));
        var lq = LocationQuotient.Compute(t);
        Assert.Equal(0.75, At(t, lq, "A", "i1"), 12);
        Assert.Equal(1.125, At(t, lq, "A", "i2"), 12);
        Assert.Equal(9.0 / 7, At(t, lq, "B", "i1"), 12);
        Assert.Equal(6.0 / 7, At(t, lq, "B", "i2"), 12);
        Assert.Equal(1.5, At(t, lq, "C", "i2"), 12);
        Assert.True(double.IsNaN(At(t, lq, "C", "i1")));
    }

    /// <summary>
    /// Parent base: A = (10, 30) and B = (30, 10) in P, C = (50, 50) alone in Q. In P, E(i1) = 40 of 80:
    /// LQ(A,i1) = (10/40)/(40/80) = 0.5, LQ(B,i1) = (30/40)/(1/2) = 1.5; C is its own base: 1 everywhere.
    /// </summary>
    [Fact]
    public void Parent_base_by_hand()
    {
        var t = Of(("A", "i1", 0, 10), ("A", "i2", 0, 30), ("B", "i1", 0, 30), ("B", "i2", 0, 10), ("C", "i1", 0, 50), ("C", "i2", 0, 50));
        var parents = Grouping.ByParent(t.Regions, r => r == "C" ? "Q" : "P");
        var lq = LocationQuotient.Compute(t, new LocationQuotientOptions { RegionBase = parents });
        Assert.Equal(0.5, At(t, lq, "A", "i1"), 12);
        Assert.Equal(1.5, At(t, lq, "A", "i2"), 12);
        Assert.Equal(1.5, At(t, lq, "B", "i1"), 12);
        Assert.Equal(1.0, At(t, lq, "C", "i1"), 12);
        Assert.Equal(1.0, At(t, lq, "C", "i2"), 12);
        Assert.Throws<ArgumentException>(() => Grouping.ByParent(t.Regions, r => r == "C" ? null : "P"));
    }

    /// <summary>
    /// The published lq_tf of all 3,350 state × cluster cells (2016): traded clusters are shares of traded employment, local
    /// ones of local employment, and the national totals include DC and Puerto Rico (derived as emp_tl / cluster_emp_per_tf).
    /// Tolerance: 1e-6 relative; the file prints 7–8 significant digits (the largest difference is 1.1e-7).
    /// </summary>
    [Fact]
    public void Us_cluster_mapping_published_lq()
    {
        var rows = UsStates.Value;
        var t = Build(rows.Select(r => (r.State, r.Cluster, 2016, r.Employment)));
        Assert.Equal((50, 67), (t.RegionCount, t.IndustryCount));
        var traded = rows.DistinctBy(r => r.Cluster).ToDictionary(r => r.Cluster, r => r.Traded);
        var reference = new double[t.IndustryCount];
        foreach (var r in rows.Where(r => r.Employment > 0)) reference[t.Industries.IndexOf(r.Cluster)] = r.Employment / r.ClusterShare;
        var lq = LocationQuotient.Compute(t, new LocationQuotientOptions
        {
            IndustryGroups = Grouping.ByParent(t.Industries, c => traded[c] ? "traded" : "local"),
            ReferenceTotals = reference,
        });
        var compared = 0;
        foreach (var r in rows.Where(r => r.PublishedLq is not null))
        {
            var ours = At(t, lq, r.State, r.Cluster);
            Assert.True(Math.Abs(ours - r.PublishedLq!.Value) <= 1e-6 * Math.Max(1, r.PublishedLq.Value), $"{r.State}/{r.Cluster}: published {r.PublishedLq}, computed {ours}");
            compared++;
        }
        Assert.Equal(3350, compared);
    }

    /// <summary>SOURCE.md's warning, reproduced: the 50 states' own sums as the base give 1.5691 for Alabama's cluster 116, not the published 1.5356.</summary>
    [Fact]
    public void Us_cluster_mapping_naive_national_base_differs_as_documented()
    {
        var t = Build(UsStates.Value.Select(r => (r.State, r.Cluster, 2016, r.Employment)));
        var lq = LocationQuotient.Compute(t);
        Assert.Equal(1.5691, At(t, lq, "01", "116"), 4);
    }

    [Fact]
    public void Reference_totals_cannot_go_with_a_parent_base()
    {
        var t = Of(("A", "i1", 0, 1), ("B", "i1", 0, 2));
        Assert.Throws<ArgumentException>(() => LocationQuotient.Compute(t, new LocationQuotientOptions
        {
            RegionBase = Grouping.ByParent(t.Regions, _ => "P"),
            ReferenceTotals = [3],
        }));
    }
}
