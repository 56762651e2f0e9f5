using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterHub.History;

public enum ChangeKind { Created, Updated, Deleted }

/// <summary>
/// One line of the append-only change history: who changed which field of which entity, when,
/// from what to what, and why when the operation took a reason. Written by
/// <see cref="ChangeHistoryInterceptor"/> only; nothing updates or deletes it.
/// </summary>
public sealed class ChangeRecord
{
    public long Id { get; set; }

    /// <summary>The cluster the change belongs to; null for platform-wide entities (users).</summary>
    public int? ClusterId { get; set; }
    public DateTime At { get; set; }

    /// <summary>The signed-in user's id, or null for the command line and background work.</summary>
    public string? UserId { get; set; }

    /// <summary>Who, as a person reads it: the user's e-mail, <c>cli:NAME</c>, or <c>system</c>.</summary>
    public required string Actor { get; set; }
    public required string Entity { get; set; }
    public required string EntityId { get; set; }

    /// <summary>The record a person looks at (a contact's member): the member page shows its parts' changes too.</summary>
    public required string Subject { get; set; }
    public required string SubjectId { get; set; }
    public ChangeKind Kind { get; set; }

    /// <summary>The property changed (Updated only).</summary>
    public string? Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public string? Reason { get; set; }
}

/// <summary>
/// An entity whose history belongs to another's page (a contact to its member). Entities that
/// are their own subject need nothing.
/// </summary>
public interface IHistoryPart
{
    string SubjectType { get; }
    int SubjectId { get; }
}

/// <summary>
/// An entity guarded against concurrent writers: its <see cref="Version"/> is a concurrency token
/// that <see cref="ChangeHistoryInterceptor"/> raises on every update, so of two people updating the
/// same row at once the second gets <c>DbUpdateConcurrencyException</c> and nothing of theirs is written.
/// Every state transition of every feature goes through such an entity.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}

internal sealed class ChangeRecordConfiguration : IEntityTypeConfiguration<ChangeRecord>
{
    public void Configure(EntityTypeBuilder<ChangeRecord> b)
    {
        b.ToTable("ChangeHistory");
        foreach (var p in new[] { nameof(ChangeRecord.Entity), nameof(ChangeRecord.Subject) }) b.Property(p).HasMaxLength(64);
        foreach (var p in new[] { nameof(ChangeRecord.EntityId), nameof(ChangeRecord.SubjectId), nameof(ChangeRecord.Field) }) b.Property(p).HasMaxLength(64);
        b.Property(r => r.Actor).HasMaxLength(256);
        b.Property(r => r.UserId).HasMaxLength(64);
        foreach (var p in new[] { nameof(ChangeRecord.OldValue), nameof(ChangeRecord.NewValue), nameof(ChangeRecord.Reason) }) b.Property(p).HasMaxLength(ChangeHistoryInterceptor.MaxValueLength);
        b.HasIndex(r => new { r.ClusterId, r.Subject, r.SubjectId, r.Id });
        b.HasIndex(r => new { r.ClusterId, r.Id });
    }
}
