using System.Text;
using ClusterHub.Exchange;

namespace ClusterHub.Tests.Exchange;

/// <summary>The kit's rules without a database: formula-safe cells and the encoding decision.</summary>
public class ExchangeRulesTests
{
    [Theory]
    [InlineData("=1+1", false, "'=1+1")]
    [InlineData("@SUM(A1)", false, "'@SUM(A1)")]
    [InlineData("+33 3 85 00 00 00", false, "'+33 3 85 00 00 00")]
    [InlineData("\tcmd", false, "'\tcmd")]
    [InlineData("-12.5", false, "'-12.5")] // in a text column even a number is quoted
    [InlineData("-12.5", true, "-12.5")] // in a numeric column a plain number stays a number
    [InlineData("+3", true, "+3")]
    [InlineData("-2+3", true, "'-2+3")] // a formula in a numeric column is still a formula
    [InlineData("Société", false, "Société")]
    public void Formula_starts_are_quoted_except_plain_numbers_in_numeric_columns(string cell, bool numeric, string written)
    {
        Assert.Equal(written, CsvCells.Neutralise(cell, numeric));
        Assert.Equal(cell, CsvCells.Restore(written));
    }

    private static async Task<(string Encoding, string Text)> Decode(byte[] bytes, int chunk)
    {
        await using var text = await DecodedText.OpenAsync(new TrickleStream(bytes, chunk), "f.csv", default);
        using var reader = text.OpenReader();
        return (text.Encoding.WebName, await reader.ReadToEndAsync());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public async Task A_character_cut_by_a_block_boundary_is_still_utf8(int chunk)
    {
        var (encoding, text) = await Decode(Encoding.UTF8.GetBytes("Société Œuvre 𝄞"), chunk);
        Assert.Equal(("utf-8", "Société Œuvre 𝄞"), (encoding, text));
    }

    [Fact]
    public async Task One_windows_1252_byte_far_down_the_file_decides_the_encoding_of_all_of_it()
    {
        var ascii = string.Concat(Enumerable.Repeat("Plain ASCII line\n", 20_000));
        byte[] bytes = [.. Encoding.ASCII.GetBytes(ascii), .. CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes("Société Élégante\n")];
        var (encoding, text) = await Decode(bytes, 65_536);
        Assert.Equal("windows-1252", encoding);
        Assert.EndsWith("Société Élégante\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_ends_inside_a_utf8_character_after_a_mark_is_refused()
    {
        var e = await Assert.ThrowsAsync<MalformedFileException>(() => Decode([0xEF, 0xBB, 0xBF, (byte)'a', (byte)'\n', 0xC3], 1));
        Assert.Equal(2, e.Error.Row);
    }

    [Fact]
    public async Task An_unpaired_utf16_surrogate_is_refused_with_its_line()
    {
        byte[] bytes = [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes("a\nb\n"), 0x00, 0xD8, .. Encoding.Unicode.GetBytes("x\n")];
        var e = await Assert.ThrowsAsync<MalformedFileException>(() => Decode(bytes, 5));
        Assert.Equal((3, "0xD800"), (e.Error.Row, e.Error.Value));
    }

    /// <summary>A request body: no seeking, and reads that return a few bytes at a time.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
