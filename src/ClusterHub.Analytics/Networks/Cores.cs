namespace ClusterHub.Analytics.Networks;

/// <summary>k-core numbers by the Batagelj–Zaversnik bucket algorithm (2003): O(n + m).</summary>
public static class Cores
{
    /// <summary>The core number of every node (undirected; self-loops ignored as in networkx, which refuses them).</summary>
    public static int[] CoreNumbers(Graph g)
    {
        Clustering.RequireUndirected(g);
        var n = g.NodeCount;
        var degree = new int[n];
        var maxDegree = 0;
        for (var v = 0; v < n; v++)
        {
            foreach (var u in g.Neighbors(v)) if (u != v) degree[v]++;
            maxDegree = Math.Max(maxDegree, degree[v]);
        }
        // Nodes sorted by degree (counting sort); position[v] is v's index in order, binStart[d] the first node of degree d.
        var binStart = new int[maxDegree + 2];
        foreach (var d in degree) binStart[d + 1]++;
        for (var d = 0; d <= maxDegree; d++) binStart[d + 1] += binStart[d];
        var order = new int[n];
        var position = new int[n];
        var next = (int[])binStart.Clone();
        for (var v = 0; v < n; v++) { position[v] = next[degree[v]]++; order[position[v]] = v; }

        for (var i = 0; i < n; i++)
        {
            var v = order[i];
            foreach (var u in g.Neighbors(v))
            {
                if (u == v || degree[u] <= degree[v]) continue;
                // Move u to the front of its bin, then shrink its degree by one.
                var du = degree[u];
                var first = binStart[du];
                var w = order[first];
                if (u != w)
                {
                    (order[position[u]], order[first]) = (w, u);
                    (position[u], position[w]) = (first, position[u]);
                }
                binStart[du]++;
                degree[u]--;
            }
        }
        return degree;
    }
}
