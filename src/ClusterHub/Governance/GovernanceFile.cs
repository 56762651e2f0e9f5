using System.Globalization;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Members;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Governance;

/// <summary>Which governance file: the actors, or the ties between them.</summary>
public enum GovernanceFileKind { Actors, Ties }

/// <summary>
/// The governance exchange formats, through the exchange kit. Actors: <c>name, short_name, level, kind, member, notes</c>
/// (the member by its name in the directory). Ties: <c>from, to, type, from_year, to_year, strength, source, sourced, notes</c>
/// (actors by short name or name). An export imports back unchanged: actors are matched by name, ties by their two
/// actors and type. Imports read CSV, check every row before writing, and write all rows in one transaction or none.
/// </summary>
public static class GovernanceFile
{
    public static readonly string[] ActorColumns = ["name", "short_name", "level", "kind", "member", "notes"];
    public static readonly string[] TieColumns = ["from", "to", "type", "from_year", "to_year", "strength", "source", "sourced", "notes"];

    public sealed record ActorRow(string Name, string? ShortName, ActorLevel Level, ActorKind Kind, string? Member, string? Notes);

    public static readonly ExportTable<ActorRow> ActorTable = new("governance-actors",
    [
        new("name", a => a.Name), new("short_name", a => a.ShortName), new("level", a => a.Level.ToString()), new("kind", a => a.Kind.ToString()),
        new("member", a => a.Member), new("notes", a => a.Notes),
    ]);

    public static readonly ExportTable<TieDto> TieTable = new("governance-ties",
    [
        new("from", t => t.From), new("to", t => t.To), new("type", t => t.Type.ToString()), new("from_year", t => t.FromYear), new("to_year", t => t.ToYear),
        new("strength", t => t.Strength), new("source", t => t.Source), new("sourced", t => t.Sourced ? "yes" : "no"), new("notes", t => t.Notes),
    ]);

    public static IAsyncEnumerable<ActorRow> ActorRows(ClusterDb db, int clusterId) =>
        db.Set<GovernanceActor>().AsNoTracking().Where(a => a.ClusterId == clusterId).OrderBy(a => a.Id)
            .Select(a => new ActorRow(a.Name, a.ShortName, a.Level, a.Kind, db.Members.Where(m => m.Id == a.MemberId).Select(m => m.Name).FirstOrDefault(), a.Notes))
            .AsAsyncEnumerable();

    public static IAsyncEnumerable<TieDto> TieRows(ClusterDb db, int clusterId) =>
        db.Set<GovernanceTie>().AsNoTracking().Where(t => t.ClusterId == clusterId).OrderBy(t => t.Id).Select(GovernanceEdits.TieRow).AsAsyncEnumerable();

    public static string DownloadStem(string clusterSlug, GovernanceFileKind kind) => $"{clusterSlug}-governance-{kind.ToString().ToLowerInvariant()}";

    /// <summary>Imports actors or ties into one cluster, all or nothing, every error located (file, row, column, value, reason).</summary>
    public static Task<ImportReport> ImportAsync(ClusterDb db, int clusterId, GovernanceFileKind kind, Stream bytes, string fileName, CancellationToken ct) =>
        kind == GovernanceFileKind.Actors
            ? ImportTable.ImportAsync(db, bytes, fileName, MemberFile.FormatOf(fileName), ActorColumns, ["name", "level", "kind"], "actors", (file, rows, errors) => ActorsAsync(db, clusterId, file, rows, errors, ct), ct)
            : ImportTable.ImportAsync(db, bytes, fileName, MemberFile.FormatOf(fileName), TieColumns, ["from", "to", "type"], "ties", (file, rows, errors) => TiesAsync(db, clusterId, file, rows, errors, ct), ct);

    private static string Column(string field) => field switch { "shortName" => "short_name", "memberId" => "member", "fromActorId" => "from", "toActorId" => "to",
        "fromYear" => "from_year", "toYear" => "to_year", _ => field };

