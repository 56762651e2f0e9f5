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
        if (eventData.Context is not ClusterDb db || db.WritingHistory) return result;
        var changes = Capture(db);
        if (changes.Count == 0) return result;
        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        saves.AddOrUpdate(db, new SaveState(changes, owned));
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not ClusterDb db || db.WritingHistory) return result;
        var changes = Capture(db);
        if (changes.Count == 0) return result;
        var owned = db.Database.CurrentTransaction is null ? db.Database.BeginTransaction() : null;
        saves.AddOrUpdate(db, new SaveState(changes, owned));
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not ClusterDb db || !saves.TryGetValue(db, out var state)) return result;
        saves.Remove(db);
        try
        {
            db.ChangeRecords.AddRange(Records(db, state.Changes));
            db.WritingHistory = true;
            await db.SaveChangesAsync(cancellationToken);
            if (state.Owned is not null) await state.Owned.CommitAsync(cancellationToken);
        }
        finally
        {
            db.WritingHistory = false;
            db.ChangeReason = null;
            if (state.Owned is not null) await state.Owned.DisposeAsync();
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is not ClusterDb db || !saves.TryGetValue(db, out var state)) return result;
        saves.Remove(db);
        try
        {
            db.ChangeRecords.AddRange(Records(db, state.Changes));
            db.WritingHistory = true;
            db.SaveChanges();
            state.Owned?.Commit();
        }
        finally
        {
            db.WritingHistory = false;
            db.ChangeReason = null;
            state.Owned?.Dispose();
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not ClusterDb db || !saves.TryGetValue(db, out var state)) return;
        saves.Remove(db);
        if (state.Owned is not null) await state.Owned.DisposeAsync(); // disposing an uncommitted transaction rolls it back
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is not ClusterDb db || !saves.TryGetValue(db, out var state)) return;
        saves.Remove(db);
        state.Owned?.Dispose();
    }

    private static List<Pending> Capture(ClusterDb db)
    {
        db.ChangeTracker.DetectChanges();
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
        foreach (var c in changes)
        {
            var entityId = Key(c.Entry);
            var (subject, subjectId) = c.Entry.Entity is IHistoryPart part ? (part.SubjectType, part.SubjectId.ToString(CultureInfo.InvariantCulture)) : (c.Entry.Metadata.ClrType.Name, entityId);
            yield return new ChangeRecord
            {
                ClusterId = ClusterOf(db, c.Entry), At = at, UserId = userId, Actor = Clip(actor, 256)!,
                Entity = c.Entry.Metadata.ClrType.Name, EntityId = entityId, Subject = subject, SubjectId = subjectId,
                Kind = c.Kind, Field = c.Field, OldValue = Clip(c.OldValue), NewValue = Clip(c.NewValue), Reason = Clip(db.ChangeReason),
            };
        }
    }

    /// <summary>The entity's own ClusterId, else its subject's when the subject is tracked (a contact edited through its member).</summary>
    private static int? ClusterOf(ClusterDb db, EntityEntry entry)
    {
        if (entry.Metadata.FindProperty("ClusterId") is not null) return entry.Property("ClusterId").CurrentValue as int?;
        if (entry.Entity is not IHistoryPart part) return null;
        return db.ChangeTracker.Entries().FirstOrDefault(s => s.Metadata.ClrType.Name == part.SubjectType
            && s.Metadata.FindProperty("ClusterId") is not null && Equals(s.Property("Id").CurrentValue, part.SubjectId))?.Property("ClusterId").CurrentValue as int?;
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
