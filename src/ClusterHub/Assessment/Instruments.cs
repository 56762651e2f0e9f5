using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClusterHub.Data;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Assessment;

public enum InstrumentChange { Done, NotFound, Invalid, Shipped, AlreadyExists }

/// <summary>An instrument version as a list shows it.</summary>
public sealed record InstrumentSummary(string Key, int Version, string Name, bool Shipped, string? CopiedFrom, DateTime CreatedAt, int Indicators);

/// <summary>
/// The instruments a cluster can assess with: the shipped ones (read-only, loaded from the assembly's JSON as version 1
/// the first time they are needed) and the cluster's own copies, each change of which is a new version.
/// </summary>
public static partial class Instruments
{
    public const string Cipm = "cipm", Excellence = "excellence";

    /// <summary>The instruments shipped in <c>Assessment/Instruments/*.json</c>.</summary>
    public static IReadOnlyList<InstrumentSpec> Shipped { get; } = LoadShipped();

    private static List<InstrumentSpec> LoadShipped()
    {
        var assembly = typeof(Instruments).Assembly;
        var specs = new List<InstrumentSpec>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("ClusterHub.Assessment.Instruments.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var spec = JsonSerializer.Deserialize<InstrumentSpec>(stream, InstrumentSpec.Json)
                ?? throw new InvalidOperationException($"{name}: empty instrument");
            if (Validate(spec) is [var first, ..]) throw new InvalidOperationException($"{name}: {first.Field} {first.Reason}");
            specs.Add(spec);
        }
        return specs;
    }

    /// <summary>Writes version 1 of every shipped instrument the database does not hold yet.</summary>
    public static async Task EnsureShippedAsync(ClusterDb db, TimeProvider clock, CancellationToken ct)
    {
        var present = await db.Set<AssessmentInstrument>().Where(i => i.ClusterId == null).Select(i => i.Key).Distinct().ToListAsync(ct);
        var missing = Shipped.Where(s => !present.Contains(s.Key)).ToList();
        if (missing.Count == 0) return;
        foreach (var spec in missing)
            db.Add(InstrumentMapping.ToEntity(spec, null, 1, "shipped", clock.GetUtcNow().UtcDateTime, null));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (UniqueViolation.Is(e)) { db.ChangeTracker.Clear(); } // another reader wrote them first
    }

    private static IQueryable<AssessmentInstrument> Tree(ClusterDb db) =>
        db.Set<AssessmentInstrument>().AsNoTracking().AsSplitQuery()
            .Include(i => i.Dimensions).ThenInclude(d => d.Factors).ThenInclude(f => f.Indicators);

    /// <summary>Whether a text can be an instrument's or an item's key; anything else is looked up nowhere (PostgreSQL refuses some characters outright).</summary>
    public static bool IsKey(string? key) => key is not null && KeyPattern().IsMatch(key);

    /// <summary>The latest version of an instrument the cluster can use: its own copy, or a shipped one.</summary>
    public static async Task<AssessmentInstrument?> LatestAsync(ClusterDb db, TimeProvider clock, int clusterId, string key, CancellationToken ct)
    {
        if (!IsKey(key)) return null;
        await EnsureShippedAsync(db, clock, ct);
        var id = await db.Set<AssessmentInstrument>().AsNoTracking()
            .Where(i => (i.ClusterId == clusterId || i.ClusterId == null) && i.Key == key)
            .OrderByDescending(i => i.Version).ThenBy(i => i.Id).Select(i => (int?)i.Id).FirstOrDefaultAsync(ct);
        return id is { } found ? await ByIdAsync(db, found, ct) : null;
    }

    /// <summary>A shipped instrument (no cluster's copy): its latest version, or the one asked; what a portfolio compares clusters on.</summary>
    public static async Task<AssessmentInstrument?> ShippedAsync(ClusterDb db, TimeProvider clock, string key, int? version, CancellationToken ct)
    {
        if (!IsKey(key)) return null;
        await EnsureShippedAsync(db, clock, ct);
        var id = await db.Set<AssessmentInstrument>().AsNoTracking()
            .Where(i => i.ClusterId == null && i.Key == key && (version == null || i.Version == version))
            .OrderByDescending(i => i.Version).ThenBy(i => i.Id).Select(i => (int?)i.Id).FirstOrDefaultAsync(ct);
        return id is { } found ? await ByIdAsync(db, found, ct) : null;
    }

    public static Task<AssessmentInstrument?> ByIdAsync(ClusterDb db, int id, CancellationToken ct) => Tree(db).SingleOrDefaultAsync(i => i.Id == id, ct);

    /// <summary>One version of an instrument the cluster can see.</summary>
    public static async Task<AssessmentInstrument?> VersionAsync(ClusterDb db, TimeProvider clock, int clusterId, string key, int version, CancellationToken ct)
    {
        if (!IsKey(key)) return null;
        await EnsureShippedAsync(db, clock, ct);
        return await Tree(db).Where(i => (i.ClusterId == clusterId || i.ClusterId == null) && i.Key == key && i.Version == version)
            .OrderBy(i => i.Id).FirstOrDefaultAsync(ct);
    }

