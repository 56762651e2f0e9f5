using ClusterHub.Assessment;

namespace ClusterHub.Portfolios;

/// <summary>Where a row of the portfolio comes from: an on-platform cluster's assessment (by consent) or an import.</summary>
public enum RowSource { Platform, Imported }

/// <summary>
/// One cluster of a portfolio for one year and instrument. <see cref="Key"/> names it in links and the API
/// (<c>platform:{slug}</c> or <c>imported:{id}</c>). Scores are 0–100; null is missing, never 0. <see cref="Rank"/> is the
/// competition rank by overall score among the filtered rows (ties share a rank, 1, 2, 2, 4), null without a score.
/// </summary>
public sealed record PortfolioRow(string Key, string Name, RowSource Source, bool Illustrative, string? Region, string? Sector, int Year,
    string InstrumentKey, int InstrumentVersion, int? Size, double? Score, double Coverage, IReadOnlyDictionary<string, double?> Dimensions,
    string? Level, LifeCycleStage? Stage)
{
    public int? Rank { get; init; }
}

/// <summary>One part (a dimension, or the overall score under <see cref="PortfolioRanking.Overall"/>) of the focus cluster against its peers.</summary>
public sealed record PercentileRow(string Part, double? Value, double? Percentile, int Peers, int Below, int Equal);

/// <summary>
/// The portfolio's computations, pure: imported scores aggregated over the instrument's weights, ranking, sorting and
/// peer percentiles. Missing scores count in nothing: they are never ranked, they sort last, and a percentile is taken
/// among the peers that have a score on that part only.
/// </summary>
public static class PortfolioRanking
{
    public const string Overall = "overall";

    /// <summary>
    /// An imported cluster's scores (keys: a dimension's <c>key</c> or a factor's <c>dimension.factor</c>) as the
    /// assessment's shape: a dimension's own score when given, else the weighted mean of its factors given (its coverage
    /// the share of factor weight given); the overall score the weighted mean of the dimensions, as
    /// <see cref="AssessmentScorer"/> combines them.
    /// </summary>
    public static (double? Score, double Coverage, Dictionary<string, double?> Dimensions) Aggregate(InstrumentSpec spec, IReadOnlyDictionary<string, double> parts)
    {
        var dimensions = new Dictionary<string, double?>(StringComparer.Ordinal);
        var weighted = new List<(double Weight, double? Score, double Coverage)>();
        foreach (var d in spec.Dimensions)
        {
            var (score, coverage) = parts.TryGetValue(d.Key, out var own) ? (own, 1.0)
                : AssessmentScorer.Mean(d.Factors.Select(f => parts.TryGetValue($"{d.Key}.{f.Key}", out var s) ? (f.Weight, (double?)s, 1.0) : (f.Weight, (double?)null, 0.0)));
            dimensions[d.Key] = score;
            weighted.Add((d.Weight, score, coverage));
        }
        var (total, totalCoverage) = AssessmentScorer.Mean(weighted);
        return (total, totalCoverage, dimensions);
    }

    /// <summary>Competition ranks by overall score, highest first; rows without a score get none.</summary>
    public static List<PortfolioRow> Ranked(IEnumerable<PortfolioRow> rows)
    {
        var list = rows.ToList();
        var scores = list.Where(r => r.Score is not null).Select(r => r.Score!.Value).ToList();
        return [.. list.Select(r => r with { Rank = r.Score is { } s ? 1 + scores.Count(x => x > s) : null })];
    }

    public static readonly string[] SortKeys = ["score", "name", "size", "region", "coverage"];

    /// <summary>
    /// The rows in the order asked: <c>score</c> (default, highest first), <c>name</c>, <c>size</c>, <c>region</c>,
    /// <c>coverage</c> or <c>dim:{key}</c>; <paramref name="descending"/> reverses it. Missing values sort last either way;
    /// the name then the key break ties, so pages neither repeat nor skip rows.
    /// </summary>
    public static List<PortfolioRow> Sorted(IEnumerable<PortfolioRow> rows, string? sort, bool? descending)
    {
        var key = string.IsNullOrWhiteSpace(sort) ? "score" : sort.Trim().ToLowerInvariant();
        var desc = descending ?? key is "score" or "size" or "coverage" || key.StartsWith("dim:", StringComparison.Ordinal);
        Func<PortfolioRow, IComparable?> by = key switch
        {
            "name" => r => r.Name.ToLowerInvariant(),
            "size" => r => r.Size,
            "region" => r => r.Region?.ToLowerInvariant(),
            "coverage" => r => r.Coverage,
            _ when key.StartsWith("dim:", StringComparison.Ordinal) => r => r.Dimensions.GetValueOrDefault(key[4..]),
            _ => r => r.Score,
        };
        var present = rows.Where(r => by(r) is not null);
        var ordered = desc ? present.OrderByDescending(by) : present.OrderBy(by);
        return [.. ordered.ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Concat(rows.Where(r => by(r) is null).OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Key, StringComparer.Ordinal))];
    }

    public static bool IsSort(string? sort) => string.IsNullOrWhiteSpace(sort) || SortKeys.Contains(sort.Trim().ToLowerInvariant())
        || sort.Trim().StartsWith("dim:", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The percentile rank of <paramref name="value"/> among <paramref name="peers"/> (the focus included):
    /// 100 × (below + ½ equal) ÷ n, where n counts the peers with a score, below those strictly lower and equal those
    /// tied with it, itself included. Ties therefore share one percentile, the middle of their block. Null when the focus
    /// has no score; missing peers are left out of n.
    /// </summary>
    public static PercentileRow Percentile(string part, double? value, IEnumerable<double?> peers)
    {
        var known = peers.Where(p => p is not null).Select(p => p!.Value).ToList();
        if (value is not { } v || known.Count == 0) return new(part, value, null, known.Count, 0, 0);
        var below = known.Count(p => p < v);
        var equal = known.Count(p => p == v);
        return new(part, v, 100.0 * (below + 0.5 * equal) / known.Count, known.Count, below, equal);
    }

    /// <summary>The focus row's percentile on each dimension and overall among the filtered rows.</summary>
    public static List<PercentileRow> Percentiles(PortfolioRow focus, IReadOnlyList<PortfolioRow> peers, IEnumerable<string> dimensionKeys) =>
    [
        Percentile(Overall, focus.Score, peers.Select(p => p.Score)),
        .. dimensionKeys.Select(d => Percentile(d, focus.Dimensions.GetValueOrDefault(d), peers.Select(p => p.Dimensions.GetValueOrDefault(d)))),
    ];

    /// <summary>The median of the peers' scores on each dimension (missing left out), drawn beside the focus in its radar.</summary>
    public static Dictionary<string, double?> Medians(IReadOnlyList<PortfolioRow> rows, IEnumerable<string> dimensionKeys) =>
        dimensionKeys.ToDictionary(d => d, d =>
        {
            var v = rows.Select(r => r.Dimensions.GetValueOrDefault(d)).Where(x => x is not null).Select(x => x!.Value).Order().ToList();
            return v.Count == 0 ? (double?)null : v.Count % 2 == 1 ? v[v.Count / 2] : (v[v.Count / 2 - 1] + v[v.Count / 2]) / 2;
        }, StringComparer.Ordinal);
}
