using System.Security.Claims;
using ClusterHub.Data;
using ClusterHub.Portfolios;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Accounts;

/// <summary>
/// Roles in one portfolio, granted by the platform administrator (a portfolio is a platform-level object, not a
/// cluster's): an analyst edits it (imports off-platform clusters), a viewer reads it.
/// </summary>
public enum PortfolioRole { Analyst, Viewer }

/// <summary>
/// The user's standing in one portfolio, resolved once per request by <see cref="AccessMiddleware"/> for a route that
/// declares a portfolio permission. A user with no grant in the portfolio gets no scope, so it answers 404 as if it did
/// not exist; the platform administrator holds every portfolio permission.
/// </summary>
public sealed record PortfolioScope(int PortfolioId, string Slug, string Name, bool IsAdministrator, IReadOnlySet<PortfolioRole> Roles)
{
    public bool Can(string permission) => IsAdministrator || PermissionTable.Grants(permission, Roles);

    public static async Task<PortfolioScope?> ResolveAsync(ClusterDb db, ClaimsPrincipal user, string slug, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || !PortfolioLimits.IsSlug(slug)) return null;
        var portfolio = await db.Set<Portfolio>().AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Id, p.Slug, p.Name }).SingleOrDefaultAsync(ct);
        if (portfolio is null) return null;
        var roles = await db.Set<PortfolioGrant>().AsNoTracking().Where(g => g.UserId == userId && g.PortfolioId == portfolio.Id).Select(g => g.Role).ToListAsync(ct);
        var isAdmin = user.IsInRole(PlatformRoles.Administrator);
        if (roles.Count == 0 && !isAdmin) return null;
        return new PortfolioScope(portfolio.Id, portfolio.Slug, portfolio.Name, isAdmin, roles.ToHashSet());
    }

    /// <summary>Minimal API binding: the scope the middleware resolved for the route's <c>{portfolio}</c>.</summary>
    public static ValueTask<PortfolioScope?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<PortfolioScope?>(context.Items[typeof(PortfolioScope)] as PortfolioScope
            ?? throw new InvalidOperationException($"{context.Request.Path} takes a portfolio scope but declares no portfolio permission."));
}
