using System.Globalization;
using ClusterHub.Exchange;
using ClusterHub.Outbox;

namespace ClusterHub.Indicators;

/// <summary>An indicator's reading as exported and served: its texts in one language, its value and how it was computed.</summary>
public sealed record IndicatorRow(string Key, string Name, int Year, double? Value, IndicatorUnit Unit, IndicatorDirection Direction, string Definition,
    IReadOnlyList<IndicatorInputRow> Inputs, bool Manual, IndicatorEvidence? Evidence)
{
    public static IndicatorRow From(IndicatorReading r, CultureInfo culture) =>
        new(r.Definition.Key, r.Definition.NameIn(k => MailTexts.Text(culture, k)), r.Year, r.Value, r.Definition.Unit, r.Definition.Direction,
            r.Definition.DefinitionIn(k => MailTexts.Text(culture, k)),
            [.. r.Inputs.Select(i => new IndicatorInputRow(i.Key, MailTexts.Text(culture, $"Indicator.Input.{i.Key}"), i.Value))],
            r.Definition.IsManual, r.Evidence);
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
        new("evidence", r => r.Evidence?.Text),
        new("evidence_author", r => r.Evidence?.Author),
    ], r => new
    {
        key = r.Key, name = r.Name, year = r.Year, value = r.Value, unit = r.Unit.ToString(), direction = r.Direction.ToString(), definition = r.Definition,
        inputs = r.Inputs.Select(i => new { key = i.Key, label = i.Label, value = i.Value }), manual = r.Manual,
        evidence = r.Evidence is { } e ? new { text = e.Text, author = e.Author, recordedAt = e.RecordedAt } : null,
    });
}
