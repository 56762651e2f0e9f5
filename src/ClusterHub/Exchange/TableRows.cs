namespace ClusterHub.Exchange;

/// <summary>
/// A table read row by row, whatever file it came from (<see cref="CsvRows"/>, <see cref="XlsxRows"/>): columns named by
/// the first row, cells trimmed and null when empty, rows numbered as the user sees them (the CSV line, the sheet row),
/// so that an import's errors point at the same place in either file.
/// </summary>
public interface ITableRows : IDisposable
{
    IReadOnlyList<string> Header { get; }

    /// <summary>Where the row last read starts: its line in a CSV, its row number in a sheet.</summary>
    int Line { get; }

    /// <summary>Moves to the next row that is not blank and not a note; false at the end.</summary>
    bool Read();

    /// <summary>The trimmed cell, or null when it is empty or missing.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "CsvRows' name for it everywhere; no Visual Basic implements this interface.")]
    string? Optional(int column);

    /// <summary>The file's name, for located errors.</summary>
    string File { get; }

    /// <summary>The column's index by name (case and surrounding spaces ignored); −1 for a missing optional one, a located error of row 1 for a missing required one.</summary>
    int Column(string name, bool required = true)
    {
        var i = -1;
        for (var c = 0; c < Header.Count && i < 0; c++) if (string.Equals(Header[c].Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase)) i = c;
        return i >= 0 || !required ? i : throw new MalformedFileException(new LocatedError(File, 1, 1, null, $"no column '{name}' (columns: {string.Join(", ", Header)})"));
    }

    /// <summary>The trimmed cell as a span (empty when empty or missing): <see cref="CsvRows"/> gives it without a string per cell.</summary>
    ReadOnlySpan<char> Cell(int column) => Optional(column).AsSpan();
}

public static class TableRows
{
    /// <summary>
    /// Opens an uploaded or local file as a table: xlsx through <see cref="XlsxRows"/>, anything else as text decoded by
    /// the kit (<see cref="DecodedText"/>) and read by <see cref="CsvRows"/>. A file that cannot be read throws
    /// <see cref="MalformedFileException"/> naming where.
    /// </summary>
    public static async Task<OpenedTable> OpenAsync(Stream bytes, string fileName, FileFormat format, CancellationToken ct)
    {
        if (format == FileFormat.Xlsx) return new OpenedTable(await XlsxRows.OpenAsync(bytes, fileName, ct), null);
        var text = await DecodedText.OpenAsync(bytes, fileName, ct);
        try { return new OpenedTable(new CsvRows(text.OpenReader(), text.File), text); }
        catch { await text.DisposeAsync(); throw; }
    }
}

/// <summary>A table and what holds its bytes open, released together.</summary>
public sealed class OpenedTable(ITableRows rows, IAsyncDisposable? owner) : IAsyncDisposable
{
    public ITableRows Rows { get; } = rows;

    public async ValueTask DisposeAsync()
    {
        Rows.Dispose();
        if (owner is not null) await owner.DisposeAsync();
    }
}
