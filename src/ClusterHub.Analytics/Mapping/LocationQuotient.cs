using System.Runtime.CompilerServices;

namespace ClusterHub.Analytics.Mapping;

/// <summary>What a location quotient compares a region with.</summary>
public sealed record LocationQuotientOptions
{
    /// <summary>The base each region is compared with: its parent (e.g. département → région); null: every region of the table (national).</summary>
    public Grouping? RegionBase { get; init; }

    /// <summary>
    /// Industry groups whose totals the shares are taken of (e.g. traded / local clusters, as the US Cluster Mapping
    /// does); null: the region's whole employment.
    /// </summary>
    public Grouping? IndustryGroups { get; init; }

    /// <summary>
    /// The base's own totals per year and industry, <c>[y · I + i]</c>, when the table is only part of it (the
    /// communes of one employment zone against France, 50 states against the US with DC and Puerto Rico); the base's
    /// all-industry total is then the sum of these over the industry's group. Only with the national base.
    /// </summary>
    public double[]? ReferenceTotals { get; init; }
}

/// <summary>
/// The location quotient: a region's share of an industry in its employment over the base's share,
/// <c>LQ(r,i) = (e(r,i) / e(r)) / (E(i) / E)</c>, with <c>e(r)</c> the region's employment (in the industry's group),
/// <c>E(i)</c> and <c>E</c> the same sums over the base regions (known cells only). 1 is the base's own mix, above 1 a
/// specialisation. Missing cells, and cells whose region or base total is zero, get NaN.
/// Source: Isard (1960), <i>Methods of Regional Analysis</i>; as computed by the US Cluster Mapping Project (lq_tf).
/// </summary>
public static class LocationQuotient
{
    /// <returns>One LQ per cell, aligned with <see cref="RegionalTable.Values"/>.</returns>
    // Fully optimised from the start: its loops run once over tens of millions of cells (issue 11's speed target).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[] Compute(RegionalTable table, LocationQuotientOptions? options = null)
    {
        options ??= new LocationQuotientOptions();
        var (R, I, Y) = (table.RegionCount, table.IndustryCount, table.YearCount);
        var regionBase = options.RegionBase ?? Grouping.Whole(R, "national");
        var industryGroups = options.IndustryGroups ?? Grouping.Whole(I);
        Check(regionBase, R, "RegionBase", "regions");
        Check(industryGroups, I, "IndustryGroups", "industries");
        if (options.ReferenceTotals is { } reference)
        {
            if (options.RegionBase is not null) throw new ArgumentException("reference totals replace the national base; they cannot go with a parent-region base", nameof(options));
            if (reference.Length != Y * I) throw new ArgumentException($"{reference.Length} reference totals for {Y} years × {I} industries", nameof(options));
        }
        var (B, G) = (regionBase.Count, industryGroups.Count);
        var groupOf = industryGroups.GroupOf;
        var baseOf = regionBase.GroupOf;
        var useRegionTotals = options.IndustryGroups is null;
        var result = new double[table.Values.Length];
        var regionDen = new double[R * G];
        var baseNum = new double[B * I];
        var baseDen = new double[B * G];
        for (var y = 0; y < Y; y++)
        {
            Array.Clear(regionDen);
            Array.Clear(baseNum);
            Array.Clear(baseDen);
            for (var r = 0; r < R; r++)
            {
                var row = table.Row(y, r);
                var num = baseNum.AsSpan(baseOf[r] * I, I);
                var den = regionDen.AsSpan(r * G, G);
                for (var i = 0; i < row.Length; i++)
                {
                    var v = row[i];
                    if (double.IsNaN(v)) continue;
                    num[i] += v;
                    den[groupOf[i]] += v;
                }
                if (useRegionTotals) den[0] = table.RegionTotal(y, r);
                for (var g = 0; g < G; g++) baseDen[baseOf[r] * G + g] += den[g];
            }
            if (options.ReferenceTotals is { } totals)
            {
                Array.Clear(baseDen);
                totals.AsSpan(y * I, I).CopyTo(baseNum);
                for (var i = 0; i < I; i++)
                    if (!double.IsNaN(totals[y * I + i])) baseDen[groupOf[i]] += totals[y * I + i];
            }
            Parallel.For(0, R, new ParallelOptions { MaxDegreeOfParallelism = R * I < 1 << 16 ? 1 : -1 }, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (r) =>
            {
                var row = table.Row(y, r);
                var output = result.AsSpan(table.Cell(y, r, 0), I);
                var b = baseOf[r];
                for (var i = 0; i < I; i++)
                {
                    var g = groupOf[i];
                    var (regionTotal, baseIndustry, baseTotal) = (regionDen[r * G + g], baseNum[b * I + i], baseDen[b * G + g]);
                    output[i] = double.IsNaN(row[i]) || regionTotal == 0 || baseIndustry == 0 || baseTotal == 0
                        ? double.NaN
                        : row[i] / regionTotal / (baseIndustry / baseTotal);
                }
            });
        }
        return result;
    }

    internal static void Check(Grouping grouping, int members, string name, string what)
    {
        if (grouping.GroupOf.Length != members) throw new ArgumentException($"{name} groups {grouping.GroupOf.Length} {what}; the table has {members}", name);
    }
}
