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
        var code = CodeColumns.Select(name => rows.Column(name, required: false)).FirstOrDefault(c => c >= 0, -1);
        if (code < 0) throw new MalformedFileException(new LocatedError(file, 1, 1, null, $"no industry code column (one of {string.Join(", ", CodeColumns)}; columns: {string.Join(", ", rows.Header)})"));
        var cluster = rows.Column("cluster");
        var definition = new ClusterDefinition(IndustryCodes.Normalise);
        while (rows.Read())
            definition.Add(IndustryCodes.Normalise(rows.Required(code)), rows.Required(cluster));
        return definition.Count > 0 ? definition : throw new MalformedFileException(new LocatedError(file, 2, 1, null, "the file defines no cluster"));
    }
}

/// <summary>Industry codes as cluster definitions compare them: without dots and spaces, so NAF "25.30Z" is URSSAF's "2530Z".</summary>
public static class IndustryCodes
{
    public static string Normalise(string code) =>
        code.AsSpan().ContainsAny('.', ' ') ? code.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal) : code;
}
