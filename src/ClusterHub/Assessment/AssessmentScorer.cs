using ClusterHub.Indicators;

namespace ClusterHub.Assessment;

/// <summary>Why an indicator has no evidence: shown as such, never scored as zero.</summary>
public enum MissingReason { NotRegistered, NotComputable, NoSurvey, TooFewRespondents, NotJudged }

/// <summary>
/// An indicator's evidence, whatever its source: a registry value with the counts it was computed from and its definition
/// (<see cref="DefinitionKey"/>, a resource), an analyst's judgement (1–5) with its written evidence and author, or a survey
/// item's mean with its respondents and dispersion. <see cref="Value"/> null is missing evidence, with its reason.
/// </summary>
public sealed record Evidence(EvidenceSource Source, string? SourceKey, double? Value, MissingReason? Missing)
{
    public IndicatorUnit? Unit { get; init; }
    public IReadOnlyList<IndicatorInput> Inputs { get; init; } = [];
    public string? DefinitionKey { get; init; }
    public string? Text { get; init; }
    public string? Author { get; init; }
    public DateTime? At { get; init; }
    public int? Respondents { get; init; }
    public double? StdDev { get; init; }

    public bool Present => Value is not null;

    public static Evidence Absent(EvidenceSource source, string? sourceKey, MissingReason reason) => new(source, sourceKey, null, reason);
}

public sealed record IndicatorScore(IndicatorSpec Spec, Evidence Evidence, double? Score);
public sealed record FactorScore(FactorSpec Spec, double? Score, double Coverage, IReadOnlyList<IndicatorScore> Indicators);
public sealed record DimensionScore(DimensionSpec Spec, double? Score, double Coverage, IReadOnlyList<FactorScore> Factors);

/// <summary>An instrument scored: every level a weighted mean over what has evidence, and the share of weight that has it.</summary>
public sealed record InstrumentScore(double? Score, double Coverage, LevelSpec? Level, IReadOnlyList<DimensionScore> Dimensions)
{
    public IEnumerable<IndicatorScore> Indicators => Dimensions.SelectMany(d => d.Factors).SelectMany(f => f.Indicators);
}

/// <summary>
/// The scoring, pure: an instrument and each indicator's evidence in, scores out. An indicator without evidence has no
/// score and counts in no mean; the coverage says how much of the weight had evidence, so a high score on little
/// evidence reads as what it is.
/// </summary>
public static class AssessmentScorer
{
    public static InstrumentScore Score(InstrumentSpec instrument, IReadOnlyDictionary<string, Evidence> evidence)
    {
        var dimensions = instrument.Dimensions.Select(d =>
        {
            var factors = d.Factors.Select(f =>
            {
                var indicators = f.Indicators.Select(x =>
                {
                    var e = evidence.GetValueOrDefault(x.Key) ?? Evidence.Absent(x.Source, x.SourceKey, x.Source switch
                    {
                        EvidenceSource.Judgement => MissingReason.NotJudged,
                        EvidenceSource.Survey => MissingReason.NoSurvey,
                        _ => MissingReason.NotRegistered,
                    });
                    return new IndicatorScore(x, e, e.Value is { } v ? Apply(x.Scoring, v) : null);
                }).ToList();
                var (score, coverage) = Mean(indicators.Select(i => (i.Spec.Weight, i.Score, i.Score is null ? 0.0 : 1.0)));
                return new FactorScore(f, score, coverage, indicators);
            }).ToList();
            var (dScore, dCoverage) = Mean(factors.Select(f => (f.Spec.Weight, f.Score, f.Coverage)));
            return new DimensionScore(d, dScore, dCoverage, factors);
        }).ToList();
        var (total, totalCoverage) = Mean(dimensions.Select(d => (d.Spec.Weight, d.Score, d.Coverage)));
        return new InstrumentScore(total, totalCoverage, LevelFor(instrument.Levels, total, totalCoverage), dimensions);
    }

    /// <summary>The weighted mean of the scores present, and the weighted mean of the parts' coverages (the portfolio aggregates imported scores with it too).</summary>
    public static (double? Score, double Coverage) Mean(IEnumerable<(double Weight, double? Score, double Coverage)> parts)
    {
        double weight = 0, weighted = 0, all = 0, covered = 0;
        foreach (var (w, s, c) in parts)
        {
            all += w;
            covered += w * c;
            if (s is not { } score) continue;
            weight += w;
            weighted += w * score;
        }
        return (weight == 0 ? null : weighted / weight, all == 0 ? 0 : covered / all);
    }

    /// <summary>The highest level whose score and coverage thresholds both hold.</summary>
    public static LevelSpec? LevelFor(IReadOnlyList<LevelSpec>? levels, double? score, double coverage) =>
        score is not { } s ? null : levels?.Where(l => s >= l.MinScore && coverage >= l.MinCoverage).OrderByDescending(l => l.MinScore).FirstOrDefault();

    /// <summary>A value's score 0–100 under a rule: the first band holding it, or the linear scale clamped; no band holding it scores nothing.</summary>
    public static double? Apply(ScoringRule rule, double value)
    {
        if (rule.Bands is { } bands)
        {
            foreach (var b in bands)
                if ((b.Min is not { } min || value >= min) && (b.Max is not { } max || value < max)) return b.Score;
            return null;
        }
        if (rule.From is { } from && rule.To is { } to && from != to)
            return Math.Clamp((value - from) / (to - from), 0, 1) * 100;
        return null;
    }
}
