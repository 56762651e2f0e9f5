using System.Globalization;
using System.Text;
using ClusterHub.Exchange;
using ClusterHub.Mapping;

namespace ClusterHub.Tests.Mapping;

/// <summary>
/// The <c>map</c> verbs' fast reader and parallel CSV writer give exactly what the exchange kit's reader and
/// <see cref="Export"/> give: the same codes in the same order, the same cells to the bit, the same bytes out; and any file
/// outside the plain case is left to the general reader (null), which locates its errors.
/// </summary>
public sealed class RegionalFastCsvTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("clusterhub-fast-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static readonly RegionalColumns Long = new("region", "industry", "emp", "year");

    private string Write(string text, string name = "stats.csv")
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: name.Contains("bom", StringComparison.Ordinal)));
        return path;
    }

    private static RegionalData General(string path, RegionalColumns columns)
    {
        using var text = DecodedText.OpenFile(path, "stats.csv");
        var read = RegionalFile.Read(text.OpenReader(), "stats.csv", columns);
        Assert.True(read.Succeeded, string.Join("; ", read.Errors.First));
        return read.Data!;
    }

    private static void Same(RegionalData expected, RegionalData? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Table.Regions.Codes, actual.Table.Regions.Codes);
        Assert.Equal(expected.Table.Industries.Codes, actual.Table.Industries.Codes);
        Assert.Equal(expected.Table.Years, actual.Table.Years);
        Assert.Equal(expected.Table.Values.Select(BitConverter.DoubleToInt64Bits), actual.Table.Values.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal((expected.Rows, expected.MissingCells), (actual.Rows, actual.MissingCells));
        Assert.Equal(expected.FileYears, actual.FileYears);
    }

    /// <summary>A seeded long table: codes with leading zeros, spaces around cells, suppressed and empty cells, decimals and exponents, repeated cells (summed), blank lines, CRLF or LF.</summary>
    private static string Seeded(int seed, int rows, char delimiter, string newline)
    {
        var random = new Random(seed);
        string[] marks = ["s", "", "(D)", "NA", " secret "];
        var text = new StringBuilder($"region{delimiter} industry {delimiter}year{delimiter}emp{newline}");
        for (var k = 0; k < rows; k++)
        {
            var value = random.Next(10) switch
            {
                0 => marks[random.Next(marks.Length)],
                1 => (random.NextDouble() * 1000).ToString("R", CultureInfo.InvariantCulture),
                2 => random.Next(1, 9).ToString(CultureInfo.InvariantCulture) + "e" + random.Next(0, 4).ToString(CultureInfo.InvariantCulture),
                3 => " " + random.Next(0, 100000).ToString(CultureInfo.InvariantCulture) + " ",
                _ => random.Next(0, 5000).ToString(CultureInfo.InvariantCulture),
            };
            var region = random.Next(4) == 0 ? "2A" : random.Next(300).ToString("D5", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{region}{delimiter}{random.Next(40):D4}{delimiter}{2010 + random.Next(5)}{delimiter}{value}{newline}");
            if (random.Next(50) == 0) text.Append(newline);
        }
        return text.ToString();
    }

    [Theory]
    [InlineData(1, ',', "\n")]
    [InlineData(2, ';', "\r\n")]
    [InlineData(3, '\t', "\n")]
    public void A_plain_file_read_on_every_core_is_the_general_readers_table_to_the_bit(int seed, char delimiter, string newline)
    {
        var path = Write(Seeded(seed, 5_000, delimiter, newline));
        // Chunks of 256 bytes: some hundred chunks, each with codes of its own, merged in file order.
        Same(General(path, Long), RegionalFastCsv.TryRead(path, Long, minimumChunk: 256));
        Same(General(path, Long), RegionalFastCsv.TryRead(path, Long));
    }

    [Fact]
    public void A_wide_file_with_a_byte_order_mark_and_no_last_line_end_reads_the_same()
    {
        var columns = new RegionalColumns("Code commune", "Code APE", "Effectifs {year}");
        var path = Write("Code commune;Nom;Code APE;Effectifs 2020;Effectifs 2021\n76005;Amfreville;2530Z;12;14\n76005;Amfreville;2511Z;secret;3\n2B033;Bastia;2530Z;1.5;\n76005;Amfreville;2530Z;1;1", "wide-bom.csv");
        Same(General(path, columns), RegionalFastCsv.TryRead(path, columns, minimumChunk: 16));
    }

    [Fact]
    public void Chosen_years_are_read_alone_by_both_readers_and_the_other_years_cells_are_not_checked()
    {
        var only = new RegionalColumns("region", "industry", "emp", "year") { OnlyYears = new HashSet<int> { 2010, 2014 } };
        var path = Write(Seeded(4, 5_000, ',', "\n") + "B,1,2012,not a number\n,1,2013,5\n");
        Assert.Null(RegionalFastCsv.TryRead(path, Long)); // every year: the bad cells are errors to locate
        var read = RegionalFastCsv.TryRead(path, only, minimumChunk: 256);
        Same(General(path, only), read);
        Assert.Equal([2010, 2014], read!.Table.Years);
        Assert.Equal([2010, 2011, 2012, 2013, 2014], read.FileYears);
        var all = General(Write(Seeded(4, 5_000, ',', "\n"), "all.csv"), Long);
        foreach (var year in read.Table.Years)
            foreach (var (region, r) in read.Table.Regions.Codes.Select((c, r) => (c, r)))
                foreach (var (industry, i) in read.Table.Industries.Codes.Select((c, i) => (c, i)))
                    Assert.Equal(all.Table[all.Table.YearIndex(year), all.Table.Regions.IndexOf(region), all.Table.Industries.IndexOf(industry)], read.Table[read.Table.YearIndex(year), r, i]);

        var wide = new RegionalColumns("Code commune", "Code APE", "Effectifs {year}") { OnlyYears = new HashSet<int> { 2021 } };
        var widePath = Write("Code commune;Code APE;Effectifs 2020;Effectifs 2021\n76005;2530Z;bad;14\n2B033;2530Z;1.5;2\n", "wide.csv");
        Same(General(widePath, wide), RegionalFastCsv.TryRead(widePath, wide));
        Assert.Equal([2021], General(widePath, wide).Table.Years);
        Assert.Equal([2020, 2021], General(widePath, wide).FileYears);
    }

    [Fact]
    public void Quoted_names_with_the_delimiter_in_them_are_stepped_over_as_the_general_reader_reads_them()
    {
        // URSSAF's sector names: "MN Activités … ; soutien …", a "" inside, text after a closing quote, a stray quote in a code.
        var columns = new RegionalColumns("Code commune", "Code APE", "Effectifs {year}");
        var path = Write("Secteur;Code commune;Code APE;Effectifs 2020;Effectifs 2021\n" +
            "\"MN Activités ; soutien\";76005;7010Z;12;14\n" +
            "\"Dit \"\"le\"\" ; x\"suite;76005;2511Z;3;\n" +
            "Forge;76\"05;2511Z;1;2\n" +
            "\"\";2B033;7010Z;;5\n", "quoted.csv");
        var read = RegionalFastCsv.TryRead(path, columns, minimumChunk: 16);
        Same(General(path, columns), read);
        Assert.Equal(["76005", "76\"05", "2B033"], read!.Table.Regions.Codes);

        var urssaf = RegionalFileTests.Samples("urssaf-rouen-commune-ape.csv");
        var plain = RegionalFileTests.UrssafColumns with { Parent = null };
        Same(General(urssaf, plain), RegionalFastCsv.TryRead(urssaf, plain));
    }

    [Theory]
    [InlineData("region;industry;year;emp;note\nA;1;2020;3;\"a note\nover two lines\"\nB;1;2020;4;x\n")] // a line end in a quoted cell after the needed ones
    [InlineData("region;industry;year;emp;note\nA;1;2020;3;\"never closed\nB;1;2020;4;x\n")] // a quote never closed
    [InlineData("region;industry;year;emp\n\"A\";1;2020;3\n")] // a needed cell quoted: the general reader unquotes it
    [InlineData("region,industry,year,emp,x\"y\nA,1,2020,3,\"a;b;c;d;e\"\n")] // an odd quote in the header: CsvRows looks past it for its delimiter
    [InlineData("region,industry,year,emp\rA,1,2020,3\nB,1,2020,4\n")] // a carriage return ending the header
    public void A_quoted_cell_that_may_hold_a_line_end_or_a_needed_quoted_cell_is_left_to_the_general_reader(string csv) =>
        Assert.Null(RegionalFastCsv.TryRead(Write(csv), Long));

    [Theory]
    [InlineData("region,industry,year,emp\nA,1,2020,\"1 234,5\"\n")] // a quote
    [InlineData("region,industry,year,emp\nA,1,2020,1 234\n")] // grouped digits
    [InlineData("region,industry,year,emp\nA,1,2020,-3\n")] // a negative count: an error to locate
    [InlineData("region,industry,year,emp\nA,1,20x0,3\n")] // a bad year
    [InlineData("region,industry,year,emp\n,1,2020,3\n")] // an empty code
    [InlineData("region,industry,year,emp\nA,1,2020\n")] // a short row
    [InlineData("region,industry,year,emp\n# a note,,,\nA,1,2020,3\n")] // maybe a note row
    [InlineData("region,industry,year,emp\nA,1,2020,3\u00A0\n")] // a non-ASCII space around a value
    [InlineData("region,industry,year,emp\nA,1,2020,3\rB,1,2020,4\n")] // a lone carriage return
    [InlineData("region,industry,year\nA,1,2020\n")] // no value column: the general reader names it
    [InlineData("region,industry,year,emp\n")] // no rows
    public void Anything_but_the_plain_case_is_left_to_the_general_reader(string csv) =>
        Assert.Null(RegionalFastCsv.TryRead(Write(csv), Long));

    [Fact]
    public void Codes_are_trimmed_of_any_whitespace_as_the_general_reader_trims_them()
    {
        var path = Write("region,industry,year,emp\nA\u00A0,1,2020,3\n A\u2003 ,1,2021,4\n");
        Same(General(path, Long), RegionalFastCsv.TryRead(path, Long));
    }

    [Fact]
    public void A_windows_1252_file_is_left_to_the_general_reader()
    {
        var path = Path.Combine(dir, "latin.csv");
        File.WriteAllBytes(path, [.. "region,industry,year,emp\nS"u8, 0xE8, .. "te,1,2020,3\n"u8]);
        Assert.Null(RegionalFastCsv.TryRead(path, Long));
        Assert.Equal("Sète", General(path, Long).Table.Regions[0]);
    }

    [Fact]
    public async Task The_parallel_csv_is_the_exports_csv_byte_for_byte()
    {
        // Codes that need a quote or a formula guard, whole and fractional values, missing measures, flags.
        var path = Write("region,industry,year,emp\n\"=cmd\",\"a,b\",2020,10\n-1,x,2020,2.5\nB,x,2020,\nB,\"a,b\",2021,1e16\n=cmd,x,2021,0\n");
        var data = General(path, Long);
        var columns = new List<MeasureColumn>
        {
            new("lq", k => k % 3 == 0 ? double.NaN : k / 7.0),
            new("flag", k => k % 2, Flag: true),
        };
        var cells = Enumerable.Range(0, data.Table.Values.Length).Where(k => !double.IsNaN(data.Table.Values[k])).ToArray();
        using var expected = new MemoryStream();
        await Export.WriteAsync(expected, MappingMeasures.Table("lq", data.Table, true, columns), cells.ToAsyncEnumerable(), FileFormat.Csv, CancellationToken.None);
        using var actual = new MemoryStream();
        await MappingMeasures.WriteCsvAsync(actual, "lq", data.Table, true, columns, cells, CancellationToken.None);
        Assert.Equal(Encoding.UTF8.GetString(expected.ToArray()), Encoding.UTF8.GetString(actual.ToArray()));
        Assert.Equal(expected.ToArray(), actual.ToArray());
    }

    [Fact]
    public async Task A_table_of_many_blocks_is_written_in_order()
    {
        // 400 × 300 cells: several batches of blocks of 16,384 rows, formatted in parallel.
        var (regions, industries) = (new ClusterHub.Analytics.Mapping.CodeIndex(), new ClusterHub.Analytics.Mapping.CodeIndex());
        for (var r = 0; r < 400; r++) regions.Intern(r.ToString("D5", CultureInfo.InvariantCulture));
        for (var i = 0; i < 300; i++) industries.Intern(i.ToString("D4", CultureInfo.InvariantCulture));
        var random = new Random(7);
        var values = Enumerable.Range(0, 400 * 300).Select(_ => random.Next(5) == 0 ? double.NaN : random.Next(3) == 0 ? random.NextDouble() * 100 : random.Next(10_000)).ToArray();
        var table = new ClusterHub.Analytics.Mapping.RegionalTable(regions, industries, [2020], values);
        var columns = new List<MeasureColumn> { new("lq", k => values[k] / 3) };
        var cells = Enumerable.Range(0, values.Length).Where(k => !double.IsNaN(values[k])).ToArray();
        using var expected = new MemoryStream();
        await Export.WriteAsync(expected, MappingMeasures.Table("lq", table, false, columns), cells.ToAsyncEnumerable(), FileFormat.Csv, CancellationToken.None);
        using var actual = new MemoryStream();
        await MappingMeasures.WriteCsvAsync(actual, "lq", table, false, columns, cells, CancellationToken.None);
        Assert.Equal(expected.ToArray(), actual.ToArray());
    }
}
