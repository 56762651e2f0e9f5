using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Portfolios;

public sealed record PortfolioInput(string? Slug, string? Name, string? Description);
public sealed record GrantInput(string? Email, string? Role);

public enum PortfolioOutcome { Done, Invalid, NotFound, AlreadyExists, Conflict }

/// <summary>A portfolio as listed: what the user holds in it (the administrator: every portfolio).</summary>
public sealed record PortfolioSummary(string Slug, string Name, string? Description, string? Role, int Imported, int Consenting);

/// <summary>A portfolio as a cluster's manager sees it: its name and whether the cluster consented.</summary>
public sealed record ConsentState(string Slug, string Name, string? Description, bool Consented, DateTime? GivenAt, string? GivenBy, DateTime? RevokedAt, string? RevokedBy);

public sealed record GrantRow(string UserId, string Email, PortfolioRole Role, DateTime GrantedAt, string GrantedBy);

/// <summary>
/// The portfolio's operations for the API, the pages, the CLI and the demo: creation and grants (the platform
/// administrator's), a cluster manager's consent, and the lists. One validator per input (<see cref="Validate"/>).
/// </summary>
public sealed class PortfolioAccess(TimeProvider clock)
{
    private static string Actor(string actor) => actor.Length > PortfolioLimits.Actor ? actor[..PortfolioLimits.Actor] : actor;

    public static List<FieldError> Validate(PortfolioInput input, out Portfolio portfolio)
    {
        var errors = new List<FieldError>();
        var slug = InputText.Blank(input.Slug);
        if (!PortfolioLimits.IsSlug(slug)) errors.Add(new("slug", InputText.Echo(input.Slug), "must be 1–64 characters of a–z, 0–9 and '-', not starting or ending with '-'"));
        var name = InputText.Blank(input.Name);
        if (name is null) errors.Add(new("name", null, "is required"));
        else if (InputText.Check(name, PortfolioLimits.Name) is { } reason) errors.Add(new("name", InputText.Echo(name), reason));
        var description = InputText.Blank(input.Description);
        if (description is not null && InputText.Check(description, PortfolioLimits.Description) is { } why) errors.Add(new("description", InputText.Echo(description), why));
        portfolio = new Portfolio { Slug = slug ?? "", Name = name ?? "", Description = description };
        return errors;
    }

    public async Task<(PortfolioOutcome, Portfolio?, List<FieldError>)> CreateAsync(ClusterDb db, PortfolioInput input, string actor, CancellationToken ct)
    {
        var errors = Validate(input, out var portfolio);
        if (errors.Count > 0) return (PortfolioOutcome.Invalid, null, errors);
        if (await db.Set<Portfolio>().AnyAsync(p => p.Slug == portfolio.Slug, ct)) return (PortfolioOutcome.AlreadyExists, null, errors);
        portfolio.CreatedAt = clock.GetUtcNow().UtcDateTime;
        portfolio.CreatedBy = Actor(actor);
        db.Add(portfolio);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (UniqueViolation.Is(e)) { return (PortfolioOutcome.AlreadyExists, null, errors); }
        return (PortfolioOutcome.Done, portfolio, errors);
    }

    /// <summary>Grants (or changes) a user's role in a portfolio, by e-mail; an unknown e-mail or role is invalid.</summary>
    public async Task<(PortfolioOutcome, List<FieldError>)> GrantAsync(ClusterDb db, int portfolioId, GrantInput input, string actor, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (!MemberValidation.TryParseEnum<PortfolioRole>(input.Role ?? "", out var role))
            errors.Add(new("role", InputText.Echo(input.Role), $"must be one of {string.Join(", ", Enum.GetNames<PortfolioRole>())}"));
        var email = InputText.Blank(input.Email);
        var normalized = email is null || email.Length > 256 ? null : email.ToUpperInvariant();
        var userId = normalized is null ? null : await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(ct);
        if (userId is null) errors.Add(new("email", InputText.Echo(input.Email), "is no user of the platform"));
        if (errors.Count > 0) return (PortfolioOutcome.Invalid, errors);
        var grant = await db.Set<PortfolioGrant>().SingleOrDefaultAsync(g => g.PortfolioId == portfolioId && g.UserId == userId, ct);
        if (grant is null) db.Add(grant = new PortfolioGrant { PortfolioId = portfolioId, UserId = userId! });
        grant.Role = role;
        grant.GrantedAt = clock.GetUtcNow().UtcDateTime;
        grant.GrantedBy = Actor(actor);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (UniqueViolation.Is(e)) { return (PortfolioOutcome.Conflict, errors); }
        return (PortfolioOutcome.Done, errors);
    }

