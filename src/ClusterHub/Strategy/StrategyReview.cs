using ClusterHub.History;
using ClusterHub.Indicators;

namespace ClusterHub.Strategy;

public enum ReviewState { Open, Closed }

/// <summary>How an objective's actual value stands against its target.</summary>
public enum TargetOutcome { Met, Near, Missed, Missing, NoTarget }

/// <summary>
/// The yearly strategy review (Nuclear Valley's August seminar): while open it reads the indicators live; closing it
/// snapshots every indicator and every objective's result, and from then on nothing in it can change.
/// </summary>
public sealed class StrategyReview : IVersioned
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public int Year { get; set; }
    public DateOnly HeldOn { get; set; }
    public string Title { get; set; } = "";
    public string Decisions { get; set; } = "";
    public ReviewState State { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    public int Version { get; set; }
    public List<ReviewIndicator> Indicators { get; set; } = [];
    public List<ReviewResult> Results { get; set; } = [];
}

/// <summary>An indicator's value as it was when its review closed, with the counts it was computed from.</summary>
public sealed class ReviewIndicator : IHistoryPart
{
    public int Id { get; set; }
    public int ReviewId { get; set; }
    public string Key { get; set; } = "";
    public double? Value { get; set; }

    /// <summary>The inputs as JSON ([{"key":…,"value":…}]): read back only to show them.</summary>
    public string Inputs { get; set; } = "[]";

    /// <summary>A manual value's evidence as JSON ({"text":…,"author":…,"recordedAt":…}); null for a computed one.</summary>
    public string? Evidence { get; set; }

    string IHistoryPart.SubjectType => nameof(StrategyReview);
    int IHistoryPart.SubjectId => ReviewId;
}

/// <summary>An objective's target and actual value for the review's year, as it was when the review closed.</summary>
public sealed class ReviewResult : IHistoryPart
{
    public int Id { get; set; }
    public int ReviewId { get; set; }
    public int ObjectiveId { get; set; }
    public string IndicatorKey { get; set; } = "";
    public double? Target { get; set; }
    public double? Actual { get; set; }
    public TargetOutcome Outcome { get; set; }

    string IHistoryPart.SubjectType => nameof(StrategyReview);
    int IHistoryPart.SubjectId => ReviewId;
}

public static class TargetOutcomes
{
    /// <summary>
    /// Met when the actual value reaches the target in the indicator's direction; near when it falls short by no more
    /// than the tolerance (a share of the target's size); missed otherwise; missing when there is no actual value.
    /// </summary>
    public static TargetOutcome Assess(IndicatorDirection direction, double? target, double? actual, double tolerance)
    {
        if (target is not { } t) return TargetOutcome.NoTarget;
        if (actual is not { } a) return TargetOutcome.Missing;
        var shortfall = direction == IndicatorDirection.HigherIsBetter ? t - a : a - t;
        if (shortfall <= 0) return TargetOutcome.Met;
        return shortfall <= Math.Abs(t) * tolerance ? TargetOutcome.Near : TargetOutcome.Missed;
    }
}
