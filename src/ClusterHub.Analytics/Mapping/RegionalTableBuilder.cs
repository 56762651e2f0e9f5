namespace ClusterHub.Analytics.Mapping;

/// <summary>
/// Collects cells in any order (a reader's rows) and builds a <see cref="RegionalTable"/>. Codes are interned as they
/// come, from spans, so a row costs no allocation once its codes are known. Two cells for the same region, industry and
/// year are summed (several establishments' rows, several codes of one cluster); a missing value (NaN) adds nothing, and
/// a cell stays missing only when every value given for it is missing.
/// </summary>
public sealed class RegionalTableBuilder
{
    private int[] regionOf = new int[1024];
    private int[] industryOf = new int[1024];
    private int[] yearOf = new int[1024];
    private double[] valueOf = new double[1024];
    private readonly List<int> distinctYears = [];
    private int lastYear = int.MinValue;

    public CodeIndex Regions { get; } = new();
    public CodeIndex Industries { get; } = new();

    /// <summary>Cells added so far.</summary>
    public int Count { get; private set; }

    public void Add(ReadOnlySpan<char> region, ReadOnlySpan<char> industry, int year, double value) =>
        Add(Regions.Intern(region), Industries.Intern(industry), year, value);

    /// <summary>A cell by ids of <see cref="Regions"/> and <see cref="Industries"/>.</summary>
    public void Add(int region, int industry, int year, double value)
    {
        if (Count == regionOf.Length)
        {
            var size = Count * 2;
            Array.Resize(ref regionOf, size);
            Array.Resize(ref industryOf, size);
            Array.Resize(ref yearOf, size);
            Array.Resize(ref valueOf, size);
        }
        if (year != lastYear && !distinctYears.Contains(year)) distinctYears.Add(year);
        lastYear = year;
        regionOf[Count] = region;
        industryOf[Count] = industry;
        yearOf[Count] = year;
        valueOf[Count] = value;
        Count++;
    }

    /// <param name="regionTotals">Optional all-industry totals per year and region, by year value and region id.</param>
    public RegionalTable Build(Func<int, int, double>? regionTotals = null)
    {
        int[] years = [.. distinctYears.Order()];
        if (years.Length == 0) years = [0];
        var (regions, industries) = (Regions.Count, Industries.Count);
        var values = new double[(long)years.Length * regions * industries];
        Array.Fill(values, double.NaN);
        var yearIndex = years.Length == 1 ? null : years.Select((year, y) => (year, y)).ToDictionary(p => p.year, p => p.y);
        for (var k = 0; k < Count; k++)
        {
            var v = valueOf[k];
            if (double.IsNaN(v)) continue;
            var y = yearIndex is null ? 0 : yearIndex[yearOf[k]];
            ref var cell = ref values[((long)y * regions + regionOf[k]) * industries + industryOf[k]];
            cell = double.IsNaN(cell) ? v : cell + v;
        }
        double[]? totals = null;
        if (regionTotals is not null)
        {
            totals = new double[years.Length * regions];
            for (var y = 0; y < years.Length; y++)
                for (var r = 0; r < regions; r++) totals[y * regions + r] = regionTotals(years[y], r);
        }
        return new RegionalTable(Regions, Industries, years, values, totals);
    }
}
