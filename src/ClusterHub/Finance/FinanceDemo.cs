using ClusterHub.Data;
using ClusterHub.Demo;
using ClusterHub.Exchange;

namespace ClusterHub.Finance;

/// <summary>
/// The demo's budget 2016–2019: the typed lines of <c>budget.csv</c> (illustrative amounts chosen so that, with the
/// demo's dues as the ledger gives them, public money is 40 % of the revenue: 10 % state, 30 % regions), through the
/// budget-lines import; and a secretariat of 12 full-time staff each year.
/// </summary>
internal static class FinanceDemo
{
    public static async Task LoadAsync(DemoSeed seed, CancellationToken ct)
    {
        var db = seed.Get<ClusterDb>();
        await using (var file = File.OpenRead(seed.File("budget.csv")))
        {
            var report = await FinanceFile.ImportAsync(db, seed.ClusterId, file, "budget.csv", ct);
            if (!report.Succeeded) throw new MalformedFileException(report.Errors[0]);
        }
        foreach (var (year, cost) in OperatingCost)
        {
            var result = await BudgetEdits.SetSecretariatAsync(db, seed.ClusterId, year, new SecretariatInput(12, cost), ct);
            if (result.Outcome != BudgetOutcome.Saved) throw new InvalidOperationException($"secretariat {year}: {result.Outcome}");
        }
        seed.Log.WriteLine("finance: budget lines and secretariat for 2016-2019");
    }

    /// <summary>Illustrative yearly expenses of the secretariat (12 staff, offices in Chalon-sur-Saône, Lyon, Dijon and Montélimar).</summary>
    private static readonly (int Year, decimal Eur)[] OperatingCost = [(2016, 640_000m), (2017, 775_000m), (2018, 915_000m), (2019, 990_000m)];
}
