using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace ClusterHub.Exchange;

/// <summary>
/// A CSV of millions of rows written on every core: rows are formatted in blocks of 16,384 straight into UTF-8 bytes, the
/// blocks of a batch in parallel, and written in order. The same text as <see cref="Export"/>'s CSV (byte-order mark, cells
/// quoted by <see cref="CsvText.Escape"/>, numbers in the invariant culture, CRLF): for the command line's big tables (the
/// mapping verbs' 4 million LQs), where formatting 20 million cells on one core through a <see cref="TextWriter"/> was half
/// of the run.
/// </summary>
public static class CsvBlocks
{
    private const int RowsPerBlock = 1 << 14;

    /// <summary>Writes <paramref name="header"/> then rows 0..<paramref name="rows"/>−1, each by <paramref name="row"/> (called from several threads).</summary>
    public static async Task WriteAsync(Stream output, IEnumerable<string> header, int rows, Action<CsvBlock, int> row, CancellationToken ct)
    {
        var first = new CsvBlock();
        first.Raw(Encoding.UTF8.Preamble);
        foreach (var name in header) first.Text(name);
        first.EndRow();
        await output.WriteAsync(first.Written, ct);
        var batch = Environment.ProcessorCount * 2;
        var blocks = Enumerable.Range(0, batch).Select(_ => new CsvBlock()).ToArray();
        for (var start = 0; start < rows; start += batch * RowsPerBlock)
        {
            var from = start;
            Parallel.For(0, batch, new ParallelOptions { CancellationToken = ct }, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (b) =>
            {
                var block = blocks[b];
                block.Clear();
                for (var k = from + b * RowsPerBlock; k < Math.Min(rows, from + (b + 1) * RowsPerBlock); k++)
                {
                    row(block, k);
                    block.EndRow();
                }
            });
            foreach (var block in blocks) await output.WriteAsync(block.Written, ct);
        }
    }
}

/// <summary>Rows of CSV as UTF-8 bytes, built by <see cref="CsvBlocks"/>.</summary>
public sealed class CsvBlock
{
    private byte[] bytes = new byte[1 << 16];
    private int used;
    private bool first = true;

    public ReadOnlyMemory<byte> Written => bytes.AsMemory(0, used);

    /// <summary>A text cell, quoted when it must be.</summary>
    public void Text(string? cell)
    {
        Separate();
        var escaped = CsvText.Escape(cell);
        Reserve(Encoding.UTF8.GetMaxByteCount(escaped.Length));
        used += Encoding.UTF8.GetBytes(escaped, bytes.AsSpan(used));
    }

    /// <summary>A cell already in its written form (<see cref="Cell"/>): a code written a million times is escaped once.</summary>
    public void Cell(ReadOnlySpan<byte> written)
    {
        Separate();
        Raw(written);
    }

    /// <summary>An empty cell: a missing value.</summary>
    public void Empty() => Separate();

    // Optimised from the first call, as the rows' callbacks are: they run millions of times within a second of starting.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Number<TNumber>(TNumber number) where TNumber : IUtf8SpanFormattable
    {
        Separate();
        int written;
        while (!number.TryFormat(bytes.AsSpan(used), out written, default, CultureInfo.InvariantCulture)) Reserve(bytes.Length);
        used += written;
    }

    /// <summary>
    /// A double as <see cref="Number{TNumber}"/> writes it (the shortest text that reads back the same): whole numbers
    /// (most counts) through the integer formatter, the same text below 10¹⁵, others by <see cref="ShortestDouble"/>; each
    /// several times faster than the runtime's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Number(double number)
    {
        if (number >= 1 && number < 1e15 && number == Math.Floor(number))
        {
            Number((long)number);
            return;
        }
        Separate();
        int written;
        while (!ShortestDouble.TryFormat(number, bytes.AsSpan(used), out written)) Reserve(bytes.Length);
        used += written;
    }

    /// <summary>A text cell's written form, for <see cref="Cell"/>.</summary>
    public static byte[] Escaped(string? cell) => Encoding.UTF8.GetBytes(CsvText.Escape(cell));

    internal void EndRow()
    {
        Raw("\r\n"u8);
        first = true;
    }

    internal void Clear() => (used, first) = (0, true);

    internal void Raw(ReadOnlySpan<byte> text)
    {
        Reserve(text.Length);
        text.CopyTo(bytes.AsSpan(used));
        used += text.Length;
    }

    private void Separate()
    {
        if (!first) Raw(","u8);
        first = false;
    }

    private void Reserve(int more)
    {
        if (used + more > bytes.Length) Array.Resize(ref bytes, Math.Max(bytes.Length * 2, used + more));
    }
}
