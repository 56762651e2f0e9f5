using ClusterHub.Data;
using ClusterHub.Indicators;
using static ClusterHub.Indicators.IndicatorDirection;
using static ClusterHub.Indicators.IndicatorUnit;

namespace ClusterHub.Mapping;

/// <summary>
/// Where the cluster's own industries stand in its home regions (<see cref="MappingFigures.HomeAsync"/>): the location
/// quotient of its first definition, taken whole, over its home regions together; their employment in it; the best
/// European Cluster Observatory star count among them. From the cluster's latest dataset, its latest year at most the
/// indicator's; missing without a dataset, a definition, or a region of the dataset in a home region.
/// </summary>
public sealed class MappingIndicators(MappingTables tables) : IIndicatorSource
{
    public const string HomeLq = "mapping.home_lq", HomeEmployment = "mapping.home_employment", HomeStars = "mapping.home_stars";

    public IEnumerable<IndicatorDefinition> Definitions => [new(HomeLq, Ratio, HigherIsBetter), new(HomeEmployment, Count, HigherIsBetter), new(HomeStars, Count, HigherIsBetter)];

    public async Task<IReadOnlyList<IndicatorValue>> ComputeAsync(ClusterDb db, int clusterId, int year, CancellationToken ct)
    {
        var home = await MappingFigures.HomeAsync(db, tables, clusterId, year, ct);
        if (home is null)
            return [IndicatorValue.Missing(HomeLq, new IndicatorInput("datasets", 0)), IndicatorValue.Missing(HomeEmployment, new IndicatorInput("datasets", 0)),
                    IndicatorValue.Missing(HomeStars, new IndicatorInput("datasets", 0))];
        IndicatorInput[] inputs = [new("data_year", home.Year), new("home_regions_matched", home.Regions)];
        return
        [
            new(HomeLq, home.Lq, [.. inputs, new("home_employment", home.Employment ?? 0)]),
            new(HomeEmployment, home.Employment, inputs),
            new(HomeStars, home.Stars, inputs),
        ];
    }
}
