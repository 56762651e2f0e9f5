using ClusterHub.Analytics.Mapping;
using static ClusterHub.Analytics.Tests.Mapping.Tables;

namespace ClusterHub.Analytics.Tests.Mapping;

/// <summary>Laws that hold on any table, checked on seeded random tables with gaps and suppressed cells.</summary>
public class MappingPropertyTests
{
    /// <summary>Σᵣ (e(r)/E) · LQ(r,i) = Σᵣ e(r,i)/E(i) = 1 for every industry: the base's own LQ, as an employment-weighted mean.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void The_weighted_mean_lq_is_one_in_every_industry(int seed)
    {
        var t = Build(Random(40, 12, 2, seed, density: 0.7, suppressed: 0.1));
        var lq = LocationQuotient.Compute(t);
        for (var y = 0; y < t.YearCount; y++)
        {
            var all = Enumerable.Range(0, t.RegionCount).Sum(r => t.RegionTotal(y, r));
            for (var i = 0; i < t.IndustryCount; i++)
            {
                var mean = Enumerable.Range(0, t.RegionCount).Select(r => lq[t.Cell(y, r, i)] * t.RegionTotal(y, r) / all).Where(v => !double.IsNaN(v)).Sum();
                Assert.Equal(1.0, mean, 12);
            }
        }
    }

