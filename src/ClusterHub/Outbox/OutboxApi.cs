using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClusterHub.Outbox;

public static class OutboxApi
{
    public static void MapOutbox(this RouteGroupBuilder api, RouteGroupBuilder cluster)
    {
        var mine = cluster.MapGroup("/outbox").WithTags("Outbox");
        mine.MapGet("/", ClusterMessages).RequirePermission(OutboxPermissions.Read);
        mine.MapGet("/{id:int}", ClusterMessage).RequirePermission(OutboxPermissions.Read);
        mine.MapPost("/{id:int}/retry", ClusterRetry).RequirePermission(OutboxPermissions.Retry);

        var all = api.MapGroup("/outbox").WithTags("Outbox").RequirePlatformAdministrator();
        all.MapGet("/", AllMessages);
        all.MapGet("/{id:int}", AnyMessage);
        all.MapPost("/{id:int}/retry", AnyRetry);
    }

    /// <summary>The cluster's messages, newest first, filtered by state, paged.</summary>
    public static async Task<Ok<Page<MessageRow>>> ClusterMessages(ClusterScope scope, ClusterDb db, MessageState? state, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await OutboxList.PageAsync(db, scope.ClusterId, state, page, pageSize, ct));

    /// <summary>One of the cluster's messages, with its body.</summary>
    public static async Task<Results<Ok<MessageDetail>, NotFound>> ClusterMessage(int id, ClusterScope scope, ClusterDb db, CancellationToken ct) =>
        await OutboxList.FindAsync(db, scope.ClusterId, id, ct) is { } m ? TypedResults.Ok(m) : TypedResults.NotFound();

    /// <summary>Queues a failed message of the cluster again, due now, with a fresh count of attempts.</summary>
    public static Task<Results<Ok<MessageDetail>, NotFound, ProblemHttpResult>> ClusterRetry(int id, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct) =>
        Retry(db, scope.ClusterId, id, clock, ct);

    /// <summary>Every message on the platform (platform administrator), newest first, filtered by state, paged.</summary>
    public static async Task<Ok<Page<MessageRow>>> AllMessages(ClusterDb db, MessageState? state, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await OutboxList.PageAsync(db, null, state, page, pageSize, ct));

    /// <summary>Any message, with its body (platform administrator).</summary>
    public static async Task<Results<Ok<MessageDetail>, NotFound>> AnyMessage(int id, ClusterDb db, CancellationToken ct) =>
        await OutboxList.FindAsync(db, null, id, ct) is { } m ? TypedResults.Ok(m) : TypedResults.NotFound();

    /// <summary>Queues any failed message again (platform administrator).</summary>
    public static Task<Results<Ok<MessageDetail>, NotFound, ProblemHttpResult>> AnyRetry(int id, ClusterDb db, TimeProvider clock, CancellationToken ct) =>
        Retry(db, null, id, clock, ct);

    private static async Task<Results<Ok<MessageDetail>, NotFound, ProblemHttpResult>> Retry(ClusterDb db, int? clusterId, int id, TimeProvider clock, CancellationToken ct) =>
        await OutboxList.RetryAsync(db, clusterId, id, clock.GetUtcNow().UtcDateTime, ct) switch
        {
            RetryOutcome.Retried => TypedResults.Ok((await OutboxList.FindAsync(db, clusterId, id, ct))!),
            RetryOutcome.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Problem("Only a failed message can be retried; this one is pending or sent.", statusCode: StatusCodes.Status409Conflict),
        };
}
