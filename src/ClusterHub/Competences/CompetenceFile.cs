using System.Globalization;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Members;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Competences;

/// <summary>Which of the two competence files: the taxonomy (with the areas' needs) or the members' declarations.</summary>
public enum CompetenceFileKind { Declarations, Taxonomy }

/// <summary>
/// The competence exchange formats, through the exchange kit: the taxonomy (one row per competence, its needs as
/// "A1=3; A3=2") and the declarations (one row per member and competence, the member by national id or name).
/// An export imports back unchanged. Imports read CSV (xlsx and JSON are exported, not imported: save the sheet as CSV).
/// </summary>
public static class CompetenceFile
{
    public static readonly string[] TaxonomyColumns = ["code", "name", "domain", "stage", "description", "needs"];
    public static readonly string[] DeclarationColumns = ["member", "national_id", "competence", "level", "certifications", "references", "declared_on", "state"];

    public static string DownloadStem(string clusterSlug, CompetenceFileKind kind) =>
        kind == CompetenceFileKind.Taxonomy ? $"{clusterSlug}-competence-taxonomy" : $"{clusterSlug}-competences";

    public static readonly ExportTable<CompetenceDto> TaxonomyTable = new("competence-taxonomy",
    [
        new("code", c => c.Code), new("name", c => c.Name), new("domain", c => c.Domain), new("stage", c => c.Stage),
        new("description", c => c.Description), new("needs", c => CompetenceTaxonomy.Levels(c.Needs)),
    ]);

    public static readonly ExportTable<DeclarationExportRow> DeclarationTable = new("competences",
    [
        new("member", d => d.Member), new("national_id", d => d.NationalId, Numeric: true), new("competence", d => d.Competence),
        new("level", d => d.Level), new("certifications", d => d.Certifications), new("references", d => d.References),
        new("declared_on", d => d.DeclaredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), new("state", d => d.State.ToString()),
    ]);

    public sealed record DeclarationExportRow(string Member, string? NationalId, string Competence, int Level, string? Certifications, string? References, DateOnly DeclaredOn, DeclarationState State);

    public static IAsyncEnumerable<DeclarationExportRow> DeclarationRows(ClusterDb db, int clusterId) =>
        db.CompetenceDeclarations.AsNoTracking().Where(d => d.ClusterId == clusterId)
            .OrderBy(d => d.Member!.NormalizedName).ThenBy(d => d.MemberId).ThenBy(d => d.Competence!.Order).ThenBy(d => d.Competence!.Code)
            .Select(d => new DeclarationExportRow(d.Member!.Name, d.Member.NationalId, d.Competence!.Code, d.Level, d.Certifications, d.References, d.DeclaredOn, d.State))
            .AsAsyncEnumerable();

    public static readonly ImportTemplate DeclarationTemplate = new("competences", DeclarationColumns,
        ["Forges de Chalon", "", "WELD", "3", "RCC-M; ISO 19443", "Steam generator shells", "2019-06-01", nameof(DeclarationState.Declared)],
        [new("level", ["1", "2", "3", "4"]), new("state", Enum.GetNames<DeclarationState>())]);

    public static readonly ImportTemplate TaxonomyTemplate = new("competence-taxonomy", TaxonomyColumns,
        ["WELD", "Welding", "Manufacturing", "", "Nuclear-grade welding (RCC-M)", "A1=3; A3=2"], []);

    /// <summary>
    /// Imports a file (CSV in any encoding the kit decodes, or an xlsx workbook) into one cluster: every row checked before anything is written,
    /// nothing written unless all are valid, all rows in one transaction.
    /// </summary>
    public static Task<ImportReport> ImportAsync(ClusterDb db, int clusterId, CompetenceFileKind kind, Stream bytes, string fileName, FileFormat format, string actor, DateOnly today, CancellationToken ct) =>
        kind == CompetenceFileKind.Taxonomy
            ? ImportTable.ImportAsync(db, bytes, fileName, format, TaxonomyColumns, ["code", "name", "domain"], "competences", (file, rows, errors) => TaxonomyAsync(db, clusterId, file, rows, errors, ct), ct)
            : ImportTable.ImportAsync(db, bytes, fileName, format, DeclarationColumns, ["competence", "level"], "competences", (file, rows, errors) => DeclarationsAsync(db, clusterId, file, rows, errors, actor, today, ct), ct);

    private static async Task<(int Created, int Updated)> TaxonomyAsync(ClusterDb db, int clusterId, string file, ImportTableRows rows, LocatedErrors errors, CancellationToken ct)
    {
        var lists = await AreaLists.LoadAsync(db, clusterId, ct);
        var existing = await db.Competences.Include(c => c.Needs).Where(c => c.ClusterId == clusterId).ToDictionaryAsync(c => c.Code, ct);
        var order = existing.Count == 0 ? 0 : existing.Values.Max(c => c.Order);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int created = 0, updated = 0;
        foreach (var (row, cells) in rows)
        {
            var needs = ParseNeeds(cells["needs"], out var needsError);
            if (needsError is not null) { errors.Add(new(file, row, "needs", cells["needs"], needsError)); continue; }
            var code = CompetenceRules.NormalizeCode(cells["code"]);
            if (code.Length > 0 && !seen.TryAdd(code, row)) { errors.Add(new(file, row, "code", cells["code"], $"duplicates row {seen[code]}")); continue; }
            var isNew = !existing.TryGetValue(code, out var competence);
            competence ??= new Competence { ClusterId = clusterId, Code = "", Name = "", Domain = "", Order = order + 1 };
            var before = isNew ? "" : Snapshot(competence);
            var input = new CompetenceInput(cells["code"], cells["name"], cells["domain"], cells["stage"], cells["description"], null, needs);
            var rowErrors = CompetenceTaxonomy.Apply(input, competence, lists);
            foreach (var e in rowErrors) errors.Add(new(file, row, e.Field.StartsWith("needs", StringComparison.Ordinal) ? "needs" : e.Field, e.Value, e.Reason));
            if (rowErrors.Count > 0) continue;
            if (isNew) { db.Add(competence); order++; created++; }
            else if (Snapshot(competence) != before) updated++;
        }
        return (created, updated);
    }

