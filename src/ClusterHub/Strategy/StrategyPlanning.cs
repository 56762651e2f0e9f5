using ClusterHub.Data;
using ClusterHub.Indicators;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Strategy;

public sealed record TargetInput(int Year, double Value);
public sealed record ObjectiveInput(string Title, string IndicatorKey, string? AreaCode, int? BaselineYear, double? Baseline, double? Tolerance, List<TargetInput>? Targets);
public sealed record ActionInput(RoadmapAxis Axis, string Title, string? Owner, string? AreaCode, DateOnly? StartOn, DateOnly? DueOn, ActionStatus Status, int Progress);

/// <summary>The strategy's plan: vision, objectives and roadmap actions. One validator per input, for the API, the pages and the demo.</summary>
public sealed class StrategyPlanning(IndicatorRegistry registry)
{
    /// <summary>An objective's input against the cluster's indicators (the registered ones and its manual ones).</summary>
    public static List<FieldError> Validate(ObjectiveInput o, IReadOnlyList<IndicatorDefinition> indicators)
    {
        var errors = new List<FieldError>();
        Text(errors, "title", o.Title, StrategyLimits.Name, required: true);
        if (!indicators.Any(d => d.Key == o.IndicatorKey)) errors.Add(new("indicatorKey", o.IndicatorKey, "is not a registered indicator"));
        if (o.BaselineYear is { } y && Years.Validate(y, "baselineYear") is { } e) errors.Add(e);
        if (o.Baseline is { } b && !double.IsFinite(b)) errors.Add(new("baseline", null, "must be a number"));
        if (o.Tolerance is { } t && (!double.IsFinite(t) || t is < 0 or > 1)) errors.Add(new("tolerance", t.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be between 0 and 1"));
        foreach (var target in o.Targets ?? [])
        {
            if (Years.Validate(target.Year, "targets.year") is { } ye) errors.Add(ye);
            if (!double.IsFinite(target.Value)) errors.Add(new("targets.value", null, "must be a number"));
        }
        if ((o.Targets ?? []).GroupBy(t => t.Year).Any(g => g.Count() > 1)) errors.Add(new("targets", null, "has two targets for one year"));
        return errors;
    }

    public static List<FieldError> Validate(ActionInput a)
    {
        var errors = new List<FieldError>();
        Text(errors, "title", a.Title, StrategyLimits.Name, required: true);
        Text(errors, "owner", a.Owner, StrategyLimits.Name, required: false);
        if (a.Progress is < 0 or > 100) errors.Add(new("progress", a.Progress.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be between 0 and 100"));
        if (a.StartOn is { } s && a.DueOn is { } d && d < s) errors.Add(new("dueOn", d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "must not be before the start"));
        return errors;
    }

    private static void Text(List<FieldError> errors, string field, string? value, int max, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value)) errors.Add(new(field, value, "is required"));
        else if (value is { Length: var n } && n > max) errors.Add(new(field, null, $"must be at most {max} characters"));
    }

    /// <summary>The id of the cluster's strategic area with that code; a missing code is no area, an unknown one an error.</summary>
    private static async Task<(int? Id, FieldError? Error)> AreaAsync(ClusterDb db, int clusterId, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return (null, null);
        var id = await db.StrategicAreas.Where(a => a.ClusterId == clusterId && a.Code == code.Trim()).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);
        return id is null ? (null, new FieldError("areaCode", code, "is not a strategic area of the cluster")) : (id, null);
    }

    public async Task<(Objective? Objective, List<FieldError> Errors)> AddObjectiveAsync(ClusterDb db, int clusterId, ObjectiveInput input, CancellationToken ct)
    {
        var errors = Validate(input, await registry.DefinitionsAsync(db, clusterId, ct));
        var (area, areaError) = await AreaAsync(db, clusterId, input.AreaCode, ct);
        if (areaError is not null) errors.Add(areaError);
        if (errors.Count > 0) return (null, errors);
        var objective = new Objective
        {
            ClusterId = clusterId, Title = input.Title.Trim(), IndicatorKey = input.IndicatorKey, StrategicAreaId = area,
            BaselineYear = input.BaselineYear, Baseline = input.Baseline, Tolerance = input.Tolerance ?? 0.1,
            Targets = [.. (input.Targets ?? []).Select(t => new ObjectiveTarget { Year = t.Year, Value = t.Value })],
        };
        db.Objectives.Add(objective);
        await db.SaveChangesAsync(ct);
        return (objective, errors);
    }

    public static async Task<(RoadmapAction? Action, List<FieldError> Errors)> SaveActionAsync(ClusterDb db, int clusterId, int? id, ActionInput input, CancellationToken ct)
    {
        var errors = Validate(input);
        var (area, areaError) = await AreaAsync(db, clusterId, input.AreaCode, ct);
        if (areaError is not null) errors.Add(areaError);
        if (errors.Count > 0) return (null, errors);
        var action = id is null ? new RoadmapAction { ClusterId = clusterId } : await db.RoadmapActions.SingleOrDefaultAsync(a => a.ClusterId == clusterId && a.Id == id, ct);
        if (action is null) return (null, errors);
        (action.Axis, action.Title, action.Owner, action.StrategicAreaId, action.StartOn, action.DueOn, action.Status, action.Progress) =
            (input.Axis, input.Title.Trim(), input.Owner?.Trim(), area, input.StartOn, input.DueOn, input.Status, input.Progress);
        if (id is null) db.RoadmapActions.Add(action);
        await db.SaveChangesAsync(ct);
        return (action, errors);
    }

    public static async Task<List<FieldError>> SetVisionAsync(ClusterDb db, int clusterId, string vision, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        Text(errors, "vision", vision, StrategyLimits.Description, required: false);
        if (errors.Count > 0) return errors;
        var strategy = await db.Strategies.SingleOrDefaultAsync(s => s.ClusterId == clusterId, ct);
        if (strategy is null) db.Strategies.Add(strategy = new ClusterStrategy { ClusterId = clusterId });
        strategy.Vision = vision.Trim();
        await db.SaveChangesAsync(ct);
        return errors;
    }
}
