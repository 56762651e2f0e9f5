using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using static ClusterHub.Accounts.ClusterRole;

namespace ClusterHub.History;

/// <summary>The append-only change history of everything in a cluster: who changed what, when, and why.</summary>
public sealed class HistoryFeature : IFeature
{
    /// <summary>The whole cluster's history (a member's own is <c>members.history.read</c>).</summary>
    public const string Read = "history.read";

    public IEnumerable<Permission> Permissions => [Permission.Grant(Read, Manager, Staff)];

    public IEnumerable<NavigationEntry> Navigation => [new(80, "Nav.History", "/history", Read)];

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder cluster) =>
        cluster.MapGet("/history", List).WithTags("History").RequirePermission(Read);

    /// <summary>Changes in the cluster, newest first, filtered by subject (e.g. <c>?subject=Member&amp;subjectId=12</c>) and date, paged.</summary>
    public static async Task<Ok<Page<ChangeRow>>> List(ClusterScope scope, ClusterDb db, [AsParameters] HistoryFilter filter, CancellationToken ct) =>
        TypedResults.Ok(await HistoryQuery.PageAsync(db, scope.ClusterId, filter, ct));
}
