using ClusterHub.History;

namespace ClusterHub.Strategy;

/// <summary>The cluster's vision: one statement per cluster, revised at the yearly review.</summary>
public sealed class ClusterStrategy : IVersioned
{
    public int ClusterId { get; set; }
    public string Vision { get; set; } = "";
    public int Version { get; set; }
}

public enum RoadmapAxis { Research, Workforce, Attractiveness, Promotion, Funding }

public enum ActionStatus { Planned, InProgress, Done, Cancelled }

/// <summary>An action of the roadmap: on one axis, owned by someone, with dates, status and progress.</summary>
public sealed class RoadmapAction : IVersioned
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public RoadmapAxis Axis { get; set; }
    public string Title { get; set; } = "";
    public string? Owner { get; set; }
    public int? StrategicAreaId { get; set; }
    public DateOnly? StartOn { get; set; }
    public DateOnly? DueOn { get; set; }
    public ActionStatus Status { get; set; }

    /// <summary>0–100 %.</summary>
    public int Progress { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// An objective measured by a registry indicator: its baseline and a target per year. A value within
/// <see cref="Tolerance"/> (a share of the target) short of it is "near".
/// </summary>
public sealed class Objective : IVersioned
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public string Title { get; set; } = "";
    public int? StrategicAreaId { get; set; }
    public string IndicatorKey { get; set; } = "";
    public int? BaselineYear { get; set; }
    public double? Baseline { get; set; }
    public double Tolerance { get; set; } = 0.1;
    public int Version { get; set; }
    public List<ObjectiveTarget> Targets { get; set; } = [];
}

/// <summary>An objective's target for one year; set when the objective is made or by a review (which then owns it).</summary>
public sealed class ObjectiveTarget : IHistoryPart
{
    public int Id { get; set; }
    public int ObjectiveId { get; set; }
    public int Year { get; set; }
    public double Value { get; set; }

    /// <summary>The review that set it: once that review is closed the target is part of its record and cannot change.</summary>
    public int? SetInReviewId { get; set; }

    string IHistoryPart.SubjectType => nameof(Objective);
    int IHistoryPart.SubjectId => ObjectiveId;
}
