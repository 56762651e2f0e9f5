using ClusterHub.Data;

namespace ClusterHub.Indicators;

public enum IndicatorUnit { Count, Share, Euros, Ratio, Days, Years }

public enum IndicatorDirection { HigherIsBetter, LowerIsBetter }

/// <summary>
/// What an indicator is. Its name and its definition in words are resources (<c>Indicator.{Key}</c>,
/// <c>Indicator.{Key}.Definition</c>) in the three languages; <see cref="IndicatorUnit.Share"/> values are 0–1.
/// </summary>
public sealed record IndicatorDefinition(string Key, IndicatorUnit Unit, IndicatorDirection Direction)
{
    public string NameKey => $"Indicator.{Key}";
    public string DefinitionKey => $"Indicator.{Key}.Definition";
}

/// <summary>One count a value was computed from, labelled by the resource <c>Indicator.Input.{Key}</c>.</summary>
public sealed record IndicatorInput(string Key, double Value);

/// <summary>An indicator's value for one cluster and year; <c>null</c> when it cannot be computed (missing, never zero).</summary>
public sealed record IndicatorValue(string Key, double? Value, IReadOnlyList<IndicatorInput> Inputs)
{
    public static IndicatorValue Missing(string key, params IndicatorInput[] inputs) => new(key, null, inputs);

    /// <summary>A share of two counts, missing when the whole is zero.</summary>
    public static IndicatorValue Share(string key, string partKey, double part, string wholeKey, double whole) =>
        new(key, whole == 0 ? null : part / whole, [new(partKey, part), new(wholeKey, whole)]);
}

/// <summary>
/// A feature's computed indicators. A feature registers its source in its <c>AddServices</c>
/// (<c>services.AddSingleton&lt;IIndicatorSource, X&gt;()</c>); the registry knows no feature.
/// </summary>
public interface IIndicatorSource
{
    IEnumerable<IndicatorDefinition> Definitions { get; }

    /// <summary>Every definition's value for one cluster and year, from a few queries for all of them.</summary>
    Task<IReadOnlyList<IndicatorValue>> ComputeAsync(ClusterDb db, int clusterId, int year, CancellationToken ct);
}
