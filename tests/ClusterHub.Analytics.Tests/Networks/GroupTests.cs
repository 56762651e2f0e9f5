using ClusterHub.Analytics.Networks;

namespace ClusterHub.Analytics.Tests.Networks;

public class GroupTests
{
    private static (NamedGraph Graph, int[] Club) Karate()
    {
        var g = ReferenceNetworks.Load("karate");
        return (g, ReferenceNetworks.KarateClubs(g));
    }

    [Fact]
    public void Club_assortativity_and_EI_index_of_the_karate_club_match_networkx()
    {
        var (g, club) = Karate();
        Assert.Equal(ReferenceNetworks.Values("karate").GetProperty("club_assortativity").GetDouble(), Groups.Assortativity(g.Graph, club), 12);
        var ei = Groups.EI(g.Graph, club);
        Assert.Equal(ReferenceNetworks.Values("karate").GetProperty("club_ei_index").GetDouble(), ei.Overall, 12);
        Assert.All(ei.ByGroup, v => Assert.InRange(v, -1, 0)); // both factions look inward
    }

    [Fact]
    public void Each_brokerage_role_is_recognised_on_a_directed_graph()
    {
        // Groups: 0 = {a1, a2, v0}, 1 = {b1, v1}, 2 = {c1}.
        var b = new GraphBuilder(directed: true);
        string[] names = ["a1", "a2", "v0", "b1", "v1", "c1"];
        foreach (var name in names) b.AddNode(name);
        b.AddEdge("a1", "v0"); b.AddEdge("v0", "a2");                      // coordinator: a1→v0→a2
        b.AddEdge("a1", "v1"); b.AddEdge("v1", "a2");                      // itinerant: a1→v1→a2 (v1 outside)
        b.AddEdge("v1", "b1");                                              // gatekeeper: a1→v1→b1 (v1 in b1's group)
        b.AddEdge("v0", "c1");                                              // representative: a1→v0→c1 (v0 in a1's group)
        b.AddEdge("v1", "c1");                                              // liaison: a1→v1→c1
        var g = b.Build();
        var group = new[] { 0, 0, 0, 1, 1, 2 };
        var roles = Groups.Brokerage(g.Graph, group);
        Assert.Equal(new BrokerageRoles(1, 0, 0, 1, 0), roles[g.IndexOf("v0")]);
        Assert.Equal(new BrokerageRoles(0, 1, 1, 0, 1), roles[g.IndexOf("v1")]);
        Assert.Equal(0, roles[g.IndexOf("a1")].Total);
    }

    [Fact]
    public void A_closed_triangle_brokers_nothing_and_undirected_gatekeeping_mirrors_representation()
    {
        var b = new GraphBuilder();
        b.AddEdge("x", "y"); b.AddEdge("y", "z"); b.AddEdge("x", "z"); b.AddEdge("z", "w");
        var g = b.Build();
        var roles = Groups.Brokerage(g.Graph, [0, 0, 0, 1]);
        Assert.Equal(0, roles[g.IndexOf("x")].Total);
        var z = roles[g.IndexOf("z")];
        // x–z–w and y–z–w, each seen in both directions: x→z→w represents, w→z→x gatekeeps.
        Assert.Equal(new BrokerageRoles(0, 0, 2, 2, 0), z);
    }
}
