using ClusterHub.Analytics.Networks;
using ClusterHub.Exchange;

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
        using var rows = new CsvRows(reader, file);
        var (a, e) = (rows.Column(actor), rows.Column(ev));
        var described = attributes.Select(name => (Name: name, Index: rows.Column(name))).ToList();
        var pairs = new List<(string, string)>();
        var counts = described.ToDictionary(d => d.Name, _ => new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal));
        while (rows.Read())
        {
            var who = rows.Required(a);
            pairs.Add((who, rows.Required(e)));
            foreach (var (name, index) in described)
            {
                if (rows.Optional(index) is not { } value) continue; // an empty cell says nothing
                var seen = counts[name].TryGetValue(who, out var c) ? c : counts[name][who] = [];
                seen[value] = seen.GetValueOrDefault(value) + 1;
            }
        }
        // Dictionaries enumerate in insertion order while nothing is removed: MaxBy keeps the first seen of equal counts.
        var values = counts.ToDictionary(c => c.Key, c => c.Value.ToDictionary(kv => kv.Key, kv => kv.Value.MaxBy(v => v.Value).Key, StringComparer.Ordinal));
        return new Participations(pairs, values);
    }
}
