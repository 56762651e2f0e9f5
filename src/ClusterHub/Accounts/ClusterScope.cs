using System.Security.Claims;
using ClusterHub.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Accounts;

/// <summary>
/// The user's standing in one cluster, resolved once per request. A user with no grant in
/// the cluster gets no scope at all, so the cluster answers 404 as if it did not exist.
/// </summary>
public sealed record ClusterScope(int ClusterId, string Slug, string Name, bool IsAdministrator, IReadOnlySet<ClusterRole> Roles, int? RepresentedMemberId)
{
    /// <summary>Whether the user's roles here hold <paramref name="permission"/> (see <see cref="PermissionTable"/>).</summary>
    public bool Can(string permission) => IsAdministrator || PermissionTable.Grants(permission, Roles);

    /// <summary>
    /// Whether the user holds <paramref name="permission"/> for one member: a member representative holds
    /// an own-organisation permission for the organisation it speaks for, and for no other.
    /// </summary>
    public bool CanFor(string permission, int memberId)
    {
        if (IsAdministrator) return true;
        var p = PermissionTable.Find(permission);
        return p.GrantedTo.Any(r => Roles.Contains(r) && (r != ClusterRole.MemberRepresentative || !p.OwnOrganisationOnly || RepresentedMemberId == memberId));
    }

    /// <summary>Throws <see cref="AccessRefusedException"/> (403) unless the permission is held.</summary>
    public void Demand(string permission)
    {
        if (!Can(permission)) throw Refused(permission);
    }

    /// <summary>Throws <see cref="AccessRefusedException"/> (403) unless the permission is held for this member.</summary>
    public void DemandFor(string permission, int memberId)
    {
        if (!CanFor(permission, memberId)) throw Refused(permission);
    }

    private AccessRefusedException Refused(string permission) =>
        new(StatusCodes.Status403Forbidden, $"Your role in {Name} does not allow this ({permission}).");

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

    /// <summary>
    /// Minimal API binding: a handler that takes a <see cref="ClusterScope"/> gets the one
    /// <see cref="AccessMiddleware"/> resolved for the route's <c>{cluster}</c>.
    /// </summary>
    public static ValueTask<ClusterScope?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<ClusterScope?>(context.Items[typeof(ClusterScope)] as ClusterScope
            ?? throw new InvalidOperationException($"{context.Request.Path} takes a cluster scope but declares no cluster permission."));
}

/// <summary>A refusal that becomes a ProblemDetails response with its status code.</summary>
public sealed class AccessRefusedException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
