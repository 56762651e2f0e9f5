using ClusterHub.Analytics.Networks;

namespace ClusterHub.Governance;

/// <summary>
/// One actor's position from the engine: degree; betweenness (normalised) and closeness over ties counted as hops
/// (a tie's strength is not a distance); Burt's constraint and effective size with strengths as weights, and the
/// redundancy of its contacts (degree − effective size); Gould–Fernandez brokerage roles with the levels as groups;
/// its Louvain community (seeded, so a page and an export agree).
/// </summary>
public sealed record ActorMeasures(int ActorId, string Label, ActorLevel Level, ActorKind Kind, int Degree, double Strength, double Betweenness,
    double Closeness, double? Constraint, double? EffectiveSize, double? Redundancy, long Coordinator, long Itinerant, long Gatekeeper,
    long Representative, long Liaison, int Community);

/// <summary>Two levels that one actor alone ties together (it is at one of them and tied to the other, or tied to both).</summary>
public sealed record LevelPair(ActorLevel First, ActorLevel Second);

/// <summary>
/// The hub's position: its measures, the levels its ties reach, and the pairs of levels for which it is the only actor
/// tying both (<see cref="SoleCoordinator"/>), the paper's "only coordinator between the sectoral and the local level".
/// </summary>
public sealed record HubPosition(ActorMeasures Hub, IReadOnlyList<ActorLevel> LevelsBridged, IReadOnlyList<LevelPair> SoleCoordinator);

/// <summary>Ties by strength class: weak (1–2), medium (3), strong (4–5); shares null without ties.</summary>
public sealed record TieStrengths(int Ties, int Weak, int Medium, int Strong)
{
    public double? WeakShare => Ties == 0 ? null : (double)Weak / Ties;
    public double? MediumShare => Ties == 0 ? null : (double)Medium / Ties;
    public double? StrongShare => Ties == 0 ? null : (double)Strong / Ties;
    /// <summary>Ties by strength 1..5 (index 0 is strength 1).</summary>
    public int[] ByStrength { get; init; } = new int[5];
}

public sealed record GovernanceAnalysis(GovernanceNetwork Network, IReadOnlyList<ActorMeasures> Actors, HubPosition? Hub, TieStrengths Strengths,
    int Communities, double Modularity);

public static class GovernanceMeasures
{
    /// <summary>The seed of the community detection: fixed, so the same network always gets the same communities.</summary>
    public const int CommunitySeed = 1;

    public static GovernanceAnalysis Analyse(GovernanceNetwork network)
    {
        var g = network.Graph;
        var n = g.NodeCount;
        var degree = Topology.Degrees(g);
        var strength = Topology.Strengths(g);
        var (betweenness, distances) = PathMeasures.BetweennessAndDistances(g, new BetweennessOptions());
        var constraint = Brokerage.Constraint(g, useWeights: true);
        var effective = Brokerage.EffectiveSize(g, useWeights: true);
        var levels = network.Actors.Select(a => (int)a.Level).ToArray();
        var roles = Groups.Brokerage(g, levels);
        var communities = n == 0 ? new CommunityResult([], 0, 0, 0) : Communities.Louvain(g, new CommunityOptions { Seed = CommunitySeed });
        static double? Defined(double x) => double.IsFinite(x) ? x : null;
        var actors = network.Actors.Select((a, v) => new ActorMeasures(a.Id, a.Label, a.Level, a.Kind, degree[v], strength[v], betweenness.Values[v],
            distances.Closeness[v], Defined(constraint[v]), Defined(effective[v]), Defined(degree[v] - effective[v]),
            roles[v].Coordinator, roles[v].Itinerant, roles[v].Gatekeeper, roles[v].Representative, roles[v].Liaison, communities.Community[v])).ToList();

        var byStrength = new int[5];
        foreach (var t in network.Ties) byStrength[t.Strength - 1]++;
        var strengths = new TieStrengths(network.Ties.Count, byStrength[0] + byStrength[1], byStrength[2], byStrength[3] + byStrength[4]) { ByStrength = byStrength };

        HubPosition? hub = null;
        if (network.Hub is { } h)
        {
            var reached = g.Neighbors(h).ToArray().Select(u => network.Actors[u].Level).Distinct().Order().ToList();
            hub = new HubPosition(actors[h], reached, SoleCoordinatorPairs(network, h));
        }
        return new GovernanceAnalysis(network, actors, hub, strengths, communities.Count, communities.Modularity);
    }

    /// <summary>
    /// Pairs of levels (other than the hub's own) that the hub ties and no other actor does. An actor ties levels A and B
    /// when it is at A and has a contact at B, or has contacts at both.
    /// </summary>
    public static IReadOnlyList<LevelPair> SoleCoordinatorPairs(GovernanceNetwork network, int hub)
    {
        var g = network.Graph;
        var own = network.Actors[hub].Level;
        var candidates = Enum.GetValues<ActorLevel>().Where(l => l != own).ToArray();
        var ties = new Dictionary<(ActorLevel, ActorLevel), int>(); // pair → how many actors tie it
        var byHub = new HashSet<(ActorLevel, ActorLevel)>();
        for (var v = 0; v < g.NodeCount; v++)
        {
            var reach = g.Neighbors(v).ToArray().Select(u => network.Actors[u].Level).Append(network.Actors[v].Level).ToHashSet();
            foreach (var a in candidates)
                foreach (var b in candidates)
                {
                    if (a >= b || !reach.Contains(a) || !reach.Contains(b)) continue;
                    // Two contacts at A and B, or the actor itself at one of them with a contact at the other.
                    var self = network.Actors[v].Level;
                    var contacts = g.Neighbors(v).ToArray().Select(u => network.Actors[u].Level).ToHashSet();
                    if (!(contacts.Contains(a) && contacts.Contains(b) || self == a && contacts.Contains(b) || self == b && contacts.Contains(a))) continue;
                    ties[(a, b)] = ties.GetValueOrDefault((a, b)) + 1;
                    if (v == hub) byHub.Add((a, b));
                }
        }
        return [.. byHub.Where(p => ties[p] == 1).OrderBy(p => p.Item1).ThenBy(p => p.Item2).Select(p => new LevelPair(p.Item1, p.Item2))];
    }
}
