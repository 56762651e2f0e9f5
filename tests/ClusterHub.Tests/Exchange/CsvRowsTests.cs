using ClusterHub.Exchange;

namespace ClusterHub.Tests.Exchange;

/// <summary>The exchange kit's own CSV scanner and writer: RFC 4180 cells, detected delimiters, located failures, and a round trip.</summary>
public class CsvRowsTests
{
    private static List<(int Line, string?[] Cells)> ReadAll(string text)
    {
        using var rows = new CsvRows(new StringReader(text), "t.csv");
        var all = new List<(int, string?[])>();
        while (rows.Read()) all.Add((rows.Line, [.. Enumerable.Range(0, rows.Header.Count).Select(rows.Optional)]));
        return all;
    }

    private static string Cells(string?[] cells) => string.Join("|", cells.Select(c => c ?? "(null)"));

    [Fact]
    public void Quoted_cells_keep_delimiters_quotes_and_line_ends_and_lines_are_counted_in_the_text()
    {
        var rows = ReadAll("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n\n  plain  ,,\"\"\nlast,2,3");
        Assert.Equal([2, 5, 6], rows.Select(r => r.Line));
        Assert.Equal("x, y|say \"hi\"|two\nlines", Cells(rows[0].Cells));
        Assert.Equal("plain|(null)|(null)", Cells(rows[1].Cells));
        Assert.Equal("last|2|3", Cells(rows[2].Cells));
    }

    [Theory]
    [InlineData("name;city\nA;Lyon\n", "Lyon")]
    [InlineData("name\tcity\nA\tLyon\n", "Lyon")]
    [InlineData("\"a;b\",city\n\"x;y\",Lyon\n", "Lyon")]
    public void The_delimiter_is_the_header_s_most_frequent_outside_quotes(string text, string city)
    {
        using var rows = new CsvRows(new StringReader(text), "t.csv");
        Assert.True(rows.Read());
        Assert.Equal(city, rows.Optional(rows.Column("city")));
    }

    [Fact]
    public void A_quoted_cell_never_closed_refuses_the_file_at_the_line_it_opens()
    {
        var e = Assert.Throws<MalformedFileException>(() => ReadAll("a,b\n1,2\n3,\"open\n4,5\n"));
        Assert.Equal(new LocatedError("t.csv", 3, 2, null, "the CSV cannot be read: a quoted cell is never closed"), e.Error);
    }

    [Fact]
    public void Notes_and_blank_lines_are_skipped_and_a_byte_order_mark_is_not_part_of_the_first_name()
    {
        var rows = ReadAll("\uFEFFname,type\n# type: company,\n\nA,company\n");
        Assert.Equal(4, Assert.Single(rows).Line);
        Assert.Equal("A|company", Cells(rows[0].Cells));
        using var csv = new CsvRows(new StringReader("\uFEFFname,type\n"), "t.csv");
        Assert.Equal(0, csv.Column("name"));
    }

    /// <summary>What <see cref="Export"/> writes, <see cref="CsvRows"/> reads back cell for cell, awkward cells included.</summary>
    [Fact]
    public async Task Written_cells_read_back_unchanged()
    {
        string?[][] cells = [["plain", "a, b", "say \"hi\""], [" padded ", "two\r\nlines", null], ["Société", "=1+2", "-3.5"]];
        using var output = new MemoryStream();
        await Export.WriteCsvAsync(output, ["x", "y", "z"], cells.ToAsyncEnumerable(), row => row, default);
        var text = Export.Utf8WithMark.GetString(output.ToArray()).TrimStart('\uFEFF');
        Assert.StartsWith("x,y,z\r\nplain,\"a, b\",\"say \"\"hi\"\"\"\r\n\" padded \",", text, StringComparison.Ordinal);
        using var rows = new CsvRows(new StringReader(text), "t.csv");
        foreach (var expected in cells)
        {
            Assert.True(rows.Read());
            // Reading trims cells: the padded one comes back without its spaces, as every import wants it.
            Assert.Equal(expected.Select(c => c?.Trim() is "" ? null : c?.Trim()), Enumerable.Range(0, 3).Select(rows.Optional));
        }
        Assert.False(rows.Read());
    }
}
