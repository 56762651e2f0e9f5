using System.Globalization;
using ClusterHub.Data;
using ClusterHub.Members;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Dues;

public sealed record RenewalResult(int Year, int Renewed, int AlreadyRenewed, IReadOnlyList<string> MissingTiers);

/// <summary>What became of a payment or a write-off.</summary>
public enum SettleOutcome { Settled, NotFound, AlreadySettled, PaidBeforeIssued, PaidInTheFuture }

public sealed record LedgerLine(int Year, MemberType MemberType, SizeClass SizeClass, int Invoices, long InvoicedCents, long PaidCents, long OutstandingCents, long WrittenOffCents);

/// <summary>Dues: the tier table, the yearly renewal that invoices every active member, payments and the ledger.</summary>
public static class DuesLedger
{
    /// <summary>
    /// Opens membership year <paramref name="year"/> for every active member that has none yet,
    /// with dues from the tier of its type and size, and issues the invoice (due 60 days after
    /// issue). Members whose tier is missing are listed and skipped, so the secretariat can add
    /// the tier and run the renewal again: it is idempotent.
    /// </summary>
    public static async Task<RenewalResult> RenewAsync(ClusterDb db, int clusterId, int year, DateOnly issuedOn, CancellationToken ct)
    {
        var tiers = await db.DuesTiers.AsNoTracking().Where(t => t.ClusterId == clusterId && t.Year == year)
            .ToDictionaryAsync(t => (t.MemberType, t.SizeClass), t => t.AmountCents, ct);
        var members = await db.Members.AsNoTracking()
            .Where(m => m.ClusterId == clusterId && m.Status == MemberStatus.Active && m.JoinedOn.Year <= year)
            .Select(m => new { m.Id, m.Name, m.Type, m.SizeClass, Renewed = db.MembershipYears.Any(y => y.MemberId == m.Id && y.Year == year) })
            .ToListAsync(ct);
        var sequence = await db.Invoices.CountAsync(i => i.ClusterId == clusterId && i.Number.StartsWith(year.ToString(CultureInfo.InvariantCulture) + "-"), ct);
        var missing = new SortedSet<string>();
        var renewed = 0;
        foreach (var m in members.Where(m => !m.Renewed))
        {
            // A tier for the exact size wins; Unknown is the catch-all row for that member type.
            if (!tiers.TryGetValue((m.Type, m.SizeClass), out var cents) && !tiers.TryGetValue((m.Type, SizeClass.Unknown), out cents))
            { missing.Add($"{m.Type}/{m.SizeClass}"); continue; }
            var number = string.Create(CultureInfo.InvariantCulture, $"{year}-{++sequence:D4}");
            db.MembershipYears.Add(new MembershipYear
            {
                ClusterId = clusterId, MemberId = m.Id, Year = year, TierMemberType = m.Type, TierSizeClass = m.SizeClass, DuesCents = cents,
                Invoice = new Invoice { ClusterId = clusterId, Number = number, IssuedOn = issuedOn, DueOn = issuedOn.AddDays(60), AmountCents = cents, Status = InvoiceStatus.Issued },
            });
            renewed++;
        }
        await db.SaveChangesAsync(ct);
        return new(year, renewed, members.Count(m => m.Renewed), [.. missing]);
    }

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

    /// <summary>Issued invoices past their due date become overdue. Set-based; safe to run any time.</summary>
    public static Task<int> MarkOverdueAsync(ClusterDb db, DateOnly today, CancellationToken ct) =>
        db.Invoices.Where(i => i.Status == InvoiceStatus.Issued && i.DueOn < today)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvoiceStatus.Overdue), ct);

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

    /// <summary>The ledger as a CSV download (UTF-8), for the API and the dues page alike.</summary>
    public static async Task<byte[]> CsvAsync(IEnumerable<LedgerLine> lines)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        await WriteCsvAsync(lines, writer);
        return System.Text.Encoding.UTF8.GetBytes(writer.ToString());
    }

    public static string CsvFileName(string clusterSlug) => $"{clusterSlug}-dues-ledger.csv";

    private static async Task WriteCsvAsync(IEnumerable<LedgerLine> lines, TextWriter writer)
    {
        await using var csv = new CsvHelper.CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var h in new[] { "year", "member_type", "size_class", "invoices", "invoiced_eur", "paid_eur", "outstanding_eur", "written_off_eur" }) csv.WriteField(h);
        await csv.NextRecordAsync();
        foreach (var l in lines)
        {
            csv.WriteField(l.Year); csv.WriteField(l.MemberType.ToString()); csv.WriteField(l.SizeClass.ToString()); csv.WriteField(l.Invoices);
            foreach (var cents in new[] { l.InvoicedCents, l.PaidCents, l.OutstandingCents, l.WrittenOffCents })
                csv.WriteField(Money.Euros(cents).ToString("0.00", CultureInfo.InvariantCulture));
            await csv.NextRecordAsync();
        }
    }
}

public static class Money
{
    public static decimal Euros(long cents) => cents / 100m;
    public static long Cents(decimal euros) => (long)Math.Round(euros * 100m, MidpointRounding.AwayFromZero);
}
