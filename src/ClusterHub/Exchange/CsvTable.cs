using ClusterHub.Data;
using ClusterHub.Members;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Exchange;

/// <summary>The rows of a file read by <see cref="CsvTable.Read"/>: each with its line and its cells by column name.</summary>
public sealed class CsvTableRows : List<(int Row, Dictionary<string, string?> Cells)>;

/// <summary>
/// A small import file read whole through <see cref="CsvRows"/>: known columns by name (case-insensitive, any order),
/// an unknown or missing required column a located error of row 1, every row's cells by column name (restored from
/// the export's neutralising quote), with its line. For files checked in full before anything is written.
/// </summary>
public static class CsvTable
{
    public static CsvTableRows Read(TextReader reader, string file, string[] columns, string[] required, LocatedErrors errors)
    {
        var rows = new CsvTableRows();
        try
        {
            using var csv = new CsvRows(reader, file);
            var header = csv.Header.Select(h => h.ToLowerInvariant()).ToArray();
            foreach (var unknown in header.Where(h => !columns.Contains(h)))
                errors.Add(new(file, 1, unknown, null, $"is not a known column (known: {string.Join(", ", columns)})"));
            foreach (var missing in required.Where(c => !header.Contains(c)))
                errors.Add(new(file, 1, missing, null, "required column is missing"));
            if (errors.Total > 0) return rows;
            var index = columns.ToDictionary(c => c, c => Array.IndexOf(header, c));
            while (csv.Read()) rows.Add((csv.Line, columns.ToDictionary(c => c, c => CsvCells.Restore(csv.Optional(index[c])))));
        }
        catch (MalformedFileException e) { errors.Add(e.Error); }
        return rows;
    }

    /// <summary>
    /// An all-or-nothing import of a small CSV file into the database: decoded by <see cref="DecodedText"/>, read whole,
    /// then <paramref name="apply"/> checks every row (adding located errors) and stages the changes, in one transaction;
    /// nothing is saved when any row has an error, and a collision with a writer meanwhile (unique index, version) is one
    /// error of the file (<paramref name="what"/> names the records: "competences").
    /// </summary>
    public static async Task<ImportReport> ImportAsync(ClusterDb db, Stream bytes, string fileName, string[] columns, string[] required, string what,
        Func<string, CsvTableRows, LocatedErrors, Task<(int Created, int Updated)>> apply, CancellationToken ct)
    {
        var errors = new LocatedErrors();
        DecodedText text;
        try { text = await DecodedText.OpenAsync(bytes, fileName, ct); }
        catch (MalformedFileException e) { errors.Add(e.Error); return ImportReport.Failed(fileName, 0, errors); }
        await using (text)
        {
            CsvTableRows rows;
            using (var reader = text.OpenReader()) rows = Read(reader, text.File, columns, required, errors);
            if (errors.Total > 0) return ImportReport.Failed(text.File, rows.Count, errors);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var (created, updated) = await apply(text.File, rows, errors);
            if (errors.Total > 0) { db.ChangeTracker.Clear(); return ImportReport.Failed(text.File, rows.Count, errors); }
            try { await db.SaveChangesAsync(ct); }
            catch (Exception e) when (UniqueViolation.Is(e) || e is DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                errors.Add(new(text.File, 0, "", null, $"{what} saved meanwhile collide with rows of the file; import it again"));
                return ImportReport.Failed(text.File, rows.Count, errors);
            }
            await transaction.CommitAsync(ct);
            return new(text.File, rows.Count, created, updated, rows.Count - created - updated, [], 0);
        }
    }

    /// <summary>The refusal of a file in a format an import does not read (xlsx, JSON): one error of row 1.</summary>
    public static ImportReport NotCsv(string fileName, FileFormat format)
    {
        var errors = new LocatedErrors();
        errors.Add(new(fileName, 1, "", null, $"{format.ToString().ToLowerInvariant()} files are not imported: save the sheet as CSV (UTF-8) and import that"));
        return ImportReport.Failed(fileName, 0, errors);
    }
}
