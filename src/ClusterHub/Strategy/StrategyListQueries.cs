using Microsoft.EntityFrameworkCore;
using ClusterHub.Data;

namespace ClusterHub.Strategy;

/// <summary>What the strategy's API and pages read.</summary>
public static class StrategyLists
{
    /// <summary>A cluster's entries of one list, in the cluster's order.</summary>
    public static IQueryable<T> Of<T>(IQueryable<T> list, int clusterId) where T : StrategyListEntry =>
        list.Where(e => e.ClusterId == clusterId).OrderBy(e => e.Order).ThenBy(e => e.Code);

    public static Task<List<ListEntry>> Entries<T>(IQueryable<T> list, int clusterId, CancellationToken ct) where T : StrategyListEntry =>
        Of(list.AsNoTracking(), clusterId).Select(e => new ListEntry(e.Id, e.Code, e.Name, e.Description, e.Order)).ToListAsync(ct);

    public static async Task<StrategyDto> OverviewAsync(ClusterDb db, int clusterId, CancellationToken ct)
    {
        var areas = await Entries(db.StrategicAreas, clusterId, ct);
        var code = areas.ToDictionary(a => a.Id, a => a.Code);
        string? Area(int? id) => id is { } i ? code.GetValueOrDefault(i) : null;
        var objectives = await db.Objectives.AsNoTracking().Include(o => o.Targets).Where(o => o.ClusterId == clusterId).OrderBy(o => o.Id).ToListAsync(ct);
        var actions = await db.RoadmapActions.AsNoTracking().Where(a => a.ClusterId == clusterId).OrderBy(a => a.Axis).ThenBy(a => a.DueOn).ThenBy(a => a.Id).ToListAsync(ct);
        return new StrategyDto(
            await db.Strategies.AsNoTracking().Where(s => s.ClusterId == clusterId).Select(s => s.Vision).SingleOrDefaultAsync(ct) ?? "",
            areas, await Entries(db.ActivityDomains, clusterId, ct), await Entries(db.ValueChainStages, clusterId, ct),
            [.. objectives.Select(o => ObjectiveDto.From(o, Area(o.StrategicAreaId)))],
            [.. actions.Select(a => ActionDto.From(a, Area(a.StrategicAreaId)))]);
    }

    /// <summary>Every review, newest first, with its objectives' outcomes (as recorded when closed; none yet while open).</summary>
    public static async Task<List<ReviewSummary>> ReviewsAsync(ClusterDb db, int clusterId, CancellationToken ct)
    {
        var reviews = await db.StrategyReviews.AsNoTracking().Where(r => r.ClusterId == clusterId).OrderByDescending(r => r.Year)
            .Select(r => new { r.Id, r.Year, r.Title, r.HeldOn, r.State }).ToListAsync(ct);
        var outcomes = (await (from x in db.Set<ReviewResult>().AsNoTracking()
                               join r in db.StrategyReviews on x.ReviewId equals r.Id
                               where r.ClusterId == clusterId
                               select new { x.ReviewId, x.Outcome }).ToListAsync(ct)).ToLookup(x => x.ReviewId, x => x.Outcome);
        return [.. reviews.Select(r => new ReviewSummary(r.Year, r.Title, r.HeldOn, r.State,
            outcomes[r.Id].Count(o => o == TargetOutcome.Met), outcomes[r.Id].Count(o => o == TargetOutcome.Near),
            outcomes[r.Id].Count(o => o == TargetOutcome.Missed), outcomes[r.Id].Count(o => o == TargetOutcome.Missing)))];
    }
}
