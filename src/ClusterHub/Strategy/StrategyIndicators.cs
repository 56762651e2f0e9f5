using ClusterHub.Data;
using ClusterHub.Indicators;
using Microsoft.EntityFrameworkCore;
using static ClusterHub.Indicators.IndicatorDirection;
using static ClusterHub.Indicators.IndicatorUnit;

namespace ClusterHub.Strategy;

/// <summary>
/// The strategy's indicators: how many yearly reviews were held and how regularly, and the share of objectives that met
/// their target in the year's review (its recorded results once closed; live while it is open).
/// </summary>
public sealed class StrategyIndicators(IServiceProvider services) : IIndicatorSource
{
    public const string ReviewsHeld = "strategy.reviews_held", ReviewRegularity = "strategy.review_regularity", TargetsMetShare = "strategy.targets_met_share";

    /// <summary>The window of <see cref="ReviewRegularity"/>: the year and the four before it.</summary>
    public const int RegularityYears = 5;

    public IEnumerable<IndicatorDefinition> Definitions =>
        [new(ReviewsHeld, Count, HigherIsBetter), new(ReviewRegularity, Share, HigherIsBetter), new(TargetsMetShare, Share, HigherIsBetter)];

    public async Task<IReadOnlyList<IndicatorValue>> ComputeAsync(ClusterDb db, int clusterId, int year, CancellationToken ct)
    {
        var reviews = await db.StrategyReviews.AsNoTracking().Where(r => r.ClusterId == clusterId && r.Year <= year)
            .Select(r => new { r.Id, r.Year, r.State }).ToListAsync(ct);
        var closedYears = reviews.Where(r => r.State == ReviewState.Closed).Select(r => r.Year).Distinct().ToList();
        List<IndicatorInput> heldInputs = [new("closed_reviews", closedYears.Count)];
        if (closedYears.Count > 0) heldInputs.Add(new("first_review_year", closedYears.Min()));
        var inWindow = closedYears.Count(y => y > year - RegularityYears);
        return
        [
            new(ReviewsHeld, closedYears.Count, heldInputs),
            IndicatorValue.Share(ReviewRegularity, "years_with_review", inWindow, "years", RegularityYears),
            await TargetsAsync(db, clusterId, year, reviews.FirstOrDefault(r => r.Year == year) is { } r ? (r.Id, r.State) : null, ct),
        ];
    }

    private async Task<IndicatorValue> TargetsAsync(ClusterDb db, int clusterId, int year, (int Id, ReviewState State)? review, CancellationToken ct)
    {
        if (review is not { } rv) return IndicatorValue.Missing(TargetsMetShare, new IndicatorInput("reviews", 0));
        List<TargetOutcome> outcomes;
        if (rv.State == ReviewState.Closed)
            outcomes = await db.Set<ReviewResult>().AsNoTracking().Where(x => x.ReviewId == rv.Id).Select(x => x.Outcome).ToListAsync(ct);
        else
        {
            // Live: each objective's indicator from the other sources (never this one: an objective on a strategy key stays missing).
            var objectives = await db.Objectives.AsNoTracking().Include(o => o.Targets).Where(o => o.ClusterId == clusterId).ToListAsync(ct);
            var values = new Dictionary<string, (IndicatorDefinition Definition, double? Value)>(StringComparer.Ordinal);
            foreach (var source in services.GetServices<IIndicatorSource>().Where(s => s is not StrategyIndicators))
            {
                if (!source.Definitions.Any(d => objectives.Any(o => o.IndicatorKey == d.Key))) continue;
                var computed = (await source.ComputeAsync(db, clusterId, year, ct)).ToDictionary(v => v.Key);
                foreach (var d in source.Definitions) values[d.Key] = (d, computed.GetValueOrDefault(d.Key)?.Value);
            }
            outcomes = [.. objectives.Select(o =>
            {
                var (definition, value) = values.GetValueOrDefault(o.IndicatorKey);
                return TargetOutcomes.Assess(definition?.Direction ?? HigherIsBetter, o.Targets.FirstOrDefault(t => t.Year == year)?.Value, value, o.Tolerance);
            })];
        }
        var met = outcomes.Count(o => o == TargetOutcome.Met);
        var assessed = outcomes.Count(o => o is TargetOutcome.Met or TargetOutcome.Near or TargetOutcome.Missed);
        return IndicatorValue.Share(TargetsMetShare, "objectives_met", met, "objectives_assessed", assessed);
    }
}
