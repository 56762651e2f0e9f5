using ClusterHub.Data;
using ClusterHub.Indicators;
using static ClusterHub.Indicators.IndicatorDirection;
using static ClusterHub.Indicators.IndicatorUnit;

namespace ClusterHub.Finance;

/// <summary>
/// The funding mix of a cluster-year, from the actual amounts (<see cref="FundingMix"/>). Without a typed budget line
/// for the year the money measures are missing; without a secretariat record, the staff and cost measures are.
/// </summary>
public sealed class FinanceIndicators : IIndicatorSource
{
    public const string BudgetEur = "finance.budget_eur", PublicShare = "finance.public_share", StateShare = "finance.state_share",
        RegionsShare = "finance.regions_share", LocalShare = "finance.local_share", EuShare = "finance.eu_share", PayerHhi = "finance.payer_hhi",
        Top3PayerShare = "finance.top3_payer_share", SmeDuesRelief = "finance.sme_dues_relief", Staff = "finance.staff",
        StaffPer100Members = "finance.staff_per_100_members", CostPerMemberEur = "finance.cost_per_member_eur", CostPerStaffEur = "finance.cost_per_staff_eur";

    public IEnumerable<IndicatorDefinition> Definitions => All;

    public static readonly IReadOnlyList<IndicatorDefinition> All =
    [
        new(BudgetEur, Euros, HigherIsBetter),
        new(PublicShare, Share, HigherIsBetter),
        new(StateShare, Share, HigherIsBetter),
        new(RegionsShare, Share, HigherIsBetter),
        new(LocalShare, Share, HigherIsBetter),
        new(EuShare, Share, HigherIsBetter),
        new(PayerHhi, Ratio, LowerIsBetter),
        new(Top3PayerShare, Share, LowerIsBetter),
        new(SmeDuesRelief, Share, HigherIsBetter),
        new(Staff, Count, HigherIsBetter),
        new(StaffPer100Members, Ratio, HigherIsBetter),
        new(CostPerMemberEur, Euros, LowerIsBetter),
        new(CostPerStaffEur, Euros, HigherIsBetter),
    ];

    public async Task<IReadOnlyList<IndicatorValue>> ComputeAsync(ClusterDb db, int clusterId, int year, CancellationToken ct) =>
        Values((await FinanceReports.MixAsync(db, clusterId, year, ct))[0]);

    /// <summary>The measures of one year's mix as the registry's readings (definition, value, inputs), for the page and the report.</summary>
    public static IReadOnlyList<IndicatorReading> Readings(YearMix mix) =>
        [.. Values(mix).Select(v => new IndicatorReading(All.Single(d => d.Key == v.Key), mix.Year, v.Value, v.Inputs))];

    /// <summary>Every finance indicator of one year's mix, with the amounts it was computed from.</summary>
    public static IReadOnlyList<IndicatorValue> Values(YearMix mix)
    {
        var m = mix.Measures;
        double revenue = m.RevenueCents / 100.0;
        double Eur(BudgetSource s) => (mix.Sources.FirstOrDefault(x => x.Source == s)?.ActualCents ?? 0) / 100.0;
        IndicatorInput Revenue() => new("revenue_eur", revenue);
        IndicatorValue Money(string key, double? value, params IndicatorInput[] inputs) =>
            mix.HasBudget && value is not null ? new(key, value, inputs) : IndicatorValue.Missing(key, [new("budget_lines", mix.HasBudget ? 1 : 0), .. inputs]);
        IndicatorValue Secretariat(string key, double? value, params IndicatorInput[] inputs) =>
            mix.Secretariat is not null && value is not null ? new(key, value, inputs) : IndicatorValue.Missing(key, inputs);
        var staff = m.StaffFte ?? 0;
        var cost = (double)(mix.Secretariat?.OperatingCostEur ?? 0);
        return
        [
            Money(BudgetEur, m.RevenueCents == 0 ? null : revenue, Revenue()),
            Money(PublicShare, m.PublicShare, new IndicatorInput("public_eur", m.PublicCents / 100.0), Revenue()),
            Money(StateShare, m.StateShare, new IndicatorInput("state_eur", Eur(BudgetSource.State)), Revenue()),
            Money(RegionsShare, m.RegionsShare, new IndicatorInput("regions_eur", Eur(BudgetSource.Regions)), Revenue()),
            Money(LocalShare, m.LocalShare, new IndicatorInput("local_eur", Eur(BudgetSource.LocalAuthorities)), Revenue()),
            Money(EuShare, m.EuShare, new IndicatorInput("eu_eur", Eur(BudgetSource.Eu)), Revenue()),
            Money(PayerHhi, m.PayerHhi, new IndicatorInput("named_payers", mix.Payers.Count)),
            Money(Top3PayerShare, m.Top3PayerShare, new IndicatorInput("top3_eur", mix.Payers.Take(3).Sum(p => p.Cents) / 100.0), Revenue()),
            Money(SmeDuesRelief, m.SmeDuesRelief, new IndicatorInput("dues_eur", Eur(BudgetSource.Dues)), new IndicatorInput("public_eur", m.PublicCents / 100.0)),
            Secretariat(Staff, m.StaffFte, new IndicatorInput("staff_fte", staff)),
            Secretariat(StaffPer100Members, m.StaffPer100Members, new IndicatorInput("staff_fte", staff), new IndicatorInput("members", mix.Members)),
            Secretariat(CostPerMemberEur, m.CostPerMemberEur, new IndicatorInput("operating_cost_eur", cost), new IndicatorInput("members", mix.Members)),
            Secretariat(CostPerStaffEur, m.CostPerStaffEur, new IndicatorInput("operating_cost_eur", cost), new IndicatorInput("staff_fte", staff)),
        ];
    }
}
