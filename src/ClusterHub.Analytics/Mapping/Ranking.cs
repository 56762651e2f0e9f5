namespace ClusterHub.Analytics.Mapping;

/// <summary>Orders and ranks of regions by a measure, largest first; NaN is unranked.</summary>
public static class Ranking
{
    /// <summary>
    /// Competition ranks ("1224"): equal values share the better rank, as the US Cluster Mapping's <c>*_rank_i</c> do;
    /// 0 for NaN. Ties are exact equality.
    /// </summary>
    public static int[] Ranks(ReadOnlySpan<double> values)
    {
        var order = Order(values);
        var ranks = new int[values.Length];
        for (var k = 0; k < order.Length; k++)
            ranks[order[k]] = k > 0 && values[order[k]] == values[order[k - 1]] ? ranks[order[k - 1]] : k + 1;
        return ranks;
    }

    /// <summary>The indices of the known values, largest value first, equal values by index (a stable order).</summary>
    public static int[] Order(ReadOnlySpan<double> values)
    {
        var known = new List<int>(values.Length);
        for (var k = 0; k < values.Length; k++) if (!double.IsNaN(values[k])) known.Add(k);
        var order = known.ToArray();
        var copy = values.ToArray(); // a span cannot be captured by the comparison
        // Array.Sort is not stable: the index breaks ties.
        Array.Sort(order, (a, b) => copy[a] != copy[b] ? copy[b].CompareTo(copy[a]) : a.CompareTo(b));
        return order;
    }

    /// <summary>Whether a rank is within the top <paramref name="fraction"/> of <paramref name="ranked"/> values: rank ≤ ⌈fraction · ranked⌉.</summary>
    public static bool InTop(int rank, int ranked, double fraction) => rank > 0 && rank <= (int)Math.Ceiling(fraction * ranked - 1e-9);

    /// <summary>One industry's column for one year: the value of every region (a view to rank regions for a cluster).</summary>
    public static double[] Column(RegionalTable table, double[] cells, int yearIndex, int industry)
    {
        var column = new double[table.RegionCount];
        for (var r = 0; r < column.Length; r++) column[r] = cells[table.Cell(yearIndex, r, industry)];
        return column;
    }
}
