using ClusterHub.Data;
using ClusterHub.Indicators;

namespace ClusterHub.Competences;

/// <summary>
/// The competence map's indicators for the registry, as of the end of the year: <c>competences.coverage</c>, the share of
/// the strategic areas' needs (competence × area × level) that at least one member meets with a validated declaration,
/// and <c>competences.single_actor_dependences</c>, how many needs exactly one member meets. Without any need defined
/// both are missing, not zero.
/// </summary>
public sealed class CompetenceIndicators : IIndicatorSource
{
    public const string Coverage = "competences.coverage";
    public const string SingleActorDependences = "competences.single_actor_dependences";

    public IEnumerable<IndicatorDefinition> Definitions =>
    [
        new(Coverage, IndicatorUnit.Share, IndicatorDirection.HigherIsBetter),
        new(SingleActorDependences, IndicatorUnit.Count, IndicatorDirection.LowerIsBetter),
    ];

    public async Task<IReadOnlyList<IndicatorValue>> ComputeAsync(ClusterDb db, int clusterId, int year, CancellationToken ct)
    {
        var gaps = await CompetenceMap.GapsAsync(db, clusterId, new DateOnly(year, 12, 31), ct);
        IReadOnlyList<IndicatorInput> inputs = [new("needs", gaps.Needs), new("met", gaps.Met), new("single_actor", gaps.SingleActor)];
        return
        [
            new(Coverage, gaps.Needs == 0 ? null : (double)gaps.Met / gaps.Needs, inputs),
            new(SingleActorDependences, gaps.Needs == 0 ? null : gaps.SingleActor, inputs),
        ];
    }
}
