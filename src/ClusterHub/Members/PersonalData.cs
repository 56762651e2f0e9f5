using ClusterHub.Data;
using ClusterHub.History;
using ClusterHub.Outbox;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Members;

public sealed record PersonContact(int MemberId, string MemberName, int ContactId, string FullName, string? Role, string? Email, string? Phone, bool ConsentToContact);
public sealed record PersonMessage(int Id, DateTime CreatedAt, string Subject, MessageState State);
public sealed record PersonChange(DateTime At, string Entity, string EntityId, ChangeKind Kind, string? Field);

/// <summary>Everything the cluster holds about one person, found by e-mail address (GDPR article 15).</summary>
public sealed record PersonalDataReport(string Email, IReadOnlyList<PersonContact> Contacts, IReadOnlyList<PersonMessage> Messages, IReadOnlyList<PersonChange> ChangesMade)
{
    public bool Found => Contacts.Count > 0 || Messages.Count > 0 || ChangesMade.Count > 0;
}

public sealed record ErasureResult(int Contacts, int Messages, int HistoryValues);

/// <summary>
/// A person's right of access (article 15) and to erasure (article 17) over what one cluster holds: member
/// contacts with that e-mail, the e-mails sent to it, the changes that person made. Erasure blanks the
/// contact's name, e-mail and phone (the contact row stays, so the member's record keeps its shape), the
/// messages' address and text, and the old and new values the change history kept of those contacts:
/// the history is append-only except for this, which the law requires.
/// </summary>
// These run as SQL: string.Equals(…, OrdinalIgnoreCase) and ToLowerInvariant() do not translate, ToLower() does
// (lower() on both providers), and culture plays no part in SQL.
#pragma warning disable CA1862, CA1304, CA1311
public static class PersonalData
{
    public const string Erased = "(erased)";

    public static async Task<PersonalDataReport> FindAsync(ClusterDb db, int clusterId, string email, CancellationToken ct)
    {
        var address = email.Trim();
        var lower = address.ToLowerInvariant();
        var contacts = await (
            from c in db.MemberContacts.AsNoTracking()
            join m in db.Members on c.MemberId equals m.Id
            where m.ClusterId == clusterId && c.Email != null && c.Email.ToLower() == lower
            orderby m.Name, c.Id
            select new PersonContact(m.Id, m.Name, c.Id, c.FullName, c.Role, c.Email, c.Phone, c.ConsentToContact)).ToListAsync(ct);
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.ClusterId == clusterId && m.Recipient.ToLower() == lower)
            .OrderByDescending(m => m.Id).Select(m => new PersonMessage(m.Id, m.CreatedAt, m.Subject, m.State)).ToListAsync(ct);
        var changes = await db.ChangeRecords.AsNoTracking().Where(r => r.ClusterId == clusterId && r.Actor.ToLower() == lower)
            .OrderByDescending(r => r.Id).Take(10_000).Select(r => new PersonChange(r.At, r.Entity, r.EntityId, r.Kind, r.Field)).ToListAsync(ct);
        return new(address, contacts, messages, changes);
    }

    public static async Task<ErasureResult> EraseAsync(ClusterDb db, int clusterId, string email, string reason, CancellationToken ct)
    {
        var lower = email.Trim().ToLowerInvariant();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var contacts = await db.MemberContacts.Where(c => c.Email != null && c.Email.ToLower() == lower && db.Members.Any(m => m.Id == c.MemberId && m.ClusterId == clusterId)).ToListAsync(ct);
        foreach (var c in contacts)
        {
            c.FullName = Erased;
            c.Email = null;
            c.Phone = null;
            c.Role = null;
            c.ConsentToContact = false;
        }
        db.ChangeReason = "personal data erased (GDPR art. 17): " + reason;
        await db.SaveChangesAsync(ct);
        var ids = contacts.Select(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        // What the history kept of these contacts, including the erasure's own record of the old values.
        var history = await db.ChangeRecords.Where(r => r.Entity == nameof(MemberContact) && ids.Contains(r.EntityId) && (r.OldValue != null || r.NewValue != null))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.OldValue, r => r.OldValue == null ? null : Erased).SetProperty(r => r.NewValue, r => r.NewValue == null ? null : Erased), ct);
        var messages = await db.OutboxMessages.Where(m => m.ClusterId == clusterId && m.Recipient.ToLower() == lower)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Recipient, Erased).SetProperty(m => m.Body, Erased).SetProperty(m => m.State, MessageState.Failed)
                .SetProperty(m => m.LastError, "the recipient's personal data was erased"), ct);
        await transaction.CommitAsync(ct);
        return new(contacts.Count, messages, history);
    }
}
#pragma warning restore CA1862, CA1304, CA1311