    /// <summary>A region that is the sum of the others, against the others' totals as the reference, has an LQ of 1 everywhere.</summary>
    [Fact]
    public void The_base_region_itself_has_an_lq_of_one()
    {
        var rows = Random(30, 10, 1, seed: 3);
        var nation = rows.GroupBy(r => r.Industry).Select(g => (Region: "NATION", Industry: g.Key, Year: 2000, Value: g.Sum(r => r.Value)));
        var t = Build([.. rows, .. nation]);
        var reference = new double[t.IndustryCount];
        foreach (var (_, industry, _, value) in rows) reference[t.Industries.IndexOf(industry)] += value;
        var lq = LocationQuotient.Compute(t, new LocationQuotientOptions { ReferenceTotals = reference });
        for (var i = 0; i < t.IndustryCount; i++) Assert.Equal(1.0, lq[t.Cell(0, t.Regions.IndexOf("NATION"), i)], 12);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void Shift_share_components_sum_to_the_change(int seed)
    {
        var t = Build(Random(50, 15, 3, seed, density: 0.8, suppressed: 0.05));
        var parents = Grouping.ByParent(t.Regions, r => "P" + (r[^1] % 3));
        foreach (var regionBase in new[] { null, parents })
        {
            var s = ShiftShare.Compute(t, 0, 2, regionBase);
            var decomposed = 0;
            for (var k = 0; k < s.Start.Length; k++)
            {
                if (double.IsNaN(s.Start[k]) || double.IsNaN(s.End[k])) { Assert.True(double.IsNaN(s.RegionalShift[k])); continue; }
                var change = s.End[k] - s.Start[k];
                Assert.True(Math.Abs(s.NationalGrowth[k] + s.IndustryMix[k] + s.RegionalShift[k] - change) <= 1e-9 * Math.Max(1, Math.Abs(s.End[k]) + Math.Abs(s.Start[k])));
                decomposed++;
            }
            Assert.InRange(decomposed, 100, s.Start.Length);
        }
    }

    /// <summary>
    /// The same rows in another order under other region names (so other ids) give every measure the same per code:
    /// LQ, shift-share, specialisation, stars and strong flags.
    /// </summary>
    [Theory]
    [InlineData(6)]
    [InlineData(7)]
    public void Relabelling_regions_changes_nothing(int seed)
    {
        var rows = Random(40, 10, 2, seed, density: 0.7, suppressed: 0.05);
        static string Rename(string region) => "Z" + new string([.. region.Reverse()]);
        var shuffled = rows.Select(r => (Region: Rename(r.Region), r.Industry, r.Year, r.Value)).OrderBy(_ => Guid.NewGuid()).ToList();
        var (a, b) = (Build(rows), Build(shuffled));
        Assert.NotEqual(a.Regions.Codes, b.Regions.Codes.Select(c => c).ToList());
        var (lqA, lqB) = (LocationQuotient.Compute(a), LocationQuotient.Compute(b));
        var (ssA, ssB) = (ShiftShare.Compute(a, 0, 1), ShiftShare.Compute(b, 0, 1));
        var (spA, spB) = (Specialisation.Regions(a, 1), Specialisation.Regions(b, 1));
        var (stA, stB) = (ClusterStrength.Stars(a, lqA, 1), ClusterStrength.Stars(b, lqB, 1));
        var (sfA, sfB) = (ClusterStrength.Strong(a, lqA, 1), ClusterStrength.Strong(b, lqB, 1));
        for (var r = 0; r < a.RegionCount; r++)
        {
            var rb = b.Regions.IndexOf(Rename(a.Regions[r]));
            Assert.Equal(spA.Krugman[r], spB.Krugman[rb], 12);
            Assert.Equal(spA.Herfindahl[r], spB.Herfindahl[rb], 12);
            for (var i = 0; i < a.IndustryCount; i++)
            {
                var ib = b.Industries.IndexOf(a.Industries[i]);
                for (var y = 0; y < a.YearCount; y++) Assert.Equal(lqA[a.Cell(y, r, i)], lqB[b.Cell(y, rb, ib)], 12);
                var (ka, kb) = (r * a.IndustryCount + i, rb * b.IndustryCount + ib);
                Assert.Equal(ssA.RegionalShift[ka], ssB.RegionalShift[kb], 9);
                Assert.Equal(ssA.IndustryMix[ka], ssB.IndustryMix[kb], 9);
                Assert.Equal(stA.Stars[ka], stB.Stars[kb]);
                Assert.Equal((sfA.Strong[ka], sfA.LqRank[ka]), (sfB.Strong[kb], sfB.LqRank[kb]));
            }
        }
    }

    [Fact]
    public void One_parent_for_every_region_is_the_national_base()
    {
        var t = Build(Random(25, 8, 2, seed: 8, suppressed: 0.1));
        var national = LocationQuotient.Compute(t);
        var parent = LocationQuotient.Compute(t, new LocationQuotientOptions { RegionBase = Grouping.ByParent(t.Regions, _ => "FR") });
        Assert.Equal(national, parent);
    }

    /// <summary>A region with the base's own mix has Krugman 0; a region of one industry has Herfindahl 1; Hoover is half Krugman and within 0–1.</summary>
    [Fact]
    public void Specialisation_and_concentration_bounds()
    {
        var t = Of(("same", "a", 0, 20), ("same", "b", 0, 30), ("x", "a", 0, 20), ("x", "b", 0, 30), ("mono", "a", 0, 50), ("mono", "b", 0, 0),
                   ("y", "a", 0, 0), ("y", "b", 0, 50), ("c", "a", 0, 40), ("c", "b", 0, 60));
        // National mix: a = 130 of 300.
        var s = Specialisation.Regions(t, 0);
        var mono = t.Regions.IndexOf("mono");
        Assert.Equal(1.0, s.Herfindahl[mono], 12);
        Assert.Equal(2 * (1 - 130.0 / 300), s.Krugman[mono], 12);
        Assert.All(Enumerable.Range(0, t.RegionCount), r => Assert.Equal(s.Krugman[r] / 2, s.Hoover[r], 12));
        var balanced = Of(("p", "a", 0, 10), ("p", "b", 0, 20), ("q", "a", 0, 30), ("q", "b", 0, 60));
        Assert.All(Specialisation.Regions(balanced, 0).Krugman, k => Assert.Equal(0, k, 12));
        var c = Specialisation.Industries(t, 0);
        Assert.All(c.Hoover, h => Assert.InRange(h, 0, 1));
        var big = Build(Random(60, 20, 1, seed: 9));
        Assert.All(Specialisation.Industries(big, 0).Herfindahl, h => Assert.InRange(h, 1.0 / 60, 1));
    }
}
