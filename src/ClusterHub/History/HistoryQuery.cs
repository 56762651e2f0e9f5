using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.History;

public sealed record ChangeRow(long Id, DateTime At, string Actor, string Entity, string EntityId, string Subject, string SubjectId,
    ChangeKind Kind, string? Field, string? OldValue, string? NewValue, string? Reason);

/// <summary>The filters of the history list: one subject (a member's page) or the whole cluster.</summary>
public sealed record HistoryFilter
{
    /// <summary>The record looked at, e.g. <c>Member</c>; with <see cref="SubjectId"/>.</summary>
    public string? Subject { get; init; }
    public string? SubjectId { get; init; }
    public DateTime? Since { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

/// <summary>Reading the change history, newest first: the API, the member page and the export share it.</summary>
public static class HistoryQuery
{
    public static IQueryable<ChangeRecord> Filtered(ClusterDb db, int clusterId, HistoryFilter f)
    {
        var q = db.ChangeRecords.AsNoTracking().Where(r => r.ClusterId == clusterId);
        if (!string.IsNullOrEmpty(f.Subject)) q = q.Where(r => r.Subject == f.Subject);
        if (!string.IsNullOrEmpty(f.SubjectId)) q = q.Where(r => r.SubjectId == f.SubjectId);
        if (f.Since is { } since) q = q.Where(r => r.At >= since);
        return q.OrderByDescending(r => r.Id);
    }

    public static Task<Page<ChangeRow>> PageAsync(ClusterDb db, int clusterId, HistoryFilter f, CancellationToken ct) =>
        Filtered(db, clusterId, f).Select(Row).PageAsync(f.Page, f.PageSize, ct);

    public static readonly System.Linq.Expressions.Expression<Func<ChangeRecord, ChangeRow>> Row = r =>
        new ChangeRow(r.Id, r.At, r.Actor, r.Entity, r.EntityId, r.Subject, r.SubjectId, r.Kind, r.Field, r.OldValue, r.NewValue, r.Reason);
}
