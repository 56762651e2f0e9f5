using ClusterHub.Data;
using ClusterHub.Dues;
using ClusterHub.Members;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Finance;

/// <summary>A source's planned and actual money in one year; null where nothing is known.</summary>
public sealed record SourceTotal(BudgetSource Source, long? PlannedCents, long? ActualCents)
{
    public decimal? PlannedEur => PlannedCents is { } p ? Money.Euros(p) : null;
    public decimal? ActualEur => ActualCents is { } a ? Money.Euros(a) : null;
}

/// <summary>The dues of one tier in one year, from the dues ledger: invoiced (planned) and invoiced less written off (actual).</summary>
public sealed record DuesTierTotal(MemberType MemberType, SizeClass SizeClass, int Members, long PlannedCents, long ActualCents);

/// <summary>The secretariat of one year as stored (<see cref="FinanceYear"/>).</summary>
public sealed record SecretariatDto(int Year, double? StaffFte, decimal? OperatingCostEur, int Version);

/// <summary>One year of the funding mix: its lines by source, the dues by tier, the payers, the secretariat and the measures.</summary>
public sealed record YearMix(int Year, bool HasBudget, IReadOnlyList<SourceTotal> Sources, IReadOnlyList<DuesTierTotal> DuesTiers,
    IReadOnlyList<PayerAmount> Payers, SecretariatDto? Secretariat, int Members, FundingMeasures Measures);

/// <summary>A measure's year-on-year change: this year's value, last year's, and the relative change.</summary>
public sealed record MeasureTrend(string Key, double? Previous, double? Current, double? Change);

/// <summary>The funding-mix report of a year: that year in full, the years around it for the trends, and the changes since the year before.</summary>
public sealed record FinanceReport(int Year, YearMix Mix, IReadOnlyList<YearMix> Years, IReadOnlyList<MeasureTrend> Trends);

/// <summary>
/// Reads a cluster's money for the measures: the typed budget lines, the dues from the dues ledger (never typed twice:
/// planned = what the renewal invoiced, actual = that less what was written off), the secretariat and the members
/// active on 31 December. A year "has a budget" when at least one line was typed for it; without, every measure is missing.
/// </summary>
public static class FinanceReports
{
    public static async Task<FinanceReport> ReportAsync(ClusterDb db, int clusterId, int year, CancellationToken ct)
    {
        var years = await MixAsync(db, clusterId, null, ct);
        var mix = years.FirstOrDefault(y => y.Year == year) ?? (await MixAsync(db, clusterId, year, ct))[0];
        var previous = years.FirstOrDefault(y => y.Year == year - 1);
        return new(year, mix, [.. years.Where(y => y.HasBudget)], Trends(previous?.Measures, mix.Measures, mix.HasBudget && previous?.HasBudget == true));
    }

    private static List<MeasureTrend> Trends(FundingMeasures? before, FundingMeasures now, bool both)
    {
        static IEnumerable<(string Key, double? Value)> Values(FundingMeasures? m) =>
        [
            (FinanceIndicators.BudgetEur, m?.RevenueCents / 100.0), (FinanceIndicators.PublicShare, m?.PublicShare),
            (FinanceIndicators.PayerHhi, m?.PayerHhi), (FinanceIndicators.Top3PayerShare, m?.Top3PayerShare),
            (FinanceIndicators.SmeDuesRelief, m?.SmeDuesRelief), (FinanceIndicators.CostPerMemberEur, m?.CostPerMemberEur),
        ];
        return [.. Values(now).Zip(Values(both ? before : null), (n, b) => new MeasureTrend(n.Key, b.Value, n.Value, FundingMix.Change(b.Value, n.Value)))];
    }

