using System.Globalization;
using ClusterHub.Analytics.Networks;

namespace ClusterHub.Benchmarks;

/// <summary>The benchmark graphs: seeded G(n, m) random graphs and the CORDIS H2020 organisation network.</summary>
public static class Graphs
{
    /// <summary>G(n, m): m distinct edges drawn uniformly (seeded), no self-loops. Same generator as bench/compare/compare.py's files.</summary>
    public static NamedGraph Random(int n, int m, int seed)
    {
        var b = new GraphBuilder();
        for (var i = 0; i < n; i++) b.AddNode(i.ToString(CultureInfo.InvariantCulture));
        foreach (var (u, v) in RandomEdges(n, m, seed)) b.AddEdge(u.ToString(CultureInfo.InvariantCulture), v.ToString(CultureInfo.InvariantCulture));
        return b.Build();
    }

    /// <summary>A 64-bit LCG (Knuth's MMIX constants) so Python can draw the very same edges.</summary>
    public static IEnumerable<(int U, int V)> RandomEdges(int n, int m, int seed)
    {
        var state = (ulong)seed;
        var seen = new HashSet<long>();
        while (seen.Count < m)
        {
            state = state * 6364136223846793005UL + 1442695040888963407UL;
            var u = (int)((state >> 33) % (ulong)n);
            state = state * 6364136223846793005UL + 1442695040888963407UL;
            var v = (int)((state >> 33) % (ulong)n);
            if (u == v) continue;
            var key = (long)Math.Min(u, v) * n + Math.Max(u, v);
            if (seen.Add(key)) yield return (u, v);
        }
    }

    /// <summary>Organisations of H2020 projects tied by shared projects (shared/data/cordis_h2020_eunets), or null when the file is absent.</summary>
    public static NamedGraph? Cordis() => CordisParticipations() is { } pairs ? Bipartite.Project(pairs) : null;

    /// <summary>(organisation PIC, project RCN) of every H2020 participation, or null when shared/data is absent.</summary>
    public static List<(string Organisation, string Project)>? CordisParticipations()
    {
        var file = FindUp(Path.Combine("shared", "data", "cordis_h2020_eunets", "h2020_participations.csv"));
        return file is null ? null : [.. File.ReadLines(file).Skip(1).Select(l => l.Split(',')).Select(f => (f[2], f[0]))];
    }

    public static string? FindUp(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
