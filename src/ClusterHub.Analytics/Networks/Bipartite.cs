using System.Runtime.InteropServices;

namespace ClusterHub.Analytics.Networks;

public enum ProjectionWeighting
{
    /// <summary>Weight = the number of projects the two actors share.</summary>
    SharedCount,

    /// <summary>Newman (2001): each project of n partners adds 1/(n−1) to every pair in it, so a large consortium counts less per tie.</summary>
    Newman,
}

/// <summary>One-mode projection of actor × event participations (organisations × projects).</summary>
public static class Bipartite
{
    /// <summary>
    /// Projects participations onto the actors: two actors are tied when they share an event. Every
    /// actor becomes a node (in order of first appearance), tied or not; a repeated participation counts once.
    /// </summary>
    /// <remarks>
    /// Computed as the sparse product B·Bᵀ row by row, straight into CSR: ids are mapped once, then each actor sums
    /// its co-participants over its events in a dense scratch row, on all cores, in chunks of rows that each fill
    /// buffers of their own. Going through
    /// <see cref="GraphBuilder"/> pair by pair (a dictionary entry per pair) took 0.38 s on CORDIS, four times igraph.
    /// </remarks>
    public static NamedGraph Project(IEnumerable<(string Actor, string Event)> participations, ProjectionWeighting weighting = ProjectionWeighting.SharedCount)
    {
        var actors = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var events = new Dictionary<string, int>(StringComparer.Ordinal);
        var pairs = new List<(int Event, int Actor)>();
        foreach (var (actor, ev) in participations)
        {
            if (!actors.TryGetValue(actor, out var a)) { actors[actor] = a = names.Count; names.Add(actor); }
            if (!events.TryGetValue(ev, out var e)) events[ev] = e = events.Count;
            pairs.Add((e, a));
        }
        var byEvent = Incidence(pairs, events.Count, p => p.Event, p => p.Actor);   // event → its distinct actors
        var byActor = Incidence(pairs, names.Count, p => p.Actor, p => p.Event);    // actor → its distinct events
        var eventWeight = new double[events.Count];
        for (var e = 0; e < eventWeight.Length; e++)
        {
            var size = byEvent.Offsets[e + 1] - byEvent.Offsets[e];
            eventWeight[e] = weighting == ProjectionWeighting.Newman && size > 1 ? 1.0 / (size - 1) : 1.0;
        }

        // Rows in chunks on all cores; each chunk appends its rows to buffers of its own, stitched together after.
        var n = names.Count;
        const int ChunkRows = 512;
        var chunks = new (List<int> Targets, List<double> Weights)[(n + ChunkRows - 1) / ChunkRows];
        var degree = new int[n];
        Workers.ForEach(chunks.Length, () => (Sum: new double[n], Touched: new List<int>()), (scratch, chunk) =>
        {
            var (first, end) = (chunk * ChunkRows, Math.Min(n, (chunk + 1) * ChunkRows));
            // Sized once by an upper bound (every co-participation a distinct tie) instead of growing by doubling.
            var bound = 0;
            for (var u = first; u < end; u++)
                for (var i = byActor.Offsets[u]; i < byActor.Offsets[u + 1]; i++)
                    bound += byEvent.Offsets[byActor.Targets[i] + 1] - byEvent.Offsets[byActor.Targets[i]] - 1;
            var (targets, weights) = chunks[chunk] = (new List<int>(bound), new List<double>(bound));
            for (var u = first; u < end; u++)
            {
                for (var i = byActor.Offsets[u]; i < byActor.Offsets[u + 1]; i++)
                {
                    var e = byActor.Targets[i];
                    for (var j = byEvent.Offsets[e]; j < byEvent.Offsets[e + 1]; j++)
                    {
                        var v = byEvent.Targets[j];
                        if (v == u) continue;
                        if (scratch.Sum[v] == 0) scratch.Touched.Add(v);
                        scratch.Sum[v] += eventWeight[e];
                    }
                }
                scratch.Touched.Sort();
                foreach (var v in scratch.Touched)
                {
                    targets.Add(v);
                    weights.Add(scratch.Sum[v]);
                    scratch.Sum[v] = 0;
                }
                degree[u] = scratch.Touched.Count;
                scratch.Touched.Clear();
            }
        });

        var offsets = new int[n + 1];
        for (var u = 0; u < n; u++) offsets[u + 1] = offsets[u] + degree[u];
        var allTargets = new int[offsets[n]];
        var allWeights = new double[offsets[n]];
        for (var c = 0; c < chunks.Length; c++)
        {
            var start = offsets[c * ChunkRows];
            CollectionsMarshal.AsSpan(chunks[c].Targets).CopyTo(allTargets.AsSpan(start));
            CollectionsMarshal.AsSpan(chunks[c].Weights).CopyTo(allWeights.AsSpan(start));
        }
        return new NamedGraph(new Graph(n, false, offsets, allTargets, allWeights), names);
    }

    /// <summary>A CSR incidence (row → sorted distinct columns) from (row, column) pairs.</summary>
    private static (int[] Offsets, int[] Targets) Incidence(List<(int Event, int Actor)> pairs, int rows, Func<(int Event, int Actor), int> row, Func<(int Event, int Actor), int> column)
    {
        var offsets = new int[rows + 1];
        foreach (var p in pairs) offsets[row(p) + 1]++;
        for (var r = 0; r < rows; r++) offsets[r + 1] += offsets[r];
        var cursor = offsets[..^1];
        var targets = new int[pairs.Count];
        foreach (var p in pairs) targets[cursor[row(p)]++] = column(p);
        // Sort and drop repeats in each row, compacting in place.
        var write = 0;
        var compact = new int[rows + 1];
        for (var r = 0; r < rows; r++)
        {
            Array.Sort(targets, offsets[r], offsets[r + 1] - offsets[r]);
            for (var i = offsets[r]; i < offsets[r + 1]; i++)
                if (i == offsets[r] || targets[i] != targets[i - 1]) targets[write++] = targets[i];
            compact[r + 1] = write;
        }
        return (compact, targets[..write]);
    }
}
