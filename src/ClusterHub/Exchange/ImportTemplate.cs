namespace ClusterHub.Exchange;

/// <summary>
/// A blank to fill in for an import: the header, one example row, then one note per enumerated column listing the
/// values it accepts. The notes are rows whose first cell starts with '#', which <see cref="CsvRows"/> skips, so the
/// template, filled in or not, imports as it is.
/// <c>ValidValues</c>: column → the values it accepts, taken from the enums the validator parses, never typed twice.
/// </summary>
public sealed record ImportTemplate(string Name, IReadOnlyList<string> Columns, IReadOnlyList<string?> Example, IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> ValidValues)
{
    public string FileName => $"{Name}-template.csv";

    public IEnumerable<string> Notes => ValidValues.Select(v => $"# {v.Key}: {string.Join(" | ", v.Value)}");

    public Task WriteCsvAsync(Stream output, CancellationToken ct)
    {
        var rows = Notes.Select(note => (IReadOnlyList<string?>)[note]).Prepend([.. Example.Select(v => CsvCells.Neutralise(v))]);
        return Export.WriteCsvAsync(output, Columns, rows.ToAsyncEnumerable(), row => Columns.Select((_, i) => i < row.Count ? row[i] : null), ct);
    }

    public async Task SendAsync(HttpResponse response, CancellationToken ct)
    {
        response.ContentType = Export.ContentType(FileFormat.Csv);
        response.Headers.ContentDisposition = $"attachment; filename=\"{FileName}\"";
        await WriteCsvAsync(response.Body, ct);
    }
}
