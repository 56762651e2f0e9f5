using System.Text.Json;
using ClusterHub.Analytics.Networks;

namespace ClusterHub.Analytics.Tests;

/// <summary>The test networks and the values networkx and igraph computed on them (Data/SOURCE.md).</summary>
public static class ReferenceNetworks
{
    public static readonly string[] Names = ["karate", "lesmis", "florentine"];

    private static readonly Dictionary<string, string> Files = new()
    {
        ["karate"] = "karate_edges.csv", ["lesmis"] = "lesmis_edges.csv", ["florentine"] = "florentine_edges.csv",
    };

    private static readonly JsonElement Reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "reference.json"))).RootElement;

    public static JsonElement Values(string name) => Reference.GetProperty(name);

    /// <summary>Reads an edge list (source,target[,weight]); the test's own tiny parser, the engine reads no files.</summary>
    public static NamedGraph Load(string name, bool directed = false)
    {
        var builder = new GraphBuilder(directed);
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", Files[name])).Skip(1))
        {
            var f = line.Split(',');
            builder.AddEdge(f[0], f[1], f.Length > 2 ? double.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture) : null);
        }
        return builder.Build();
    }

    /// <summary>Karate club membership after the split, aligned with <paramref name="g"/>'s ids: 0 = Mr. Hi, 1 = Officer.</summary>
    public static int[] KarateClubs(NamedGraph g)
    {
        var clubs = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "karate_nodes.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => f[1] == "Mr. Hi" ? 0 : 1);
        return g.Ids.Select(id => clubs[id]).ToArray();
    }

    /// <summary>Asserts that every node's value matches the reference within <paramref name="tolerance"/>.</summary>
    public static void AssertPerNode(NamedGraph g, IReadOnlyList<double> actual, JsonElement expected, double tolerance, string measure)
    {
        var count = 0;
        foreach (var node in expected.EnumerateObject())
        {
            var value = actual[g.IndexOf(node.Name)];
            Assert.True(Math.Abs(value - node.Value.GetDouble()) <= tolerance,
                $"{measure} of {node.Name}: expected {node.Value.GetDouble():R}, got {value:R} (tolerance {tolerance})");
            count++;
        }
        Assert.Equal(g.Graph.NodeCount, count);
    }
}
