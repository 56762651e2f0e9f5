using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClusterHub.History;

namespace ClusterHub.Assessment;

/// <summary>Where an indicator's evidence comes from.</summary>
public enum EvidenceSource { Registry, Survey, Judgement }

/// <summary>Texts in the three languages, inside the instrument's data ("en", "fr", "ko").</summary>
public sealed class Texts : Dictionary<string, string>
{
    public Texts() : base(StringComparer.Ordinal) { }

    /// <summary>The text in the culture's language, else English, else any.</summary>
    public string In(CultureInfo culture) =>
        TryGetValue(culture.TwoLetterISOLanguageName, out var t) && !string.IsNullOrWhiteSpace(t) ? t
        : TryGetValue("en", out var en) ? en : Values.FirstOrDefault() ?? "";
}

/// <summary>
/// One band of a scoring rule: the first band whose bounds hold the value gives its score (<c>Min</c> ≤ value &lt; <c>Max</c>,
/// an absent bound is open). Bands serve both directions: higher-is-better lists <c>min</c>s, lower-is-better <c>max</c>s.
/// </summary>
public sealed record ScoreBand(double? Min, double? Max, double Score);

/// <summary>
/// How a value becomes a score 0–100: bands, or a linear scale from <c>From</c> (0) to <c>To</c> (100), clamped
/// (a 1–5 judgement or survey mean is <c>from 1 to 5</c>). No formulas: a derived quantity is a registry indicator.
/// </summary>
public sealed record ScoringRule(IReadOnlyList<ScoreBand>? Bands, double? From, double? To);

public sealed record IndicatorSpec(string Key, Texts Name, EvidenceSource Source, string? SourceKey, double Weight, ScoringRule Scoring);
public sealed record FactorSpec(string Key, Texts Name, double Weight, IReadOnlyList<IndicatorSpec> Indicators);
public sealed record DimensionSpec(string Key, Texts Name, double Weight, IReadOnlyList<FactorSpec> Factors);

/// <summary>A level (Bronze, Silver, Gold): reached with at least this overall score and this coverage.</summary>
public sealed record LevelSpec(string Key, Texts Name, double MinScore, double MinCoverage);

/// <summary>An instrument as data: what the JSON files hold, what the API exchanges, what the scorer reads.</summary>
public sealed record InstrumentSpec(string Key, Texts Name, Texts? Description, IReadOnlyList<DimensionSpec> Dimensions, IReadOnlyList<LevelSpec>? Levels)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public IEnumerable<IndicatorSpec> Indicators => Dimensions.SelectMany(d => d.Factors).SelectMany(f => f.Indicators);
}

/// <summary>
/// One version of an instrument. The shipped ones (<see cref="ClusterId"/> null) are loaded from
/// <c>Assessment/Instruments/*.json</c> as version 1 and are read-only; a cluster copies one to change it, and every
/// change of its copy is a new version, so an assessment that recorded a version keeps reading that version.
/// </summary>
public sealed class AssessmentInstrument
{
    public int Id { get; set; }
    public int? ClusterId { get; set; }
    public string Key { get; set; } = "";
    public int Version { get; set; }
    /// <summary>The name and description in the three languages (JSON).</summary>
    public string Name { get; set; } = "{}";
    public string? Description { get; set; }
    /// <summary>The levels (JSON), when the instrument awards any.</summary>
    public string? Levels { get; set; }
    public string? CopiedFrom { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public List<InstrumentDimension> Dimensions { get; set; } = [];
}

public sealed class InstrumentDimension
{
    public int Id { get; set; }
    public int InstrumentId { get; set; }
    public int Position { get; set; }
    public string Key { get; set; } = "";
    public string Name { get; set; } = "{}";
    public double Weight { get; set; }
    public List<InstrumentFactor> Factors { get; set; } = [];
}

public sealed class InstrumentFactor
{
    public int Id { get; set; }
    public int DimensionId { get; set; }
    public int Position { get; set; }
    public string Key { get; set; } = "";
    public string Name { get; set; } = "{}";
    public double Weight { get; set; }
    public List<InstrumentIndicator> Indicators { get; set; } = [];
}

public sealed class InstrumentIndicator
{
    public int Id { get; set; }
    public int FactorId { get; set; }
    public int Position { get; set; }
    public string Key { get; set; } = "";
    public string Name { get; set; } = "{}";
    public double Weight { get; set; }
    public EvidenceSource Source { get; set; }
    public string? SourceKey { get; set; }
    /// <summary>The scoring rule (JSON: bands or a linear scale).</summary>
    public string Scoring { get; set; } = "{}";
}

/// <summary>An analyst's judgement of one judgement item, for one cluster, year and instrument version: a 1–5 value with its written evidence and author.</summary>
public sealed class AssessmentJudgement : IVersioned
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public int Year { get; set; }
    public int InstrumentId { get; set; }
    public string IndicatorKey { get; set; } = "";
    public double Value { get; set; }
    public string Evidence { get; set; } = "";
    public string Author { get; set; } = "";
    public DateTime JudgedAt { get; set; }
    public int Version { get; set; }
}

