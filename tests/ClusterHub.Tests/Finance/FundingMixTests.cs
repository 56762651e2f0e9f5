using ClusterHub.Finance;

namespace ClusterHub.Tests.Finance;

/// <summary>The measures as pure functions, against cases computed by hand.</summary>
public sealed class FundingMixTests
{
    [Fact]
    public void Herfindahl_is_one_over_n_for_equal_payers_one_for_a_single_payer_and_missing_without_payers()
    {
        Assert.Equal(0.25, FundingMix.Herfindahl([500, 500, 500, 500])!.Value, 12);
        Assert.Equal(1.0, FundingMix.Herfindahl([7_000])!.Value, 12);
        // 60 %, 30 %, 10 %: 0.36 + 0.09 + 0.01.
        Assert.Equal(0.46, FundingMix.Herfindahl([6_000, 3_000, 1_000])!.Value, 12);
        Assert.Null(FundingMix.Herfindahl([]));
        Assert.Null(FundingMix.Herfindahl([0, 0]));
    }

    [Fact]
    public void The_public_share_its_split_the_largest_payers_and_the_dues_relief_follow_the_definitions()
    {
        // Revenue 100: dues 50, state 10, regions 30, sponsorship 10. Payers: region A 20, region B 10, DGE 10, EDF 15 (dues 5 + sponsorship 10), SME 3.
        var input = new FundingInput(
            new Dictionary<BudgetSource, long> { [BudgetSource.Dues] = 50_00, [BudgetSource.State] = 10_00, [BudgetSource.Regions] = 30_00, [BudgetSource.Sponsorship] = 10_00 },
            [new("Région A", 20_00), new("EDF", 15_00), new("Région B", 10_00), new("DGE", 10_00), new("PME", 3_00)],
            StaffFte: 2, OperatingCostCents: 80_00, Members: 4, SmeAverageDuesCents: 3_00);
        var m = FundingMix.Compute(input);

        Assert.Equal(100_00, m.RevenueCents);
        Assert.Equal(0.40, m.PublicShare!.Value, 12);
        Assert.Equal(0.10, m.StateShare!.Value, 12);
        Assert.Equal(0.30, m.RegionsShare!.Value, 12);
        Assert.Equal(0.0, m.LocalShare!.Value, 12);
        Assert.Equal(0.0, m.EuShare!.Value, 12);
        Assert.Equal((20.0 * 20 + 15 * 15 + 10 * 10 + 10 * 10 + 3 * 3) / (58.0 * 58), m.PayerHhi!.Value, 12);
        Assert.Equal(0.45, m.Top3PayerShare!.Value, 12); // 20 + 15 + 10 of 100
        Assert.Equal(40.0 / 90, m.SmeDuesRelief!.Value, 12); // P / (D + P)
        Assert.Equal(5_40, m.SmeDuesWithoutPublicCents); // 3 × 90 / 50
        Assert.Equal(50.0, m.StaffPer100Members!.Value, 12);
        Assert.Equal(20.0, m.CostPerMemberEur!.Value, 12);
        Assert.Equal(40.0, m.CostPerStaffEur!.Value, 12);
    }

    [Fact]
    public void Nothing_known_is_missing_not_zero()
    {
        var m = FundingMix.Compute(new FundingInput(new Dictionary<BudgetSource, long>(), [], null, null, 0, null));
        Assert.Null(m.PublicShare);
        Assert.Null(m.PayerHhi);
        Assert.Null(m.Top3PayerShare);
        Assert.Null(m.SmeDuesRelief);
        Assert.Null(m.StaffPer100Members);
        Assert.Null(m.CostPerMemberEur);
        Assert.Null(m.CostPerStaffEur);
        Assert.Null(FundingMix.Change(null, 0.4));
        Assert.Null(FundingMix.Change(0, 0.4));
        Assert.Equal(-0.2, FundingMix.Change(0.5, 0.4)!.Value, 12);
    }
}
