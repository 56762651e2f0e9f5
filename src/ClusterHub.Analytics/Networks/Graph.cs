using System.Diagnostics;

namespace ClusterHub.Analytics.Networks;

/// <summary>
/// An immutable graph in compressed sparse row (CSR) form over dense node ids 0..n-1.
/// <code>
///   Offsets[v] .. Offsets[v+1]-1   the arcs leaving v, in Targets (and Weights)
///   Targets[a]                      the head of arc a, sorted ascending within each node
///   Weights[a]                      the weight of arc a (null: every weight is 1)
/// </code>
/// An undirected edge {u,v} is stored as the two arcs u→v and v→u, so <see cref="EdgeCount"/>
/// is half the arcs; a self-loop is one arc. Memory: 4(n+1) + 4m (+ 8m with weights) bytes.
/// </summary>
public sealed class Graph
{
    public int NodeCount { get; }
    public bool IsDirected { get; }
    public int[] Offsets { get; }
    public int[] Targets { get; }
    public double[]? Weights { get; }

    /// <summary>Undirected: edges (a self-loop counts once); directed: arcs.</summary>
    public int EdgeCount { get; }

    public Graph(int nodeCount, bool directed, int[] offsets, int[] targets, double[]? weights)
    {
        Debug.Assert(offsets.Length == nodeCount + 1 && offsets[0] == 0 && offsets[nodeCount] == targets.Length);
        Debug.Assert(weights is null || weights.Length == targets.Length);
        NodeCount = nodeCount;
        IsDirected = directed;
        Offsets = offsets;
        Targets = targets;
        Weights = weights;
        if (directed) EdgeCount = targets.Length;
        else
        {
            var selfLoops = 0;
            for (var v = 0; v < nodeCount; v++)
                foreach (var t in Neighbors(v)) if (t == v) selfLoops++;
            EdgeCount = (targets.Length - selfLoops) / 2 + selfLoops;
        }
    }

    public bool IsWeighted => Weights is not null;

    public ReadOnlySpan<int> Neighbors(int v) => Targets.AsSpan(Offsets[v], Offsets[v + 1] - Offsets[v]);

    /// <summary>The weights of <see cref="Neighbors"/>, or empty when the graph is unweighted.</summary>
    public ReadOnlySpan<double> NeighborWeights(int v) => Weights is null ? default : Weights.AsSpan(Offsets[v], Offsets[v + 1] - Offsets[v]);

    public int Degree(int v) => Offsets[v + 1] - Offsets[v];

    public double Weight(int arc) => Weights?[arc] ?? 1.0;
}
