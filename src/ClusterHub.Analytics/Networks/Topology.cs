namespace ClusterHub.Analytics.Networks;

/// <summary>Degree, strength, density and connected components.</summary>
public static class Topology
{
    public static int[] Degrees(Graph g)
    {
        var d = new int[g.NodeCount];
        for (var v = 0; v < g.NodeCount; v++) d[v] = g.Degree(v);
        return d;
    }

    /// <summary>Sum of the weights of each node's arcs (the degree when unweighted).</summary>
    public static double[] Strengths(Graph g)
    {
        var s = new double[g.NodeCount];
        for (var v = 0; v < g.NodeCount; v++)
        {
            var w = g.NeighborWeights(v);
            if (w.IsEmpty) s[v] = g.Degree(v);
            else foreach (var x in w) s[v] += x;
        }
        return s;
    }

    /// <summary>m / (n(n-1)/2) undirected, m / (n(n-1)) directed; self-loops count as edges, as in networkx.</summary>
    public static double Density(Graph g)
    {
        long n = g.NodeCount;
        if (n < 2) return 0;
        return g.IsDirected ? (double)g.EdgeCount / (n * (n - 1)) : 2.0 * g.EdgeCount / (n * (n - 1));
    }

    /// <summary>
    /// Connected components (weakly connected for a directed graph): a label per node, 0..count-1 by first node.
    /// Union–find with path halving over each arc once (an undirected edge from its lower end only): half the arcs
    /// a traversal reads, and no reversed copy for directed graphs.
    /// </summary>
    public static (int Count, int[] Labels) Components(Graph g)
    {
        var n = g.NodeCount;
        var parent = new int[n];
        for (var v = 0; v < n; v++) parent[v] = v;
        int Find(int v)
        {
            while (parent[v] != v) v = parent[v] = parent[parent[v]];
            return v;
        }
        for (var u = 0; u < n; u++)
            foreach (var v in g.Neighbors(u))
            {
                if (!g.IsDirected && v <= u) continue;
                var (a, b) = (Find(u), Find(v));
                if (a == b) continue;
                if (a < b) parent[b] = a; else parent[a] = b; // the smaller node is the root
            }
        // Roots are each component's smallest node, so labelling roots in node order numbers components by first node.
        var labels = new int[n];
        var count = 0;
        for (var v = 0; v < n; v++) labels[v] = parent[v] == v ? count++ : labels[Find(v)];
        return (count, labels);
    }

    /// <summary>The graph with every arc reversed (directed graphs only).</summary>
    public static Graph Reverse(Graph g)
    {
        var n = g.NodeCount;
        var offsets = new int[n + 1];
        foreach (var t in g.Targets) offsets[t + 1]++;
        for (var i = 0; i < n; i++) offsets[i + 1] += offsets[i];
        var cursor = (int[])offsets.Clone();
        var targets = new int[g.Targets.Length];
        var weights = g.Weights is null ? null : new double[g.Targets.Length];
        for (var v = 0; v < n; v++)
            for (var a = g.Offsets[v]; a < g.Offsets[v + 1]; a++)
            {
                var slot = cursor[g.Targets[a]]++;
                targets[slot] = v; // sources visited in order: lists come out sorted
                if (weights is not null) weights[slot] = g.Weights![a];
            }
        return new Graph(n, true, offsets, targets, weights);
    }

    /// <summary>
    /// The same arcs with each weight w turned into the length 1/w, for networks whose weights are tie strengths (shared
    /// projects, Newman's collaboration weight): a strong tie is a short step (Newman 2001, "Scientific collaboration
    /// networks II"). A zero-strength tie gets an infinite length and lies on no shortest path. Unweighted: unchanged.
    /// </summary>
    public static Graph InverseWeights(Graph g) =>
        g.Weights is null ? g : new Graph(g.NodeCount, g.IsDirected, g.Offsets, g.Targets, [.. g.Weights.Select(w => 1 / w)]);
}
