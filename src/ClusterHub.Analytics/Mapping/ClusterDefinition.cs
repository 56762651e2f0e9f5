namespace ClusterHub.Analytics.Mapping;

/// <summary>
/// Industry codes → clusters (the US benchmark definitions: NAICS → 51 traded and 16 local clusters; a user's
/// "nuclear" = a list of NAF codes). An industry may belong to several clusters and counts in each. A code ending in
/// '*' is a prefix: "24*" takes every NAF class of division 24, "2530*" both 2530Z and any finer code; an exact code
/// wins over a prefix, a longer prefix over a shorter one.
/// </summary>
/// <param name="normalise">How the table's industry codes are written before they are looked up (the application strips
/// the dots of NAF codes); null: as they are.</param>
public sealed class ClusterDefinition(Func<string, string>? normalise = null)
{
    private readonly Dictionary<string, List<int>> exact = new(StringComparer.Ordinal);
    private readonly List<(string Prefix, int Cluster)> prefixes = [];

    public CodeIndex Clusters { get; } = new();

    /// <summary>Entries (industry code or prefix, cluster), as added.</summary>
    public int Count { get; private set; }

    public void Add(string industry, string cluster)
    {
        if (industry.Length == 0 || industry == "*") throw new ArgumentException("an industry code or prefix is needed", nameof(industry));
        var c = Clusters.Intern(cluster);
        if (industry.EndsWith('*')) prefixes.Add((industry[..^1], c));
        else
        {
            if (!exact.TryGetValue(industry, out var list)) exact[industry] = list = [];
            if (!list.Contains(c)) list.Add(c);
        }
        Count++;
    }

    /// <summary>The clusters <paramref name="industry"/> belongs to (empty: none).</summary>
    public IReadOnlyList<int> ClustersOf(string industry)
    {
        if (exact.TryGetValue(industry, out var list)) return list;
        var best = -1;
        List<int> found = [];
        foreach (var (prefix, cluster) in prefixes)
        {
            if (!industry.StartsWith(prefix, StringComparison.Ordinal) || prefix.Length < best) continue;
            if (prefix.Length > best) { found.Clear(); best = prefix.Length; }
            if (!found.Contains(cluster)) found.Add(cluster);
        }
        return found;
    }

    /// <summary>
    /// The table by cluster: each cluster's cell is the sum of its industries' known cells (missing only when all are
    /// missing), and each region keeps its all-industry total, so that shares and LQs of clusters are of the whole
    /// economy, not of the clustered part. Industries in no cluster count only in those totals.
    /// </summary>
    public RegionalTable Aggregate(RegionalTable table)
    {
        var (R, I, Y, C) = (table.RegionCount, table.IndustryCount, table.YearCount, Clusters.Count);
        var clustersOf = new IReadOnlyList<int>[I];
        for (var i = 0; i < I; i++) clustersOf[i] = ClustersOf(normalise is null ? table.Industries[i] : normalise(table.Industries[i]));
        var values = new double[Y * R * C];
        Array.Fill(values, double.NaN);
        var totals = new double[Y * R];
        for (var y = 0; y < Y; y++)
            for (var r = 0; r < R; r++)
            {
                var row = table.Row(y, r);
                var output = values.AsSpan((y * R + r) * C, C);
                for (var i = 0; i < I; i++)
                {
                    if (double.IsNaN(row[i])) continue;
                    foreach (var c in clustersOf[i]) output[c] = double.IsNaN(output[c]) ? row[i] : output[c] + row[i];
                }
                totals[y * R + r] = table.RegionTotal(y, r);
            }
        return new RegionalTable(table.Regions, Clusters, table.Years, values, totals);
    }
}
