using System.Globalization;
using System.Text;
using System.Text.Json;
using SpreadCheetah;

namespace ClusterHub.Exchange;

/// <summary>
/// The one export path of the API, the pages and the CLI: rows are written as they come from the database,
/// in CSV (UTF-8 with a byte-order mark, so that Excel reads accents right; formula-safe cells), JSON or xlsx.
/// Nothing is built in memory first, so a download of 100,000 members costs what one row does.
/// </summary>
public static class Export
{
    /// <summary>"csv" (or nothing), "json" or "xlsx", any case; null for anything else.</summary>
    public static FileFormat? ParseFormat(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "csv" => FileFormat.Csv,
        "json" => FileFormat.Json,
        "xlsx" => FileFormat.Xlsx,
        _ => null,
    };

    /// <summary>The API's one answer to an unknown <c>?format=</c>, for every export.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult UnknownFormat(string? format) =>
        TypedResults.Problem($"Unknown format '{format}': csv, json or xlsx.", statusCode: StatusCodes.Status400BadRequest);

    public static string ContentType(FileFormat format) => format switch
    {
        FileFormat.Json => "application/json; charset=utf-8",
        FileFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "text/csv; charset=utf-8",
    };

    public static string FileName(string stem, FileFormat format) => $"{stem}.{format.ToString().ToLowerInvariant()}";

    /// <summary>Sends the export as a download: the headers, then the rows as they are read.</summary>
    public static async Task SendAsync<T>(HttpResponse response, string stem, ExportTable<T> table, IAsyncEnumerable<T> rows, FileFormat format, CancellationToken ct)
    {
        response.ContentType = ContentType(format);
        response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(stem, format)}\"";
        if (format != FileFormat.Xlsx)
        {
            await WriteAsync(response.Body, table, rows, format, ct);
            return;
        }
        // SpreadCheetah's zip writer writes part of the archive synchronously, which Kestrel refuses on a response:
        // the workbook is built in a temporary file (memory stays flat) and then sent.
        await using var workbook = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await WriteXlsxAsync(workbook, table, rows, ct);
        workbook.Position = 0;
        response.ContentLength = workbook.Length;
        await workbook.CopyToAsync(response.Body, ct);
    }

    public static async Task WriteAsync<T>(Stream output, ExportTable<T> table, IAsyncEnumerable<T> rows, FileFormat format, CancellationToken ct)
    {
        switch (format)
        {
            case FileFormat.Json:
                await JsonSerializer.SerializeAsync(output, JsonItems(table, rows, ct), JsonOptions, ct);
                break;
            case FileFormat.Xlsx:
                await WriteXlsxAsync(output, table, rows, ct);
                break;
            default:
                await WriteCsvTableAsync(output, table, rows, ct);
                break;
        }
    }

    /// <summary>A CSV of any rows: the header, then each row's cells as they should appear (already neutralised).</summary>
    public static async Task WriteCsvAsync<T>(Stream output, IEnumerable<string> header, IAsyncEnumerable<T> rows, Func<T, IEnumerable<string?>> cells, CancellationToken ct)
    {
        await using var text = new StreamWriter(output, Utf8WithMark, 1 << 16, leaveOpen: true);
        var csv = new CsvText(text);
        foreach (var name in header) csv.Text(name);
        await csv.EndRowAsync(ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var cell in cells(row)) csv.Text(cell);
            await csv.EndRowAsync(ct);
        }
        await csv.FlushAsync(ct);
    }

    /// <summary>A table's CSV: text neutralised (<see cref="CsvCells"/>), numbers written as they are, in the invariant culture.</summary>
    private static async Task WriteCsvTableAsync<T>(Stream output, ExportTable<T> table, IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        await using var text = new StreamWriter(output, Utf8WithMark, 1 << 16, leaveOpen: true);
        var csv = new CsvText(text);
        foreach (var column in table.Columns) csv.Text(column.Name);
        await csv.EndRowAsync(ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var column in table.Columns)
            {
                switch (column.Value(row))
                {
                    case null: csv.Text(null); break;
                    case string s: csv.Text(CsvCells.Neutralise(s, column.Numeric)); break;
                    case double d: csv.Number(d); break;
                    case int i: csv.Number(i); break;
                    case long l: csv.Number(l); break;
                    case decimal m: csv.Number(m); break;
                    case IFormattable number: csv.Text(number.ToString(null, CultureInfo.InvariantCulture)); break; // a typed number cannot carry a formula
                    case var other: csv.Text(CsvCells.Neutralise(other.ToString(), column.Numeric)); break;
                }
            }
            await csv.EndRowAsync(ct);
        }
        await csv.FlushAsync(ct);
    }

    /// <summary>UTF-8 with a byte-order mark: without it Excel reads a CSV as the machine's code page and "Société" becomes "SociÃ©tÃ©".</summary>
    public static readonly Encoding Utf8WithMark = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    private static async IAsyncEnumerable<object> JsonItems<T>(ExportTable<T> table, IAsyncEnumerable<T> rows, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in rows.WithCancellation(ct)) yield return table.Json(row);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <remarks>
    /// Cells are typed (text as text, numbers as numbers) and text is written as it is: an xlsx string cell is never
    /// evaluated, so the CSV's quote would only corrupt the value here.
    /// </remarks>
    private static async Task WriteXlsxAsync<T>(Stream output, ExportTable<T> table, IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        await using var xlsx = await Spreadsheet.CreateNewAsync(output, cancellationToken: ct);
        await xlsx.StartWorksheetAsync(table.Name, token: ct);
        var cells = new Cell[table.Columns.Count];
        for (var i = 0; i < cells.Length; i++) cells[i] = new Cell(table.Columns[i].Name);
        await xlsx.AddRowAsync(cells, ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            for (var i = 0; i < cells.Length; i++) cells[i] = XlsxCell(table.Columns[i].Value(row));
            await xlsx.AddRowAsync(cells, ct);
        }
        await xlsx.FinishAsync(ct);
    }

    private static Cell XlsxCell(object? value) => value switch
    {
        null => new Cell((string?)null),
        string s => new Cell(s),
        int i => new Cell(i),
        long l => new Cell(l),
        decimal d => new Cell(d),
        double d => new Cell(d),
        var other => new Cell(Convert.ToString(other, CultureInfo.InvariantCulture)),
    };
}