public enum RecordState { Saved, Final }

/// <summary>An assessment an analyst saved or finalised: the whole result as it was (JSON), on the instrument version it used.</summary>
public sealed class AssessmentRecord : IVersioned
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public int Year { get; set; }
    public string InstrumentKey { get; set; } = "";
    public int InstrumentId { get; set; }
    public int InstrumentVersion { get; set; }
    public RecordState State { get; set; }
    public string Result { get; set; } = "{}";
    public DateTime SavedAt { get; set; }
    public string SavedBy { get; set; } = "";
    public int Version { get; set; }
}

public static class AssessmentLimits
{
    public const int Key = 64;
    public const int Text = 4000;
    public const int Evidence = 8000;
    public const int MaxIndicators = 500;
}

/// <summary>Entities ↔ spec: the one mapping, both ways.</summary>
public static class InstrumentMapping
{
    private static string Write<T>(T value) => JsonSerializer.Serialize(value, InstrumentSpec.Json);
    private static T Read<T>(string? json) where T : new() => string.IsNullOrEmpty(json) ? new() : JsonSerializer.Deserialize<T>(json, InstrumentSpec.Json) ?? new();

    public static InstrumentSpec ToSpec(AssessmentInstrument i) => new(i.Key, Read<Texts>(i.Name), i.Description is null ? null : Read<Texts>(i.Description),
        [.. i.Dimensions.OrderBy(d => d.Position).Select(d => new DimensionSpec(d.Key, Read<Texts>(d.Name), d.Weight,
            [.. d.Factors.OrderBy(f => f.Position).Select(f => new FactorSpec(f.Key, Read<Texts>(f.Name), f.Weight,
                [.. f.Indicators.OrderBy(x => x.Position).Select(x => new IndicatorSpec(x.Key, Read<Texts>(x.Name), x.Source, x.SourceKey, x.Weight,
                    JsonSerializer.Deserialize<ScoringRule>(x.Scoring, InstrumentSpec.Json) ?? new ScoringRule(null, null, null)))]))]))],
        i.Levels is null ? null : JsonSerializer.Deserialize<List<LevelSpec>>(i.Levels, InstrumentSpec.Json));

    public static AssessmentInstrument ToEntity(InstrumentSpec s, int? clusterId, int version, string createdBy, DateTime at, string? copiedFrom) => new()
    {
        ClusterId = clusterId, Key = s.Key, Version = version, Name = Write(s.Name), Description = s.Description is null ? null : Write(s.Description),
        Levels = s.Levels is null ? null : Write(s.Levels), CreatedBy = createdBy, CreatedAt = at, CopiedFrom = copiedFrom,
        Dimensions = [.. s.Dimensions.Select((d, di) => new InstrumentDimension
        {
            Position = di, Key = d.Key, Name = Write(d.Name), Weight = d.Weight,
            Factors = [.. d.Factors.Select((f, fi) => new InstrumentFactor
            {
                Position = fi, Key = f.Key, Name = Write(f.Name), Weight = f.Weight,
                Indicators = [.. f.Indicators.Select((x, xi) => new InstrumentIndicator
                {
                    Position = xi, Key = x.Key, Name = Write(x.Name), Weight = x.Weight, Source = x.Source, SourceKey = x.SourceKey, Scoring = Write(x.Scoring),
                })],
            })],
        })],
    };
}
