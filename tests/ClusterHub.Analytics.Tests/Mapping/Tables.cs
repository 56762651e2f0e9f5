using System.Globalization;
using ClusterHub.Analytics.Mapping;

namespace ClusterHub.Analytics.Tests.Mapping;

/// <summary>Small tables by hand, seeded random ones, and the US Cluster Mapping file (the test's own tiny CSV parser: the engine reads no files).</summary>
public static class Tables
{
    /// <summary>A table from (region, industry, year, value) rows.</summary>
    public static RegionalTable Of(params (string Region, string Industry, int Year, double Value)[] cells)
    {
        var b = new RegionalTableBuilder();
        foreach (var (r, i, y, v) in cells) b.Add(r, i, y, v);
        return b.Build();
    }

    /// <summary>
    /// A random table: each cell present with probability <paramref name="density"/>, values 1..1000 with a heavy tail,
    /// and with probability <paramref name="suppressed"/> a present cell suppressed (NaN).
    /// </summary>
    public static List<(string Region, string Industry, int Year, double Value)> Random(int regions, int industries, int years, int seed, double density = 0.6, double suppressed = 0)
    {
        var rng = new Random(seed);
        var rows = new List<(string, string, int, double)>();
        for (var y = 0; y < years; y++)
            for (var r = 0; r < regions; r++)
                for (var i = 0; i < industries; i++)
                {
                    if (rng.NextDouble() >= density) continue;
                    var value = rng.NextDouble() < suppressed ? double.NaN : Math.Floor(1 + 1000 * Math.Pow(rng.NextDouble(), 3));
                    rows.Add(($"R{r:000}", $"{i:00}{(char)('A' + i % 3)}", 2000 + y, value));
                }
        return rows;
    }

    public static RegionalTable Build(IEnumerable<(string Region, string Industry, int Year, double Value)> rows) => Of([.. rows]);

    /// <summary>The value of a code triple in a per-cell result.</summary>
    public static double At(RegionalTable t, double[] cells, string region, string industry, int year = 0) =>
        cells[t.Cell(t.YearIndex(year == 0 ? t.Years[0] : year), t.Regions.IndexOf(region), t.Industries.IndexOf(industry))];

    public sealed record UsRow(string State, string Cluster, string ClusterName, bool Traded, double Employment, double? PublishedLq,
        double RegionShare, double ClusterShare, int? LqRank, int? EmploymentRank, bool? Qualifying, bool? Strong, bool? Strong10);

    public static readonly Lazy<List<UsRow>> UsStates = new(() =>
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "us_states_clusters_2016.csv"));
        var header = Split(lines[0]);
        int Col(string name) => Array.IndexOf(header, name);
        var (state, cluster, name, traded, emp, lq, rshare, cshare, lqRank, empRank, qualifying, strong, strong10) =
            (Col("region_code_t"), Col("cluster_code_t"), Col("cluster_name_t"), Col("traded_b"), Col("emp_tl"), Col("lq_tf"), Col("region_emp_per_tf"),
             Col("cluster_emp_per_tf"), Col("lq_tf_rank_i"), Col("emp_tl_rank_i"), Col("qualifying_b"), Col("strong_b"), Col("strong10_b"));
        return lines.Skip(1).Select(Split).Select(f => new UsRow(f[state], f[cluster], f[name], f[traded] == "TRUE", Number(f[emp]), NumberOrNull(f[lq]),
            Number(f[rshare]), Number(f[cshare]), (int?)NumberOrNull(f[lqRank]), (int?)NumberOrNull(f[empRank]), Flag(f[qualifying]), Flag(f[strong]), Flag(f[strong10]))).ToList();
    });

    private static double Number(string s) => double.Parse(s, CultureInfo.InvariantCulture);
    private static double? NumberOrNull(string s) => s is "NA" or "" ? null : Number(s);
    private static bool? Flag(string s) => s switch { "TRUE" => true, "FALSE" => false, _ => null };

    /// <summary>Splits a CSV line with double-quoted fields (the file has no quotes inside fields).</summary>
    private static string[] Split(string line)
    {
        var fields = new List<string>();
        var (start, quoted) = (0, false);
        for (var k = 0; k <= line.Length; k++)
        {
            if (k < line.Length && line[k] == '"') quoted = !quoted;
            else if (k == line.Length || (line[k] == ',' && !quoted))
            {
                fields.Add(line[start..k].Trim('"'));
                start = k + 1;
            }
        }
        return [.. fields];
    }
}
