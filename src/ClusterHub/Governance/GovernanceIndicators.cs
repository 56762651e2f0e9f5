using ClusterHub.Data;
using ClusterHub.Indicators;

namespace ClusterHub.Governance;

/// <summary>
/// The governance network's indicators for the registry, per cluster-year, on the network as of that year (every tie
/// type): its size, the hub's position (the hub is the cluster's own actor, level "cluster") and the tie-strength
/// distribution. The hub's figures are missing without a hub; the shares without ties.
/// </summary>
public sealed class GovernanceIndicators : IIndicatorSource
{
    public const string Actors = "governance.actors", Ties = "governance.ties", HubDegree = "governance.hub_degree",
        HubBetweenness = "governance.hub_betweenness", HubConstraint = "governance.hub_constraint", HubEffectiveSize = "governance.hub_effective_size",
        HubLevelsBridged = "governance.hub_levels_bridged", HubSoleCoordinator = "governance.hub_sole_coordinator",
        WeakTieShare = "governance.weak_tie_share", MediumTieShare = "governance.medium_tie_share", StrongTieShare = "governance.strong_tie_share",
        HubRedundancy = "governance.hub_redundancy";

    public IEnumerable<IndicatorDefinition> Definitions =>
    [
        new(Actors, IndicatorUnit.Count, IndicatorDirection.HigherIsBetter),
        new(Ties, IndicatorUnit.Count, IndicatorDirection.HigherIsBetter),
        new(HubDegree, IndicatorUnit.Count, IndicatorDirection.HigherIsBetter),
        new(HubBetweenness, IndicatorUnit.Ratio, IndicatorDirection.HigherIsBetter),
        new(HubConstraint, IndicatorUnit.Ratio, IndicatorDirection.LowerIsBetter),
        new(HubEffectiveSize, IndicatorUnit.Ratio, IndicatorDirection.HigherIsBetter),
        new(HubLevelsBridged, IndicatorUnit.Count, IndicatorDirection.HigherIsBetter),
        new(HubSoleCoordinator, IndicatorUnit.Count, IndicatorDirection.HigherIsBetter),
        new(WeakTieShare, IndicatorUnit.Share, IndicatorDirection.HigherIsBetter),
        new(MediumTieShare, IndicatorUnit.Share, IndicatorDirection.HigherIsBetter),
        new(StrongTieShare, IndicatorUnit.Share, IndicatorDirection.HigherIsBetter),
        new(HubRedundancy, IndicatorUnit.Ratio, IndicatorDirection.LowerIsBetter),
    ];

    public async Task<IReadOnlyList<IndicatorValue>> ComputeAsync(ClusterDb db, int clusterId, int year, CancellationToken ct)
    {
        var analysis = GovernanceMeasures.Analyse(await GovernanceGraph.LoadAsync(db, clusterId, year, null, ct));
        var s = analysis.Strengths;
        IReadOnlyList<IndicatorInput> size = [new("actors", analysis.Network.Actors.Count), new("ties", s.Ties)];
        IReadOnlyList<IndicatorInput> strengths = [new("ties", s.Ties), new("weak", s.Weak), new("medium", s.Medium), new("strong", s.Strong)];
        var hub = analysis.Hub;
        IReadOnlyList<IndicatorInput> hubInputs = hub is null ? [] : [new("degree", hub.Hub.Degree), new("actors", analysis.Network.Actors.Count)];
        double? Hub(Func<HubPosition, double?> f) => hub is null ? null : f(hub);
        return
        [
            new(Actors, analysis.Network.Actors.Count, size),
            new(Ties, s.Ties, size),
            new(HubDegree, Hub(h => h.Hub.Degree), hubInputs),
            new(HubBetweenness, Hub(h => h.Hub.Betweenness), hubInputs),
            new(HubConstraint, Hub(h => h.Hub.Constraint), hubInputs),
            new(HubEffectiveSize, Hub(h => h.Hub.EffectiveSize), hubInputs),
            new(HubLevelsBridged, Hub(h => h.LevelsBridged.Count), hubInputs),
            new(HubSoleCoordinator, Hub(h => h.SoleCoordinator.Count), hubInputs),
            new(WeakTieShare, s.WeakShare, strengths),
            new(MediumTieShare, s.MediumShare, strengths),
            new(StrongTieShare, s.StrongShare, strengths),
            new(HubRedundancy, Hub(h => h.Hub.Redundancy), hubInputs),
        ];
    }
}
