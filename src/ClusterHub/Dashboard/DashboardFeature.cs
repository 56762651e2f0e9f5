using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClusterHub.Dashboard;

/// <summary>The cluster's key figures and charts, for the secretariat and its observers (funders, the state).</summary>
public sealed class DashboardFeature : IFeature
{
    public const string Read = "dashboard.read";

    public IEnumerable<Permission> Permissions => [Permission.Grant(Read, ClusterRole.Manager, ClusterRole.Staff, ClusterRole.Observer)];

    public IEnumerable<NavigationEntry> Navigation => [new(10, "Nav.Dashboard", "", Read)];

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder cluster) =>
        cluster.MapGet("/dashboard", Figures).WithTags("Clusters").RequirePermission(Read);

    /// <summary>Members by type, family, size and region; growth by year; dues invoiced against paid.</summary>
    public static async Task<Ok<DashboardFigures>> Figures(ClusterScope scope, ClusterDb db, CancellationToken ct) =>
        TypedResults.Ok(await ClusterDashboard.ComputeAsync(db, scope.ClusterId, ct));
}
