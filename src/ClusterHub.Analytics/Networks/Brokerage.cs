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
    /// Burt's effective size, in Borgatti's form for unweighted graphs: degree − 2t/degree, t the ties
    /// among v's contacts. NaN for an isolated node, as in networkx.
    /// </summary>
    public static double[] EffectiveSize(Graph g)
    {
        var triangles = Clustering.Triangles(g);
        var result = new double[g.NodeCount];
        for (var v = 0; v < g.NodeCount; v++)
        {
            var k = 0;
            foreach (var u in g.Neighbors(v)) if (u != v) k++;
            result[v] = k == 0 ? double.NaN : k - 2.0 * triangles[v] / k;
        }
        return result;
    }

    private static double Weight(Graph g, int arc, bool useWeights) => useWeights ? g.Weight(arc) : 1.0;
}
