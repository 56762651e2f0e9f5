using ClusterHub.Data;

namespace ClusterHub.Indicators;

/// <summary>An indicator's definition with its value for one cluster and year.</summary>
public sealed record IndicatorReading(IndicatorDefinition Definition, int Year, double? Value, IReadOnlyList<IndicatorInput> Inputs);

/// <summary>
/// Every indicator the features register, computed on demand for one cluster and year. Sources run one after
/// the other: they share the request's DbContext, which allows one query at a time.
/// </summary>
public sealed class IndicatorRegistry(IEnumerable<IIndicatorSource> sources)
{
    private readonly IIndicatorSource[] sources = [.. sources];

    public IReadOnlyList<IndicatorDefinition> Definitions { get; } =
        [.. sources.SelectMany(s => s.Definitions).OrderBy(d => d.Key, StringComparer.Ordinal)];

    public IndicatorDefinition? Find(string key) => Definitions.FirstOrDefault(d => d.Key == key);

    public async Task<IReadOnlyList<IndicatorReading>> ComputeAsync(ClusterDb db, int clusterId, int year, CancellationToken ct)
    {
        var readings = new List<IndicatorReading>();
        foreach (var source in sources)
        {
            var values = (await source.ComputeAsync(db, clusterId, year, ct)).ToDictionary(v => v.Key);
            foreach (var definition in source.Definitions)
            {
                // A source that forgets a definition yields a missing value, not a silent zero.
                var value = values.GetValueOrDefault(definition.Key) ?? IndicatorValue.Missing(definition.Key);
                readings.Add(new IndicatorReading(definition, year, value.Value, value.Inputs));
            }
        }
        return [.. readings.OrderBy(r => r.Definition.Key, StringComparer.Ordinal)];
    }
}
