namespace ClusterHub.Analytics.Networks;

/// <summary>Triangles, local clustering and transitivity of an undirected graph (weights and self-loops ignored).</summary>
public static class Clustering
{
    /// <summary>
    /// Triangles through each node. Each triangle v&lt;u&lt;w is found once, at its lowest node, by
    /// merging the sorted neighbour lists of v and u; O(Σ over edges of the two degrees).
    /// </summary>
    public static long[] Triangles(Graph g)
    {
        RequireUndirected(g);
        var triangles = new long[g.NodeCount];
        Parallel.For(0, g.NodeCount, v =>
        {
            var nv = g.Neighbors(v);
            foreach (var u in nv)
            {
                if (u <= v) continue;
                var nu = g.Neighbors(u);
                int i = 0, j = 0;
                while (i < nv.Length && j < nu.Length)
                {
                    if (nv[i] < nu[j]) i++;
                    else if (nv[i] > nu[j]) j++;
                    else
                    {
                        var w = nv[i];
                        if (w > u)
                        {
                            Interlocked.Increment(ref triangles[v]);
                            Interlocked.Increment(ref triangles[u]);
                            Interlocked.Increment(ref triangles[w]);
                        }
                        i++;
                        j++;
                    }
                }
            }
        });
        return triangles;
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
