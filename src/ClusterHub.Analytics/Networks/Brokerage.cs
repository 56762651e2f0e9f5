namespace ClusterHub.Analytics.Networks;

/// <summary>Burt's structural-hole measures on an undirected graph: who spans gaps between otherwise unconnected contacts.</summary>
public static class Brokerage
{
    /// <summary>
    /// Burt's constraint c(v) = Σ_{w∈N(v)} (p_vw + Σ_{q∈N(v)} p_vq p_qw)², with p the share of v's tie
    /// weight going to each contact (Burt 1992, as networkx computes it). Low constraint = brokerage
    /// opportunity. NaN for an isolated node.
    /// </summary>
    public static double[] Constraint(Graph g, bool useWeights = false)
    {
        Clustering.RequireUndirected(g);
        var n = g.NodeCount;
        var result = new double[n];
        var strength = new double[n];
        for (var v = 0; v < n; v++)
            for (var a = g.Offsets[v]; a < g.Offsets[v + 1]; a++) if (g.Targets[a] != v) strength[v] += Weight(g, a, useWeights);
        Workers.ForEach(n, () => new double[n], (share, v) =>
        {
            if (strength[v] == 0) { result[v] = double.NaN; return; }
            // share[x] = p_vx for v's contacts.
            for (var a = g.Offsets[v]; a < g.Offsets[v + 1]; a++) if (g.Targets[a] != v) share[g.Targets[a]] += Weight(g, a, useWeights) / strength[v];
            double c = 0;
            for (var a = g.Offsets[v]; a < g.Offsets[v + 1]; a++)
            {
                var w = g.Targets[a];
                if (w == v) continue;
                // Σ_q p_vq p_qw over contacts q of v that are also tied to w.
                double indirect = 0;
                for (var b = g.Offsets[w]; b < g.Offsets[w + 1]; b++)
                {
                    var q = g.Targets[b];
                    if (q != v && q != w && share[q] > 0) indirect += share[q] * Weight(g, b, useWeights) / strength[q];
                }
                var local = share[w] + indirect;
                c += local * local;
            }
            for (var a = g.Offsets[v]; a < g.Offsets[v + 1]; a++) share[g.Targets[a]] = 0;
            result[v] = c;
        }, block: 64);
        return result;
    }

    /// <summary>
    /// Burt's effective size: the number of v's contacts less their redundancy,
    /// Σ_{u∈N(v)} (1 − Σ_{w∈N(v)} p_vw m_uw), with p_vw the share of v's tie weight going to w and m_uw the weight of
    /// u–w over u's strongest tie (Burt 1992, networkx's weighted form). With <paramref name="useWeights"/> false or an
    /// unweighted graph every weight is 1 and this is Borgatti's degree − 2t/degree, t the ties among v's contacts,
    /// computed so. NaN for an isolated node, as in networkx. O(Σ_v Σ_{u∈N(v)} deg(u)).
    /// </summary>
    public static double[] EffectiveSize(Graph g, bool useWeights = false)
    {
        Clustering.RequireUndirected(g);
        var n = g.NodeCount;
        var result = new double[n];
        if (!useWeights || !g.IsWeighted)
        {
            var triangles = Clustering.Triangles(g);
            for (var v = 0; v < n; v++)
            {
                var k = 0;
                foreach (var u in g.Neighbors(v)) if (u != v) k++;
                result[v] = k == 0 ? double.NaN : k - 2.0 * triangles[v] / k;
            }
            return result;
        }
        var strength = new double[n];
        var strongest = new double[n];
        for (var v = 0; v < n; v++)
            for (var a = g.Offsets[v]; a < g.Offsets[v + 1]; a++)
                if (g.Targets[a] != v) { strength[v] += g.Weight(a); strongest[v] = Math.Max(strongest[v], g.Weight(a)); }
        Workers.ForEach(n, () => new double[n], (share, v) =>
        {
            if (g.Degree(v) == 0 || g.Neighbors(v).Length == 1 && g.Neighbors(v)[0] == v) { result[v] = double.NaN; return; }
            // share[w] = p_vw for v's contacts; 0 elsewhere (so the inner sum runs over u's ties and keeps those to v's contacts).
            for (var a = g.Offsets[v]; a < g.Offsets[v + 1]; a++) if (g.Targets[a] != v && strength[v] > 0) share[g.Targets[a]] += g.Weight(a) / strength[v];
            double size = 0;
            for (var a = g.Offsets[v]; a < g.Offsets[v + 1]; a++)
            {
                var u = g.Targets[a];
                if (u == v) continue;
                double redundancy = 0;
                if (strongest[u] > 0)
                    for (var b = g.Offsets[u]; b < g.Offsets[u + 1]; b++)
                    {
                        var w = g.Targets[b];
                        if (w != u && w != v) redundancy += share[w] * g.Weight(b) / strongest[u];
                    }
                size += 1 - redundancy;
            }
            for (var a = g.Offsets[v]; a < g.Offsets[v + 1]; a++) share[g.Targets[a]] = 0;
            result[v] = size;
        }, block: 64);
        return result;
    }

    private static double Weight(Graph g, int arc, bool useWeights) => useWeights ? g.Weight(arc) : 1.0;
}
