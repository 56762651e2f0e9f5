using System.Text.Json;
using ClusterHub.Data;
using ClusterHub.Indicators;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Strategy;

public enum ReviewChange { Done, NotFound, AlreadyExists, Closed, Conflict, Invalid }

/// <summary>An objective's standing in a review's year, and its targets and actual values over the years, for the chart.</summary>
public sealed record ObjectiveStanding(int ObjectiveId, string Title, string? AreaCode, IndicatorDefinition Indicator, double? Baseline, int? BaselineYear,
    double Tolerance, double? Target, double? Actual, TargetOutcome Outcome, IReadOnlyList<ObjectiveYear> Years);

/// <summary>One year of an objective: its target, and its actual value from the closed review of that year (or live, for the review shown).</summary>
public sealed record ObjectiveYear(int Year, double? Target, double? Actual);

/// <summary>A review as shown: its record, every objective's standing and every indicator's reading (live while open, the snapshot once closed).</summary>
public sealed record ReviewView(StrategyReview Review, bool Live, IReadOnlyList<ObjectiveStanding> Objectives, IReadOnlyList<IndicatorReading> Indicators);

public sealed record ReviewInput(int Year, DateOnly HeldOn, string? Title);

/// <summary>The yearly review's operations, for the API, the pages and the CLI alike.</summary>
public sealed class Reviews(IndicatorRegistry registry, TimeProvider clock)
{
    public static List<FieldError> Validate(ReviewInput input)
    {
        var errors = new List<FieldError>();
        if (Years.Validate(input.Year) is { } year) errors.Add(year);
        if (input.Title is { Length: > StrategyLimits.Name }) errors.Add(new("title", null, $"must be at most {StrategyLimits.Name} characters"));
        return errors;
    }

    public async Task<(ReviewChange, StrategyReview?)> OpenAsync(ClusterDb db, int clusterId, ReviewInput input, CancellationToken ct)
    {
        if (Validate(input).Count > 0) return (ReviewChange.Invalid, null);
        if (await db.StrategyReviews.AnyAsync(r => r.ClusterId == clusterId && r.Year == input.Year, ct)) return (ReviewChange.AlreadyExists, null);
        var review = new StrategyReview
        {
            ClusterId = clusterId, Year = input.Year, HeldOn = input.HeldOn,
            Title = string.IsNullOrWhiteSpace(input.Title) ? $"Strategy review {input.Year}" : input.Title.Trim(),
        };
        db.StrategyReviews.Add(review);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (UniqueViolation.Is(e)) { return (ReviewChange.AlreadyExists, null); } // a second opener lost the race
        return (ReviewChange.Done, review);
    }

    public async Task<ReviewView?> ViewAsync(ClusterDb db, int clusterId, int year, CancellationToken ct)
    {
        var review = await db.StrategyReviews.AsNoTracking().Include(r => r.Indicators).Include(r => r.Results)
            .SingleOrDefaultAsync(r => r.ClusterId == clusterId && r.Year == year, ct);
        if (review is null) return null;
        var live = review.State == ReviewState.Open;
        // Live readings carry their definitions; a snapshot needs today's catalogue for the names.
        IReadOnlyList<IndicatorReading> readings;
        IReadOnlyDictionary<string, IndicatorDefinition> definitions;
        if (live)
        {
            readings = await registry.ComputeAsync(db, clusterId, year, ct);
            definitions = readings.ToDictionary(r => r.Definition.Key, r => r.Definition);
        }
        else
        {
            definitions = (await registry.DefinitionsAsync(db, clusterId, ct)).ToDictionary(d => d.Key);
            readings = Snapshot(review, definitions);
        }
        var objectives = await StandingsAsync(db, clusterId, year, readings, definitions, live ? null : review.Results, ct);
        return new ReviewView(review, live, objectives, readings);
    }

    /// <summary>The decisions taken (free text), while the review is open.</summary>
    public static async Task<ReviewChange> RecordDecisionsAsync(ClusterDb db, int clusterId, int year, string decisions, CancellationToken ct)
    {
        if (decisions.Length > StrategyLimits.Decisions) return ReviewChange.Invalid;
        var review = await db.StrategyReviews.SingleOrDefaultAsync(r => r.ClusterId == clusterId && r.Year == year, ct);
        if (review is null) return ReviewChange.NotFound;
        if (review.State == ReviewState.Closed) return ReviewChange.Closed;
        review.Decisions = decisions;
        return await SaveAsync(db, ct);
    }

    /// <summary>A new target an open review sets for one of the cluster's objectives (a later year, usually).</summary>
    public static async Task<ReviewChange> SetTargetAsync(ClusterDb db, int clusterId, int year, int objectiveId, int targetYear, double value, CancellationToken ct)
    {
        if (Years.Validate(targetYear) is not null || !double.IsFinite(value)) return ReviewChange.Invalid;
        var review = await db.StrategyReviews.SingleOrDefaultAsync(r => r.ClusterId == clusterId && r.Year == year, ct);
        var objective = await db.Objectives.Include(o => o.Targets).SingleOrDefaultAsync(o => o.ClusterId == clusterId && o.Id == objectiveId, ct);
        if (review is null || objective is null) return ReviewChange.NotFound;
        if (review.State == ReviewState.Closed) return ReviewChange.Closed;
        var target = objective.Targets.SingleOrDefault(t => t.Year == targetYear);
        if (target?.SetInReviewId is { } owner && owner != review.Id
            && await db.StrategyReviews.AnyAsync(r => r.Id == owner && r.State == ReviewState.Closed, ct))
            return ReviewChange.Closed; // the target belongs to a closed review's record
        if (target is null) objective.Targets.Add(target = new ObjectiveTarget { Year = targetYear });
        target.Value = value;
        target.SetInReviewId = review.Id;
        db.ChangeReason = $"target set in review {year}";
        return await SaveAsync(db, ct);
    }

