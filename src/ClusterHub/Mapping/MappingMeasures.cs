using ClusterHub.Analytics.Mapping;
using System.Runtime.CompilerServices;
using ClusterHub.Exchange;

namespace ClusterHub.Mapping;

public enum MappingBase { National, Parent }

/// <summary>A measure's column of an output table: its name and its value for a cell (an index into <see cref="RegionalTable.Values"/>).</summary>
public sealed record MeasureColumn(string Name, Func<int, double> Value, bool Flag = false);

/// <summary>
/// The mapping measures as tables of rows, one per known cell (region × industry × year): <c>region</c>, <c>industry</c>,
/// <c>year</c> (when the data has years), <c>value</c>, then the measure's columns. The CLI writes them through the
/// exchange kit's <see cref="Export"/>; a missing measure is an empty cell (null in JSON).
/// </summary>
public static class MappingMeasures
{
    public static (IEnumerable<int> Cells, IReadOnlyList<MeasureColumn> Columns) LocationQuotients(RegionalData data, MappingBase @base)
    {
        var lq = LocationQuotient.Compute(data.Table, LqOptions(data, @base));
        return (Known(data.Table, 0, data.Table.YearCount), [new("lq", k => lq[k])]);
    }

    public static (IEnumerable<int> Cells, IReadOnlyList<MeasureColumn> Columns) ShiftShares(RegionalData data, int fromYear, int toYear, MappingBase @base)
    {
        var t = data.Table;
        // An error names the file's years: a shift-share reads only the two it compares.
        var named = data.FileYears is { Count: > 0 } read ? read : null;
        var (from, to) = (t.YearIndex(fromYear, named), t.YearIndex(toYear, named));
        var s = ShiftShare.Compute(t, from, to, Base(data, @base));
        var offset = to * t.RegionCount * t.IndustryCount;
        return (Known(t, to, to + 1).Where(k => !double.IsNaN(s.RegionalShift[k - offset])),
        [
            new("national_growth", k => s.NationalGrowth[k - offset]),
            new("industry_mix", k => s.IndustryMix[k - offset]),
            new("regional_shift", k => s.RegionalShift[k - offset]),
        ]);
    }

    /// <summary>LQ, the cluster's share of the region, the European Cluster Observatory's stars and the US strong-cluster flags, every year.</summary>
    public static (IEnumerable<int> Cells, IReadOnlyList<MeasureColumn> Columns) Stars(RegionalData data, MappingBase @base)
    {
        var t = data.Table;
        var lq = LocationQuotient.Compute(t, LqOptions(data, @base));
        var n = t.RegionCount * t.IndustryCount;
        var (share, size, specialised, focus, stars, rank, strong, strong10) =
            (new double[t.Values.Length], new double[t.Values.Length], new double[t.Values.Length], new double[t.Values.Length],
             new double[t.Values.Length], new double[t.Values.Length], new double[t.Values.Length], new double[t.Values.Length]);
        for (var y = 0; y < t.YearCount; y++)
        {
            var figures = ClusterStrength.Figures(t, y);
            var rating = ClusterStrength.Stars(t, lq, y);
            var flags = ClusterStrength.Strong(t, lq, y);
            for (var k = 0; k < n; k++)
            {
                var cell = y * n + k;
                share[cell] = figures.RegionShare[k];
                (size[cell], specialised[cell], focus[cell], stars[cell]) = (Bit(rating.Size[k]), Bit(rating.Specialisation[k]), Bit(rating.Focus[k]), rating.Stars[k]);
                (rank[cell], strong[cell], strong10[cell]) = (flags.LqRank[k] == 0 ? double.NaN : flags.LqRank[k], Bit(flags.Strong[k]), Bit(flags.Strong10[k]));
            }
        }
        return (Known(t, 0, t.YearCount),
        [
            new("lq", k => lq[k]),
            new("region_share", k => share[k]),
            new("size_star", k => size[k], Flag: true),
            new("specialisation_star", k => specialised[k], Flag: true),
            new("focus_star", k => focus[k], Flag: true),
            new("stars", k => stars[k], Flag: true),
            new("lq_rank", k => rank[k], Flag: true),
            new("strong", k => strong[k], Flag: true),
            new("strong10", k => strong10[k], Flag: true),
        ]);
    }

