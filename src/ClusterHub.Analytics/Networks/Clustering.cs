namespace ClusterHub.Analytics.Networks;

/// <summary>Triangles, local clustering and transitivity of an undirected graph (weights and self-loops ignored).</summary>
public static class Clustering
{
    /// <summary>
    /// Triangles through each node. Edges are oriented from lower to higher (degree, id) rank, so each
    /// triangle is found once, from its lowest-ranked node, marking that node's forward neighbours and
    /// scanning theirs: O(m^1.5) (Chiba &amp; Nishizeki 1985; Latapy 2008). Each worker counts into
    /// its own array; the arrays are summed at the end (no atomic increments in the inner loop).
    /// </summary>
    public static long[] Triangles(Graph g)
    {
        RequireUndirected(g);
        var n = g.NodeCount;
        // Forward adjacency: u → w only when w ranks above u; self-loops dropped.
        var offsets = new int[n + 1];
        bool Above(int u, int w) => g.Degree(w) > g.Degree(u) || (g.Degree(w) == g.Degree(u) && w > u);
        for (var u = 0; u < n; u++)
            foreach (var w in g.Neighbors(u)) if (w != u && Above(u, w)) offsets[u + 1]++;
        for (var u = 0; u < n; u++) offsets[u + 1] += offsets[u];
        var forward = new int[offsets[n]];
        for (var u = 0; u < n; u++)
        {
            var a = offsets[u];
            foreach (var w in g.Neighbors(u)) if (w != u && Above(u, w)) forward[a++] = w;
        }

        var total = new long[n];
        Workers.ForEach(n, () => (Counts: new long[n], Mark: new int[n]), (s, v) =>
        {
            var stamp = v + 1; // each node is visited once: its number marks its neighbours, no clearing needed
            for (var a = offsets[v]; a < offsets[v + 1]; a++) s.Mark[forward[a]] = stamp;
            for (var a = offsets[v]; a < offsets[v + 1]; a++)
            {
                var u = forward[a];
                for (var b = offsets[u]; b < offsets[u + 1]; b++)
                {
                    var w = forward[b];
                    if (s.Mark[w] != stamp) continue;
                    s.Counts[v]++;
                    s.Counts[u]++;
                    s.Counts[w]++;
                }
            }
        }, s => { for (var v = 0; v < n; v++) total[v] += s.Counts[v]; }, block: 256);
        return total;
    }

    /// <summary>Local clustering: triangles / (k(k-1)/2), 0 for degree below 2 (as networkx).</summary>
    public static double[] Local(Graph g)
    {
        var t = Triangles(g);
        var c = new double[g.NodeCount];
        for (var v = 0; v < g.NodeCount; v++)
        {
            long k = DegreeWithoutLoops(g, v);
            c[v] = k < 2 ? 0 : 2.0 * t[v] / (k * (k - 1));
        }
        return c;
    }

    public static double AverageLocal(Graph g) => g.NodeCount == 0 ? 0 : Local(g).Average();

    /// <summary>Transitivity: 3 × triangles / connected triples.</summary>
    public static double Transitivity(Graph g)
    {
        var t = Triangles(g);
        double triangles = 0, triples = 0;
        for (var v = 0; v < g.NodeCount; v++)
        {
            long k = DegreeWithoutLoops(g, v);
            triangles += t[v];
            triples += k * (k - 1) / 2.0;
        }
        return triples == 0 ? 0 : triangles / triples;
    }

    private static int DegreeWithoutLoops(Graph g, int v)
    {
        var k = 0;
        foreach (var u in g.Neighbors(v)) if (u != v) k++;
        return k;
    }

    internal static void RequireUndirected(Graph g)
    {
        if (g.IsDirected) throw new ArgumentException("This measure is defined here for undirected graphs.", nameof(g));
    }
}
