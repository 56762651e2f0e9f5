using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace ClusterHub.Exchange;

/// <summary>
/// A CSV read row by row, for every CSV reader (members, edge lists, participations): delimiter detected
/// (French spreadsheets save with ';'), columns found by name (case and surrounding spaces ignored), cells
/// trimmed, and a malformed file refused with a <see cref="MalformedFileException"/> naming its line.
/// A row whose first cell starts with '#' and whose other cells are empty is a note, skipped: the import
/// templates list the valid values so, and the template imports as it is.
/// </summary>
public sealed class CsvRows : IDisposable
{
    private readonly CsvReader csv;
    private readonly string file;
    private readonly string[] header;

    public CsvRows(TextReader reader, string file)
    {
        this.file = file;
        csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = true, BadDataFound = null });
        if (!Next()) throw new MalformedFileException(new LocatedError(file, 1, 1, null, "the file is empty"));
        csv.ReadHeader();
        header = [.. csv.HeaderRecord!.Select(h => h.Trim())];
    }

    /// <summary>The column names, trimmed, in file order.</summary>
    public IReadOnlyList<string> Header => header;

    /// <summary>The line of the row last read.</summary>
    public int Line => csv.Parser.Row;

    /// <summary>The column's index; −1 for a missing optional one.</summary>
    public int Column(string name, bool required = true)
    {
        var i = Array.FindIndex(header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        return i >= 0 || !required ? i : throw new MalformedFileException(new LocatedError(file, 1, 1, null, $"no column '{name}' (columns: {string.Join(", ", header)})"));
    }

    /// <summary>Moves to the next row that is not a note; false at the end.</summary>
    public bool Read()
    {
        while (Next())
            if (!IsNote()) return true;
        return false;
    }

    /// <summary>The trimmed cell, or null when it is empty or missing.</summary>
    public string? Optional(int column)
    {
        var value = column >= 0 && column < csv.Parser.Count ? csv.GetField(column)?.Trim() : null;
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public string Required(int column) => Optional(column) ?? throw new MalformedFileException(new LocatedError(file, Line, column + 1, null, $"{header[column]} is empty"));

    private bool Next()
    {
        try { return csv.Read(); }
        catch (CsvHelperException e)
        {
            throw new MalformedFileException(new LocatedError(file, e.Context?.Parser?.Row ?? 0, 1, null, "the CSV cannot be read: " + e.Message.Split('\n')[0]));
        }
    }

    private bool IsNote()
    {
        var record = csv.Parser.Record;
        if (record is not [var first, ..] || !first.TrimStart().StartsWith('#')) return false;
        for (var i = 1; i < record.Length; i++)
            if (!string.IsNullOrWhiteSpace(record[i])) return false;
        return true;
    }

    public void Dispose() => csv.Dispose();
}
