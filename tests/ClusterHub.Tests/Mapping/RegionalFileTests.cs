using ClusterHub.Analytics.Mapping;
using ClusterHub.Exchange;
using ClusterHub.Mapping;

namespace ClusterHub.Tests.Mapping;

public class RegionalFileTests
{
    private static readonly RegionalColumns Long = new("region", "industry", "emp", "year");

    private static RegionalRead Read(string csv, RegionalColumns? columns = null) => RegionalFile.Read(new StringReader(csv), "stats.csv", columns ?? Long);

    public static string Samples(string name) => Path.Combine(AppContext.BaseDirectory, "samples", "mapping", name);

    [Fact]
    public void Codes_stay_text_and_flagged_cells_are_missing_not_zero()
    {
        var read = Read("region,industry,year,emp\n01,0700,2020,10\n1,0700,2020,5\n2A,0700,2020,(D)\n2A,0700,2020,\n2A,12,2020,7\n01,12,2020,s\n07000,12,2020,\"1 234,5\"\n");
        Assert.True(read.Succeeded, string.Join("; ", read.Errors.First));
        var t = read.Data!.Table;
        Assert.Equal(["01", "1", "2A", "07000"], t.Regions.Codes);
        Assert.Equal(["0700", "12"], t.Industries.Codes);
        Assert.True(double.IsNaN(t[0, t.Regions.IndexOf("2A"), t.Industries.IndexOf("0700")]));
        Assert.True(double.IsNaN(t[0, t.Regions.IndexOf("01"), t.Industries.IndexOf("12")]));
        Assert.Equal(1234.5, t[0, t.Regions.IndexOf("07000"), t.Industries.IndexOf("12")]);
        Assert.Equal(3, read.Data.MissingCells);
        // The suppressed cell does not count as zero: 2A is all industry 12 among what is known, so its LQ there is E/E(12).
        var lq = LocationQuotient.Compute(t);
        Assert.Equal((15 + 7 + 1234.5) / (7 + 1234.5), lq[t.Cell(0, t.Regions.IndexOf("2A"), t.Industries.IndexOf("12"))], 12);
    }

    [Fact]
    public void Every_bad_cell_is_located_and_nothing_is_returned()
    {
        var read = Read("region,industry,year,emp\nA,1,2020,10\nB,1,20x0,3\nC,1,2020,abc\n,1,2020,4\nD,1,2020,-2\n");
        Assert.False(read.Succeeded);
        Assert.Equal(
        [
            new LocatedError("stats.csv", 3, "year", "20x0", "the year is not a whole number between 1800 and 2200"),
            new LocatedError("stats.csv", 4, "emp", "abc", "not a number, nor a mark of a suppressed value (empty, NA, (D), s, secret, …)"),
            new LocatedError("stats.csv", 5, "region", null, "region is empty"),
            new LocatedError("stats.csv", 6, "emp", "-2", "a count cannot be negative"),
        ], read.Errors.First);
    }

    [Fact]
    public void A_missing_column_refuses_the_file_naming_the_columns()
    {
        var e = Assert.Throws<MalformedFileException>(() => Read("region,industry,employment\nA,1,3\n", new RegionalColumns("region", "industry", "emp")));
        Assert.Contains("no column 'emp' (columns: region, industry, employment)", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<MalformedFileException>(() => Read("region,industry,jobs\nA,1,3\n", new RegionalColumns("region", "industry", "emp {year}")));
        Assert.Contains("no column matches 'emp {year}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_region_with_two_parents_is_an_error()
    {
        var read = Read("region,dep,industry,emp\n76005,76,1,3\n76005,27,2,4\n", new RegionalColumns("region", "industry", "emp", Parent: "dep"));
        Assert.Equal([new LocatedError("stats.csv", 3, "dep", "27", "region '76005' has parent '76' on line 2")], read.Errors.First);
    }

    /// <summary>The real URSSAF file as published (';', BOM, one column per year): 218 communes × 570 APE codes, 2006–2022, 183,731 jobs in 2022 (its SOURCE.md).</summary>
    [Fact]
    public void Urssaf_commune_by_ape_reads_wide_with_its_epci_as_parent()
    {
        using var text = DecodedText.OpenFile(Samples("urssaf-rouen-commune-ape.csv"), "urssaf.csv");
        var read = RegionalFile.Read(text.OpenReader(), text.File, UrssafColumns);
        Assert.True(read.Succeeded, string.Join("; ", read.Errors.First));
        var t = read.Data!.Table;
        Assert.Equal((218, 570, 17, 9338), (t.RegionCount, t.IndustryCount, t.YearCount, read.Data.Rows));
        Assert.Equal(Enumerable.Range(2006, 17), t.Years);
        var y2022 = t.YearIndex(2022);
        Assert.Equal(183_731, Enumerable.Range(0, t.RegionCount).Sum(r => t.RegionTotal(y2022, r)));
        Assert.Equal(9, read.Data.Parents!.Count);
        Assert.Contains("4399A", t.Industries.Codes);
    }

    public static readonly RegionalColumns UrssafColumns = new("Code commune", "Code APE", "Effectifs salariés {year}", Parent: "Code EPCI");

    [Fact]
    public void Cluster_definitions_read_naf_with_dots_and_the_us_naics_crosswalk()
    {
        using var nuclear = DecodedText.OpenFile(Samples("nuclear-cluster-naf.csv"), "nuclear.csv");
        var definition = ClusterDefinitionFile.Read(nuclear.OpenReader(), nuclear.File);
        Assert.Equal(12, definition.Count);
        Assert.Equal(["nuclear"], definition.ClustersOf("2511Z").Select(c => definition.Clusters[c]));
        var e = Assert.Throws<MalformedFileException>(() => ClusterDefinitionFile.Read(new StringReader("sector,cluster\n2511Z,n\n"), "d.csv"));
        Assert.Contains("no industry code column", e.Message, StringComparison.Ordinal);
    }
}
