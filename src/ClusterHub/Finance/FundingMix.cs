namespace ClusterHub.Finance;

/// <summary>What one payer gave in a year, all its lines together (a member's dues and its sponsorship are one payer).</summary>
public sealed record PayerAmount(string Name, long Cents);

/// <summary>
/// One cluster-year's actual money, as the measures need it: revenue by source, named payers, the secretariat, members.
/// <paramref name="SmeAverageDuesCents"/>: what an SME member paid on average that year (null without SME dues).
/// </summary>
public sealed record FundingInput(
    IReadOnlyDictionary<BudgetSource, long> ActualBySource,
    IReadOnlyList<PayerAmount> Payers,
    double? StaffFte,
    long? OperatingCostCents,
    int Members,
    long? SmeAverageDuesCents);

/// <summary>The measures of one cluster-year; each null when its whole is zero or unknown (missing, never zero).</summary>
public sealed record FundingMeasures(
    long RevenueCents,
    long PublicCents,
    double? PublicShare,
    double? StateShare,
    double? RegionsShare,
    double? LocalShare,
    double? EuShare,
    double? PayerHhi,
    double? Top3PayerShare,
    double? SmeDuesRelief,
    long? SmeDuesCents,
    long? SmeDuesWithoutPublicCents,
    double? StaffFte,
    double? StaffPer100Members,
    double? CostPerMemberEur,
    double? CostPerStaffEur);

/// <summary>
/// The funding-mix measures as pure functions of amounts (no database): the public share and its split, the payers'
/// concentration, the SMEs' dues relief and the secretariat's cost. Definitions in words: docs/guide/finance.md and
/// the resources <c>Indicator.finance.*.Definition</c>.
/// </summary>
public static class FundingMix
{
    public static FundingMeasures Compute(FundingInput input)
    {
        long Of(BudgetSource s) => input.ActualBySource.GetValueOrDefault(s);
        var revenue = input.ActualBySource.Values.Sum();
        var publicCents = input.ActualBySource.Where(p => p.Key.IsPublic()).Sum(p => p.Value);
        var dues = Of(BudgetSource.Dues);
        var relief = DuesRelief(dues, publicCents);
        long? smeWithout = input.SmeAverageDuesCents is { } sme && relief is { } r && r < 1 ? (long)Math.Round(sme / (1 - r), MidpointRounding.AwayFromZero) : null;
        var payers = input.Payers.Select(p => p.Cents).ToList();
        return new(
            revenue, publicCents,
            Share(publicCents, revenue), Share(Of(BudgetSource.State), revenue), Share(Of(BudgetSource.Regions), revenue),
            Share(Of(BudgetSource.LocalAuthorities), revenue), Share(Of(BudgetSource.Eu), revenue),
            Herfindahl(payers), TopShare(payers, 3, revenue),
            relief, input.SmeAverageDuesCents, smeWithout,
            input.StaffFte,
            input.StaffFte is { } fte && input.Members > 0 ? fte * 100 / input.Members : null,
            input.OperatingCostCents is { } cost && input.Members > 0 ? cost / 100.0 / input.Members : null,
            input.OperatingCostCents is { } c && input.StaffFte is > 0 ? c / 100.0 / input.StaffFte.Value : null);
    }

    /// <summary><paramref name="part"/> / <paramref name="whole"/>, null when the whole is zero.</summary>
    public static double? Share(long part, long whole) => whole == 0 ? null : (double)part / whole;

    /// <summary>
    /// Herfindahl–Hirschman index of the payers: Σ sᵢ² where sᵢ is payer i's share of what all named payers gave together;
    /// 1/n for n equal payers, 1 for one payer alone; null without a payer (or when they gave nothing).
    /// </summary>
    public static double? Herfindahl(IReadOnlyCollection<long> amounts)
    {
        double total = amounts.Where(a => a > 0).Sum();
        if (total <= 0) return null;
        return amounts.Where(a => a > 0).Sum(a => a / total * (a / total));
    }

    /// <summary>What the <paramref name="k"/> largest payers gave, as a share of the whole revenue (dependence on the largest payers).</summary>
    public static double? TopShare(IReadOnlyCollection<long> amounts, int k, long revenue) =>
        revenue == 0 || amounts.Count == 0 ? null : (double)amounts.OrderDescending().Take(k).Sum() / revenue;

    /// <summary>
    /// The dues relief public money gives: were the public money <paramref name="publicCents"/> replaced by dues, every
    /// tier raised in proportion, a member paying d would pay d × (D + P) / D. The relief is 1 − D / (D + P) = P / (D + P),
    /// the same for every tier; null when there is neither dues nor public money.
    /// </summary>
    public static double? DuesRelief(long duesCents, long publicCents) => Share(publicCents, duesCents + publicCents);

    /// <summary>The year-on-year change of a measure, relative to the year before; null when either is missing or the year before is zero.</summary>
    public static double? Change(double? previous, double? current) =>
        previous is { } p && current is { } c && p != 0 ? (c - p) / Math.Abs(p) : null;
}