    public static async Task<List<InstrumentSummary>> ListAsync(ClusterDb db, TimeProvider clock, int clusterId, CultureInfo culture, CancellationToken ct)
    {
        await EnsureShippedAsync(db, clock, ct);
        var rows = await db.Set<AssessmentInstrument>().AsNoTracking()
            .Where(i => i.ClusterId == clusterId || i.ClusterId == null)
            .Select(i => new { i.Key, i.Version, i.Name, i.ClusterId, i.CopiedFrom, i.CreatedAt, Indicators = i.Dimensions.SelectMany(d => d.Factors).SelectMany(f => f.Indicators).Count() })
            .ToListAsync(ct);
        return [.. rows.GroupBy(r => r.Key).Select(g => g.OrderByDescending(r => r.Version).First()).OrderBy(r => r.ClusterId is null ? 0 : 1).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new InstrumentSummary(r.Key, r.Version, (JsonSerializer.Deserialize<Texts>(r.Name, InstrumentSpec.Json) ?? []).In(culture), r.ClusterId is null, r.CopiedFrom, r.CreatedAt, r.Indicators))];
    }

    /// <summary>Copies the latest version of an instrument under a new key, as version 1 of the cluster's own.</summary>
    public static async Task<(InstrumentChange, AssessmentInstrument?)> CopyAsync(ClusterDb db, TimeProvider clock, int clusterId, string sourceKey, string newKey, string actor, CancellationToken ct)
    {
        if (!KeyPattern().IsMatch(newKey ?? "")) return (InstrumentChange.Invalid, null);
        var source = await LatestAsync(db, clock, clusterId, sourceKey, ct);
        if (source is null) return (InstrumentChange.NotFound, null);
        if (await db.Set<AssessmentInstrument>().AnyAsync(i => (i.ClusterId == clusterId || i.ClusterId == null) && i.Key == newKey, ct))
            return (InstrumentChange.AlreadyExists, null);
        var spec = InstrumentMapping.ToSpec(source) with { Key = newKey! };
        return await AddAsync(db, InstrumentMapping.ToEntity(spec, clusterId, 1, actor, clock.GetUtcNow().UtcDateTime, $"{source.Key} v{source.Version}"), ct);
    }

    /// <summary>A changed instrument, saved as the next version of the cluster's own copy; a shipped one is copied first.</summary>
    public static async Task<(InstrumentChange, AssessmentInstrument?, List<FieldError>)> EditAsync(ClusterDb db, TimeProvider clock, int clusterId, string key, InstrumentSpec spec, string actor, CancellationToken ct)
    {
        var errors = Validate(spec);
        if (spec.Key != key) errors.Add(new("key", InputText.Echo(spec.Key), $"must be the instrument's key '{key}'"));
        if (errors.Count > 0) return (InstrumentChange.Invalid, null, errors);
        var latest = await LatestAsync(db, clock, clusterId, key, ct);
        if (latest is null) return (InstrumentChange.NotFound, null, errors);
        if (latest.ClusterId is null) return (InstrumentChange.Shipped, null, errors);
        var (change, saved) = await AddAsync(db, InstrumentMapping.ToEntity(spec, clusterId, latest.Version + 1, actor, clock.GetUtcNow().UtcDateTime, latest.CopiedFrom), ct);
        return (change, saved, errors);
    }

    private static async Task<(InstrumentChange, AssessmentInstrument?)> AddAsync(ClusterDb db, AssessmentInstrument entity, CancellationToken ct)
    {
        db.Add(entity);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (UniqueViolation.Is(e)) { return (InstrumentChange.AlreadyExists, null); } // another editor saved this version first
        return (InstrumentChange.Done, entity);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_.-]{0,63}$")]
    private static partial Regex KeyPattern();

    /// <summary>The one validator of an instrument: the shipped files, the API's edits.</summary>
    public static List<FieldError> Validate(InstrumentSpec? spec)
    {
        var errors = new List<FieldError>();
        if (spec is null) { errors.Add(new("instrument", null, "is required")); return errors; }
        void Key(string field, string? key) { if (!KeyPattern().IsMatch(key ?? "")) errors.Add(new(field, InputText.Echo(key), "must be 1–64 characters of a–z, 0–9, '_', '.', '-'")); }
        void Name(string field, Texts? texts)
        {
            if (texts is null || !texts.TryGetValue("en", out var en) || InputText.Required(en, AssessmentLimits.Text) is null)
                errors.Add(new(field + ".en", null, "needs an English text"));
            foreach (var (lang, text) in texts ?? [])
                if (lang is not ("en" or "fr" or "ko")) errors.Add(new($"{field}.{lang}", null, "must be en, fr or ko"));
                else if (text is null) errors.Add(new($"{field}.{lang}", null, "is required"));
                else if (InputText.Check(text, AssessmentLimits.Text) is { } reason) errors.Add(new($"{field}.{lang}", InputText.Echo(text), reason));
        }
        void Weight(string field, double w) { if (!double.IsFinite(w) || w <= 0 || w > 1000) errors.Add(new(field, w.ToString(CultureInfo.InvariantCulture), "must be above 0 and at most 1000")); }
        Key("key", spec.Key);
        Name("name", spec.Name);
        if (spec.Description is not null) Name("description", spec.Description);
        if (spec.Dimensions is not { Count: > 0 }) errors.Add(new("dimensions", null, "needs at least one dimension"));
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        foreach (var (d, di) in (spec.Dimensions ?? []).Select((d, i) => (d, i)))
        {
            var df = $"dimensions[{di}]";
            if (d is null) { errors.Add(new(df, null, "is required")); continue; }
            Key(df + ".key", d.Key); Name(df + ".name", d.Name); Weight(df + ".weight", d.Weight);
            if (d.Factors is not { Count: > 0 }) errors.Add(new(df + ".factors", null, "needs at least one factor"));
            foreach (var (f, fi) in (d.Factors ?? []).Select((f, i) => (f, i)))
            {
                var ff = $"{df}.factors[{fi}]";
                if (f is null) { errors.Add(new(ff, null, "is required")); continue; }
                Key(ff + ".key", f.Key); Name(ff + ".name", f.Name); Weight(ff + ".weight", f.Weight);
                if (f.Indicators is not { Count: > 0 }) errors.Add(new(ff + ".indicators", null, "needs at least one indicator"));
                foreach (var (x, xi) in (f.Indicators ?? []).Select((x, i) => (x, i)))
                {
                    var xf = $"{ff}.indicators[{xi}]";
                    if (x is null) { errors.Add(new(xf, null, "is required")); continue; }
                    count++;
                    Key(xf + ".key", x.Key); Name(xf + ".name", x.Name); Weight(xf + ".weight", x.Weight);
                    if (x.Key is not null && !keys.Add(x.Key)) errors.Add(new(xf + ".key", InputText.Echo(x.Key), "is used by another indicator of the instrument"));
                    if (x.Source is EvidenceSource.Registry or EvidenceSource.Survey) Key(xf + ".sourceKey", x.SourceKey);
                    else if (x.SourceKey is not null) errors.Add(new(xf + ".sourceKey", InputText.Echo(x.SourceKey), "a judgement item takes no source key"));
                    if (!Enum.IsDefined(x.Source)) errors.Add(new(xf + ".source", x.Source.ToString(), "must be Registry, Survey or Judgement"));
                    ValidateRule(xf + ".scoring", x.Scoring, errors);
                }
            }
        }
        if (count > AssessmentLimits.MaxIndicators) errors.Add(new("dimensions", null, $"has more than {AssessmentLimits.MaxIndicators} indicators"));
        foreach (var (l, li) in (spec.Levels ?? []).Select((l, i) => (l, i)))
        {
            var lf = $"levels[{li}]";
            if (l is null) { errors.Add(new(lf, null, "is required")); continue; }
            Key(lf + ".key", l.Key); Name(lf + ".name", l.Name);
            if (!double.IsFinite(l.MinScore) || l.MinScore is < 0 or > 100) errors.Add(new(lf + ".minScore", null, "must be 0–100"));
            if (!double.IsFinite(l.MinCoverage) || l.MinCoverage is < 0 or > 1) errors.Add(new(lf + ".minCoverage", null, "must be 0–1"));
        }
        return errors;
    }

    private static void ValidateRule(string field, ScoringRule? rule, List<FieldError> errors)
    {
        if (rule is null) { errors.Add(new(field, null, "is required")); return; }
        var linear = rule.From is not null || rule.To is not null;
        if (linear == rule.Bands is not null) { errors.Add(new(field, null, "must have either bands or from/to")); return; }
        if (linear)
        {
            if (rule.From is not { } from || rule.To is not { } to || !double.IsFinite(from) || !double.IsFinite(to) || from == to)
                errors.Add(new(field, null, "from and to must be two different finite numbers"));
            return;
        }
        if (rule.Bands is not { Count: > 0 and <= 20 }) { errors.Add(new(field + ".bands", null, "needs 1–20 bands")); return; }
        foreach (var (b, bi) in rule.Bands.Select((b, i) => (b, i)))
            if (b is null || !double.IsFinite(b.Score) || b.Score is < 0 or > 100 || b.Min is { } mn && !double.IsFinite(mn) || b.Max is { } mx && !double.IsFinite(mx)
                || b.Min is { } lo && b.Max is { } hi && lo >= hi)
                errors.Add(new($"{field}.bands[{bi}]", null, "needs a score 0–100 and finite bounds, min below max"));
    }
}
