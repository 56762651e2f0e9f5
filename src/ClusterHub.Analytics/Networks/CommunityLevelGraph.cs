namespace ClusterHub.Analytics.Networks;

/// <summary>
/// A weighted undirected graph of one Louvain or Leiden level: arcs without self-loops (both directions),
/// the self-loop weight of each node apart, and its strength (arcs + twice the loop).
/// </summary>
internal sealed class LevelGraph(int[] offsets, int[] targets, double[] weights, double[] loops)
{
    public int NodeCount => loops.Length;
    public int[] Offsets => offsets;
    public int[] Targets => targets;
    public double[] Weights => weights;
    public double[] Strength { get; } = ComputeStrength(offsets, weights, loops);

    private static double[] ComputeStrength(int[] offsets, double[] weights, double[] loops)
    {
        var s = new double[loops.Length];
        for (var v = 0; v < loops.Length; v++)
        {
            s[v] = 2 * loops[v];
            for (var a = offsets[v]; a < offsets[v + 1]; a++) s[v] += weights[a];
        }
        return s;
    }

    public static LevelGraph From(Graph g, bool useWeights)
    {
        var n = g.NodeCount;
        var loops = new double[n];
        var offsets = new int[n + 1];
        var targets = new List<int>(g.Targets.Length);
        var weights = new List<double>(g.Targets.Length);
        for (var v = 0; v < n; v++)
        {
            for (var a = g.Offsets[v]; a < g.Offsets[v + 1]; a++)
            {
                var w = useWeights ? g.Weight(a) : 1.0;
                if (g.Targets[a] == v) loops[v] += w;
                else { targets.Add(g.Targets[a]); weights.Add(w); }
            }
            offsets[v + 1] = targets.Count;
        }
        return new LevelGraph(offsets, [.. targets], [.. weights], loops);
    }

    /// <summary>
    /// Each community becomes a node; edges between communities are summed, edges inside become its loop.
    /// Flat arrays throughout (members by counting sort, arcs written in place): this runs once per level and
    /// dominated Leiden's time when it built a list per community.
    /// </summary>
    public LevelGraph Collapse(int[] community, int count)
    {
        var start = new int[count + 1];
        foreach (var c in community) start[c + 1]++;
        for (var c = 0; c < count; c++) start[c + 1] += start[c];
        var members = new int[NodeCount];
        var cursor = start[..^1];
        for (var v = 0; v < NodeCount; v++) members[cursor[community[v]]++] = v;

        var newLoops = new double[count];
        var newOffsets = new int[count + 1];
        var newTargets = new int[targets.Length]; // never more arcs than this level has
        var newWeights = new double[targets.Length];
        var weightTo = new double[count];
        var touched = new int[count];
        var arcs = 0;
        for (var c = 0; c < count; c++)
        {
            var found = 0;
            for (var i = start[c]; i < start[c + 1]; i++)
            {
                var v = members[i];
                newLoops[c] += loops[v];
                for (var a = offsets[v]; a < offsets[v + 1]; a++)
                {
                    var d = community[targets[a]];
                    // An inside edge is met from both ends: half its weight each time.
                    if (d == c) { newLoops[c] += weights[a] / 2; continue; }
                    if (weightTo[d] == 0) touched[found++] = d;
                    weightTo[d] += weights[a];
                }
            }
            for (var i = 0; i < found; i++)
            {
                var d = touched[i];
                newTargets[arcs] = d;
                newWeights[arcs++] = weightTo[d];
                weightTo[d] = 0;
            }
            newOffsets[c + 1] = arcs;
        }
        return new LevelGraph(newOffsets, newTargets[..arcs], newWeights[..arcs], newLoops);
    }
}
