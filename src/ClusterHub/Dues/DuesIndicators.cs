using ClusterHub.Data;
using ClusterHub.Indicators;
using Microsoft.EntityFrameworkCore;
using static ClusterHub.Indicators.IndicatorDirection;
using static ClusterHub.Indicators.IndicatorUnit;

namespace ClusterHub.Dues;

/// <summary>The year's dues: what the renewal invoiced, what was paid, and the share collected.</summary>
public sealed class DuesIndicators : IIndicatorSource
{
    public const string Invoiced = "dues.invoiced", Collected = "dues.collected", CollectionRate = "dues.collection_rate";

    public IEnumerable<IndicatorDefinition> Definitions =>
        [new(Invoiced, Euros, HigherIsBetter), new(Collected, Euros, HigherIsBetter), new(CollectionRate, Share, HigherIsBetter)];

    public async Task<IReadOnlyList<IndicatorValue>> ComputeAsync(ClusterDb db, int clusterId, int year, CancellationToken ct)
    {
        var totals = await db.Invoices.AsNoTracking()
            .Where(i => i.ClusterId == clusterId && i.MembershipYear!.Year == year)
            .GroupBy(i => 1)
            .Select(g => new { Count = g.Count(), Invoiced = g.Sum(i => i.AmountCents), Paid = g.Sum(i => i.Status == InvoiceStatus.Paid ? i.AmountCents : 0) })
            .SingleOrDefaultAsync(ct);
        if (totals is null)
            // No renewal that year: the dues are unknown, not zero.
            return [IndicatorValue.Missing(Invoiced, new IndicatorInput("invoices", 0)), IndicatorValue.Missing(Collected, new IndicatorInput("invoices", 0)),
                    IndicatorValue.Missing(CollectionRate, new IndicatorInput("invoices", 0))];
        double invoiced = totals.Invoiced / 100.0, paid = totals.Paid / 100.0;
        return
        [
            new(Invoiced, invoiced, [new("invoices", totals.Count), new("invoiced_eur", invoiced)]),
            new(Collected, paid, [new("invoices", totals.Count), new("paid_eur", paid)]),
            IndicatorValue.Share(CollectionRate, "paid_eur", paid, "invoiced_eur", invoiced),
        ];
    }
}
