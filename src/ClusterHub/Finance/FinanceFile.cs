using System.Globalization;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Members;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Finance;

/// <summary>
/// The budget's exchange formats, through the exchange kit. Budget lines: <c>year,source,payer,member,planned_eur,actual_eur,note</c>
/// (<c>member</c> names a member of the cluster, by its national id or its name; <c>payer</c> anyone else); an export imports
/// back unchanged. The report: one row per source of the year (dues by tier included) and one per measure.
/// </summary>
public static class FinanceFile
{
    public static readonly string[] Columns = ["year", "source", "payer", "member", "planned_eur", "actual_eur", "note"];

    private static readonly string[] RequiredColumns = ["year", "source"];

    public static string DownloadStem(string clusterSlug) => $"{clusterSlug}-budget-lines";

    public static readonly ExportTable<BudgetLineExportRow> LineTable = new("budget-lines",
    [
        new("year", l => l.Year), new("source", l => l.Source.ToString()), new("payer", l => l.Payer), new("member", l => l.Member),
        new("planned_eur", l => l.PlannedEur), new("actual_eur", l => l.ActualEur), new("note", l => l.Note),
    ]);

    public sealed record BudgetLineExportRow(int Year, BudgetSource Source, string? Payer, string? Member, decimal? PlannedEur, decimal? ActualEur, string? Note);

    public static IAsyncEnumerable<BudgetLineExportRow> LineRows(ClusterDb db, int clusterId, int? year) =>
        BudgetEdits.Lines(db, clusterId, year).AsAsyncEnumerable()
            .Select(l => new BudgetLineExportRow(l.Year, l.Source, l.PayerName, l.PayerMemberName, Eur(l.PlannedCents), Eur(l.ActualCents), l.Note));

    /// <summary>Cents × 0.01m keeps two decimals (1625.00, not 1625), as accountants read amounts.</summary>
    private static decimal? Eur(long? cents) => cents * 0.01m;

    public static readonly ImportTemplate Template = new("budget-lines", Columns,
        ["2019", nameof(BudgetSource.Regions), "Région Bourgogne-Franche-Comté", "", "450000", "450000.00", "Operating grant"],
        [new("source", BudgetSources.Typed.Select(s => s.ToString()).ToList())]);

    /// <summary>A row of the report: a source (with the dues' tier) or a measure, of one year.</summary>
    public sealed record ReportRow(int Year, string Kind, string Key, string? Detail, decimal? PlannedEur, double? Value);

    public static readonly ExportTable<ReportRow> ReportTable = new("finance-report",
    [
        new("year", r => r.Year), new("kind", r => r.Kind), new("key", r => r.Key), new("detail", r => r.Detail),
        new("planned_eur", r => r.PlannedEur), new("actual", r => r.Value),
    ]);

    /// <summary>The report as rows: planned and actual by source, the dues by tier, then every measure (actual = its value; empty when missing).</summary>
    public static IEnumerable<ReportRow> ReportRows(FinanceReport report)
    {
        var y = report.Year;
        foreach (var s in report.Mix.Sources) yield return new(y, "source", s.Source.ToString(), null, Eur(s.PlannedCents), s.ActualCents / 100.0);
        foreach (var t in report.Mix.DuesTiers)
            yield return new(y, "dues_tier", nameof(BudgetSource.Dues), $"{t.MemberType}/{t.SizeClass}", Eur(t.PlannedCents), t.ActualCents / 100.0);
        foreach (var v in FinanceIndicators.Values(report.Mix)) yield return new(y, "measure", v.Key, null, null, v.Value);
    }