    /// <summary>
    /// Closes the review: every indicator's value and every objective's result are written as they are now, in the
    /// same transaction as the closing. Of two people closing at once, one closes and the other is told it is closed.
    /// </summary>
    public async Task<ReviewChange> CloseAsync(ClusterDb db, int clusterId, int year, string closedBy, CancellationToken ct)
    {
        var review = await db.StrategyReviews.SingleOrDefaultAsync(r => r.ClusterId == clusterId && r.Year == year, ct);
        if (review is null) return ReviewChange.NotFound;
        if (review.State == ReviewState.Closed) return ReviewChange.Closed;
        var readings = await registry.ComputeAsync(db, clusterId, year, ct);
        foreach (var r in readings)
            review.Indicators.Add(new ReviewIndicator
            {
                Key = r.Definition.Key, Value = r.Value, Inputs = JsonSerializer.Serialize(r.Inputs, Json),
                Evidence = r.Evidence is null ? null : JsonSerializer.Serialize(r.Evidence, Json),
            });
        var definitions = readings.ToDictionary(r => r.Definition.Key, r => r.Definition);
        foreach (var s in await StandingsAsync(db, clusterId, year, readings, definitions, null, ct))
            review.Results.Add(new ReviewResult { ObjectiveId = s.ObjectiveId, IndicatorKey = s.Indicator.Key, Target = s.Target, Actual = s.Actual, Outcome = s.Outcome });
        review.State = ReviewState.Closed;
        review.ClosedAt = clock.GetUtcNow().UtcDateTime;
        review.ClosedBy = closedBy.Length > 256 ? closedBy[..256] : closedBy;
        db.ChangeReason = $"review {year} closed";
        try
        {
            await db.SaveChangesAsync(ct);
            return ReviewChange.Done;
        }
        // The other closer won: on SQLite its version check fails us; on PostgreSQL our snapshot rows wait on its
        // unique index and then collide with it. Either way nothing of ours was written.
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e))
        {
            return ReviewChange.Closed;
        }
    }

    private static async Task<ReviewChange> SaveAsync(ClusterDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return ReviewChange.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            return ReviewChange.Conflict;
        }
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The values as the review recorded them; an indicator no longer defined keeps its key, as a count.</summary>
    private static IReadOnlyList<IndicatorReading> Snapshot(StrategyReview review, IReadOnlyDictionary<string, IndicatorDefinition> definitions) =>
        [.. review.Indicators.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => new IndicatorReading(
            Definition(definitions, i.Key), review.Year, i.Value,
            JsonSerializer.Deserialize<List<IndicatorInput>>(i.Inputs, Json) ?? [],
            i.Evidence is null ? null : JsonSerializer.Deserialize<IndicatorEvidence>(i.Evidence, Json)))];

    private static IndicatorDefinition Definition(IReadOnlyDictionary<string, IndicatorDefinition> definitions, string key) =>
        definitions.GetValueOrDefault(key) ?? new IndicatorDefinition(key, IndicatorUnit.Count, IndicatorDirection.HigherIsBetter);

    /// <summary>Every objective against its target for the year; the years series takes actual values from the closed reviews.</summary>
    private static async Task<List<ObjectiveStanding>> StandingsAsync(ClusterDb db, int clusterId, int year, IReadOnlyList<IndicatorReading> readings,
        IReadOnlyDictionary<string, IndicatorDefinition> definitions, List<ReviewResult>? closedResults, CancellationToken ct)
    {
        var objectives = await db.Objectives.AsNoTracking().Include(o => o.Targets).Where(o => o.ClusterId == clusterId).OrderBy(o => o.Id).ToListAsync(ct);
        var areas = await db.StrategicAreas.AsNoTracking().Where(a => a.ClusterId == clusterId).ToDictionaryAsync(a => a.Id, a => a.Code, ct);
        var past = await (from x in db.Set<ReviewResult>().AsNoTracking()
                          join r in db.StrategyReviews on x.ReviewId equals r.Id
                          where r.ClusterId == clusterId && r.State == ReviewState.Closed
                          select new { r.Year, x.ObjectiveId, x.Actual }).ToListAsync(ct);
        var byKey = readings.ToDictionary(r => r.Definition.Key);
        var standings = new List<ObjectiveStanding>();
        foreach (var o in objectives)
        {
            var definition = Definition(definitions, o.IndicatorKey);
            var target = o.Targets.FirstOrDefault(t => t.Year == year)?.Value;
            var actual = byKey.GetValueOrDefault(o.IndicatorKey)?.Value;
            var outcome = TargetOutcomes.Assess(definition.Direction, target, actual, o.Tolerance);
            if (closedResults?.FirstOrDefault(r => r.ObjectiveId == o.Id) is { } kept)
                (target, actual, outcome) = (kept.Target, kept.Actual, kept.Outcome); // a closed review shows what it recorded
            var actuals = past.Where(p => p.ObjectiveId == o.Id).ToDictionary(p => p.Year, p => p.Actual);
            actuals[year] = actual;
            var years = o.Targets.Select(t => t.Year).Concat(actuals.Keys).Distinct().Order()
                .Select(y => new ObjectiveYear(y, o.Targets.FirstOrDefault(t => t.Year == y)?.Value, actuals.GetValueOrDefault(y))).ToList();
            standings.Add(new ObjectiveStanding(o.Id, o.Title, o.StrategicAreaId is { } a ? areas.GetValueOrDefault(a) : null, definition,
                o.Baseline, o.BaselineYear, o.Tolerance, target, actual, outcome, years));
        }
        return standings;
    }
}
