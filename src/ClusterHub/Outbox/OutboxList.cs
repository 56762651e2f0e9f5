using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Outbox;

/// <summary>A message in a list: everything but the body.</summary>
public sealed record MessageRow(int Id, MessageKind Kind, string Recipient, string Subject, string? Cluster, MessageState State,
    int Attempts, DateTime CreatedAt, DateTime NextAttemptAt, DateTime? SentAt, string? LastError);

/// <summary>One message, readable in full: without SMTP this is how it reaches its reader.</summary>
public sealed record MessageDetail(int Id, MessageKind Kind, string Recipient, string Subject, string Body, string? Cluster, MessageState State,
    int Attempts, DateTime CreatedAt, DateTime NextAttemptAt, DateTime? SentAt, string? LastError);

/// <summary>What became of "retry now".</summary>
public enum RetryOutcome { Retried, NotFound, NotFailed }

/// <summary>
/// The outbox as people read it: one cluster's messages (its managers) or all of them (the platform
/// administrator, with no cluster id), newest first, by state, paged.
/// </summary>
public static class OutboxList
{
    public static async Task<Page<MessageRow>> PageAsync(ClusterDb db, int? clusterId, MessageState? state, int? page, int? pageSize, CancellationToken ct)
    {
        var q = Scope(db, clusterId);
        if (state is { } s) q = q.Where(m => m.State == s);
        return await q.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Select(m => new MessageRow(m.Id, m.Kind, m.Recipient, m.Subject, db.Clusters.Where(c => c.Id == m.ClusterId).Select(c => c.Slug).FirstOrDefault(),
                m.State, m.Attempts, m.CreatedAt, m.NextAttemptAt, m.SentAt, m.LastError))
            .PageAsync(page, pageSize, ct);
    }

    /// <summary>One message of the cluster (or any, for the administrator); null when it is not there or not the cluster's.</summary>
    public static Task<MessageDetail?> FindAsync(ClusterDb db, int? clusterId, int id, CancellationToken ct) =>
        Scope(db, clusterId).Where(m => m.Id == id)
            .Select(m => new MessageDetail(m.Id, m.Kind, m.Recipient, m.Subject, m.Body, db.Clusters.Where(c => c.Id == m.ClusterId).Select(c => c.Slug).FirstOrDefault(),
                m.State, m.Attempts, m.CreatedAt, m.NextAttemptAt, m.SentAt, m.LastError))
            .SingleOrDefaultAsync(ct);

    /// <summary>
    /// Puts a failed message back in the queue, due now, with a fresh count of attempts (someone fixed
    /// the address or the mail server). Conditional on the state, so two people retrying queue it once.
    /// </summary>
    public static async Task<RetryOutcome> RetryAsync(ClusterDb db, int? clusterId, int id, DateTime now, CancellationToken ct)
    {
        var retried = await Scope(db, clusterId).Where(m => m.Id == id && m.State == MessageState.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, MessageState.Pending).SetProperty(m => m.Attempts, 0).SetProperty(m => m.NextAttemptAt, now), ct);
        if (retried == 1) return RetryOutcome.Retried;
        return await Scope(db, clusterId).AnyAsync(m => m.Id == id, ct) ? RetryOutcome.NotFailed : RetryOutcome.NotFound;
    }

    private static IQueryable<OutboxMessage> Scope(ClusterDb db, int? clusterId) =>
        clusterId is { } c ? db.OutboxMessages.AsNoTracking().Where(m => m.ClusterId == c) : db.OutboxMessages.AsNoTracking();
}