    /// <summary>
    /// Imports budget lines from a CSV (any encoding the kit decodes): the file is the budget of the years it names, so the
    /// typed lines of those years are replaced by its rows. Every row is checked first (the validator of the API), nothing
    /// is written unless all are valid, and everything is written in one transaction.
    /// </summary>
    public static async Task<ImportReport> ImportAsync(ClusterDb db, int clusterId, Stream bytes, string fileName, CancellationToken ct)
    {
        var errors = new LocatedErrors();
        if (MemberFile.FormatOf(fileName) != FileFormat.Csv)
        {
            errors.Add(new(fileName, 1, "", null, "only CSV files are imported: save the sheet as CSV (UTF-8) and import that"));
            return ImportReport.Failed(fileName, 0, errors);
        }
        DecodedText text;
        try { text = await DecodedText.OpenAsync(bytes, fileName, ct); }
        catch (MalformedFileException e) { errors.Add(e.Error); return ImportReport.Failed(fileName, 0, errors); }
        await using (text)
        {
            var members = await db.Members.AsNoTracking().Where(m => m.ClusterId == clusterId)
                .Select(m => new { m.Id, m.NormalizedName, m.NationalId }).ToListAsync(ct);
            var byNationalId = members.Where(m => m.NationalId != null).ToDictionary(m => m.NationalId!, m => m.Id, StringComparer.Ordinal);
            var byName = members.ToLookup(m => m.NormalizedName, m => m.Id, StringComparer.Ordinal);
            var lines = new List<BudgetLine>();
            var rows = 0;
            try
            {
                using var csv = new CsvRows(text.OpenReader(), text.File);
                var header = csv.Header.Select(h => h.ToLowerInvariant()).ToArray();
                foreach (var unknown in header.Where(h => !Columns.Contains(h)))
                    errors.Add(new(text.File, 1, unknown, null, $"is not a known column (known: {string.Join(", ", Columns)})"));
                foreach (var missing in RequiredColumns.Where(c => !header.Contains(c)))
                    errors.Add(new(text.File, 1, missing, null, "required column is missing"));
                if (errors.Total > 0) return ImportReport.Failed(text.File, 0, errors);
                var index = Columns.ToDictionary(c => c, c => Array.IndexOf(header, c));
                while (csv.Read())
                {
                    rows++;
                    string? Cell(string column) => CsvCells.Restore(csv.Optional(index[column]));
                    var before = errors.Total;
                    int? year = null;
                    if (Cell("year") is { } y)
                    {
                        if (int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedYear)) year = parsedYear;
                        else errors.Add(new(text.File, csv.Line, "year", y, "must be a year such as 2019"));
                    }
                    var planned = Euros(Cell("planned_eur"), "planned_eur");
                    var actual = Euros(Cell("actual_eur"), "actual_eur");
                    int? memberId = null;
                    if (Cell("member") is { } member)
                    {
                        var key = member.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
                        if (byNationalId.TryGetValue(key, out var byId)) memberId = byId;
                        else if (byName[Names.Normalize(member)].ToList() is [var only]) memberId = only;
                        else errors.Add(new(text.File, csv.Line, "member", member, byName[Names.Normalize(member)].Any()
                            ? "names several members: give its national id" : "is not a member of the cluster (give its national id or its name)"));
                    }
                    if (errors.Total > before) continue;
                    var input = new BudgetLineInput(year, Cell("source"), planned, actual, memberId, Cell("payer"), Cell("note"));
                    var rowErrors = BudgetEdits.Validate(input, out var source);
                    foreach (var e in rowErrors) errors.Add(new(text.File, csv.Line, Column(e.Field), e.Value, e.Reason));
                    if (rowErrors.Count > 0) continue;
                    var line = new BudgetLine { ClusterId = clusterId };
                    BudgetEdits.Apply(line, input, source);
                    lines.Add(line);

                    decimal? Euros(string? cell, string column)
                    {
                        if (cell is null) return null;
                        if (decimal.TryParse(cell, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount)) return amount;
                        errors.Add(new(text.File, csv.Line, column, cell, "must be an amount in euros such as 1250.50"));
                        return null;
                    }
                }
            }
            catch (MalformedFileException e) { errors.Add(e.Error); }
            if (errors.Total > 0) return ImportReport.Failed(text.File, rows, errors);

            var years = lines.Select(l => l.Year).Distinct().ToList();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Tracked, not set-based, so the change history records the lines the file replaces.
            var replaced = await db.BudgetLines.Where(l => l.ClusterId == clusterId && years.Contains(l.Year)).ToListAsync(ct);
            db.BudgetLines.RemoveRange(replaced);
            db.BudgetLines.AddRange(lines);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                errors.Add(new(text.File, 0, "", null, "budget lines of these years changed meanwhile; import the file again"));
                return ImportReport.Failed(text.File, rows, errors);
            }
            await transaction.CommitAsync(ct);
            return new(text.File, rows, lines.Count, 0, 0, [], 0);
        }
    }

    /// <summary>The file's column for a validator's field.</summary>
    private static string Column(string field) => field switch
    {
        "plannedEur" => "planned_eur",
        "actualEur" => "actual_eur",
        "payerName" => "payer",
        "payerMemberId" => "member",
        _ => field,
    };
}
