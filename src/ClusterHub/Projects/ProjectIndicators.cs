using ClusterHub.Data;
using ClusterHub.Indicators;
using Microsoft.EntityFrameworkCore;
using static ClusterHub.Indicators.IndicatorDirection;
using static ClusterHub.Indicators.IndicatorUnit;

namespace ClusterHub.Projects;

/// <summary>The pipeline's year, from the funnel's own queries (see <see cref="ProjectFunnel"/> for what "worked on" means).</summary>
public sealed class ProjectIndicators : IIndicatorSource
{
    public const string WorkedOn = "projects.worked_on", Certified = "projects.certified", Funded = "projects.funded", FundingLeveraged = "projects.funding_leveraged";

    public IEnumerable<IndicatorDefinition> Definitions =>
        [new(WorkedOn, Count, HigherIsBetter), new(Certified, Count, HigherIsBetter), new(Funded, Count, HigherIsBetter), new(FundingLeveraged, Ratio, HigherIsBetter)];

    public async Task<IReadOnlyList<IndicatorValue>> ComputeAsync(ClusterDb db, int clusterId, int year, CancellationToken ct)
    {
        // A cluster that does not run its pipeline here has unknown counts, not zero ones.
        if (!await db.ProposalStateChanges.AnyAsync(s => s.ClusterId == clusterId, ct))
            return [IndicatorValue.Missing(WorkedOn), IndicatorValue.Missing(Certified), IndicatorValue.Missing(Funded), IndicatorValue.Missing(FundingLeveraged)];
        var row = (await ProjectFunnel.YearsAsync(db, clusterId, year, ct)).SingleOrDefault() ?? new ProjectFunnel.YearRow(year, 0, 0, 0, 0, 0, 0);
        var (total, _, _) = await ProjectFunnel.LeverageAsync(db, clusterId, year, ct);
        double budget = (double)total.BudgetEur, pub = (double)total.PublicEur;
        return
        [
            new(WorkedOn, row.WorkedOn, [new("worked_on", row.WorkedOn)]),
            new(Certified, row.Certified, [new("certified", row.Certified), new("worked_on", row.WorkedOn)]),
            new(Funded, row.Funded, [new("funded", row.Funded), new("certified", row.Certified)]),
            new(FundingLeveraged, pub == 0 ? null : budget / pub, [new("funded_budget_eur", budget), new("public_funding_eur", pub)]),
        ];
    }
}
