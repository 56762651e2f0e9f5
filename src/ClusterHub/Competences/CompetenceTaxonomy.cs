using System.Globalization;
using ClusterHub.Data;
using ClusterHub.Members;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Competences;

/// <summary>A strategic area's need as exchanged: the area's code and the level (1–4).</summary>
public sealed record NeedInput(string? Area, int? Level);

/// <summary>A taxonomy entry as the API, the page and the import give it. <c>Version</c>: the version edited (stale edits are refused).</summary>
public sealed record CompetenceInput(string? Code, string? Name, string? Domain, string? Stage, string? Description, int? Order, IReadOnlyList<NeedInput>? Needs, int? Version = null);

public sealed record NeedDto(string Area, int Level);
public sealed record CompetenceDto(int Id, string Code, string Name, string Domain, string? Stage, string? Description, int Order, IReadOnlyList<NeedDto> Needs, int Version);

public enum TaxonomyOutcome { Saved, NotFound, Invalid, Duplicate, Stale, InUse }

public sealed record TaxonomyResult(TaxonomyOutcome Outcome, IReadOnlyList<FieldError> Errors, CompetenceDto? Competence = null);

/// <summary>The competence taxonomy of a cluster: list, create, edit, delete (managers).</summary>
public static class CompetenceTaxonomy
{
    public static async Task<IReadOnlyList<CompetenceDto>> ListAsync(ClusterDb db, int clusterId, CancellationToken ct)
    {
        var lists = await AreaLists.LoadAsync(db, clusterId, ct);
        var competences = await db.Competences.AsNoTracking().Include(c => c.Needs).Where(c => c.ClusterId == clusterId)
            .OrderBy(c => c.Order).ThenBy(c => c.Code).ToListAsync(ct);
        return [.. competences.Select(c => Dto(c, lists))];
    }

    public static CompetenceDto Dto(Competence c, AreaLists lists)
    {
        var areaCodes = lists.AreaRows.ToDictionary(a => a.Id, a => a.Code);
        return new(c.Id, c.Code, c.Name, c.Domain, c.ValueChainStageId is { } s ? lists.StageCodes.GetValueOrDefault(s) : null, c.Description, c.Order,
            [.. c.Needs.Where(n => areaCodes.ContainsKey(n.StrategicAreaId)).OrderBy(n => lists.AreaRows.ToList().FindIndex(a => a.Id == n.StrategicAreaId))
                .Select(n => new NeedDto(areaCodes[n.StrategicAreaId], n.Level))], c.Version);
    }

    /// <summary>
    /// The one validator of a taxonomy entry: code, name and domain, the stage and the areas named by their codes in
    /// the cluster's strategy lists, each area once, levels 1–4. Applies the input to <paramref name="target"/> when valid.
    /// </summary>
    public static List<FieldError> Apply(CompetenceInput input, Competence target, AreaLists lists)
    {
        var errors = new List<FieldError>();
        var code = CompetenceRules.NormalizeCode(input.Code);
        if (code.Length == 0) errors.Add(new("code", input.Code, "is required"));
        else if (!CompetenceRules.IsCode(code)) errors.Add(new("code", input.Code, $"must be 1 to {CompetenceRules.CodeLength} letters, digits, '-', '_' or '.'"));
        if (CompetenceRules.Text("name", input.Name, CompetenceRules.NameLength, required: true) is { } name) errors.Add(name);
        if (CompetenceRules.Text("domain", input.Domain, CompetenceRules.NameLength, required: true) is { } domain) errors.Add(domain);
        if (CompetenceRules.Text("description", input.Description, CompetenceRules.TextLength) is { } description) errors.Add(description);
        int? stageId = null;
        if (CompetenceRules.Trimmed(input.Stage) is { } stage)
        {
            if (lists.Stages.TryGetValue(stage.ToUpperInvariant(), out var id)) stageId = id;
            else errors.Add(new("stage", stage, $"is not a value-chain stage of the cluster (stages: {string.Join(", ", lists.Stages.Keys.Order(StringComparer.Ordinal))})"));
        }
        var needs = new Dictionary<int, int>();
        foreach (var (need, i) in (input.Needs ?? []).Select((n, i) => (n, i)))
        {
            var field = $"needs[{i}]";
            var area = CompetenceRules.Trimmed(need.Area)?.ToUpperInvariant();
            if (area is null || !lists.Areas.TryGetValue(area, out var areaId))
            { errors.Add(new(field + ".area", need.Area, $"is not a strategic area of the cluster (areas: {string.Join(", ", lists.Areas.Keys.Order(StringComparer.Ordinal))})")); continue; }
            if (CompetenceRules.Level(field + ".level", need.Level) is { } level) { errors.Add(level); continue; }
            if (!needs.TryAdd(areaId, need.Level!.Value)) errors.Add(new(field + ".area", need.Area, "appears more than once"));
        }
        if (errors.Count > 0) return errors;

        target.Code = code;
        target.Name = input.Name!.Trim();
        target.Domain = input.Domain!.Trim();
        target.ValueChainStageId = stageId;
        target.Description = CompetenceRules.Trimmed(input.Description);
        target.Order = input.Order ?? target.Order;
        target.Needs.RemoveAll(n => !needs.ContainsKey(n.StrategicAreaId));
        foreach (var (areaId, level) in needs)
        {
            if (target.Needs.Find(n => n.StrategicAreaId == areaId) is { } existing) existing.Level = level;
            else target.Needs.Add(new CompetenceNeed { StrategicAreaId = areaId, Level = level, CompetenceId = target.Id });
        }
        return errors;
    }

