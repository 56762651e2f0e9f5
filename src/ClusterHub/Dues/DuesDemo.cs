using System.Globalization;
using ClusterHub.Data;
using ClusterHub.Demo;
using ClusterHub.Exchange;
using ClusterHub.Members;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Dues;

/// <summary>The demo's dues: the tier tables of <c>dues-tiers.csv</c>, renewals 2016–2019, and what was paid (<c>payments.csv</c>).</summary>
internal static class DuesDemo
{
    public static async Task LoadAsync(DemoSeed seed, CancellationToken ct)
    {
        var db = seed.Get<ClusterDb>();
        using (var text = DecodedText.OpenFile(seed.File("dues-tiers.csv"), "dues-tiers.csv"))
        using (var csv = new CsvReader(text.OpenReader(), CultureInfo.InvariantCulture))
        {
            var tiers = csv.GetRecords<TierRow>().ToList();
            foreach (var year in tiers.GroupBy(t => t.year))
                await DuesTiers.ReplaceAsync(db, seed.ClusterId, year.Key, year.Select(t => new TierDto(Enum.Parse<MemberType>(t.member_type), Enum.Parse<SizeClass>(t.size_class), t.amount_eur)), ct);
        }
        foreach (var year in Enumerable.Range(2016, 4))
            await DuesLedger.RenewAsync(db, seed.ClusterId, year, new DateOnly(year, 1, 15), ct);

        using (var text = DecodedText.OpenFile(seed.File("payments.csv"), "payments.csv"))
        using (var csv = new CsvReader(text.OpenReader(), CultureInfo.InvariantCulture))
        {
            var invoices = await db.Invoices.Where(i => i.ClusterId == seed.ClusterId)
                .Select(i => new { Invoice = i, i.MembershipYear!.Year, i.MembershipYear.Member!.Name, i.MembershipYear.Member.City }).ToListAsync(ct);
            var byKey = invoices.ToDictionary(i => (i.Year, i.Name, i.City));
            foreach (var p in csv.GetRecords<PaymentRow>())
            {
                var invoice = byKey[(p.year, p.member_name, p.city)].Invoice;
                invoice.Status = p.outcome == "paid" ? InvoiceStatus.Paid : InvoiceStatus.WrittenOff;
                invoice.PaidOn = p.paid_on is { Length: > 0 } d ? DateOnly.Parse(d, CultureInfo.InvariantCulture) : null;
            }
            await db.SaveChangesAsync(ct);
        }
        await DuesLedger.MarkOverdueAsync(db, seed.Today, ct);
        seed.Log.WriteLine("dues: tiers, and invoices for 2016-2019");
    }

#pragma warning disable IDE1006, CA1812 // CSV column names, instantiated by CsvHelper
    private sealed record TierRow(int year, string member_type, string size_class, decimal amount_eur);
    private sealed record PaymentRow(int year, string member_name, string city, string outcome, string? paid_on);
#pragma warning restore IDE1006, CA1812
}
