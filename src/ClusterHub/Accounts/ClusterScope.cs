using System.Security.Claims;
using ClusterHub.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Accounts;

/// <summary>What a user may do in a cluster.</summary>
public enum ClusterPermission
{
    /// <summary>The public directory: names, types, regions of members.</summary>
    ReadDirectory,
    /// <summary>Dashboards and the dues ledger totals (funders and observers).</summary>
    ReadDashboard,
    /// <summary>Full member records with contacts, history and dues.</summary>
    ReadMembers,
    EditMembers,
    ManageDues,
}

/// <summary>
/// The user's standing in one cluster, resolved once per request. A user with no grant in
/// the cluster gets no scope at all, so the cluster answers 404 as if it did not exist.
/// </summary>
public sealed record ClusterScope(int ClusterId, string Slug, string Name, bool IsAdministrator, IReadOnlySet<ClusterRole> Roles, int? RepresentedMemberId)
{
    public bool Can(ClusterPermission permission) => IsAdministrator || permission switch
    {
        ClusterPermission.ReadDirectory => Roles.Count > 0,
        ClusterPermission.ReadDashboard => Roles.Overlaps([ClusterRole.Manager, ClusterRole.Staff, ClusterRole.Observer]),
        ClusterPermission.ReadMembers or ClusterPermission.EditMembers => Roles.Overlaps([ClusterRole.Manager, ClusterRole.Staff]),
        ClusterPermission.ManageDues => Roles.Contains(ClusterRole.Manager),
        _ => false,
    };

    /// <summary>Secretariat may edit any member; a representative only the organisation it speaks for.</summary>
    public bool CanEditMember(int memberId) => Can(ClusterPermission.EditMembers) || RepresentedMemberId == memberId;

    public bool CanReadMember(int memberId) => Can(ClusterPermission.ReadMembers) || RepresentedMemberId == memberId;

    /// <summary>Throws <see cref="AccessRefusedException"/> (403) unless the permission is held.</summary>
    public void Demand(ClusterPermission permission)
    {
        if (!Can(permission)) throw new AccessRefusedException(StatusCodes.Status403Forbidden, $"Your role in {Name} does not allow this ({permission}).");
    }

    public static async Task<ClusterScope?> ResolveAsync(ClusterDb db, ClaimsPrincipal user, string slug, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return null;
        var cluster = await db.Clusters.AsNoTracking().Where(c => c.Slug == slug).Select(c => new { c.Id, c.Slug, c.Name }).SingleOrDefaultAsync(ct);
        if (cluster is null) return null;
        var grants = await db.RoleGrants.AsNoTracking().Where(g => g.UserId == userId && g.ClusterId == cluster.Id)
            .Select(g => new { g.Role, g.MemberId }).ToListAsync(ct);
        var isAdmin = user.IsInRole(PlatformRoles.Administrator);
        if (grants.Count == 0 && !isAdmin) return null;
        return new ClusterScope(cluster.Id, cluster.Slug, cluster.Name, isAdmin, grants.Select(g => g.Role).ToHashSet(),
            grants.FirstOrDefault(g => g.MemberId is not null)?.MemberId);
    }

    /// <summary>Minimal API binding: a handler that takes a <see cref="ClusterScope"/> gets the one for the route's <c>{cluster}</c>.</summary>
    public static async ValueTask<ClusterScope?> BindAsync(HttpContext context)
    {
        var slug = context.GetRouteValue("cluster") as string ?? "";
        var db = context.RequestServices.GetRequiredService<ClusterDb>();
        return await ResolveAsync(db, context.User, slug, context.RequestAborted)
            ?? throw new AccessRefusedException(StatusCodes.Status404NotFound, $"No cluster '{slug}' is visible to you.");
    }
}

/// <summary>A refusal that becomes a ProblemDetails response with its status code.</summary>
public sealed class AccessRefusedException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
