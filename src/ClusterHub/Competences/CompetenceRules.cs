using System.Globalization;
using ClusterHub.Data;
using ClusterHub.Members;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Competences;

/// <summary>What a taxonomy entry or a declaration may hold: one rule for the API, the pages and the imports.</summary>
public static class CompetenceRules
{
    public const int CodeLength = 32, NameLength = 200, TextLength = 1000;
    public const int MinLevel = 1, MaxLevel = 4;

    public static string NormalizeCode(string? code) => (code ?? "").Trim().ToUpperInvariant();

    public static bool IsCode(string code) =>
        code.Length is > 0 and <= CodeLength && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    public static FieldError? Level(string field, int? level) => level is null
        ? new(field, null, "is required")
        : level is < MinLevel or > MaxLevel ? new(field, level.Value.ToString(CultureInfo.InvariantCulture), $"must be between {MinLevel} and {MaxLevel}") : null;

    public static FieldError? Text(string field, string? value, int max, bool required = false) =>
        string.IsNullOrWhiteSpace(value) ? (required ? new(field, null, "is required") : null)
        : value.Trim().Length > max ? new(field, value, $"is longer than {max} characters") : null;

    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The cluster's strategic areas and value-chain stages by code: the lists taxonomy entries refer to.</summary>
public sealed record AreaLists(IReadOnlyDictionary<string, int> Areas, IReadOnlyDictionary<string, int> Stages,
    IReadOnlyList<AreaRow> AreaRows, IReadOnlyDictionary<int, string> StageCodes)
{
    public static async Task<AreaLists> LoadAsync(ClusterDb db, int clusterId, CancellationToken ct)
    {
        var areas = await Strategy.StrategyLists.Of(db.StrategicAreas.AsNoTracking(), clusterId).Select(a => new AreaRow(a.Id, a.Code, a.Name)).ToListAsync(ct);
        var stages = await Strategy.StrategyLists.Of(db.ValueChainStages.AsNoTracking(), clusterId).Select(s => new { s.Id, s.Code }).ToListAsync(ct);
        return new(areas.ToDictionary(a => a.Code.ToUpperInvariant(), a => a.Id), stages.ToDictionary(s => s.Code.ToUpperInvariant(), s => s.Id),
            areas, stages.ToDictionary(s => s.Id, s => s.Code));
    }
}

public sealed record AreaRow(int Id, string Code, string Name);
