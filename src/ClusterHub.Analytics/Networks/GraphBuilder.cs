namespace ClusterHub.Analytics.Networks;

/// <summary>What the builder does with an edge from a node to itself.</summary>
public enum SelfLoopPolicy
{
    /// <summary>Dropped: the default, since collaboration and governance ties are between distinct actors.</summary>
    Drop,
    Keep,
}

/// <summary>A built graph with the external id of every dense node id.</summary>
public sealed record NamedGraph(Graph Graph, IReadOnlyList<string> Ids)
{
    private Dictionary<string, int>? index;

    public int IndexOf(string id) => (index ??= Ids.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i, StringComparer.Ordinal))[id];
}

/// <summary>
/// Builds a <see cref="Graph"/> from an edge list with string ids. External ids are mapped to
/// dense integers once, here; repeated edges are merged by summing their weights (an undirected
/// edge given as a–b and b–a is one edge).
/// </summary>
public sealed class GraphBuilder(bool directed = false, SelfLoopPolicy selfLoops = SelfLoopPolicy.Drop)
{
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly List<string> names = [];
    private readonly Dictionary<(int, int), double> edges = [];
    private bool weighted;

    /// <summary>Adds a node with no edges yet (isolated nodes count in every measure).</summary>
    public int AddNode(string id)
    {
        if (ids.TryGetValue(id, out var v)) return v;
        ids[id] = names.Count;
        names.Add(id);
        return names.Count - 1;
    }

    public void AddEdge(string source, string target, double? weight = null)
    {
        if (weight is { } w && (double.IsNaN(w) || double.IsInfinity(w) || w < 0)) throw new ArgumentOutOfRangeException(nameof(weight), weight, "weights must be finite and ≥ 0");
        var u = AddNode(source);
        var v = AddNode(target);
        if (u == v && selfLoops == SelfLoopPolicy.Drop) return;
        if (weight is not null) weighted = true;
        var key = directed || u <= v ? (u, v) : (v, u);
        edges[key] = edges.GetValueOrDefault(key) + (weight ?? 1.0);
    }

    public NamedGraph Build()
    {
        var n = names.Count;
        var counts = new int[n + 1];
        foreach (var ((u, v), _) in edges)
        {
            counts[u + 1]++;
            if (!directed && u != v) counts[v + 1]++;
        }
        for (var i = 0; i < n; i++) counts[i + 1] += counts[i];
        var offsets = (int[])counts.Clone();
        var targets = new int[offsets[n]];
        var weights = weighted ? new double[offsets[n]] : null;
        var cursor = (int[])counts.Clone();
        foreach (var ((u, v), w) in edges)
        {
            Put(u, v, w);
            if (!directed && u != v) Put(v, u, w);
        }
        // Sorted neighbour lists: deterministic iteration and merge-based triangle counting.
        for (var v = 0; v < n; v++)
        {
            var (start, len) = (offsets[v], offsets[v + 1] - offsets[v]);
            if (weights is null) Array.Sort(targets, start, len);
            else Array.Sort(targets, weights, start, len);
        }
        return new NamedGraph(new Graph(n, directed, offsets, targets, weights), names.ToArray());

        void Put(int from, int to, double w)
        {
            var a = cursor[from]++;
            targets[a] = to;
            if (weights is not null) weights[a] = w;
        }
    }
}
