using ClusterHub.Analytics.Mapping;
using static ClusterHub.Analytics.Tests.Mapping.Tables;

namespace ClusterHub.Analytics.Tests.Mapping;

public class ShiftShareTests
{
    /// <summary>
    /// By hand, 2000 → 2010: A = (100 → 120, 50 → 40), B = (200 → 260, 150 → 180). The nation grows 500 → 600, g = 0.2;
    /// industry 1 grows 300 → 380 (g₁ = 4/15), industry 2 200 → 220 (g₂ = 0.1).
    /// A,1: NG = 100 · 0.2 = 20, IM = 100 · (4/15 − 0.2) = 20/3, RS = 20 − 20 − 20/3 = −20/3.
    /// A,2: NG = 10, IM = 50 · (0.1 − 0.2) = −5, RS = −10 − 10 + 5 = −15.
    /// </summary>
    [Fact]
    public void Shift_share_by_hand()
    {
        var t = Of(("A", "1", 2000, 100), ("A", "1", 2010, 120), ("A", "2", 2000, 50), ("A", "2", 2010, 40),
                   ("B", "1", 2000, 200), ("B", "1", 2010, 260), ("B", "2", 2000, 150), ("B", "2", 2010, 180));
        var s = ShiftShare.Compute(t, t.YearIndex(2000), t.YearIndex(2010));
        var (a1, a2) = (0 * t.IndustryCount + t.Industries.IndexOf("1"), 0 * t.IndustryCount + t.Industries.IndexOf("2"));
        Assert.Equal(20, s.NationalGrowth[a1], 10);
        Assert.Equal(20.0 / 3, s.IndustryMix[a1], 10);
        Assert.Equal(-20.0 / 3, s.RegionalShift[a1], 10);
        Assert.Equal(10, s.NationalGrowth[a2], 10);
        Assert.Equal(-5, s.IndustryMix[a2], 10);
        Assert.Equal(-15, s.RegionalShift[a2], 10);
        // The regional shifts of the whole nation cancel within each industry.
        Assert.Equal(0, s.RegionalShift[a1] + s.RegionalShift[t.IndustryCount + a1], 10);
    }

    /// <summary>A cell missing in either year has no decomposition and does not move the base's growth; a cell from 0 is all shift.</summary>
    [Fact]
    public void Missing_cells_stay_out_and_a_start_at_zero_is_all_regional_shift()
    {
        var t = Of(("A", "1", 2000, 100), ("A", "1", 2010, 110), ("B", "1", 2000, 100), ("B", "1", 2010, double.NaN),
                   ("C", "1", 2000, 0), ("C", "1", 2010, 7));
        var s = ShiftShare.Compute(t, 0, 1);
        var (a, b, c) = (t.Regions.IndexOf("A"), t.Regions.IndexOf("B"), t.Regions.IndexOf("C"));
        Assert.True(double.IsNaN(s.RegionalShift[b]));
        // The base is A + C only: 100 → 117, g = 0.17.
        Assert.Equal(17, s.NationalGrowth[a], 10);
        Assert.Equal((0.0, 0.0, 7.0), (s.NationalGrowth[c], s.IndustryMix[c], s.RegionalShift[c]));
    }

    /// <summary>
    /// A cluster grows against the whole economy, not against itself: "c" = industry 1 of the hand case grows 300 → 380
    /// while the economy grows 500 → 600, so A's cluster cell has NG = 20, IM = 20/3 as before, where a table of the
    /// cluster alone would give IM = 0.
    /// </summary>
    [Fact]
    public void A_cluster_grows_against_the_whole_economy()
    {
        var t = Of(("A", "1", 2000, 100), ("A", "1", 2010, 120), ("A", "2", 2000, 50), ("A", "2", 2010, 40),
                   ("B", "1", 2000, 200), ("B", "1", 2010, 260), ("B", "2", 2000, 150), ("B", "2", 2010, 180));
        var definition = new ClusterDefinition();
        definition.Add("1", "c");
        var s = ShiftShare.Compute(definition.Aggregate(t), 0, 1);
        Assert.Equal(20, s.NationalGrowth[0], 10);
        Assert.Equal(20.0 / 3, s.IndustryMix[0], 10);
        Assert.Equal(-20.0 / 3, s.RegionalShift[0], 10);
    }
}