    /// <summary>The export's table: the cell's codes, its year, its value, then the measures.</summary>
    public static ExportTable<int> Table(string name, RegionalTable t, bool withYear, IReadOnlyList<MeasureColumn> measures)
    {
        var cellsPerYear = t.RegionCount * t.IndustryCount;
        var columns = new List<ExportColumn<int>>
        {
            new("region", k => t.Regions[k % cellsPerYear / t.IndustryCount]),
            new("industry", k => t.Industries[k % t.IndustryCount]),
        };
        if (withYear) columns.Add(new("year", k => t.Years[k / cellsPerYear]));
        columns.Add(new("value", k => t.Values[k]));
        foreach (var m in measures)
            columns.Add(m.Flag ? new(m.Name, k => m.Value(k) is var v && double.IsNaN(v) ? null : (int)v) : new(m.Name, k => m.Value(k) is var v && double.IsNaN(v) ? null : v));
        return new ExportTable<int>(name, columns);
    }

    /// <summary>
    /// The same table as <see cref="Table"/> written as CSV by <see cref="CsvBlocks"/> on every core, for the command line's
    /// millions of rows: each code escaped once, numbers formatted straight into UTF-8.
    /// </summary>
    public static Task WriteCsvAsync(Stream output, string name, RegionalTable t, bool withYear, IReadOnlyList<MeasureColumn> measures, IEnumerable<int> cells, CancellationToken ct)
    {
        var known = cells as int[] ?? [.. cells];
        var regions = t.Regions.Codes.Select(c => CsvBlock.Escaped(CsvCells.Neutralise(c))).ToArray();
        var industries = t.Industries.Codes.Select(c => CsvBlock.Escaped(CsvCells.Neutralise(c))).ToArray();
        var (cellsPerYear, industryCount) = (t.RegionCount * t.IndustryCount, t.IndustryCount);
        return CsvBlocks.WriteAsync(output, Table(name, t, withYear, measures).Columns.Select(c => c.Name), known.Length, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (block, row) =>
        {
            var k = known[row];
            block.Cell(regions[k % cellsPerYear / industryCount]);
            block.Cell(industries[k % industryCount]);
            if (withYear) block.Number(t.Years[k / cellsPerYear]);
            block.Number(t.Values[k]);
            foreach (var m in measures)
            {
                var v = m.Value(k);
                if (double.IsNaN(v)) block.Empty();
                else if (m.Flag) block.Number((int)v);
                else block.Number(v);
            }
        }, ct);
    }

    /// <summary>The parent base, or the national one: the file's own (a layout's) or the sums of the table.</summary>
    private static LocationQuotientOptions LqOptions(RegionalData data, MappingBase @base) =>
        @base == MappingBase.Parent ? new LocationQuotientOptions { RegionBase = Base(data, @base) } : data.NationalBase ?? new LocationQuotientOptions();

    private static Grouping? Base(RegionalData data, MappingBase @base) => @base switch
    {
        MappingBase.Parent => data.Parents ?? throw new ArgumentException("a parent-region base needs the regions' parents: name their column with --parent"),
        _ => null,
    };

    private static IEnumerable<int> Known(RegionalTable t, int fromYear, int toYear)
    {
        var cellsPerYear = t.RegionCount * t.IndustryCount;
        for (var k = fromYear * cellsPerYear; k < toYear * cellsPerYear; k++)
            if (!double.IsNaN(t.Values[k])) yield return k;
    }

    private static double Bit(bool flag) => flag ? 1 : 0;
}
