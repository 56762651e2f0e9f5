using ClusterHub.Accounts;
using ClusterHub.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Strategy;

/// <summary>A list entry as the API shows it.</summary>
public sealed record ListEntry(int Id, string Code, string Name, string? Description, int Order);

public static class StrategyApi
{
    public static void MapStrategy(this RouteGroupBuilder cluster)
    {
        var strategy = cluster.MapGroup("/strategy").WithTags("Strategy").RequirePermission(StrategyPermissions.Read);
        strategy.MapGet("/areas", (ClusterScope scope, ClusterDb db, CancellationToken ct) => List(db.StrategicAreas, scope, ct));
        strategy.MapGet("/domains", (ClusterScope scope, ClusterDb db, CancellationToken ct) => List(db.ActivityDomains, scope, ct));
        strategy.MapGet("/stages", (ClusterScope scope, ClusterDb db, CancellationToken ct) => List(db.ValueChainStages, scope, ct));
    }

    /// <summary>One of the cluster's lists, in its order.</summary>
    public static async Task<Ok<List<ListEntry>>> List<T>(IQueryable<T> list, ClusterScope scope, CancellationToken ct) where T : StrategyListEntry =>
        TypedResults.Ok(await StrategyLists.Of(list, scope.ClusterId).Select(e => new ListEntry(e.Id, e.Code, e.Name, e.Description, e.Order)).ToListAsync(ct));
}
