using System.Globalization;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Members;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Dues;

/// <summary>
/// What a renewal did. <paramref name="Notified"/>: invoices queued in the outbox; <paramref name="WithoutContact"/>:
/// renewed members with no contact who has an e-mail and agreed to be contacted, so no invoice was mailed.
/// </summary>
public sealed record RenewalResult(int Year, int Renewed, int AlreadyRenewed, IReadOnlyList<string> MissingTiers, int Notified = 0, int WithoutContact = 0);

/// <summary>What became of a payment or a write-off.</summary>
public enum SettleOutcome { Settled, NotFound, AlreadySettled, PaidBeforeIssued, PaidInTheFuture }

public sealed record LedgerLine(int Year, MemberType MemberType, SizeClass SizeClass, int Invoices, long InvoicedCents, long PaidCents, long OutstandingCents, long WrittenOffCents);

/// <summary>Dues: the tier table, the yearly renewal that invoices every active member, payments and the ledger.</summary>
public static class DuesLedger
{
    /// <summary>
    /// Opens membership year <paramref name="year"/> for every active member that has none yet,
    /// with dues from the tier of its type and size, and issues the invoice (due 60 days after
    /// issue), queueing it in the outbox for the member's first consenting contact with an e-mail,
    /// in the same SaveChanges: no invoice without its message, no message without its invoice.
    /// Members whose tier is missing are listed and skipped, so the secretariat can add
    /// the tier and run the renewal again: it is idempotent.
    /// </summary>
    public static async Task<RenewalResult> RenewAsync(ClusterDb db, int clusterId, int year, DateOnly issuedOn, CancellationToken ct)
    {
        var tiers = await db.DuesTiers.AsNoTracking().Where(t => t.ClusterId == clusterId && t.Year == year)
            .ToDictionaryAsync(t => (t.MemberType, t.SizeClass), t => t.AmountCents, ct);
        var members = await db.Members.AsNoTracking()
            .Where(m => m.ClusterId == clusterId && m.Status == MemberStatus.Active && m.JoinedOn.Year <= year)
            .Select(m => new
            {
                m.Id, m.Name, m.Type, m.SizeClass, Renewed = db.MembershipYears.Any(y => y.MemberId == m.Id && y.Year == year),
                Contact = m.Contacts.Where(c => c.ConsentToContact && c.Email != null && c.Email != "").OrderBy(c => c.Id)
                    .Select(c => new DuesMessages.Addressee(c.FullName, c.Email!)).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var sender = await SenderAsync(db, clusterId, ct);
        // The messages carry the invoice's date: the renewal is a business act of that day (the demo renews past years).
        var stamp = issuedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var sequence = await db.Invoices.CountAsync(i => i.ClusterId == clusterId && i.Number.StartsWith(year.ToString(CultureInfo.InvariantCulture) + "-"), ct);
        var missing = new SortedSet<string>();
        int renewed = 0, notified = 0;
        foreach (var m in members.Where(m => !m.Renewed))
        {
            // A tier for the exact size wins; Unknown is the catch-all row for that member type.
            if (!tiers.TryGetValue((m.Type, m.SizeClass), out var cents) && !tiers.TryGetValue((m.Type, SizeClass.Unknown), out cents))
            { missing.Add($"{m.Type}/{m.SizeClass}"); continue; }
            var number = string.Create(CultureInfo.InvariantCulture, $"{year}-{++sequence:D4}");
            var dueOn = issuedOn.AddDays(60);
            db.MembershipYears.Add(new MembershipYear
            {
                ClusterId = clusterId, MemberId = m.Id, Year = year, TierMemberType = m.Type, TierSizeClass = m.SizeClass, DuesCents = cents,
                Invoice = new Invoice { ClusterId = clusterId, Number = number, IssuedOn = issuedOn, DueOn = dueOn, AmountCents = cents, Status = InvoiceStatus.Issued },
            });
            renewed++;
            if (m.Contact is null) continue;
            db.OutboxMessages.Add(DuesMessages.Invoice(sender, m.Contact, m.Name, year, number, issuedOn, dueOn, cents, stamp));
            notified++;
        }
        await db.SaveChangesAsync(ct);
        return new(year, renewed, members.Count(m => m.Renewed), [.. missing], notified, renewed - notified);
    }

    private static async Task<DuesMessages.Sender> SenderAsync(ClusterDb db, int clusterId, CancellationToken ct) =>
        await db.Clusters.AsNoTracking().Where(c => c.Id == clusterId).Select(c => new DuesMessages.Sender(c.Id, c.Name, c.Language)).SingleAsync(ct);

    /// <summary>
    /// Records a payment or a write-off. An invoice is settled once: of two people settling it at the
    /// same time, one wins and the other gets <see cref="SettleOutcome.AlreadySettled"/> (the invoice's
    /// row version, checked by the database, decides), and nothing of the loser's is written.
    /// </summary>
    public static async Task<SettleOutcome> SettleAsync(ClusterDb db, int clusterId, int invoiceId, InvoiceStatus to, DateOnly? paidOn, DateOnly today, CancellationToken ct)
    {
        var invoice = await db.Invoices.SingleOrDefaultAsync(i => i.Id == invoiceId && i.ClusterId == clusterId, ct);
        if (invoice is null) return SettleOutcome.NotFound;
        if (invoice.Status is InvoiceStatus.Paid or InvoiceStatus.WrittenOff) return SettleOutcome.AlreadySettled;
        if (paidOn is { } d && d < invoice.IssuedOn) return SettleOutcome.PaidBeforeIssued;
        if (paidOn is { } f && f > today) return SettleOutcome.PaidInTheFuture;
        invoice.Status = to;
        invoice.PaidOn = paidOn;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); return SettleOutcome.AlreadySettled; }
        return SettleOutcome.Settled;
    }

