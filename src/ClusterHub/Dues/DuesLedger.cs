using System.Globalization;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Members;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Dues;

public sealed record RenewalResult(int Year, int Renewed, int AlreadyRenewed, IReadOnlyList<string> MissingTiers);

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
    /// Records a payment or a write-off. Refused (409) when the invoice is already settled, and
    /// (422) when the payment predates the invoice.
    /// </summary>
    public static async Task<(bool Found, (int Status, string Detail)? Problem)> SettleAsync(ClusterDb db, int clusterId, int invoiceId, InvoiceStatus to, DateOnly? paidOn, CancellationToken ct)
    {
        var invoice = await db.Invoices.SingleOrDefaultAsync(i => i.Id == invoiceId && i.ClusterId == clusterId, ct);
        if (invoice is null) return (false, null);
        if (invoice.Status is InvoiceStatus.Paid or InvoiceStatus.WrittenOff)
            return (true, (StatusCodes.Status409Conflict, $"Invoice {invoice.Number} is already {invoice.Status}."));
        if (paidOn is { } d && d < invoice.IssuedOn)
            return (true, (StatusCodes.Status422UnprocessableEntity, $"The payment date {d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} is before the invoice was issued."));
        invoice.Status = to;
        invoice.PaidOn = paidOn;
        await db.SaveChangesAsync(ct);
        return (true, null);
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
