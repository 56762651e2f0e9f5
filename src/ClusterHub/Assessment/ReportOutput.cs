using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClusterHub.Indicators;
using ClusterHub.Web;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Assessment;

public enum ReportFormat { Json, Html, Pdf }

public sealed record EvidenceDto(bool Present, double? Value, IndicatorUnit? Unit, MissingReason? Missing, string? Definition, IReadOnlyList<IndicatorInput> Inputs,
    string? Text, string? Author, DateTime? At, int? Respondents, double? StdDev);
public sealed record IndicatorDto(string Key, string Name, double Weight, EvidenceSource Source, string? SourceKey, double? Score, EvidenceDto Evidence);
public sealed record FactorDto(string Key, string Name, double Weight, double? Score, double Coverage, IReadOnlyList<IndicatorDto> Indicators);
public sealed record DimensionDto(string Key, string Name, double Weight, double? Score, double Coverage, IReadOnlyList<FactorDto> Factors);
public sealed record LifeCycleDto(LifeCycleStage Stage, string Name, IReadOnlyList<StageCheck> Checks);
public sealed record FindingEvidenceDto(string Label, double? Value, string? Text);
public sealed record FindingDto(string Key, FindingState State, string Title, string? Statement, IReadOnlyList<FindingEvidenceDto> Evidence);

/// <summary>The report as the API and the CLI's JSON give it: every factor with its score, evidence and source, the stage and the findings, in one language.</summary>
public sealed record ReportDto(string Cluster, int Year, string Instrument, int InstrumentVersion, string InstrumentName, double? Score, double Coverage, string? Level,
    RecordState? State, DateTime? SavedAt, string? SavedBy, LifeCycleDto LifeCycle, IReadOnlyList<DimensionDto> Dimensions, IReadOnlyList<FindingDto> Findings)
{
    public static ReportDto From(AssessmentReport r, IStringLocalizer l)
    {
        var c = CultureInfo.CurrentUICulture;
        return new(r.Cluster, r.Year, r.InstrumentKey, r.InstrumentVersion, r.InstrumentName.In(c), r.Result.Score, r.Result.Coverage, r.Result.Level?.Name.In(c),
            r.State, r.SavedAt, r.SavedBy, new LifeCycleDto(r.LifeCycle.Stage, l[$"LifeCycleStage.{r.LifeCycle.Stage}"].Value, r.LifeCycle.Checks),
            [.. r.Result.Dimensions.Select(d => new DimensionDto(d.Spec.Key, d.Spec.Name.In(c), d.Spec.Weight, d.Score, d.Coverage,
                [.. d.Factors.Select(f => new FactorDto(f.Spec.Key, f.Spec.Name.In(c), f.Spec.Weight, f.Score, f.Coverage,
                    [.. f.Indicators.Select(i => new IndicatorDto(i.Spec.Key, i.Spec.Name.In(c), i.Spec.Weight, i.Spec.Source, i.Spec.SourceKey, i.Score,
                        new EvidenceDto(i.Evidence.Present, i.Evidence.Value, i.Evidence.Unit, i.Evidence.Missing, i.Evidence.DefinitionKey is { } k ? l[k].Value : null,
                            i.Evidence.Inputs, i.Evidence.Text, i.Evidence.Author, i.Evidence.At, i.Evidence.Respondents, i.Evidence.StdDev)))]))]))],
            [.. r.Findings.Select(f => new FindingDto(f.Key, f.State, l[$"Assessment.Finding.{f.Key}.Title"].Value,
                f.State == FindingState.Stated
                    ? string.Format(CultureInfo.CurrentCulture, l[$"Assessment.Finding.{f.Key}"].Value, [.. f.Evidence.Take(f.Arguments).Select(e => (object?)(e.Text ?? ReportHtml.Value(e.Value, e.Unit)))])
                    : null,
                [.. f.Evidence.Select(e => new FindingEvidenceDto(l[e.LabelKey].Value, e.Value, e.Text))]))]);
    }
}

/// <summary>The one way the API and the CLI turn a report into json, html or pdf in a given language.</summary>
public static class ReportOutput
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() }, WriteIndented = true };

    public static ReportFormat? ParseFormat(string? format) => (format ?? "json").ToLowerInvariant() switch
    {
        "json" => ReportFormat.Json,
        "html" => ReportFormat.Html,
        "pdf" => ReportFormat.Pdf,
        _ => null,
    };

    /// <summary>One of the product's languages (en, fr, ko); null for any other.</summary>
    public static CultureInfo? ParseCulture(string? name) => ClusterHubApp.Cultures.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    public static string ContentType(ReportFormat format) => format switch
    {
        ReportFormat.Html => "text/html; charset=utf-8",
        ReportFormat.Pdf => "application/pdf",
        _ => "application/json; charset=utf-8",
    };

    public static string Extension(ReportFormat format) => format.ToString().ToLowerInvariant();

    public static async Task<byte[]> RenderAsync(AssessmentReport report, ReportFormat format, CultureInfo culture, IStringLocalizer l, ReportPdf pdf, CancellationToken ct)
    {
        string html;
        using (new CultureScope(culture))
        {
            if (format == ReportFormat.Json) return JsonSerializer.SerializeToUtf8Bytes(ReportDto.From(report, l), Json);
            html = ReportHtml.Document(report, l);
        }
        return format == ReportFormat.Html ? Encoding.UTF8.GetBytes(html) : await pdf.PrintAsync(html, ct);
    }
}
