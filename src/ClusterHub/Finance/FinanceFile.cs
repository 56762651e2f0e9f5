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
    public static Task<ImportReport> ImportAsync(ClusterDb db, int clusterId, Stream bytes, string fileName, CancellationToken ct) =>
        ImportTable.ImportAsync(db, bytes, fileName, MemberFile.FormatOf(fileName), Columns, RequiredColumns, "budget lines",
            (file, rows, errors) => LinesAsync(db, clusterId, file, rows, errors, ct), ct);

    /// <summary>Checks every row and stages the lines, replacing the typed lines of the years the file names.</summary>
    private static async Task<(int Created, int Updated)> LinesAsync(ClusterDb db, int clusterId, string file, ImportTableRows rows, LocatedErrors errors, CancellationToken ct)
    {
        var members = await db.Members.AsNoTracking().Where(m => m.ClusterId == clusterId)
            .Select(m => new { m.Id, m.NormalizedName, m.NationalId }).ToListAsync(ct);
        var byNationalId = members.Where(m => m.NationalId != null).ToDictionary(m => m.NationalId!, m => m.Id, StringComparer.Ordinal);
        var byName = members.ToLookup(m => m.NormalizedName, m => m.Id, StringComparer.Ordinal);
        var lines = new List<BudgetLine>();
        foreach (var (row, cells) in rows)
        {
            var before = errors.Total;
            int? year = null;
            if (cells["year"] is { } y)
            {
                if (int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedYear)) year = parsedYear;
                else errors.Add(new(file, row, "year", y, "must be a year such as 2019"));
            }
            var planned = Euros(cells["planned_eur"], "planned_eur");
            var actual = Euros(cells["actual_eur"], "actual_eur");
            int? memberId = null;
            if (cells["member"] is { } member)
            {
                var key = member.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
                if (byNationalId.TryGetValue(key, out var byId)) memberId = byId;
                else if (byName[Names.Normalize(member)].ToList() is [var only]) memberId = only;
                else errors.Add(new(file, row, "member", member, byName[Names.Normalize(member)].Any()
                    ? "names several members: give its national id" : "is not a member of the cluster (give its national id or its name)"));
            }
            if (errors.Total > before) continue;
            var input = new BudgetLineInput(year, cells["source"], planned, actual, memberId, cells["payer"], cells["note"]);
            var rowErrors = BudgetEdits.Validate(input, out var source);
            foreach (var e in rowErrors) errors.Add(new(file, row, Column(e.Field), e.Value, e.Reason));
            if (rowErrors.Count > 0) continue;
            var line = new BudgetLine { ClusterId = clusterId };
            BudgetEdits.Apply(line, input, source);
            lines.Add(line);

            decimal? Euros(string? cell, string column)
            {
                if (cell is null) return null;
                if (decimal.TryParse(cell, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount)) return amount;
                errors.Add(new(file, row, column, cell, "must be an amount in euros such as 1250.50"));
                return null;
            }
        }
        if (errors.Total > 0) return (0, 0);
        var years = lines.Select(l => l.Year).Distinct().ToList();
        // Tracked, not set-based, so the change history records the lines the file replaces.
        db.BudgetLines.RemoveRange(await db.BudgetLines.Where(l => l.ClusterId == clusterId && years.Contains(l.Year)).ToListAsync(ct));
        db.BudgetLines.AddRange(lines);
        return (lines.Count, 0);
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
