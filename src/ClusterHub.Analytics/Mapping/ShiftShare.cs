using System.Runtime.CompilerServices;

namespace ClusterHub.Analytics.Mapping;

/// <summary>
/// A shift-share decomposition, one value per region × industry (<c>[r · I + i]</c>), of the change
/// <c>End − Start</c> into <see cref="NationalGrowth"/> + <see cref="IndustryMix"/> + <see cref="RegionalShift"/>.
/// NaN where either year's cell is missing.
/// </summary>
public sealed record ShiftShareResult(double[] Start, double[] End, double[] NationalGrowth, double[] IndustryMix, double[] RegionalShift);

/// <summary>
/// The classic shift-share (Dunn 1960; Esteban-Marquillas 1972 notation) between two years:
/// <code>
///   national growth  NG = e₀ · g            g  = E₁/E₀ − 1      (the base's growth, all industries)
///   industry mix     IM = e₀ · (gᵢ − g)     gᵢ = E₁ᵢ/E₀ᵢ − 1    (the base's growth in the industry)
///   regional shift   RS = (e₁ − e₀) − NG − IM  = e₀ · (g(r,i) − gᵢ) when e₀ &gt; 0
/// </code>
/// so that NG + IM + RS is the change exactly (to one rounding). The base's totals are taken over the cells known in
/// both years, so that a cell suppressed in one year does not read as growth or decline of the base. A cell starting
/// from 0 is all regional shift. A table of clusters (with <see cref="RegionalTable.RegionTotals"/>) takes g from the
/// regions' whole economies, not from the clustered part only, which would leave no industry mix to see.
/// </summary>
public static class ShiftShare
{
    /// <param name="table">The table; both years must be in it.</param>
    /// <param name="from">Year index of the start (an index into <see cref="RegionalTable.Years"/>).</param>
    /// <param name="to">Year index of the end.</param>
    /// <param name="regionBase">The base each region grows against; null: every region (national).</param>
    // Fully optimised from the start, as LocationQuotient.Compute.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ShiftShareResult Compute(RegionalTable table, int from, int to, Grouping? regionBase = null)
    {
        var (R, I) = (table.RegionCount, table.IndustryCount);
        regionBase ??= Grouping.Whole(R);
        LocationQuotient.Check(regionBase, R, nameof(regionBase), "regions");
        var B = regionBase.Count;
        var (start0, end0) = (new double[B * I], new double[B * I]);
        var (start, end) = (new double[B], new double[B]);
        for (var r = 0; r < R; r++)
        {
            var a = table.Row(from, r);
            var z = table.Row(to, r);
            var b = regionBase.GroupOf[r];
            for (var i = 0; i < I; i++)
            {
                if (double.IsNaN(a[i]) || double.IsNaN(z[i])) continue;
                start0[b * I + i] += a[i];
                end0[b * I + i] += z[i];
                start[b] += a[i];
                end[b] += z[i];
            }
        }
        if (table.RegionTotals is not null)
        {
            Array.Clear(start);
            Array.Clear(end);
            for (var r = 0; r < R; r++)
            {
                start[regionBase.GroupOf[r]] += table.RegionTotal(from, r);
                end[regionBase.GroupOf[r]] += table.RegionTotal(to, r);
            }
        }
        var n = R * I;
        var result = new ShiftShareResult(new double[n], new double[n], new double[n], new double[n], new double[n]);
        Parallel.For(0, R, new ParallelOptions { MaxDegreeOfParallelism = n < 1 << 16 ? 1 : -1 }, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (r) =>
        {
            var a = table.Row(from, r);
            var z = table.Row(to, r);
            var b = regionBase.GroupOf[r];
            var g = start[b] == 0 ? 0 : end[b] / start[b] - 1;
            for (var i = 0; i < I; i++)
            {
                var k = r * I + i;
                (result.Start[k], result.End[k]) = (a[i], z[i]);
                if (double.IsNaN(a[i]) || double.IsNaN(z[i]))
                {
                    result.NationalGrowth[k] = result.IndustryMix[k] = result.RegionalShift[k] = double.NaN;
                    continue;
                }
                // e₀ > 0 implies E₀ᵢ > 0 and E₀ > 0 (all values non-negative), so the growth rates below are defined.
                var (ng, im) = a[i] == 0 ? (0.0, 0.0) : (a[i] * g, a[i] * (end0[b * I + i] / start0[b * I + i] - 1 - g));
                result.NationalGrowth[k] = ng;
                result.IndustryMix[k] = im;
                result.RegionalShift[k] = z[i] - a[i] - ng - im;
            }
        });
        return result;
    }
}
