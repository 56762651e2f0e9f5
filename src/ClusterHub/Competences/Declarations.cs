using System.Globalization;
using ClusterHub.Data;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Competences;

/// <summary>A member's declaration as given: the competence by its code, the level 1–4, the evidence, the date (today when empty).</summary>
public sealed record DeclarationInput(string? Competence, int? Level, string? Certifications, string? References, DateOnly? DeclaredOn);

public sealed record DeclarationRow(int Id, int MemberId, string MemberName, string? Region, int CompetenceId, string CompetenceCode, string CompetenceName,
    int Level, string? Certifications, string? References, DateOnly DeclaredOn, DeclarationState State, string? DecidedBy, DateOnly? DecidedOn,
    string? RejectionReason, int Version);

public sealed record DeclarationFilter
{
    public int? MemberId { get; init; }
    /// <summary>A competence's code.</summary>
    public string? Competence { get; init; }
    public DeclarationState? State { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public enum DeclareOutcome { Declared, NotFound, Invalid, Stale }

public sealed record DeclareResult(DeclareOutcome Outcome, IReadOnlyList<FieldError> Errors, DeclarationRow? Declaration = null);

/// <summary>
/// Members' declarations and the secretariat's decisions. A representative declares for its own organisation only
/// (the caller checks <c>scope.CanFor</c>); a declaration changed by its member goes back to <see cref="DeclarationState.Declared"/>.
/// </summary>
public static class Declarations
{
    /// <summary>The one validator of a declaration, for the API, the page and the import.</summary>
    public static List<FieldError> Validate(DeclarationInput input, IReadOnlyDictionary<string, int> competences, DateOnly today, out int competenceId)
    {
        var errors = new List<FieldError>();
        competenceId = 0;
        var code = CompetenceRules.NormalizeCode(input.Competence);
        if (code.Length == 0) errors.Add(new("competence", input.Competence, "is required"));
        else if (!competences.TryGetValue(code, out competenceId)) errors.Add(new("competence", input.Competence, "is not a competence of the cluster's taxonomy"));
        if (CompetenceRules.Level("level", input.Level) is { } level) errors.Add(level);
        if (CompetenceRules.Text("certifications", input.Certifications, CompetenceRules.TextLength) is { } certs) errors.Add(certs);
        if (CompetenceRules.Text("references", input.References, CompetenceRules.TextLength) is { } refs) errors.Add(refs);
        if (input.DeclaredOn is { } on && (on > today || on.Year < 1950))
            errors.Add(new("declaredOn", on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "must be between 1950 and today"));
        return errors;
    }

    public static Task<Dictionary<string, int>> CodesAsync(ClusterDb db, int clusterId, CancellationToken ct) =>
        db.Competences.AsNoTracking().Where(c => c.ClusterId == clusterId).ToDictionaryAsync(c => c.Code, c => c.Id, ct);

    /// <summary>Declares a competence for a member, or replaces its declaration of it; either way it waits for validation.</summary>
    public static async Task<DeclareResult> DeclareAsync(ClusterDb db, int clusterId, int memberId, DeclarationInput input, DateOnly today, CancellationToken ct)
    {
        if (!await db.Members.AnyAsync(m => m.Id == memberId && m.ClusterId == clusterId && m.ArchivedOn == null, ct)) return new(DeclareOutcome.NotFound, []);
        var errors = Validate(input, await CodesAsync(db, clusterId, ct), today, out var competenceId);
        if (errors.Count > 0) return new(DeclareOutcome.Invalid, errors);
        var declaration = await db.CompetenceDeclarations.SingleOrDefaultAsync(d => d.MemberId == memberId && d.CompetenceId == competenceId, ct);
        if (declaration is null) db.Add(declaration = new CompetenceDeclaration { ClusterId = clusterId, MemberId = memberId, CompetenceId = competenceId });
        Apply(declaration, input, today);
        try { await db.SaveChangesAsync(ct); }
        catch (Exception e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e)) { db.ChangeTracker.Clear(); return new(DeclareOutcome.Stale, []); }
        return new(DeclareOutcome.Declared, [], await FindAsync(db, clusterId, declaration.Id, ct));
    }

    internal static void Apply(CompetenceDeclaration d, DeclarationInput input, DateOnly today, DeclarationState state = DeclarationState.Declared)
    {
        d.Level = input.Level!.Value;
        d.Certifications = Certifications(input.Certifications);
        d.References = CompetenceRules.Trimmed(input.References);
        d.DeclaredOn = input.DeclaredOn ?? today;
        d.State = state;
        if (state == DeclarationState.Declared) (d.DecidedBy, d.DecidedOn, d.RejectionReason) = (null, null, null);
    }

    /// <summary>"rcc-m ;ISO 19443" → "rcc-m; ISO 19443": one separator, no empty item.</summary>
    public static string? Certifications(string? text) =>
        CompetenceRules.Trimmed(string.Join("; ", (text ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));

    /// <summary>Withdraws a member's declaration of a competence.</summary>
    public static async Task<bool> WithdrawAsync(ClusterDb db, int clusterId, int memberId, int competenceId, CancellationToken ct)
    {
        var d = await db.CompetenceDeclarations.SingleOrDefaultAsync(x => x.ClusterId == clusterId && x.MemberId == memberId && x.CompetenceId == competenceId, ct);
        if (d is null) return false;
        db.Remove(d);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// The secretariat validates or rejects a declaration waiting for it. Decided once: of two decisions racing, the row's
    /// version lets one through; the other, like a decision on one already decided, is <see cref="DecisionOutcome.AlreadyDecided"/>.
    /// </summary>
    public static async Task<DecisionOutcome> DecideAsync(ClusterDb db, int clusterId, int id, bool validate, string? reason, string who, DateOnly today, CancellationToken ct)
    {
        var d = await db.CompetenceDeclarations.SingleOrDefaultAsync(x => x.Id == id && x.ClusterId == clusterId, ct);
        if (d is null) return DecisionOutcome.NotFound;
        if (d.State != DeclarationState.Declared) return DecisionOutcome.AlreadyDecided;
        d.State = validate ? DeclarationState.Validated : DeclarationState.Rejected;
        d.DecidedBy = who;
        d.DecidedOn = today;
        d.RejectionReason = validate ? null : CompetenceRules.Trimmed(reason) is { } r && r.Length > CompetenceRules.TextLength ? r[..CompetenceRules.TextLength] : CompetenceRules.Trimmed(reason);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); return DecisionOutcome.AlreadyDecided; }
        return validate ? DecisionOutcome.Approved : DecisionOutcome.Rejected;
    }

    public static IQueryable<CompetenceDeclaration> Filtered(ClusterDb db, int clusterId, DeclarationFilter f)
    {
        var q = db.CompetenceDeclarations.AsNoTracking().Where(d => d.ClusterId == clusterId);
        if (f.MemberId is { } m) q = q.Where(d => d.MemberId == m);
        if (CompetenceRules.Trimmed(f.Competence) is { } code) { code = code.ToUpperInvariant(); q = q.Where(d => d.Competence!.Code == code); }
        if (f.State is { } s) q = q.Where(d => d.State == s);
        return q.OrderBy(d => d.Member!.NormalizedName).ThenBy(d => d.Competence!.Order).ThenBy(d => d.Id);
    }

    public static Task<Page<DeclarationRow>> PageAsync(ClusterDb db, int clusterId, DeclarationFilter f, CancellationToken ct) =>
        Filtered(db, clusterId, f).Select(Row).PageAsync(f.Page, f.PageSize, ct);

    public static Task<DeclarationRow?> FindAsync(ClusterDb db, int clusterId, int id, CancellationToken ct) =>
        db.CompetenceDeclarations.AsNoTracking().Where(d => d.Id == id && d.ClusterId == clusterId).Select(Row).SingleOrDefaultAsync(ct);

    public static readonly System.Linq.Expressions.Expression<Func<CompetenceDeclaration, DeclarationRow>> Row = d =>
        new DeclarationRow(d.Id, d.MemberId, d.Member!.Name, d.Member.Region, d.CompetenceId, d.Competence!.Code, d.Competence.Name, d.Level,
            d.Certifications, d.References, d.DeclaredOn, d.State, d.DecidedBy, d.DecidedOn, d.RejectionReason, d.Version);

    public static string English(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.AlreadyDecided => "This declaration was already validated or rejected, or changed meanwhile.",
        _ => outcome.ToString(),
    };
}