    /// <summary>
    /// Issued invoices past their due date become overdue, and each newly overdue one queues a reminder
    /// to the member's first consenting contact with an e-mail, in the same transaction. Each invoice
    /// moves by a conditional update (still issued), so of two sweeps running at once (two instances)
    /// only one reminds. Safe to run any time; returns how many invoices became overdue.
    /// </summary>
    public static async Task<int> MarkOverdueAsync(ClusterDb db, DateOnly today, CancellationToken ct)
    {
        // A transaction of our own, under the provider's retry strategy (PostgreSQL retries transient failures).
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear(); // a retried attempt starts afresh, without the reminders of the failed one
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var due = await db.Invoices.AsNoTracking().Where(i => i.Status == InvoiceStatus.Issued && i.DueOn < today)
                .Select(i => new
                {
                    i.Id, i.ClusterId, i.Number, i.DueOn, i.AmountCents, MemberName = i.MembershipYear!.Member!.Name,
                    Contact = i.MembershipYear.Member.Contacts.Where(c => c.ConsentToContact && c.Email != null && c.Email != "").OrderBy(c => c.Id)
                        .Select(c => new DuesMessages.Addressee(c.FullName, c.Email!)).FirstOrDefault(),
                })
                .ToListAsync(ct);
            var senders = new Dictionary<int, DuesMessages.Sender>();
            var stamp = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var marked = 0;
            foreach (var i in due)
            {
                var moved = await db.Invoices.Where(x => x.Id == i.Id && x.Status == InvoiceStatus.Issued)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, InvoiceStatus.Overdue), ct);
                if (moved == 0) continue; // paid, written off or marked by another sweep since we read it
                marked++;
                if (i.Contact is null) continue;
                if (!senders.TryGetValue(i.ClusterId, out var sender)) senders[i.ClusterId] = sender = await SenderAsync(db, i.ClusterId, ct);
                db.OutboxMessages.Add(DuesMessages.OverdueReminder(sender, i.Contact, i.MemberName, i.Number, i.DueOn, i.AmountCents, stamp));
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return marked;
        }, ct);
    }

    public static async Task<IReadOnlyList<LedgerLine>> LinesAsync(ClusterDb db, int clusterId, int? year, CancellationToken ct)
    {
        var q = db.MembershipYears.AsNoTracking().Where(y => y.ClusterId == clusterId && y.Invoice != null);
        if (year is { } yr) q = q.Where(y => y.Year == yr);
        var rows = await q.GroupBy(y => new { y.Year, y.TierMemberType, y.TierSizeClass, y.Invoice!.Status })
            .Select(g => new { g.Key.Year, g.Key.TierMemberType, g.Key.TierSizeClass, g.Key.Status, Count = g.Count(), Cents = g.Sum(y => y.Invoice!.AmountCents) })
            .ToListAsync(ct);
        return rows.GroupBy(r => (r.Year, r.TierMemberType, r.TierSizeClass))
            .Select(g => new LedgerLine(g.Key.Year, g.Key.TierMemberType, g.Key.TierSizeClass, g.Sum(r => r.Count), g.Sum(r => r.Cents),
                g.Where(r => r.Status == InvoiceStatus.Paid).Sum(r => r.Cents),
                g.Where(r => r.Status is InvoiceStatus.Issued or InvoiceStatus.Overdue).Sum(r => r.Cents),
                g.Where(r => r.Status == InvoiceStatus.WrittenOff).Sum(r => r.Cents)))
            .OrderByDescending(l => l.Year).ThenBy(l => l.MemberType).ThenBy(l => l.SizeClass).ToList();
    }

    public static string DownloadStem(string clusterSlug) => $"{clusterSlug}-dues-ledger";

    /// <summary>The ledger as the exchange kit writes it (CSV, xlsx): one row per year and tier, amounts in euros.</summary>
    public static readonly ExportTable<LedgerLine> Table = new("dues-ledger",
    [
        new("year", l => l.Year), new("member_type", l => l.MemberType.ToString()), new("size_class", l => l.SizeClass.ToString()),
        new("invoices", l => l.Invoices), new("invoiced_eur", l => Euros(l.InvoicedCents)), new("paid_eur", l => Euros(l.PaidCents)),
        new("outstanding_eur", l => Euros(l.OutstandingCents)), new("written_off_eur", l => Euros(l.WrittenOffCents)),
    ]);

    /// <summary>Cents × 0.01m keeps two decimals (1625.00, not 1625), as accountants read amounts.</summary>
    private static decimal Euros(long cents) => cents * 0.01m;
}

public static class Money
{
    public static decimal Euros(long cents) => cents / 100m;
    public static long Cents(decimal euros) => (long)Math.Round(euros * 100m, MidpointRounding.AwayFromZero);
}
