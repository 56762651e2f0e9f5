namespace ClusterHub.Projects;

/// <summary>The funnel's stages: "worked on" (any labelling move in the year), then the states a proposal reaches.</summary>
public enum FunnelStage { WorkedOn, Submitted, Certified, Funded, Completed, OnTheMarket }

/// <summary>
/// A stage a proposal reached in a calendar year, once however many moves took it there: the funnel counts these rows
/// instead of distinct proposals among every move (20,000 proposals make 200,000 moves; the distinct counts were most
/// of the dashboard's time).
/// </summary>
/// <remarks>
/// Kept by the database itself: a trigger on <c>ProposalStateChanges</c> (migration <c>FunnelStages</c>) inserts the
/// row for each move inserted, whatever wrote it (the workflow, an import, the demo, a bulk insert), so no path can
/// forget it. A move into a labelling state counts as <see cref="FunnelStage.WorkedOn"/>; a move into Submitted,
/// Certified, Funded, Completed or OnTheMarket also as that stage.
/// </remarks>
public sealed class ProposalYearStage
{
    public int ProposalId { get; set; }
    public int Year { get; set; }
    public FunnelStage Stage { get; set; }
    public int ClusterId { get; set; }
}
