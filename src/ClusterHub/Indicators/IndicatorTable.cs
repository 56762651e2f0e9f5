using System.Globalization;
using ClusterHub.Exchange;
using ClusterHub.Outbox;

namespace ClusterHub.Indicators;

/// <summary>An indicator's reading as exported and served: its texts in one language, its value and how it was computed.</summary>
public sealed record IndicatorRow(string Key, string Name, int Year, double? Value, IndicatorUnit Unit, IndicatorDirection Direction, string Definition,
    IReadOnlyList<IndicatorInputRow> Inputs)
{
    public static IndicatorRow From(IndicatorReading r, CultureInfo culture) =>
        new(r.Definition.Key, MailTexts.Text(culture, r.Definition.NameKey), r.Year, r.Value, r.Definition.Unit, r.Definition.Direction,
            MailTexts.Text(culture, r.Definition.DefinitionKey),
            [.. r.Inputs.Select(i => new IndicatorInputRow(i.Key, MailTexts.Text(culture, $"Indicator.Input.{i.Key}"), i.Value))]);
}

public sealed record IndicatorInputRow(string Key, string Label, double Value);

public static class IndicatorTable
{
    /// <summary>One row per indicator; a missing value is an empty cell, and the inputs read "label: count; …".</summary>
    public static readonly ExportTable<IndicatorRow> Table = new("indicators",
    [
        new("key", r => r.Key),
        new("name", r => r.Name),
        new("year", r => r.Year),
        new("value", r => r.Value),
        new("unit", r => r.Unit.ToString()),
        new("direction", r => r.Direction.ToString()),
        new("definition", r => r.Definition),
        new("inputs", r => string.Join("; ", r.Inputs.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Label}: {i.Value}")))),
    ], r => r);
}
