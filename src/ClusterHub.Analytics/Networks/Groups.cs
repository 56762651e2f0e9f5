namespace ClusterHub.Analytics.Networks;

/// <summary>Counts of the five Gould–Fernandez brokerage roles for one node.</summary>
public sealed record BrokerageRoles(long Coordinator, long Itinerant, long Gatekeeper, long Representative, long Liaison)
{
    public long Total => Coordinator + Itinerant + Gatekeeper + Representative + Liaison;
}

public sealed record EIIndex(double Overall, IReadOnlyList<double> ByGroup);

/// <summary>
/// Measures over a node partition (region, member type, …): who brokers between groups, and how
/// inward- or outward-looking each group is. <c>group[v]</c> labels node v with 0..k-1.
/// </summary>
public static class Groups
{
    /// <summary>
    /// Gould &amp; Fernandez (1989) brokerage roles. For each two-path a→v→b with a≠b and no tie a→b,
    /// v brokers, in a role named by the groups of a, v and b:
    /// coordinator (a, v, b in one group), itinerant (a and b together, v outside), gatekeeper
    /// (v in b's group, a outside), representative (v in a's group, b outside), liaison (all apart).
    /// An undirected tie counts in both directions, so each open pair a–v–b is seen as a→v→b and
    /// b→v→a: gatekeeper and representative counts are then equal.
    /// </summary>
    public static BrokerageRoles[] Brokerage(Graph g, ReadOnlySpan<int> group)
    {
        var n = g.NodeCount;
        var incoming = g.IsDirected ? Topology.Reverse(g) : g;
        var labels = group.ToArray();
        var result = new BrokerageRoles[n];
        Workers.ForEach(n, () => new bool[n], (tied, v) =>
        {
            long co = 0, it = 0, gk = 0, rep = 0, li = 0;
            var gv = labels[v];
            foreach (var a in incoming.Neighbors(v))
            {
                if (a == v) continue;
                foreach (var t in g.Neighbors(a)) tied[t] = true;
                var ga = labels[a];
                foreach (var b in g.Neighbors(v))
                {
                    if (b == v || b == a || tied[b]) continue;
                    var gb = labels[b];
                    if (ga == gv && gv == gb) co++;
                    else if (ga == gb) it++;
                    else if (gv == gb) gk++;
                    else if (ga == gv) rep++;
                    else li++;
                }
                foreach (var t in g.Neighbors(a)) tied[t] = false;
            }
            result[v] = new BrokerageRoles(co, it, gk, rep, li);
        }, block: 64);
        return result;
    }

    /// <summary>
    /// Krackhardt–Stern E-I index: (external − internal) / (external + internal) ties, overall and for
    /// each group (ties touching the group). −1: wholly inward-looking; +1: wholly outward. Undirected, unweighted.
    /// </summary>
    public static EIIndex EI(Graph g, ReadOnlySpan<int> group)
    {
        Clustering.RequireUndirected(g);
        var k = 0;
        foreach (var label in group) k = Math.Max(k, label + 1);
        var inside = new double[k];
        var outside = new double[k];
        double totalIn = 0, totalOut = 0;
        for (var v = 0; v < g.NodeCount; v++)
            foreach (var u in g.Neighbors(v))
            {
                if (u <= v) continue; // each edge once; self-loops ignored
                if (group[u] == group[v]) { inside[group[v]]++; totalIn++; }
                else { outside[group[v]]++; outside[group[u]]++; totalOut++; }
            }
        static double Ratio(double e, double i) => e + i == 0 ? double.NaN : (e - i) / (e + i);
        return new EIIndex(Ratio(totalOut, totalIn), [.. Enumerable.Range(0, k).Select(c => Ratio(outside[c], inside[c]))]);
    }

    /// <summary>Newman's (2003) assortativity of a categorical attribute: r = (Σ e_ii − Σ a_i b_i) / (1 − Σ a_i b_i).</summary>
    public static double Assortativity(Graph g, ReadOnlySpan<int> group)
    {
        var k = 0;
        foreach (var label in group) k = Math.Max(k, label + 1);
        var mixing = new double[k, k];
        double total = 0;
        for (var v = 0; v < g.NodeCount; v++)
            foreach (var u in g.Neighbors(v))
            {
                mixing[group[v], group[u]]++;
                total++;
            }
        if (total == 0) return double.NaN;
        double trace = 0, products = 0;
        for (var i = 0; i < k; i++)
        {
            trace += mixing[i, i] / total;
            double a = 0, b = 0;
            for (var j = 0; j < k; j++) { a += mixing[i, j] / total; b += mixing[j, i] / total; }
            products += a * b;
        }
        return products == 1 ? double.NaN : (trace - products) / (1 - products);
    }
}