    /// <summary>Creates (<paramref name="id"/> null) or replaces a taxonomy entry; its code stays unique in the cluster.</summary>
    public static async Task<TaxonomyResult> SaveAsync(ClusterDb db, int clusterId, int? id, CompetenceInput input, CancellationToken ct)
    {
        var lists = await AreaLists.LoadAsync(db, clusterId, ct);
        Competence? competence;
        if (id is { } existingId)
        {
            competence = await db.Competences.Include(c => c.Needs).SingleOrDefaultAsync(c => c.Id == existingId && c.ClusterId == clusterId, ct);
            if (competence is null) return new(TaxonomyOutcome.NotFound, []);
            if (input.Version is { } v && v != competence.Version) return new(TaxonomyOutcome.Stale, []);
        }
        else
        {
            competence = new Competence { ClusterId = clusterId, Code = "", Name = "", Domain = "" };
            competence.Order = await db.Competences.Where(c => c.ClusterId == clusterId).Select(c => (int?)c.Order).MaxAsync(ct) + 1 ?? 1;
            db.Add(competence);
        }
        var errors = Apply(input, competence, lists);
        if (errors.Count > 0) { db.ChangeTracker.Clear(); return new(TaxonomyOutcome.Invalid, errors); }
        if (await db.Competences.AnyAsync(c => c.ClusterId == clusterId && c.Code == competence.Code && c.Id != competence.Id, ct))
        { db.ChangeTracker.Clear(); return new(TaxonomyOutcome.Duplicate, [new("code", competence.Code, "is the code of another competence")]); }
        // A change to the needs alone is a change of the entry: its version moves, so a copy edited before it is stale.
        if (id is not null && db.ChangeTracker.HasChanges()) db.Entry(competence).State = EntityState.Modified;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); return new(TaxonomyOutcome.Stale, []); }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        { db.ChangeTracker.Clear(); return new(TaxonomyOutcome.Duplicate, [new("code", competence.Code, "is the code of another competence")]); }
        return new(TaxonomyOutcome.Saved, [], Dto(competence, lists));
    }

    /// <summary>Deletes an entry nobody has declared; one with declarations is <see cref="TaxonomyOutcome.InUse"/>.</summary>
    public static async Task<TaxonomyOutcome> DeleteAsync(ClusterDb db, int clusterId, int id, CancellationToken ct)
    {
        var competence = await db.Competences.Include(c => c.Needs).SingleOrDefaultAsync(c => c.Id == id && c.ClusterId == clusterId, ct);
        if (competence is null) return TaxonomyOutcome.NotFound;
        if (await db.CompetenceDeclarations.AnyAsync(d => d.CompetenceId == id, ct)) return TaxonomyOutcome.InUse;
        db.Remove(competence);
        await db.SaveChangesAsync(ct);
        return TaxonomyOutcome.Saved;
    }

    public static string English(TaxonomyOutcome outcome) => outcome switch
    {
        TaxonomyOutcome.Stale => "Someone else changed this competence at the same time; reload and try again.",
        TaxonomyOutcome.InUse => "Members have declared this competence; it cannot be deleted.",
        TaxonomyOutcome.Duplicate => "Another competence has this code.",
        _ => outcome.ToString(),
    };

    internal static string Levels(IEnumerable<NeedDto> needs) => string.Join("; ", needs.Select(n => string.Create(CultureInfo.InvariantCulture, $"{n.Area}={n.Level}")));
}