    /// <summary>
    /// The funding mix of every year that has a budget line, dues or a secretariat record (<paramref name="onlyYear"/> null),
    /// or of that one year (always returned, empty when nothing is known), oldest first. A few queries for all years.
    /// </summary>
    public static async Task<IReadOnlyList<YearMix>> MixAsync(ClusterDb db, int clusterId, int? onlyYear, CancellationToken ct)
    {
        var lines = await db.BudgetLines.AsNoTracking().Where(l => l.ClusterId == clusterId && (onlyYear == null || l.Year == onlyYear))
            .Select(l => new { l.Year, l.Source, l.PlannedCents, l.ActualCents, l.PayerMemberId, MemberName = l.PayerMember!.Name, l.PayerName })
            .ToListAsync(ct);
        var dues = await db.MembershipYears.AsNoTracking().Where(m => m.ClusterId == clusterId && (onlyYear == null || m.Year == onlyYear))
            .Select(m => new
            {
                m.Year, m.MemberId, m.Member!.Name, m.TierMemberType, m.TierSizeClass, m.DuesCents,
                WrittenOff = m.Invoice != null && m.Invoice.Status == InvoiceStatus.WrittenOff,
            })
            .ToListAsync(ct);
        var secretariat = await db.FinanceYears.AsNoTracking().Where(y => y.ClusterId == clusterId && (onlyYear == null || y.Year == onlyYear))
            .ToDictionaryAsync(y => y.Year, ct);

        var years = new SortedSet<int>(lines.Select(l => l.Year).Concat(dues.Select(d => d.Year)).Concat(secretariat.Keys));
        if (onlyYear is { } only) years = [only];
        var result = new List<YearMix>();
        foreach (var year in years)
        {
            var typed = lines.Where(l => l.Year == year).ToList();
            var yearDues = dues.Where(d => d.Year == year).ToList();
            var tiers = yearDues.GroupBy(d => (d.TierMemberType, d.TierSizeClass))
                .Select(g => new DuesTierTotal(g.Key.TierMemberType, g.Key.TierSizeClass, g.Count(), g.Sum(d => d.DuesCents), g.Where(d => !d.WrittenOff).Sum(d => d.DuesCents)))
                .OrderBy(t => t.MemberType).ThenBy(t => t.SizeClass).ToList();
            var sources = new List<SourceTotal>();
            foreach (var source in Enum.GetValues<BudgetSource>())
            {
                if (source == BudgetSource.Dues)
                {
                    if (yearDues.Count > 0) sources.Add(new(source, tiers.Sum(t => t.PlannedCents), tiers.Sum(t => t.ActualCents)));
                    continue;
                }
                var of = typed.Where(l => l.Source == source).ToList();
                if (of.Count == 0) continue;
                // A sum of unknowns is unknown; a known part of it is what is known.
                sources.Add(new(source, of.Any(l => l.PlannedCents is not null) ? of.Sum(l => l.PlannedCents ?? 0) : null,
                    of.Any(l => l.ActualCents is not null) ? of.Sum(l => l.ActualCents ?? 0) : null));
            }
            // Payers: a member by its id (its dues and its other lines add up), anyone else by its normalised name.
            var payers = new Dictionary<string, (string Name, long Cents)>(StringComparer.Ordinal);
            void Pay(string key, string name, long cents) =>
                payers[key] = payers.TryGetValue(key, out var p) ? (p.Name, p.Cents + cents) : (name, cents);
            foreach (var d in yearDues.Where(d => !d.WrittenOff && d.DuesCents > 0)) Pay($"member:{d.MemberId}", d.Name, d.DuesCents);
            foreach (var l in typed.Where(l => l.ActualCents is > 0))
            {
                if (l.PayerMemberId is { } id) Pay($"member:{id}", l.MemberName, l.ActualCents!.Value);
                else if (l.PayerName is { } name) Pay("name:" + Names.Normalize(name), name, l.ActualCents!.Value);
            }
            // Counted in the database, one year at a time, by the members' own rule.
            var active = await db.Members.Where(m => m.ClusterId == clusterId).Where(Member.ActiveOn(new DateOnly(year, 12, 31))).CountAsync(ct);
            var smeDues = yearDues.Where(d => !d.WrittenOff && d.TierMemberType.Family() == MemberFamily.Company
                && d.TierSizeClass is SizeClass.Micro or SizeClass.Small or SizeClass.Medium).ToList();
            var record = secretariat.GetValueOrDefault(year);
            var hasBudget = typed.Count > 0;
            var input = new FundingInput(
                sources.Where(s => s.ActualCents is not null).ToDictionary(s => s.Source, s => s.ActualCents!.Value),
                [.. payers.Values.Select(p => new PayerAmount(p.Name, p.Cents)).OrderByDescending(p => p.Cents).ThenBy(p => p.Name, StringComparer.Ordinal)],
                record?.StaffFte, record?.OperatingCostCents, active,
                smeDues.Count == 0 ? null : (long)Math.Round(smeDues.Average(d => (double)d.DuesCents), MidpointRounding.AwayFromZero));
            result.Add(new(year, hasBudget, sources, tiers, input.Payers,
                record is null ? null : new(year, record.StaffFte, record.OperatingCostCents is { } c ? Money.Euros(c) : null, record.Version),
                active, FundingMix.Compute(input)));
        }
        return result;
    }
}
