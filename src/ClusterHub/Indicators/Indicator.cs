using ClusterHub.Data;

namespace ClusterHub.Indicators;

public enum IndicatorUnit { Count, Share, Euros, Ratio, Days, Years }

public enum IndicatorDirection { HigherIsBetter, LowerIsBetter }

/// <summary>
/// What an indicator is. A computed indicator's name and definition in words are resources (<c>Indicator.{Key}</c>,
/// <c>Indicator.{Key}.Definition</c>) in the three languages; a cluster's manual indicator (<see cref="ManualIndicator"/>)
/// carries the texts its secretariat wrote in <see cref="Name"/> and <see cref="Description"/>.
/// <see cref="IndicatorUnit.Share"/> values are 0–1.
/// </summary>
public sealed record IndicatorDefinition(string Key, IndicatorUnit Unit, IndicatorDirection Direction)
{
    public string NameKey => $"Indicator.{Key}";
    public string DefinitionKey => $"Indicator.{Key}.Definition";

    /// <summary>A manual indicator's name as its cluster wrote it; null for a computed one (its name is a resource).</summary>
    public string? Name { get; init; }

    /// <summary>A manual indicator's definition as its cluster wrote it; null for a computed one.</summary>
    public string? Description { get; init; }

    public bool IsManual => Name is not null;

    /// <summary>The name to show: the cluster's own text, or the resource looked up by <paramref name="resource"/>.</summary>
    public string NameIn(Func<string, string> resource) => Name ?? resource(NameKey);

    public string DefinitionIn(Func<string, string> resource) => Description ?? resource(DefinitionKey);
}

/// <summary>Who entered a manual value, when, and the written evidence for it.</summary>
public sealed record IndicatorEvidence(string Text, string Author, DateTimeOffset RecordedAt);

/// <summary>One count a value was computed from, labelled by the resource <c>Indicator.Input.{Key}</c>.</summary>
public sealed record IndicatorInput(string Key, double Value);

/// <summary>An indicator's value for one cluster and year; <c>null</c> when it cannot be computed (missing, never zero).</summary>
public sealed record IndicatorValue(string Key, double? Value, IReadOnlyList<IndicatorInput> Inputs)
{
    /// <summary>For a manual value: its evidence and author (a computed value shows its inputs instead).</summary>
    public IndicatorEvidence? Evidence { get; init; }

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