    private static async Task<(int, int)> ActorsAsync(ClusterDb db, int clusterId, string file, ImportTableRows rows, LocatedErrors errors, CancellationToken ct)
    {
        var existing = await db.Set<GovernanceActor>().Where(a => a.ClusterId == clusterId).ToListAsync(ct);
        var byName = existing.ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);
        var members = await db.Members.AsNoTracking().Where(m => m.ClusterId == clusterId).Select(m => new { m.Id, m.NormalizedName }).ToListAsync(ct);
        var memberIds = members.Select(m => m.Id).ToHashSet();
        var membersByName = members.ToLookup(m => m.NormalizedName, m => m.Id, StringComparer.Ordinal);
        var seenNames = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var seenShort = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        int created = 0, updated = 0;
        foreach (var (row, cells) in rows)
        {
            int? memberId = null;
            if (cells["member"] is { } member)
            {
                var found = membersByName[Names.Normalize(member)].ToList();
                if (found.Count != 1) { errors.Add(new(file, row, "member", member, found.Count == 0 ? "is not a member of the cluster" : "names several members")); continue; }
                memberId = found[0];
            }
            var input = new ActorInput(cells["name"], cells["short_name"], cells["level"], cells["kind"], memberId, cells["notes"]);
            var isNew = !byName.TryGetValue(cells["name"]?.Trim() ?? "", out var actor);
            actor ??= new GovernanceActor { ClusterId = clusterId, Name = "" };
            var before = isNew ? "" : Snapshot(actor);
            var rowErrors = GovernanceEdits.Apply(input, actor, memberIds);
            foreach (var e in rowErrors) errors.Add(new(file, row, Column(e.Field), e.Value, e.Reason));
            if (rowErrors.Count > 0) continue;
            if (!seenNames.TryAdd(actor.Name, row)) { errors.Add(new(file, row, "name", actor.Name, $"duplicates row {seenNames[actor.Name]}")); continue; }
            if (actor.ShortName is { } s && !seenShort.TryAdd(s, row)) { errors.Add(new(file, row, "short_name", s, $"duplicates row {seenShort[s]}")); continue; }
            if (actor.ShortName is { } sn && existing.Any(o => o != actor && string.Equals(o.ShortName, sn, StringComparison.OrdinalIgnoreCase) && !seenNames.ContainsKey(o.Name)))
            { errors.Add(new(file, row, "short_name", sn, "is the short name of another actor")); continue; }
            if (isNew) { db.Add(actor); created++; }
            else if (Snapshot(actor) != before) updated++;
        }
        return (created, updated);
    }

    private static string Snapshot(GovernanceActor a) => string.Join('\u001f', a.Name, a.ShortName, a.Level, a.Kind, a.MemberId, a.Notes);

    private static async Task<(int, int)> TiesAsync(ClusterDb db, int clusterId, string file, ImportTableRows rows, LocatedErrors errors, CancellationToken ct)
    {
        var actors = await db.Set<GovernanceActor>().AsNoTracking().Where(a => a.ClusterId == clusterId).Select(a => new { a.Id, a.Name, a.ShortName }).ToListAsync(ct);
        var byLabel = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in actors) byLabel[a.Name] = a.Id;
        foreach (var a in actors) if (a.ShortName is { } s) byLabel[s] = a.Id; // a short name wins over another actor's identical name
        var ids = actors.Select(a => a.Id).ToHashSet();
        var existing = await db.Set<GovernanceTie>().Where(t => t.ClusterId == clusterId).ToListAsync(ct);
        var seen = new Dictionary<(int, int, TieType), int>();
        int created = 0, updated = 0;
        foreach (var (row, cells) in rows)
        {
            var before = errors.Total;
            int? Actor(string column)
            {
                if (cells[column] is not { } label) return null; // the validator says "is required"
                if (byLabel.TryGetValue(label, out var id)) return id;
                errors.Add(new(file, row, column, label, "is not the name or short name of an actor of the cluster"));
                return null;
            }
            int? Number(string column)
            {
                if (cells[column] is not { } text) return null;
                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
                errors.Add(new(file, row, column, text, "must be a whole number"));
                return null;
            }
            var (from, to) = (Actor("from"), Actor("to"));
            var (fromYear, toYear, strength) = (Number("from_year"), Number("to_year"), Number("strength"));
            bool? sourced = null;
            if (cells["sourced"] is { } flag)
            {
                if (MemberValidation.Yes.Contains(flag.ToLowerInvariant())) sourced = true;
                else if (MemberValidation.No.Contains(flag.ToLowerInvariant())) sourced = false;
                else errors.Add(new(file, row, "sourced", flag, $"must be one of {string.Join(", ", [.. MemberValidation.Yes, .. MemberValidation.No])}"));
            }
            if (errors.Total > before) continue;
            var input = new TieInput(from, to, cells["type"], fromYear, toYear, strength, cells["source"], sourced, cells["notes"]);
            var probe = new GovernanceTie();
            var rowErrors = GovernanceEdits.Apply(input, probe, ids);
            foreach (var e in rowErrors) errors.Add(new(file, row, Column(e.Field), cells.GetValueOrDefault(Column(e.Field)) ?? e.Value, e.Reason));
            if (rowErrors.Count > 0) continue;
            var undirected = !GovernanceTypes.IsDirected(probe.Type);
            var key = undirected && probe.FromActorId > probe.ToActorId ? (probe.ToActorId, probe.FromActorId, probe.Type) : (probe.FromActorId, probe.ToActorId, probe.Type);
            if (!seen.TryAdd(key, row)) { errors.Add(new(file, row, "type", cells["type"], $"duplicates row {seen[key]} (same actors and type)")); continue; }
            var tie = existing.Find(t => t.Type == probe.Type && (t.FromActorId == probe.FromActorId && t.ToActorId == probe.ToActorId
                || undirected && t.FromActorId == probe.ToActorId && t.ToActorId == probe.FromActorId));
            if (tie is null)
            {
                GovernanceEdits.Apply(input, tie = new GovernanceTie { ClusterId = clusterId }, ids);
                db.Add(tie);
                created++;
            }
            else
            {
                var snapshot = TieSnapshot(tie);
                GovernanceEdits.Apply(input, tie, ids);
                if (TieSnapshot(tie) != snapshot) updated++;
            }
        }
        return (created, updated);
    }

    private static string TieSnapshot(GovernanceTie t) => string.Join('\u001f', t.FromActorId, t.ToActorId, t.FromYear, t.ToYear, t.Strength, t.Source, t.Sourced, t.Notes);
}
