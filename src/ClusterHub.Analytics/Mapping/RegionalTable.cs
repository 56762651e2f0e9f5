using System.Diagnostics;

namespace ClusterHub.Analytics.Mapping;

/// <summary>
/// A region × industry × year table of one quantity (employment, establishments, wages), dense over int ids:
/// <code>
///   Values[(y · R + r) · I + i]    the value of region r, industry i, year Years[y]; NaN = missing
///   RegionTotals[y · R + r]         optional: the region's all-industry total when the industries are a selection
///                                   (clusters aggregated from a part of the codes); null: the sum of its row
/// </code>
/// Missing (a cell absent from the file, suppressed, flagged) is never zero: it is left out of every total and its
/// measures are missing too. Years are ascending. Memory: 8·Y·R·I bytes (3,000 × 1,000 × 10 = 240 MB).
/// </summary>
public sealed class RegionalTable
{
    public RegionalTable(CodeIndex regions, CodeIndex industries, int[] years, double[] values, double[]? regionTotals = null)
    {
        if (values.Length != (long)years.Length * regions.Count * industries.Count)
            throw new ArgumentException($"{values.Length} values for {years.Length} × {regions.Count} × {industries.Count} cells", nameof(values));
        if (regionTotals is not null && regionTotals.Length != years.Length * regions.Count)
            throw new ArgumentException($"{regionTotals.Length} region totals for {years.Length} × {regions.Count}", nameof(regionTotals));
        for (var y = 1; y < years.Length; y++)
            if (years[y] <= years[y - 1]) throw new ArgumentException("years must be ascending and distinct", nameof(years));
        Regions = regions;
        Industries = industries;
        Years = years;
        Values = values;
        RegionTotals = regionTotals;
    }

    public CodeIndex Regions { get; }
    public CodeIndex Industries { get; }
    public int[] Years { get; }
    public double[] Values { get; }
    public double[]? RegionTotals { get; }

    public int RegionCount => Regions.Count;
    public int IndustryCount => Industries.Count;
    public int YearCount => Years.Length;

    /// <summary>The cell's position in <see cref="Values"/> and every per-cell result.</summary>
    public int Cell(int y, int r, int i)
    {
        Debug.Assert((uint)y < (uint)YearCount && (uint)r < (uint)RegionCount && (uint)i < (uint)IndustryCount);
        return (y * RegionCount + r) * IndustryCount + i;
    }

    public double this[int y, int r, int i] => Values[Cell(y, r, i)];

    /// <summary>The index of <paramref name="year"/> in <see cref="Years"/>, or an error naming the years there are.</summary>
    /// <param name="year">The year sought.</param>
    /// <param name="named">The years the error names (a reader's file years when it read only some); default: the table's.</param>
    public int YearIndex(int year, IEnumerable<int>? named = null)
    {
        var y = Array.BinarySearch(Years, year);
        return y >= 0 ? y : throw new ArgumentException($"no year {year} in the table (years: {string.Join(", ", named ?? Years)})", nameof(year));
    }

    /// <summary>The row of region <paramref name="r"/> in year index <paramref name="y"/>.</summary>
    public ReadOnlySpan<double> Row(int y, int r) => Values.AsSpan((y * RegionCount + r) * IndustryCount, IndustryCount);

    /// <summary>The region's all-industry total: <see cref="RegionTotals"/> when given, else the sum of its known cells.</summary>
    public double RegionTotal(int y, int r) => RegionTotals?[y * RegionCount + r] ?? KnownSum(Row(y, r));

    internal static double KnownSum(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values) if (!double.IsNaN(v)) sum += v;
        return sum;
    }
}