    /// <summary>Removes a user's role in a portfolio; idempotent.</summary>
    public static Task RevokeAsync(ClusterDb db, int portfolioId, string userId, CancellationToken ct) =>
        db.Set<PortfolioGrant>().Where(g => g.PortfolioId == portfolioId && g.UserId == userId).ExecuteDeleteAsync(ct);

    public static Task<List<GrantRow>> GrantsAsync(ClusterDb db, int portfolioId, CancellationToken ct) =>
        (from g in db.Set<PortfolioGrant>().AsNoTracking()
         join u in db.Users on g.UserId equals u.Id
         where g.PortfolioId == portfolioId
         orderby u.Email, g.Id
         select new GrantRow(g.UserId, u.Email ?? "", g.Role, g.GrantedAt, g.GrantedBy)).ToListAsync(ct);

    /// <summary>The portfolios a user may read (every one for the platform administrator), by name.</summary>
    public static async Task<List<PortfolioSummary>> ListAsync(ClusterDb db, string? userId, bool administrator, CancellationToken ct)
    {
        var grants = await db.Set<PortfolioGrant>().AsNoTracking().Where(g => g.UserId == userId).ToDictionaryAsync(g => g.PortfolioId, g => g.Role, ct);
        var rows = await db.Set<Portfolio>().AsNoTracking().Where(p => administrator || grants.Keys.Contains(p.Id)).OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.Slug, p.Name, p.Description,
                Imported = db.Set<PortfolioEntry>().Count(e => e.PortfolioId == p.Id),
                Consenting = db.Set<PortfolioConsent>().Count(c => c.PortfolioId == p.Id && c.RevokedAt == null),
            }).ToListAsync(ct);
        return [.. rows.Select(p => new PortfolioSummary(p.Slug, p.Name, p.Description, grants.TryGetValue(p.Id, out var r) ? r.ToString() : null, p.Imported, p.Consenting))];
    }

    /// <summary>Every portfolio with the cluster's consent state: what its manager may opt into or out of.</summary>
    public static async Task<List<ConsentState>> ConsentsAsync(ClusterDb db, int clusterId, CancellationToken ct)
    {
        var consents = await db.Set<PortfolioConsent>().AsNoTracking().Where(c => c.ClusterId == clusterId).ToDictionaryAsync(c => c.PortfolioId, ct);
        var portfolios = await db.Set<Portfolio>().AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(ct);
        return [.. portfolios.Select(p => consents.TryGetValue(p.Id, out var c)
            ? new ConsentState(p.Slug, p.Name, p.Description, c.Active, c.GivenAt, c.GivenBy, c.RevokedAt, c.RevokedBy)
            : new ConsentState(p.Slug, p.Name, p.Description, false, null, null, null, null))];
    }

    /// <summary>Records (<paramref name="consent"/>) or revokes a cluster's consent to appear in a portfolio; either is idempotent.</summary>
    public async Task<PortfolioOutcome> ConsentAsync(ClusterDb db, int clusterId, string portfolioSlug, bool consent, string actor, CancellationToken ct)
    {
        if (!PortfolioLimits.IsSlug(portfolioSlug)) return PortfolioOutcome.NotFound;
        var portfolioId = await db.Set<Portfolio>().Where(p => p.Slug == portfolioSlug).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
        if (portfolioId is null) return PortfolioOutcome.NotFound;
        var row = await db.Set<PortfolioConsent>().SingleOrDefaultAsync(c => c.PortfolioId == portfolioId && c.ClusterId == clusterId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (consent)
        {
            if (row?.Active == true) return PortfolioOutcome.Done;
            if (row is null) db.Add(row = new PortfolioConsent { PortfolioId = portfolioId.Value, ClusterId = clusterId });
            (row.GivenAt, row.GivenBy, row.RevokedAt, row.RevokedBy) = (now, Actor(actor), null, null);
            db.ChangeReason = "consent to appear in a portfolio";
        }
        else
        {
            if (row is null || !row.Active) return PortfolioOutcome.Done;
            (row.RevokedAt, row.RevokedBy) = (now, Actor(actor));
            db.ChangeReason = "consent to appear in a portfolio revoked";
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e)) { return PortfolioOutcome.Conflict; }
        return PortfolioOutcome.Done;
    }
}