    private static string Snapshot(Competence c) => string.Join('\u001f', new object?[] { c.Name, c.Domain, c.ValueChainStageId, c.Description }
        .Concat(c.Needs.OrderBy(n => n.StrategicAreaId).Select(n => (object)$"{n.StrategicAreaId}={n.Level}")));

    /// <summary>"A1=3; A3=2" → the needs; an error in words for anything else.</summary>
    internal static List<NeedInput> ParseNeeds(string? text, out string? error)
    {
        error = null;
        var needs = new List<NeedInput>();
        foreach (var part in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || !int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var level))
            { error = $"'{part}' is not AREA=LEVEL (e.g. A1=3; A3=2)"; return needs; }
            needs.Add(new(pair[0], level));
        }
        return needs;
    }

    private static async Task<(int Created, int Updated)> DeclarationsAsync(ClusterDb db, int clusterId, string file, ImportTableRows rows, LocatedErrors errors, string actor, DateOnly today, CancellationToken ct)
    {
        var codes = await Declarations.CodesAsync(db, clusterId, ct);
        var members = await db.Members.AsNoTracking().Where(m => m.ClusterId == clusterId && m.ArchivedOn == null)
            .Select(m => new { m.Id, m.NormalizedName, m.NationalId }).ToListAsync(ct);
        var byId = members.Where(m => m.NationalId != null).ToDictionary(m => m.NationalId!, m => m.Id, StringComparer.Ordinal);
        var byName = members.ToLookup(m => m.NormalizedName, m => m.Id, StringComparer.Ordinal);
        var existing = await db.CompetenceDeclarations.Where(d => d.ClusterId == clusterId).ToDictionaryAsync(d => (d.MemberId, d.CompetenceId), ct);
        var seen = new Dictionary<(int, int), int>();
        int created = 0, updated = 0;
        foreach (var (row, cells) in rows)
        {
            var before = errors.Total;
            var memberId = 0;
            var nationalId = cells["national_id"]?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            if (nationalId is not null)
            { if (!byId.TryGetValue(nationalId, out memberId)) errors.Add(new(file, row, "national_id", cells["national_id"], "is not the national id of a member of the cluster")); }
            else if (cells["member"] is not { } name) errors.Add(new(file, row, "member", null, "is required when national_id is empty"));
            else if (byName[Names.Normalize(name)].ToList() is var found && found.Count != 1)
                errors.Add(new(file, row, "member", name, found.Count == 0 ? "is not a member of the cluster" : "names several members: give their national_id"));
            else memberId = found[0];

            int? level = int.TryParse(cells["level"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : null;
            if (cells["level"] is not null && level is null) { errors.Add(new(file, row, "level", cells["level"], $"must be a whole number between {CompetenceRules.MinLevel} and {CompetenceRules.MaxLevel}")); continue; }
            DateOnly? on = null;
            if (cells["declared_on"] is { } date)
            {
                if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) on = d;
                else errors.Add(new(file, row, "declared_on", date, "must be a date as 2019-06-01"));
            }
            var state = DeclarationState.Declared;
            if (cells["state"] is { } s && !Enum.TryParse(s, ignoreCase: true, out state) || !Enum.IsDefined(state))
                errors.Add(new(file, row, "state", cells["state"], $"must be one of {string.Join(", ", Enum.GetNames<DeclarationState>())}"));
            var input = new DeclarationInput(cells["competence"], level, cells["certifications"], cells["references"], on);
            foreach (var e in Declarations.Validate(input, codes, today, out var competenceId)) errors.Add(new(file, row, e.Field == "declaredOn" ? "declared_on" : e.Field, e.Value, e.Reason));
            if (errors.Total > before) continue;
            (int MemberId, int CompetenceId) key = (memberId, codes[CompetenceRules.NormalizeCode(input.Competence)]);
            if (!seen.TryAdd(key, row)) { errors.Add(new(file, row, "competence", cells["competence"], $"duplicates row {seen[key]} (same member and competence)")); continue; }
            if (!existing.TryGetValue(key, out var declaration))
            {
                declaration = new CompetenceDeclaration { ClusterId = clusterId, MemberId = key.MemberId, CompetenceId = key.CompetenceId };
                db.Add(declaration);
                created++;
            }
            else if (declaration.Level == level && declaration.Certifications == Declarations.Certifications(input.Certifications)
                && declaration.References == CompetenceRules.Trimmed(input.References) && declaration.DeclaredOn == (on ?? declaration.DeclaredOn) && declaration.State == state)
                continue;
            else updated++;
            Declarations.Apply(declaration, input with { DeclaredOn = on ?? (declaration.Id == 0 ? today : declaration.DeclaredOn) }, today, state);
            if (state != DeclarationState.Declared && declaration.DecidedOn is null) (declaration.DecidedBy, declaration.DecidedOn) = (actor, today);
        }
        return (created, updated);
    }
}
