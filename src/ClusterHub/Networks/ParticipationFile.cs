using System.Globalization;
using ClusterHub.Analytics.Networks;
using CsvHelper;
using CsvHelper.Configuration;

namespace ClusterHub.Networks;

/// <summary>Actor × event participations (organisation × project) and what the rows say of each actor.</summary>
/// <param name="Pairs">One per row, in file order.</param>
/// <param name="Attributes">Column → actor → value: the value the actor's rows give most often (ties: the first seen),
/// so that one stray row does not relabel an organisation.</param>
public sealed record Participations(List<(string Actor, string Event)> Pairs, Dictionary<string, Dictionary<string, string>> Attributes)
{
    /// <summary>The projection of the participations, with the actors' attributes as node attributes.</summary>
    public Network Project(ProjectionWeighting weighting) => NetworkFile.WithAttributes(Bipartite.Project(Pairs, weighting), Attributes);
}

/// <summary>Reads participations from CSV; a malformed file is refused whole with its line and column.</summary>
public static class ParticipationFile
{
    /// <param name="reader">The CSV text (delimiter detected).</param>
    /// <param name="file">Its name, for errors.</param>
    /// <param name="actor">The actor's column (e.g. pic).</param>
    /// <param name="ev">The event's column (e.g. rcn, a project).</param>
    /// <param name="attributes">Columns that describe the actor (e.g. country, type); an empty cell says nothing.</param>
    public static Participations Read(TextReader reader, string file, string actor, string ev, IReadOnlyList<string> attributes)
    {
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = true, BadDataFound = null });
        if (!csv.Read()) throw new NetworkFormatException(file, 1, 1, "the file is empty");
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        int Column(string name)
        {
            var i = Array.FindIndex(header, h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
            return i >= 0 ? i : throw new NetworkFormatException(file, 1, 1, $"no column '{name}' (columns: {string.Join(", ", header)})");
        }
        var (a, e) = (Column(actor), Column(ev));
        var described = attributes.Select(name => (Name: name, Index: Column(name))).ToList();
        var pairs = new List<(string, string)>();
        var counts = described.ToDictionary(d => d.Name, _ => new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal));
        while (csv.Read())
        {
            string Field(int i)
            {
                var value = i < csv.Parser.Count ? csv.GetField(i)?.Trim() : null;
                return string.IsNullOrEmpty(value) ? throw new NetworkFormatException(file, csv.Parser.Row, i + 1, $"{header[i]} is empty") : value;
            }
            var who = Field(a);
            pairs.Add((who, Field(e)));
            foreach (var (name, index) in described)
            {
                var value = index < csv.Parser.Count ? csv.GetField(index)?.Trim() : null;
                if (string.IsNullOrEmpty(value)) continue;
                var seen = counts[name].TryGetValue(who, out var c) ? c : counts[name][who] = [];
                seen[value] = seen.GetValueOrDefault(value) + 1;
            }
        }
        // Dictionaries enumerate in insertion order while nothing is removed: MaxBy keeps the first seen of equal counts.
        var values = counts.ToDictionary(c => c.Key, c => c.Value.ToDictionary(kv => kv.Key, kv => kv.Value.MaxBy(v => v.Value).Key, StringComparer.Ordinal));
        return new Participations(pairs, values);
    }
}
