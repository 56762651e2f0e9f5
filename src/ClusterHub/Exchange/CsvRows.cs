using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace ClusterHub.Networks;

/// <summary>
/// A CSV of edges or participations read row by row: delimiter detected, columns found by name (case and surrounding
/// spaces ignored), cells trimmed, every error naming the file, line and column.
/// </summary>
internal sealed class CsvRows : IDisposable
{
    private readonly CsvReader csv;
    private readonly string file;
    private readonly string[] header;

    public CsvRows(TextReader reader, string file)
    {
        this.file = file;
        csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = true, BadDataFound = null });
        if (!csv.Read()) throw new NetworkFormatException(file, 1, 1, "the file is empty");
        csv.ReadHeader();
        header = csv.HeaderRecord!;
    }

    /// <summary>The line of the row last read.</summary>
    public int Line => csv.Parser.Row;

    /// <summary>The column's index; −1 for a missing optional one.</summary>
    public int Column(string name, bool required = true)
    {
        var i = Array.FindIndex(header, h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
        return i >= 0 || !required ? i : throw new NetworkFormatException(file, 1, 1, $"no column '{name}' (columns: {string.Join(", ", header)})");
    }

    public bool Read() => csv.Read();

    /// <summary>The trimmed cell, or null when it is empty or missing.</summary>
    public string? Optional(int column)
    {
        var value = column >= 0 && column < csv.Parser.Count ? csv.GetField(column)?.Trim() : null;
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public string Required(int column) => Optional(column) ?? throw new NetworkFormatException(file, Line, column + 1, $"{header[column]} is empty");

    public void Dispose() => csv.Dispose();
}
