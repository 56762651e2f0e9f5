using System.Globalization;
using ClusterHub.Analytics.Networks;
using ClusterHub.Analytics.Projects;
using ClusterHub.Exchange;

namespace ClusterHub.Networks;

/// <summary>Actor × event participations (organisation × project) and what the rows say of each actor.</summary>
/// <param name="Pairs">One per row, in file order.</param>
/// <param name="Attributes">Column → actor → value: the value the actor's rows give most often (ties: the first seen),
/// so that one stray row does not relabel an organisation.</param>
/// <param name="Years">When the file has a year column: each row's first and last year, beside <paramref name="Pairs"/>; null for
/// a row whose year is missing.</param>
public sealed record Participations(List<(string Actor, string Event)> Pairs, Dictionary<string, Dictionary<string, string>> Attributes,
    List<(int First, int Last)?>? Years = null)
{
    /// <summary>The projection of the participations, with the actors' attributes as node attributes.</summary>
    public Network Project(ProjectionWeighting weighting) => NetworkFile.WithAttributes(Bipartite.Project(Pairs, weighting), Attributes);

    /// <summary>
    /// The rows with a year, for the conflict-of-interest rules (<see cref="CollaborationIndex"/>): a collaboration
    /// whose year is unknown cannot be placed in a window, so an undated row is left out (it still counts in the projection).
    /// </summary>
    public IEnumerable<Participation> Dated() => Years is { } years
        ? Pairs.Select((p, i) => (p, Years: years[i])).Where(r => r.Years is not null)
            .Select(r => new Participation(r.p.Actor, r.p.Event, r.Years!.Value.First, r.Years.Value.Last))
        : throw new InvalidOperationException("the participations were read without a year column");

    /// <summary>Who worked with whom when, from these rows alone.</summary>
    public CollaborationIndex Collaborations() => CollaborationIndex.Build(Dated());
}

/// <summary>Reads participations from CSV; a malformed file is refused whole with its line and column.</summary>
public static class ParticipationFile
{
    /// <param name="reader">The CSV text (delimiter detected).</param>
    /// <param name="file">Its name, for errors.</param>
    /// <param name="actor">The actor's column (e.g. pic).</param>
    /// <param name="ev">The event's column (e.g. rcn, a project).</param>
    /// <param name="attributes">Columns that describe the actor (e.g. country, type); an empty cell says nothing.</param>
    /// <param name="year">Optional column of the participation's year (its first year when <paramref name="lastYear"/> is given).</param>
    /// <param name="lastYear">Optional column of its last year (e.g. a project's end_year); empty: the first year.</param>
    public static Participations Read(TextReader reader, string file, string actor, string ev, IReadOnlyList<string> attributes,
        string? year = null, string? lastYear = null)
    {
        using var rows = new CsvRows(reader, file);
        var (a, e) = (rows.Column(actor), rows.Column(ev));
        if (lastYear is not null && year is null) throw new ArgumentException("a last-year column needs a year column", nameof(lastYear));
        var (y, last) = (year is null ? -1 : rows.Column(year), lastYear is null ? -1 : rows.Column(lastYear));
        var years = year is null ? null : new List<(int, int)?>();
        var described = attributes.Select(name => (Name: name, Index: rows.Column(name))).ToList();
        var pairs = new List<(string, string)>();
        var counts = described.ToDictionary(d => d.Name, _ => new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal));
        while (rows.Read())
        {
            var who = rows.Required(a);
            pairs.Add((who, rows.Required(e)));
            if (years is not null)
            {
                var first = Year(rows, y, file);
                var end = last >= 0 ? Year(rows, last, file) ?? first : first;
                if (end < first) throw new MalformedFileException(new LocatedError(file, rows.Line, last + 1, rows.Optional(last), $"the last year is before the first ({first})"));
                years.Add(first is null ? null : (first.Value, end!.Value));
            }
            foreach (var (name, index) in described)
            {
                if (rows.Optional(index) is not { } value) continue; // an empty cell says nothing
                var seen = counts[name].TryGetValue(who, out var c) ? c : counts[name][who] = [];
                seen[value] = seen.GetValueOrDefault(value) + 1;
            }
        }
        // Dictionaries enumerate in insertion order while nothing is removed: MaxBy keeps the first seen of equal counts.
        var values = counts.ToDictionary(c => c.Key, c => c.Value.ToDictionary(kv => kv.Key, kv => kv.Value.MaxBy(v => v.Value).Key, StringComparer.Ordinal));
        return new Participations(pairs, values, years);
    }

    /// <summary>
    /// A year as the dues' years are checked: a whole number from 1950 to 2100; null when the cell is empty or "NA" (R's
    /// missing value, which the CORDIS H2020 extract writes for 21 dates).
    /// </summary>
    private static int? Year(CsvRows rows, int column, string file) => rows.Optional(column) switch
    {
        null or "NA" => null,
        var cell when int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1950 and <= 2100 => value,
        var cell => throw new MalformedFileException(new LocatedError(file, rows.Line, column + 1, cell, "a year is a whole number from 1950 to 2100")),
    };
}
