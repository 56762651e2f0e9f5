using ClusterHub.Analytics.Networks;
using ClusterHub.Data;
using ClusterHub.Networks;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Governance;

/// <summary>An actor as a node of the governance graph: node i of <see cref="GovernanceNetwork.Graph"/> is Actors[i].</summary>
public sealed record GovernanceActorNode(int Id, string Name, string? ShortName, ActorLevel Level, ActorKind Kind)
{
    public string Label => ShortName ?? Name;
}

/// <summary>One tie held in the year asked, between nodes <paramref name="Source"/> and <paramref name="Target"/> (indexes of Actors).</summary>
public sealed record GovernanceEdge(int TieId, int Source, int Target, TieType Type, bool Directed, int Strength, bool Sourced);

/// <summary>
/// The governance network as of a year. <see cref="Graph"/> is undirected (the measures of brokerage are defined on
/// ties as relations, whatever their direction), one edge per pair of actors weighted by the strongest of their ties
/// (a membership and a board seat between the same two actors are one relation, as strong as its strongest part);
/// <see cref="Ties"/> keeps every tie with its type and direction for the picture and the strength distribution.
/// <see cref="Hub"/> is the cluster's own actor (level <see cref="ActorLevel.Cluster"/>), or null when there is none.
/// </summary>
public sealed record GovernanceNetwork(Graph Graph, IReadOnlyList<GovernanceActorNode> Actors, IReadOnlyList<GovernanceEdge> Ties, int? Hub, int? Year,
    IReadOnlyCollection<TieType> Types)
{
    /// <summary>The graph with its node ids (actors' labels, made unique) and attributes, for the network files.</summary>
    public Network ToNetwork()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ids = Actors.Select(a => seen.Add(a.Label) ? a.Label : $"{a.Label} #{a.Id}").ToList();
        return new Network(new NamedGraph(Graph, ids), new Dictionary<string, string?[]>
        {
            ["name"] = [.. Actors.Select(a => a.Name)],
            ["level"] = [.. Actors.Select(a => a.Level.ToString())],
            ["kind"] = [.. Actors.Select(a => a.Kind.ToString())],
        });
    }
}

public static class GovernanceGraph
{
    /// <summary>
    /// The network of one cluster as of <paramref name="asOfYear"/> (every tie when null: a tie with no years always
    /// holds), with the tie types asked (all when null or empty). Its nodes are the actors with at least one such tie,
    /// and the hub always, in the order of their ids.
    /// </summary>
    public static async Task<GovernanceNetwork> LoadAsync(ClusterDb db, int clusterId, int? asOfYear, IReadOnlyCollection<TieType>? types, CancellationToken ct)
    {
        var allTypes = types is null || types.Count == 0;
        var typeList = allTypes ? Enum.GetValues<TieType>() : types!.Distinct().ToArray();
        var ties = await db.Set<GovernanceTie>().AsNoTracking().Where(t => t.ClusterId == clusterId).Where(GovernanceTie.HeldIn(asOfYear))
            .Where(t => allTypes || typeList.Contains(t.Type))
            .OrderBy(t => t.Id).Select(t => new { t.Id, t.FromActorId, t.ToActorId, t.Type, t.Strength, t.Sourced }).ToListAsync(ct);
        var actors = await db.Set<GovernanceActor>().AsNoTracking().Where(a => a.ClusterId == clusterId).OrderBy(a => a.Id)
            .Select(a => new GovernanceActorNode(a.Id, a.Name, a.ShortName, a.Level, a.Kind)).ToListAsync(ct);
        var tied = ties.SelectMany(t => new[] { t.FromActorId, t.ToActorId }).ToHashSet();
        var hubId = actors.FirstOrDefault(a => a.Level == ActorLevel.Cluster)?.Id;
        var nodes = actors.Where(a => tied.Contains(a.Id) || a.Id == hubId).ToList();
        var index = nodes.Select((a, i) => (a.Id, i)).ToDictionary(p => p.Id, p => p.i);

        var strongest = new Dictionary<(int, int), int>();
        var edges = new List<GovernanceEdge>(ties.Count);
        foreach (var t in ties)
        {
            var (u, v) = (index[t.FromActorId], index[t.ToActorId]);
            edges.Add(new GovernanceEdge(t.Id, u, v, t.Type, GovernanceTypes.IsDirected(t.Type), t.Strength, t.Sourced));
            var key = u < v ? (u, v) : (v, u);
            strongest[key] = Math.Max(strongest.GetValueOrDefault(key), t.Strength);
        }
        var builder = new GraphBuilder();
        foreach (var i in Enumerable.Range(0, nodes.Count)) builder.AddNode(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var ((u, v), s) in strongest)
            builder.AddEdge(u.ToString(System.Globalization.CultureInfo.InvariantCulture), v.ToString(System.Globalization.CultureInfo.InvariantCulture), s);
        var graph = builder.Build().Graph;
        // Without any tie the builder knows no weight; the graph is still weighted by strengths, all absent.
        return new GovernanceNetwork(graph, nodes, edges, hubId is { } h ? index[h] : null, asOfYear, typeList);
    }
}
