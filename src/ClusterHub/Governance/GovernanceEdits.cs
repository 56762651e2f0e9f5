using System.Globalization;
using ClusterHub.Data;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Governance;

/// <summary>An actor as the API, the page and the import give it; level and kind by name. <c>Version</c>: the version edited.</summary>
public sealed record ActorInput(string? Name, string? ShortName, string? Level, string? Kind, int? MemberId = null, string? Notes = null, int? Version = null);

/// <summary>A tie as given: its two actors by id, its type by name, years (both ends included), strength 1–5, its source.</summary>
public sealed record TieInput(int? FromActorId, int? ToActorId, string? Type, int? FromYear = null, int? ToYear = null, int? Strength = null,
    string? Source = null, bool? Sourced = null, string? Notes = null, int? Version = null);

public sealed record ActorDto(int Id, string Name, string? ShortName, ActorLevel Level, ActorKind Kind, int? MemberId, string? Notes, int Version);

public sealed record TieDto(int Id, int FromActorId, string From, int ToActorId, string To, TieType Type, bool Directed, int? FromYear, int? ToYear,
    int Strength, string? Source, bool Sourced, string? Notes, int Version);

/// <summary>How a change of an actor or a tie ended: the API maps it to a status code, the page to a message.</summary>
public enum GovernanceOutcome { Saved, NotFound, Invalid, Duplicate, Stale }

public sealed record GovernanceResult<T>(GovernanceOutcome Outcome, IReadOnlyList<FieldError> Errors, T? Saved = default);

