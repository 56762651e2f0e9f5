using ClusterHub.Data;
using ClusterHub.Members;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Exchange;

/// <summary>The rows of a file read by <see cref="ImportTable.Read"/>: each with its row and its cells by column name.</summary>
public sealed class ImportTableRows : List<(int Row, Dictionary<string, string?> Cells)>;

/// <summary>
/// A small import file, CSV or an xlsx workbook's first sheet (<see cref="TableRows"/>), read whole: known columns by
/// name (case-insensitive, any order), an unknown or missing required column a located error of row 1, every row's
/// cells by column name (restored from the export's neutralising quote), with its line or sheet row. For files checked
/// in full before anything is written.
/// </summary>
public static class ImportTable
{
    public static ImportTableRows Read(ITableRows table, string file, string[] columns, string[] required, LocatedErrors errors)
    {
        var rows = new ImportTableRows();
        try
        {
            var header = table.Header.Select(h => h.Trim().ToLowerInvariant()).ToArray();
            foreach (var unknown in header.Where(h => !columns.Contains(h)))
                errors.Add(new(file, 1, unknown, null, $"is not a known column (known: {string.Join(", ", columns)})"));
            foreach (var missing in required.Where(c => !header.Contains(c)))
                errors.Add(new(file, 1, missing, null, "required column is missing"));
            if (errors.Total > 0) return rows;
            var index = columns.ToDictionary(c => c, c => Array.IndexOf(header, c));
            while (table.Read()) rows.Add((table.Line, columns.ToDictionary(c => c, c => CsvCells.Restore(table.Optional(index[c])))));
        }
        catch (MalformedFileException e) { errors.Add(e.Error); }
        return rows;
    }

    /// <summary>
    /// An all-or-nothing import of a small CSV or xlsx file into the database: read whole, then <paramref name="apply"/>
    /// checks every row (adding located errors) and stages the changes, in one transaction; nothing is saved when any row
    /// has an error, and a collision with a writer meanwhile (unique index, version) is one error of the file
    /// (<paramref name="what"/> names the records: "competences"). JSON is refused with one error of row 1.
    /// </summary>
    public static async Task<ImportReport> ImportAsync(ClusterDb db, Stream bytes, string fileName, FileFormat format, string[] columns, string[] required,
        string what, Func<string, ImportTableRows, LocatedErrors, Task<(int Created, int Updated)>> apply, CancellationToken ct)
    {
        var errors = new LocatedErrors();
        if (format == FileFormat.Json)
        {
            errors.Add(new(fileName, 1, "", null, "json files are not imported: import the sheet as CSV or xlsx"));
            return ImportReport.Failed(fileName, 0, errors);
        }
        ImportTableRows rows;
        try
        {
            await using var table = await TableRows.OpenAsync(bytes, fileName, format, ct);
            rows = Read(table.Rows, fileName, columns, required, errors);
        }
        catch (MalformedFileException e) { errors.Add(e.Error); return ImportReport.Failed(fileName, 0, errors); }
        if (errors.Total > 0) return ImportReport.Failed(fileName, rows.Count, errors);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (created, updated) = await apply(fileName, rows, errors);
        if (errors.Total > 0) { db.ChangeTracker.Clear(); return ImportReport.Failed(fileName, rows.Count, errors); }
        try { await db.SaveChangesAsync(ct); }
        catch (Exception e) when (UniqueViolation.Is(e) || e is DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            errors.Add(new(fileName, 0, "", null, $"{what} saved meanwhile collide with rows of the file; import it again"));
            return ImportReport.Failed(fileName, rows.Count, errors);
        }
        await transaction.CommitAsync(ct);
        return new(fileName, rows.Count, created, updated, rows.Count - created - updated, [], 0);
    }
}
