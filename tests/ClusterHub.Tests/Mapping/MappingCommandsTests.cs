using System.Globalization;
using System.Text.Json;
using ClusterHub.Cli;
using ClusterHub.Exchange;
using ClusterHub.Mapping;

namespace ClusterHub.Tests.Mapping;

/// <summary>The <c>map</c> verbs over files, in-process, as a user types them.</summary>
public sealed class MappingCommandsTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("clusterhub-map-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string PathOf(string name) => Path.Combine(dir, name);

    private async Task<string> File(string name, string text)
    {
        await System.IO.File.WriteAllTextAsync(PathOf(name), text);
        return PathOf(name);
    }

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await Commands.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private const string Hand = "region,industry,year,emp\nA,1,2000,100\nA,1,2010,120\nA,2,2000,50\nA,2,2010,40\nB,1,2000,200\nB,1,2010,260\nB,2,2000,150\nB,2,2010,180\n";

    [Fact]
    public async Task Lq_writes_one_row_per_cell_with_the_measure_named()
    {
        var input = await File("hand.csv", Hand);
        var (exit, output, err) = await Run("map", "lq", input, "--region", "region", "--industry", "industry", "--value", "emp", "--year", "year");
        Assert.True(exit == 0, err);
        var lines = output.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("region,industry,year,value,lq", lines[0].TrimEnd('\r'));
        Assert.Equal(9, lines.Length);
        // A in 2000: 100 of 150 against 300 of 500 nationally.
        var a1 = lines.Single(l => l.StartsWith("A,1,2000,", StringComparison.Ordinal)).TrimEnd('\r').Split(',');
        Assert.Equal(100.0 / 150 / (300.0 / 500), double.Parse(a1[4], CultureInfo.InvariantCulture), 12);
    }

    [Fact]
    public async Task Shiftshare_to_json_sums_to_the_change()
    {
        var input = await File("hand.csv", Hand);
        var (exit, _, err) = await Run("map", "shiftshare", input, "--region", "region", "--industry", "industry", "--value", "emp", "--year", "year",
            "--from", "2000", "--to", "2010", "-o", PathOf("ss.json"));
        Assert.True(exit == 0, err);
        var rows = JsonDocument.Parse(await System.IO.File.ReadAllTextAsync(PathOf("ss.json"))).RootElement.EnumerateArray().ToList();
        Assert.Equal(4, rows.Count);
        var a2 = rows.Single(r => r.GetProperty("region").GetString() == "A" && r.GetProperty("industry").GetString() == "2");
        Assert.Equal(2010, a2.GetProperty("year").GetInt32());
        Assert.Equal(40, a2.GetProperty("value").GetDouble());
        Assert.Equal((10.0, -5.0, -15.0), (Math.Round(a2.GetProperty("national_growth").GetDouble(), 9), Math.Round(a2.GetProperty("industry_mix").GetDouble(), 9), Math.Round(a2.GetProperty("regional_shift").GetDouble(), 9)));
    }

    [Fact]
    public async Task Stars_over_the_real_urssaf_file_with_the_nuclear_definition_to_xlsx()
    {
        var (exit, _, err) = await Run("map", "stars", RegionalFileTests.Samples("urssaf-rouen-commune-ape.csv"), "--region", "Code commune", "--industry", "Code APE",
            "--value", "Effectifs salariés {year}", "--parent", "Code EPCI", "--base", "parent",
            "--definitions", RegionalFileTests.Samples("nuclear-cluster-naf.csv"), "-o", PathOf("stars.xlsx"));
        Assert.True(exit == 0, err);
        var bytes = await System.IO.File.ReadAllBytesAsync(PathOf("stars.xlsx"));
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        (exit, var csv, err) = await Run("map", "stars", RegionalFileTests.Samples("urssaf-rouen-commune-ape.csv"), "--region", "Code commune", "--industry", "Code APE",
            "--value", "Effectifs salariés {year}", "--definitions", RegionalFileTests.Samples("nuclear-cluster-naf.csv"));
        Assert.True(exit == 0, err);
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("region,industry,year,value,lq,region_share,size_star,specialisation_star,focus_star,stars,lq_rank,strong,strong10", lines[0].TrimEnd('\r'));
        Assert.All(lines.Skip(1), l => Assert.Contains(",nuclear,", l, StringComparison.Ordinal));
        // Size and focus stars go to the top 10 % of the communes with the cluster each year: some, never most.
        var rated = lines.Skip(1).Select(l => l.Split(',')).Where(f => f[2] == "2022").ToList();
        Assert.InRange(rated.Count(f => f[6] == "1"), 1, (int)Math.Ceiling(rated.Count * 0.1));
    }

    /// <summary>A shift-share over a published layout reads only its two years, and gives to the byte what a read of every year gives.</summary>
    [Fact]
    public async Task A_shift_share_over_a_layout_reads_two_years_and_gives_the_figures_of_a_full_read()
    {
        var file = RegionalFileTests.Samples("urssaf-rouen-commune-ape.csv");
        var (exit, output, err) = await Run("map", "shiftshare", file, "--layout", "urssaf", "--from", "2010", "--to", "2022");
        Assert.True(exit == 0, err);
        using var text = DecodedText.OpenFile(file, "urssaf.csv");
        var full = RegionalLayouts.Read(text.OpenReader(), "urssaf.csv", RegionalLayout.Urssaf).Data!;
        Assert.Equal(17, full.Table.YearCount);
        using (var again = DecodedText.OpenFile(file, "urssaf.csv"))
            Assert.Equal([2010, 2022], RegionalLayouts.Read(again.OpenReader(), "urssaf.csv", RegionalLayout.Urssaf, new HashSet<int> { 2010, 2022 }).Data!.Table.Years);
        var (cells, columns) = MappingMeasures.ShiftShares(full, 2010, 2022, MappingBase.National);
        using var expected = new MemoryStream();
        await MappingMeasures.WriteCsvAsync(expected, "shiftshare", full.Table, true, columns, cells, CancellationToken.None);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(expected.ToArray()).TrimStart('\uFEFF'), output.TrimStart('\uFEFF'));
        (exit, _, err) = await Run("map", "shiftshare", file, "--layout", "urssaf", "--from", "2005", "--to", "2022");
        Assert.Equal((1, "clusterhub: no year 2005 in the table (years: " + string.Join(", ", Enumerable.Range(2006, 17)) + ")"), (exit, err.TrimEnd()));
    }

    /// <summary>
    /// The US Cluster Mapping layout reads the state file with the project's own national base (traded/local shares,
    /// totals with DC and Puerto Rico): Alabama's cluster 116 gets the published lq_tf 1.5356029, not the 1.5691 of the
    /// 50 states' own sums.
    /// </summary>
    [Fact]
    public async Task The_us_cluster_mapping_layout_gives_the_published_lq()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "NetworkData", "us_states_clusters_2016.csv");
        var (exit, output, err) = await Run("map", "lq", file, "--layout", "uscmp");
        Assert.True(exit == 0, err);
        var row = output.Split('\n').Single(l => l.StartsWith("01,116,2016,", StringComparison.Ordinal)).TrimEnd('\r').Split(',');
        Assert.Equal(1.5356029, double.Parse(row[4], CultureInfo.InvariantCulture), 6);
        (exit, output, err) = await Run("map", "lq", RegionalFileTests.Samples("urssaf-rouen-commune-ape.csv"), "--layout", "urssaf", "--base", "parent");
        Assert.True(exit == 0, err);
        Assert.StartsWith("region,industry,year,value,lq", output.TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_one_line_on_stderr_and_a_non_zero_exit()
    {
        var input = await File("bad.csv", "region,industry,year,emp\nA,1,2000,ten\n");
        var (exit, output, err) = await Run("map", "lq", input, "--region", "region", "--industry", "industry", "--value", "emp", "--year", "year");
        Assert.Equal(1, exit);
        Assert.Equal("clusterhub: bad.csv: 1 error(s); first: bad.csv: row 2, column emp ('ten'): not a number, nor a mark of a suppressed value (empty, NA, (D), s, secret, …)", err.TrimEnd());
        Assert.Contains("row 2, column emp", output, StringComparison.Ordinal);

        var good = await File("hand.csv", Hand);
        (exit, _, err) = await Run("map", "shiftshare", good, "--region", "region", "--industry", "industry", "--value", "emp", "--year", "year", "--from", "1999", "--to", "2010");
        Assert.Equal((1, "clusterhub: no year 1999 in the table (years: 2000, 2010)"), (exit, err.TrimEnd()));
        (exit, _, err) = await Run("map", "lq", good, "--region", "region", "--industry", "industry", "--value", "emp", "--base", "parent");
        Assert.Equal((1, "clusterhub: a parent-region base needs the regions' parents: name their column with --parent"), (exit, err.TrimEnd()));
        (exit, _, err) = await Run("map", "lq", good, "--region", "region", "--industry", "sector", "--value", "emp");
        Assert.Equal(1, exit);
        Assert.Contains("no column 'sector'", err, StringComparison.Ordinal);
        (exit, _, err) = await Run("map", "lq", good, "--region", "region", "--industry", "industry", "--value", "emp", "-o", PathOf("out.txt"));
        Assert.Equal((1, "clusterhub: out.txt: the output's extension picks its format: .csv, .json or .xlsx"), (exit, err.TrimEnd()));
        (exit, _, err) = await Run("map", "lq", good, "--region", "region");
        Assert.Equal((1, "clusterhub: name the columns with --region, --industry and --value, or give a --layout (Urssaf, Uscmp)"), (exit, err.TrimEnd()));
        (exit, _, err) = await Run("map", "lq", "--region", "region");
        Assert.Equal(2, exit);
        Assert.Single(err.TrimEnd().Split('\n'));
    }
}