public sealed record ActorFilter
{
    public string? Search { get; init; }
    public ActorLevel? Level { get; init; }
    /// <summary>name (default), -name, level, kind.</summary>
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record TieFilter
{
    /// <summary>Text in either actor's name or short name, or in the source.</summary>
    public string? Search { get; init; }
    public TieType? Type { get; init; }
    /// <summary>Ties that held during this year.</summary>
    public int? Year { get; init; }
    /// <summary>from (default), type, strength, -strength, year.</summary>
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

/// <summary>The governance network's actors and ties: lists, the one validator of each input, saves guarded by versions.</summary>
public static class GovernanceEdits
{
    public static Task<Page<ActorDto>> ActorsAsync(ClusterDb db, int clusterId, ActorFilter f, CancellationToken ct)
    {
        var q = db.Set<GovernanceActor>().AsNoTracking().Where(a => a.ClusterId == clusterId);
        if (InputText.Blank(f.Search) is { } search)
        {
            var term = search.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL LOWER(…): case-insensitive on both providers (as CompetenceMap's search)
            q = q.Where(a => a.Name.ToLower().Contains(term) || (a.ShortName != null && a.ShortName.ToLower().Contains(term)));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (f.Level is { } level) q = q.Where(a => a.Level == level);
        var ordered = f.Sort switch
        {
            "-name" => q.OrderByDescending(a => a.Name).ThenBy(a => a.Id),
            "level" => q.OrderBy(a => a.Level).ThenBy(a => a.Name).ThenBy(a => a.Id),
            "kind" => q.OrderBy(a => a.Kind).ThenBy(a => a.Name).ThenBy(a => a.Id),
            _ => q.OrderBy(a => a.Name).ThenBy(a => a.Id),
        };
        return ordered.Select(a => new ActorDto(a.Id, a.Name, a.ShortName, a.Level, a.Kind, a.MemberId, a.Notes, a.Version)).PageAsync(f.Page, f.PageSize, ct);
    }

    /// <summary>A tie as listed: its actors by short name (or name); directed as its type is (<see cref="GovernanceTypes.IsDirected"/>, repeated for SQL).</summary>
    internal static readonly System.Linq.Expressions.Expression<Func<GovernanceTie, TieDto>> TieRow = t => new TieDto(t.Id, t.FromActorId,
        t.FromActor!.ShortName ?? t.FromActor.Name, t.ToActorId, t.ToActor!.ShortName ?? t.ToActor.Name,
        t.Type, t.Type != TieType.SectorContract && t.Type != TieType.PartnershipAgreement, t.FromYear, t.ToYear, t.Strength, t.Source, t.Sourced, t.Notes, t.Version);

    public static Task<Page<TieDto>> TiesAsync(ClusterDb db, int clusterId, TieFilter f, CancellationToken ct)
    {
        var q = db.Set<GovernanceTie>().AsNoTracking().Where(t => t.ClusterId == clusterId).Where(GovernanceTie.HeldIn(f.Year));
        if (InputText.Blank(f.Search) is { } search)
        {
            var term = search.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // as above
            q = q.Where(t => t.FromActor!.Name.ToLower().Contains(term) || (t.FromActor.ShortName != null && t.FromActor.ShortName.ToLower().Contains(term))
                || t.ToActor!.Name.ToLower().Contains(term) || (t.ToActor.ShortName != null && t.ToActor.ShortName.ToLower().Contains(term))
                || (t.Source != null && t.Source.ToLower().Contains(term)));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (f.Type is { } type) q = q.Where(t => t.Type == type);
        var ordered = f.Sort switch
        {
            "type" => q.OrderBy(t => t.Type).ThenBy(t => t.FromActor!.Name).ThenBy(t => t.Id),
            "strength" => q.OrderBy(t => t.Strength).ThenBy(t => t.Id),
            "-strength" => q.OrderByDescending(t => t.Strength).ThenBy(t => t.Id),
            "year" => q.OrderBy(t => t.FromYear).ThenBy(t => t.Id),
            _ => q.OrderBy(t => t.FromActor!.Name).ThenBy(t => t.ToActor!.Name).ThenBy(t => t.Id),
        };
        return ordered.Select(TieRow).PageAsync(f.Page, f.PageSize, ct);
    }

    private static FieldError? Text(string field, string? value, int max, bool required = false)
    {
        if (InputText.Blank(value) is not { } text) return required ? new(field, null, "is required") : null;
        return InputText.Check(text, max) is { } reason ? new(field, InputText.Echo(value), reason) : null;
    }

    private static FieldError? Enum<T>(string field, string? value, out T parsed) where T : struct, System.Enum
    {
        parsed = default;
        if (InputText.Blank(value) is not { } text) return new(field, null, "is required");
        var names = System.Enum.GetNames<T>();
        var name = names.FirstOrDefault(n => string.Equals(n, text.Replace(" ", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
        if (name is null) return new(field, InputText.Echo(value), $"must be one of {string.Join(", ", names)}");
        parsed = System.Enum.Parse<T>(name);
        return null;
    }

    /// <summary>
    /// The one validator of an actor (API, page, import): a name, a short name of letters, digits and "-_.&amp; " when
    /// given, a level and a kind by name, a member of the same cluster. Applies the input to <paramref name="target"/> when valid.
    /// </summary>
    public static List<FieldError> Apply(ActorInput input, GovernanceActor target, IReadOnlySet<int> members)
    {
        var errors = new List<FieldError>();
        if (Text("name", input.Name, GovernanceTypes.NameLength, required: true) is { } name) errors.Add(name);
        if (Text("shortName", input.ShortName, GovernanceTypes.ShortNameLength) is { } shortName) errors.Add(shortName);
        if (Text("notes", input.Notes, GovernanceTypes.TextLength) is { } notes) errors.Add(notes);
        if (Enum<ActorLevel>("level", input.Level, out var level) is { } levelError) errors.Add(levelError);
        if (Enum<ActorKind>("kind", input.Kind, out var kind) is { } kindError) errors.Add(kindError);
        if (input.MemberId is { } m && !members.Contains(m)) errors.Add(new("memberId", m.ToString(CultureInfo.InvariantCulture), "is not a member of the cluster"));
        if (errors.Count > 0) return errors;
        target.Name = input.Name!.Trim();
        target.ShortName = InputText.Blank(input.ShortName);
        target.Level = level;
        target.Kind = kind;
        target.MemberId = input.MemberId;
        target.Notes = InputText.Blank(input.Notes);
        return errors;
    }

    /// <summary>
    /// The one validator of a tie: two different actors of the cluster, a type by name, years 1950–2100 in order,
    /// strength 1–5 (3 when not given), a source of at most 500 characters, which a tie marked sourced must have.
    /// </summary>
    public static List<FieldError> Apply(TieInput input, GovernanceTie target, IReadOnlySet<int> actors)
    {
        var errors = new List<FieldError>();
        if (input.FromActorId is not { } from) errors.Add(new("fromActorId", null, "is required"));
        else if (!actors.Contains(from)) errors.Add(new("fromActorId", from.ToString(CultureInfo.InvariantCulture), "is not an actor of the cluster"));
        if (input.ToActorId is not { } to) errors.Add(new("toActorId", null, "is required"));
        else if (!actors.Contains(to)) errors.Add(new("toActorId", to.ToString(CultureInfo.InvariantCulture), "is not an actor of the cluster"));
        else if (to == input.FromActorId) errors.Add(new("toActorId", to.ToString(CultureInfo.InvariantCulture), "is the same actor as fromActorId"));
        if (Enum<TieType>("type", input.Type, out var type) is { } typeError) errors.Add(typeError);
        var yearErrors = errors.Count;
        foreach (var (field, year) in new[] { ("fromYear", input.FromYear), ("toYear", input.ToYear) })
            if (year is { } y && Years.Validate(y, field) is { } yearError) errors.Add(yearError);
        if (input.FromYear is { } fy && input.ToYear is { } ty && errors.Count == yearErrors && ty < fy)
            errors.Add(new("toYear", ty.ToString(CultureInfo.InvariantCulture), "is before fromYear"));
        var strength = input.Strength ?? 3;
        if (strength is < GovernanceTypes.MinStrength or > GovernanceTypes.MaxStrength)
            errors.Add(new("strength", strength.ToString(CultureInfo.InvariantCulture), $"must be between {GovernanceTypes.MinStrength} and {GovernanceTypes.MaxStrength}"));
        if (Text("source", input.Source, GovernanceTypes.SourceLength) is { } source) errors.Add(source);
        else if (input.Sourced == true && InputText.Blank(input.Source) is null) errors.Add(new("source", null, "is required for a sourced tie"));
        if (Text("notes", input.Notes, GovernanceTypes.TextLength) is { } notes) errors.Add(notes);
        if (errors.Count > 0) return errors;
        target.FromActorId = input.FromActorId!.Value;
        target.ToActorId = input.ToActorId!.Value;
        target.Type = type;
        target.FromYear = input.FromYear;
        target.ToYear = input.ToYear;
        target.Strength = strength;
        target.Source = InputText.Blank(input.Source);
        target.Sourced = input.Sourced ?? false;
        target.Notes = InputText.Blank(input.Notes);
        return errors;
    }

    private static async Task<HashSet<int>> MemberIdsAsync(ClusterDb db, int clusterId, CancellationToken ct) =>
        [.. await db.Members.AsNoTracking().Where(m => m.ClusterId == clusterId).Select(m => m.Id).ToListAsync(ct)];

    internal static async Task<HashSet<int>> ActorIdsAsync(ClusterDb db, int clusterId, CancellationToken ct) =>
        [.. await db.Set<GovernanceActor>().AsNoTracking().Where(a => a.ClusterId == clusterId).Select(a => a.Id).ToListAsync(ct)];

    public static ActorDto Dto(GovernanceActor a) => new(a.Id, a.Name, a.ShortName, a.Level, a.Kind, a.MemberId, a.Notes, a.Version);

    /// <summary>Creates (<paramref name="id"/> null) or replaces an actor; its name and short name stay unique in the cluster.</summary>
    public static async Task<GovernanceResult<ActorDto>> SaveActorAsync(ClusterDb db, int clusterId, int? id, ActorInput input, CancellationToken ct)
    {
        GovernanceActor? actor;
        if (id is { } existing)
        {
            actor = await db.Set<GovernanceActor>().SingleOrDefaultAsync(a => a.Id == existing && a.ClusterId == clusterId, ct);
            if (actor is null) return new(GovernanceOutcome.NotFound, []);
            if (input.Version is { } v && v != actor.Version) return new(GovernanceOutcome.Stale, []);
        }
        else db.Add(actor = new GovernanceActor { ClusterId = clusterId, Name = "" });
        var errors = Apply(input, actor, await MemberIdsAsync(db, clusterId, ct));
        if (errors.Count > 0) { db.ChangeTracker.Clear(); return new(GovernanceOutcome.Invalid, errors); }
        if (await DuplicateAsync(db, clusterId, actor, ct) is { } duplicate) { db.ChangeTracker.Clear(); return new(GovernanceOutcome.Duplicate, [duplicate]); }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); return new(GovernanceOutcome.Stale, []); }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        { db.ChangeTracker.Clear(); return new(GovernanceOutcome.Duplicate, [new("name", actor.Name, "is the name or short name of another actor")]); }
        return new(GovernanceOutcome.Saved, [], Dto(actor));
    }

    internal static async Task<FieldError?> DuplicateAsync(ClusterDb db, int clusterId, GovernanceActor actor, CancellationToken ct)
    {
        var others = db.Set<GovernanceActor>().Where(a => a.ClusterId == clusterId && a.Id != actor.Id);
        if (await others.AnyAsync(a => a.Name == actor.Name, ct)) return new("name", actor.Name, "is the name of another actor");
        if (actor.ShortName is { } s && await others.AnyAsync(a => a.ShortName == s, ct)) return new("shortName", s, "is the short name of another actor");
        return null;
    }

    /// <summary>Deletes an actor and its ties.</summary>
    public static async Task<GovernanceOutcome> DeleteActorAsync(ClusterDb db, int clusterId, int id, CancellationToken ct)
    {
        var actor = await db.Set<GovernanceActor>().SingleOrDefaultAsync(a => a.Id == id && a.ClusterId == clusterId, ct);
        if (actor is null) return GovernanceOutcome.NotFound;
        // Loaded so that the history records each tie removed with its actor.
        db.RemoveRange(await db.Set<GovernanceTie>().Where(t => t.FromActorId == id || t.ToActorId == id).ToListAsync(ct));
        db.Remove(actor);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); return GovernanceOutcome.Stale; }
        return GovernanceOutcome.Saved;
    }

    public static Task<TieDto?> FindTieAsync(ClusterDb db, int clusterId, int id, CancellationToken ct) =>
        db.Set<GovernanceTie>().AsNoTracking().Where(t => t.Id == id && t.ClusterId == clusterId).Select(TieRow).SingleOrDefaultAsync(ct);

    /// <summary>Creates or replaces a tie: one of a type between two actors (either way round when the type has no direction).</summary>
    public static async Task<GovernanceResult<TieDto>> SaveTieAsync(ClusterDb db, int clusterId, int? id, TieInput input, CancellationToken ct)
    {
        GovernanceTie? tie;
        if (id is { } existing)
        {
            tie = await db.Set<GovernanceTie>().SingleOrDefaultAsync(t => t.Id == existing && t.ClusterId == clusterId, ct);
            if (tie is null) return new(GovernanceOutcome.NotFound, []);
            if (input.Version is { } v && v != tie.Version) return new(GovernanceOutcome.Stale, []);
        }
        else db.Add(tie = new GovernanceTie { ClusterId = clusterId });
        var errors = Apply(input, tie, await ActorIdsAsync(db, clusterId, ct));
        if (errors.Count > 0) { db.ChangeTracker.Clear(); return new(GovernanceOutcome.Invalid, errors); }
        if (await TieDuplicateAsync(db, tie, ct) is { } duplicate) { db.ChangeTracker.Clear(); return new(GovernanceOutcome.Duplicate, [duplicate]); }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); return new(GovernanceOutcome.Stale, []); }
        catch (DbUpdateException e) when (UniqueViolation.Is(e)) { db.ChangeTracker.Clear(); return new(GovernanceOutcome.Duplicate, [DuplicateTie(tie)]); }
        return new(GovernanceOutcome.Saved, [], await FindTieAsync(db, clusterId, tie.Id, ct));
    }

    private static FieldError DuplicateTie(GovernanceTie t) => new("type", t.Type.ToString(), "these two actors already have a tie of this type");

    internal static async Task<FieldError?> TieDuplicateAsync(ClusterDb db, GovernanceTie tie, CancellationToken ct)
    {
        var undirected = !GovernanceTypes.IsDirected(tie.Type);
        return await db.Set<GovernanceTie>().AnyAsync(t => t.Id != tie.Id && t.Type == tie.Type
            && (t.FromActorId == tie.FromActorId && t.ToActorId == tie.ToActorId || undirected && t.FromActorId == tie.ToActorId && t.ToActorId == tie.FromActorId), ct)
            ? DuplicateTie(tie) : null;
    }

    public static async Task<GovernanceOutcome> DeleteTieAsync(ClusterDb db, int clusterId, int id, CancellationToken ct)
    {
        var tie = await db.Set<GovernanceTie>().SingleOrDefaultAsync(t => t.Id == id && t.ClusterId == clusterId, ct);
        if (tie is null) return GovernanceOutcome.NotFound;
        db.Remove(tie);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); return GovernanceOutcome.Stale; }
        return GovernanceOutcome.Saved;
    }

    public static string English(GovernanceOutcome outcome) => outcome switch
    {
        GovernanceOutcome.Stale => "Someone else changed this at the same time; reload and try again.",
        GovernanceOutcome.Duplicate => "It would duplicate an actor or a tie that exists.",
        _ => outcome.ToString(),
    };
}
