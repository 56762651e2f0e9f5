namespace ClusterHub.Analytics.Networks;

public enum ProjectionWeighting
{
    /// <summary>Weight = the number of projects the two actors share.</summary>
    SharedCount,

    /// <summary>Newman (2001): each project of n partners adds 1/(n−1) to every pair in it, so a large consortium counts less per tie.</summary>
    Newman,
}

/// <summary>One-mode projection of actor × event participations (organisations × projects).</summary>
public static class Bipartite
{
    /// <summary>
    /// Projects participations onto the actors: two actors are tied when they share an event. Every
    /// actor becomes a node, tied or not; a repeated participation counts once.
    /// </summary>
    public static NamedGraph Project(IEnumerable<(string Actor, string Event)> participations, ProjectionWeighting weighting = ProjectionWeighting.SharedCount)
    {
        var builder = new GraphBuilder();
        var byEvent = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (actor, ev) in participations)
        {
            builder.AddNode(actor);
            if (!byEvent.TryGetValue(ev, out var members)) byEvent[ev] = members = [];
            members.Add(actor);
        }
        foreach (var members in byEvent.Values)
        {
            var distinct = members.Distinct(StringComparer.Ordinal).ToArray();
            if (distinct.Length < 2) continue;
            var w = weighting == ProjectionWeighting.Newman ? 1.0 / (distinct.Length - 1) : 1.0;
            for (var i = 0; i < distinct.Length; i++)
                for (var j = i + 1; j < distinct.Length; j++)
                    builder.AddEdge(distinct[i], distinct[j], w);
        }
        return builder.Build();
    }
}
