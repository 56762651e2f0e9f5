using System.Globalization;
using ClusterHub.Analytics.Mapping;
using ClusterHub.Exchange;

namespace ClusterHub.Mapping;

/// <summary>The published layouts the <c>map</c> verbs know by name (<c>--layout</c>), so their columns need not be typed.</summary>
public enum RegionalLayout
{
    /// <summary>Columns named on the command line.</summary>
    None,

    /// <summary>URSSAF "établissements et effectifs salariés au niveau commune x APE": communes × APE codes, one employment column per year, the EPCI as parent.</summary>
    Urssaf,

    /// <summary>
    /// The US Cluster Mapping Project's region × cluster extracts (clustermapping.us; <c>all_states_clusters.csv</c>):
    /// employment by state (or economic area) and cluster, with the project's own bases for its LQs.
    /// </summary>
    Uscmp,
}

public static class RegionalLayouts
{
    public static readonly RegionalColumns Urssaf = new("Code commune", "Code APE", "Effectifs salariés {year}", Parent: "Code EPCI", Name: "Nom commune");
    public static readonly RegionalColumns Uscmp = new("region_code_t", "cluster_code_t", "emp_tl", "year_t", Name: "region_name_t");

    public static RegionalColumns Columns(RegionalLayout layout) => layout switch
    {
        RegionalLayout.Urssaf => Urssaf,
        RegionalLayout.Uscmp => Uscmp,
        _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, null),
    };

    /// <summary>A layout over CSV text; <paramref name="onlyYears"/> are the years to read (<see cref="RegionalColumns.OnlyYears"/>), null: every year.</summary>
    public static RegionalRead Read(TextReader reader, string file, RegionalLayout layout, IReadOnlySet<int>? onlyYears = null)
    {
        using var rows = new CsvRows(reader, file);
        return Read(rows, layout, onlyYears: onlyYears);
    }

    /// <summary>A layout over any table of the exchange kit (CSV or xlsx).</summary>
    public static RegionalRead Read(ITableRows rows, RegionalLayout layout, IProgress<double>? progress = null, Action<ITableRows, int, int, int, double>? also = null,
        IReadOnlySet<int>? onlyYears = null) =>
        layout == RegionalLayout.Uscmp ? ReadUscmp(rows, progress, also, onlyYears) : RegionalFile.Read(rows, Columns(layout) with { OnlyYears = onlyYears }, progress, also);

    /// <summary>
    /// The US extract with the national base its published <c>lq_tf</c> uses: traded clusters are shares of traded
    /// employment and local clusters of local employment (<c>traded_b</c>), and the national totals include the regions
    /// the file leaves out (DC, Puerto Rico), so each cluster's is derived as <c>emp_tl / cluster_emp_per_tf</c> from any
    /// of its rows with employment. With these the engine gives every published LQ of the 2016 state file.
    /// </summary>
    public static RegionalRead ReadUscmp(TextReader reader, string file)
    {
        using var rows = new CsvRows(reader, file);
        return ReadUscmp(rows);
    }

    public static RegionalRead ReadUscmp(ITableRows table, IProgress<double>? progress = null, Action<ITableRows, int, int, int, double>? also = null,
        IReadOnlySet<int>? onlyYears = null)
    {
        var traded = new Dictionary<int, bool>();
        var national = new Dictionary<(int Cluster, int Year), double>();
        var read = RegionalFile.Read(table, Uscmp with { OnlyYears = onlyYears }, progress, (rows, region, cluster, year, value) =>
        {
            also?.Invoke(rows, region, cluster, year, value);
            var flag = rows.Cell(rows.Column("traded_b"));
            traded[cluster] = flag.Equals("TRUE", StringComparison.OrdinalIgnoreCase) || flag.SequenceEqual("1");
            if (value > 0 && double.TryParse(rows.Cell(rows.Column("cluster_emp_per_tf")), NumberStyles.Float, CultureInfo.InvariantCulture, out var share) && share > 0)
                national[(cluster, year)] = value / share;
        });
        if (read.Data is not { } data) return read;
        var t = data.Table;
        var reference = new double[t.YearCount * t.IndustryCount];
        Array.Fill(reference, double.NaN);
        foreach (var ((cluster, year), total) in national) reference[t.YearIndex(year) * t.IndustryCount + cluster] = total;
        var groups = Grouping.ByParent(t.Industries, code => traded.GetValueOrDefault(t.Industries.IndexOf(code)) ? "traded" : "local");
        return read with { Data = data with { NationalBase = new LocationQuotientOptions { IndustryGroups = groups, ReferenceTotals = reference } } };
    }
}
