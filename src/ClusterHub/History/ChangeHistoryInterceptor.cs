using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using ClusterHub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClusterHub.History;

/// <summary>
/// Writes the change history for every <c>SaveChanges</c>, in one place, so no operation can forget it.
/// Before the save it raises the versions of <see cref="IVersioned"/> rows and notes what changed;
/// after it (when generated keys are known) it adds the history rows and saves them in the same
/// transaction, which it opens itself when the caller has none: the change and its history commit
/// or roll back together.
/// </summary>
/// <remarks>
/// Created entities get one row (their fields are the entity itself); a part created with its subject
/// (a contact with a new member) gets none. Updated entities get one row per changed field.
/// Secrets (password hashes, security stamps, token hashes) and derived columns are never recorded.
/// </remarks>
public sealed class ChangeHistoryInterceptor(IHttpContextAccessor http, TimeProvider clock) : SaveChangesInterceptor
{
    public const int MaxValueLength = 1000;

    private sealed record Pending(EntityEntry Entry, ChangeKind Kind, string? Field, string? OldValue, string? NewValue);
    private sealed class SaveState(List<Pending> changes, IDbContextTransaction? owned)
    {
        public List<Pending> Changes { get; } = changes;
        public IDbContextTransaction? Owned { get; } = owned;
    }

