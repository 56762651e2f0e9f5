using ClusterHub.Data;

namespace ClusterHub.Indicators;

/// <summary>An indicator's definition with its value for one cluster and year (and, for a manual one, its evidence).</summary>
public sealed record IndicatorReading(IndicatorDefinition Definition, int Year, double? Value, IReadOnlyList<IndicatorInput> Inputs,
    IndicatorEvidence? Evidence = null);

/// <summary>
/// Every indicator the features register, computed on demand for one cluster and year, and the cluster's own manual
/// indicators beside them. Sources run one after the other: they share the request's DbContext, which allows one
/// query at a time.
/// </summary>
public sealed class IndicatorRegistry(IEnumerable<IIndicatorSource> sources)
{
    private readonly IIndicatorSource[] sources = [.. sources];

    /// <summary>The computed indicators, the same for every cluster.</summary>
    public IReadOnlyList<IndicatorDefinition> Definitions { get; } =
        [.. sources.SelectMany(s => s.Definitions).OrderBy(d => d.Key, StringComparer.Ordinal)];

    public IndicatorDefinition? Find(string key) => Definitions.FirstOrDefault(d => d.Key == key);

    /// <summary>The computed indicators and the cluster's manual ones, by key.</summary>
    public async Task<IReadOnlyList<IndicatorDefinition>> DefinitionsAsync(ClusterDb db, int clusterId, CancellationToken ct) =>
        [.. Definitions.Concat((await ManualIndicators.ListAsync(db, clusterId, ct)).Select(m => m.ToDefinition())).OrderBy(d => d.Key, StringComparer.Ordinal)];

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
        foreach (var (definition, value) in await ManualIndicators.ReadAsync(db, clusterId, year, ct))
            readings.Add(new IndicatorReading(definition, year, value.Value, value.Inputs, value.Evidence));
        return [.. readings.OrderBy(r => r.Definition.Key, StringComparer.Ordinal)];
    }
}
