using ClusterHub.Analytics.Mapping;
using ClusterHub.Exchange;

namespace ClusterHub.Mapping;

/// <summary>
/// Cluster definitions from CSV: one row per industry code (or prefix ending in '*') and cluster. The code's column is
/// the first of <c>industry</c>, <c>code</c>, <c>naics</c>, <c>naf</c>, <c>ape</c>, <c>nace</c> the file has (so the
/// US benchmark crosswalk, NAICS → Cluster, reads as it is), the cluster's <c>cluster</c>.
/// </summary>
public static class ClusterDefinitionFile
{
    private static readonly string[] CodeColumns = ["industry", "code", "naics", "naf", "ape", "nace"];

    public static ClusterDefinition Read(TextReader reader, string file)
    {
        using var rows = new CsvRows(reader, file);
        return Build(ReadEntries(rows));
    }

    /// <summary>The definition's entries (industry code or prefix as written, cluster) from any table of the exchange kit (CSV or xlsx); the web stores them so.</summary>
    public static List<(string Industry, string Cluster)> ReadEntries(ITableRows rows)
    {
        var file = rows.File;
        var code = CodeColumns.Select(name => rows.Column(name, required: false)).FirstOrDefault(c => c >= 0, -1);
        if (code < 0) throw new MalformedFileException(new LocatedError(file, 1, 1, null, $"no industry code column (one of {string.Join(", ", CodeColumns)}; columns: {string.Join(", ", rows.Header)})"));
        var cluster = rows.Column("cluster");
        var entries = new List<(string, string)>();
        while (rows.Read())
        {
            var industry = rows.Optional(code) ?? throw new MalformedFileException(new LocatedError(file, rows.Line, rows.Header[code], null, $"{rows.Header[code]} is empty"));
            var name = rows.Optional(cluster) ?? throw new MalformedFileException(new LocatedError(file, rows.Line, rows.Header[cluster], null, "cluster is empty"));
            if (industry == "*") throw new MalformedFileException(new LocatedError(file, rows.Line, rows.Header[code], industry, "an industry code or prefix is needed"));
            entries.Add((industry, name));
        }
        return entries.Count > 0 ? entries : throw new MalformedFileException(new LocatedError(file, 2, 1, null, "the file defines no cluster"));
    }

    /// <summary>The engine's definition of entries, codes compared without dots and spaces.</summary>
    public static ClusterDefinition Build(IEnumerable<(string Industry, string Cluster)> entries)
    {
        var definition = new ClusterDefinition(IndustryCodes.Normalise);
        foreach (var (industry, cluster) in entries) definition.Add(IndustryCodes.Normalise(industry), cluster);
        return definition;
    }
}

/// <summary>Industry codes as cluster definitions compare them: without dots and spaces, so NAF "25.30Z" is URSSAF's "2530Z".</summary>
public static class IndustryCodes
{
    public static string Normalise(string code) =>
        code.AsSpan().ContainsAny('.', ' ') ? code.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal) : code;
}