    private readonly ConditionalWeakTable<DbContext, SaveState> saves = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Begin(eventData) is not { } db) return result;
        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        saves.AddOrUpdate(db, new SaveState(Capture(db), owned));
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Begin(eventData) is not { } db) return result;
        var owned = db.Database.CurrentTransaction is null ? db.Database.BeginTransaction() : null;
        saves.AddOrUpdate(db, new SaveState(Capture(db), owned));
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (End(eventData) is not var (db, state)) return result;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (state.Owned is not null) await state.Owned.CommitAsync(cancellationToken);
        }
        finally
        {
            Finish(db);
            if (state.Owned is not null) await state.Owned.DisposeAsync();
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (End(eventData) is not var (db, state)) return result;
        try
        {
            db.SaveChanges();
            state.Owned?.Commit();
        }
        finally
        {
            Finish(db);
            state.Owned?.Dispose();
        }
        return result;
    }

    // Disposing an uncommitted transaction rolls it back.
    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Forget(eventData.Context)?.Owned is { } owned) await owned.DisposeAsync();
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context)?.Owned?.Dispose();

    /// <summary>The context of a save that has changes to record, or null (the history's own save, or nothing changed).</summary>
    private static ClusterDb? Begin(DbContextEventData eventData)
    {
        if (eventData.Context is not ClusterDb db || db.WritingHistory) return null;
        db.ChangeTracker.DetectChanges();
        return db.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsAudited(e)) ? db : null;
    }

    /// <summary>After a save with recorded changes: its history rows added, ready for the second save of the same transaction.</summary>
    private (ClusterDb, SaveState)? End(SaveChangesCompletedEventData eventData)
    {
        if (eventData.Context is not ClusterDb db || Forget(db) is not { } state) return null;
        db.ChangeRecords.AddRange(Records(db, state.Changes));
        db.WritingHistory = true;
        return (db, state);
    }

    private static void Finish(ClusterDb db)
    {
        db.WritingHistory = false;
        db.ChangeReason = null;
    }

    private SaveState? Forget(DbContext? context)
    {
        if (context is null || !saves.TryGetValue(context, out var state)) return null;
        saves.Remove(context);
        return state;
    }

    private static List<Pending> Capture(ClusterDb db)
    {
        var changes = new List<Pending>();
        foreach (var e in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsAudited(e)).ToList())
        {
            switch (e.State)
            {
                case EntityState.Added:
                    // A part born with its subject (whose key is not generated yet) is part of the subject's creation.
                    if (e.Entity is IHistoryPart { SubjectId: <= 0 }) break;
                    changes.Add(new(e, ChangeKind.Created, null, null, null));
                    break;
                case EntityState.Deleted:
                    changes.Add(new(e, ChangeKind.Deleted, null, null, null));
                    break;
                case EntityState.Modified:
                    if (e.Entity is IVersioned v) { v.Version++; }
                    foreach (var p in e.Properties.Where(p => p.IsModified && IsRecorded(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue)))
                        changes.Add(new(e, ChangeKind.Updated, p.Metadata.Name, Text(p.OriginalValue), Text(p.CurrentValue)));
                    break;
            }
        }
        return changes;
    }

    private IEnumerable<ChangeRecord> Records(ClusterDb db, List<Pending> changes)
    {
        var user = http.HttpContext?.User;
        var userId = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        var actor = user?.Identity?.IsAuthenticated == true ? user.Identity.Name ?? userId ?? "user" : db.Actor;
        var at = clock.GetUtcNow().UtcDateTime;
        var subjects = new Lazy<Dictionary<(string, object?), int?>>(() => SubjectClusters(db));
        foreach (var c in changes)
        {
            var entityId = Key(c.Entry);
            var (subject, subjectId) = c.Entry.Entity is IHistoryPart part ? (part.SubjectType, part.SubjectId.ToString(CultureInfo.InvariantCulture)) : (c.Entry.Metadata.ClrType.Name, entityId);
            yield return new ChangeRecord
            {
                ClusterId = ClusterOf(c.Entry, subjects), At = at, UserId = userId, Actor = Clip(actor, 256)!,
                Entity = c.Entry.Metadata.ClrType.Name, EntityId = entityId, Subject = subject, SubjectId = subjectId,
                Kind = c.Kind, Field = c.Field, OldValue = Clip(c.OldValue), NewValue = Clip(c.NewValue), Reason = Clip(db.ChangeReason),
            };
        }
    }

    /// <summary>The entity's own ClusterId, else its subject's when the subject is tracked (a contact edited through its member).</summary>
    private static int? ClusterOf(EntityEntry entry, Lazy<Dictionary<(string, object?), int?>> subjects) =>
        entry.Metadata.FindProperty("ClusterId") is not null ? entry.Property("ClusterId").CurrentValue as int?
        : entry.Entity is IHistoryPart part ? subjects.Value.GetValueOrDefault((part.SubjectType, part.SubjectId)) : null;

    /// <summary>Every tracked entity with a cluster, by type and id: built once per save, and only when a part needs it.</summary>
    private static Dictionary<(string, object?), int?> SubjectClusters(ClusterDb db)
    {
        var index = new Dictionary<(string, object?), int?>();
        foreach (var e in db.ChangeTracker.Entries().Where(e => e.Metadata.FindProperty("ClusterId") is not null && e.Metadata.FindProperty("Id") is not null))
            index.TryAdd((e.Metadata.ClrType.Name, e.Property("Id").CurrentValue), e.Property("ClusterId").CurrentValue as int?);
        return index;
    }

    private static string Key(EntityEntry e) =>
        string.Join(",", e.Metadata.FindPrimaryKey()!.Properties.Select(p => Text(e.Property(p.Name).CurrentValue)));

    /// <summary>The application's own entities; the history itself, Identity's link tables and tokens are not.</summary>
    private static bool IsAudited(EntityEntry e) =>
        e.Entity is not ChangeRecord and not Accounts.AccessToken && e.Metadata.ClrType.Namespace?.StartsWith("ClusterHub", StringComparison.Ordinal) == true;

    /// <summary>Secrets never reach the history; derived and bookkeeping columns add nothing.</summary>
    private static bool IsRecorded(string property) =>
        !property.Contains("Hash", StringComparison.Ordinal) && !property.Contains("Stamp", StringComparison.Ordinal)
        && !property.StartsWith("Normalized", StringComparison.Ordinal) && property != nameof(IVersioned.Version);

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string? Clip(string? s, int max = MaxValueLength) => s is null || s.Length <= max ? s : s[..(max - 1)] + "…";
}
