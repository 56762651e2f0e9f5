using System.Security.Claims;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Clusters;

public sealed record ClusterSummary(string Slug, string Name, string? Region, string? Sector);
public sealed record OfficeDto(OfficeKind Kind, string City, string? Region);
public sealed record CertificationDto(string Label, DateOnly GrantedOn, string? Note);
public sealed record ClusterProfile(string Slug, string Name, string? LegalForm, DateOnly? FoundedOn, string? Region, string? Sector, string? Website,
    IReadOnlyList<OfficeDto> Offices, IReadOnlyList<CertificationDto> Certifications, IReadOnlyList<ClusterRole> YourRoles);

public static class ClustersApi
{
    public static void MapClusters(this RouteGroupBuilder api, RouteGroupBuilder cluster)
    {
        api.MapGet("/clusters", List).WithTags("Clusters").RequireSignedIn();
        api.MapPost("/clusters", Create).WithTags("Clusters").RequirePlatformAdministrator();
        cluster.MapGet("/", Get).WithTags("Clusters").RequirePermission(ClustersFeature.ReadProfile);
    }

    /// <summary>The clusters visible to the caller: all for a platform administrator, else those it holds a role in.</summary>
    public static async Task<Ok<Page<ClusterSummary>>> List(ClaimsPrincipal user, ClusterDb db, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await PageAsync(db, user, page, pageSize, ct));

    /// <summary>One page of the visible clusters by name: the API's list and the clusters page.</summary>
    public static Task<Page<ClusterSummary>> PageAsync(ClusterDb db, ClaimsPrincipal user, int? page, int? pageSize, CancellationToken ct) =>
        VisibleClusters(db, user).OrderBy(c => c.Name).ThenBy(c => c.Id).Select(c => new ClusterSummary(c.Slug, c.Name, c.Region, c.Sector)).PageAsync(page, pageSize, ct);

    /// <summary>Registers a new cluster initiative (platform administrators only).</summary>
    public static async Task<Results<Created<ClusterSummary>, ValidationProblem>> Create(NewCluster input, ClusterDb db, TimeProvider clock, CancellationToken ct)
    {
        var (cluster, errors) = await ClusterRegistration.CreateAsync(db, input, clock.Today(), ct);
        if (cluster is null) return TypedResults.ValidationProblem(errors);
        return TypedResults.Created($"/api/v1/clusters/{cluster.Slug}", new ClusterSummary(cluster.Slug, cluster.Name, cluster.Region, cluster.Sector));
    }

    public static IQueryable<Cluster> VisibleClusters(ClusterDb db, ClaimsPrincipal user)
    {
        var q = db.Clusters.AsNoTracking();
        if (user.IsInRole(PlatformRoles.Administrator)) return q;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return q.Where(c => db.RoleGrants.Any(g => g.ClusterId == c.Id && g.UserId == userId));
    }

    /// <summary>The cluster's profile: legal form, offices, state certifications.</summary>
    public static async Task<Ok<ClusterProfile>> Get(ClusterScope scope, ClusterDb db, CancellationToken ct) =>
        TypedResults.Ok(await ProfileAsync(db, scope, ct));

    public static async Task<ClusterProfile> ProfileAsync(ClusterDb db, ClusterScope scope, CancellationToken ct)
    {
        var c = await db.Clusters.AsNoTracking().Include(x => x.Offices).Include(x => x.Certifications).AsSplitQuery().SingleAsync(x => x.Id == scope.ClusterId, ct);
        return new ClusterProfile(c.Slug, c.Name, c.LegalForm, c.FoundedOn, c.Region, c.Sector, c.Website,
            [.. c.Offices.OrderBy(o => o.Kind).Select(o => new OfficeDto(o.Kind, o.City, o.Region))],
            [.. c.Certifications.OrderBy(o => o.GrantedOn).Select(o => new CertificationDto(o.Label, o.GrantedOn, o.Note))], [.. scope.Roles]);
    }
}
