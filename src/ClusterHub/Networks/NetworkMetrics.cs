using System.Globalization;
using ClusterHub.Analytics.Networks;
using ClusterHub.Web;

namespace ClusterHub.Networks;

/// <summary>What <see cref="NetworkMetrics.Compute"/> computes.</summary>
/// <param name="Pivots">Estimate betweenness, closeness, harmonic and the path statistics from this many random sources; null: exact.</param>
/// <param name="Seed">Seed of the pivot choice.</param>
/// <param name="Partition">Node attribute whose values are the groups of the brokerage roles.</param>
/// <param name="UseWeights">PageRank, eigenvector and constraint use edge weights as tie strengths.</param>
/// <param name="Distances">How the distance measures (betweenness, closeness, harmonic, diameter, average path) measure a path.</param>
public sealed record MetricsOptions(int? Pivots = null, int Seed = 0, string? Partition = null, bool UseWeights = true, PathLength Distances = PathLength.Hops);

/// <summary>How a path is measured: by its ties, by the sum of their weights read as lengths (networkx's and igraph's
/// convention), or by the sum of 1/weight, for weights that are tie strengths such as shared projects (Newman 2001).</summary>
public enum PathLength { Hops, Weights, Inverse }

/// <summary>The whole network in numbers; <c>Pivots</c>: the sources that betweenness (and, when <c>DistancesAreEstimates</c>,
/// closeness, harmonic, the average path and a lower bound of the diameter) were estimated from, or null when exact;
/// <c>Distances</c>: how those paths were measured (hops on an unweighted network, whatever was asked).</summary>
public sealed record NetworkSummary(int Nodes, int Edges, bool Directed, double Density, int Components, double? Transitivity, int? Pivots,
    double Diameter, double AveragePathLength, bool DistancesAreEstimates, PathLength Distances, GroupSummary? Groups);

/// <summary>How the groups of a node attribute mix: E-I index (−1 inward … +1 outward) and categorical assortativity.</summary>
public sealed record GroupSummary(string Attribute, int Count, double EI, double Assortativity);

/// <summary>Every per-node measure of the engine over one network, as named columns (CLI now, web pages later).</summary>
public static class NetworkMetrics
{
    /// <param name="network">The network and its node attributes.</param>
    /// <param name="options">What to compute and how.</param>
    /// <param name="progress">Told each step as it starts; the searches from every source (betweenness, closeness) take
    /// most of the bar and report as their sources finish.</param>
    public static (NetworkSummary Summary, Dictionary<string, double[]> Columns) Compute(Network network, MetricsOptions options, IProgress<WorkProgress>? progress = null)
    {
        var g = network.Graph.Graph;
        var columns = new Dictionary<string, double[]>();
        var byLength = options.Distances != PathLength.Hops && g.IsWeighted;
        var paths = options.Distances == PathLength.Inverse ? Topology.InverseWeights(g) : g;
        var done = 0.0;
        const double LightStep = 0.01; // each O(m) measure: 1 % of the bar; the searches from every source (or pivot) the rest
        void Add(string name, Func<double[]> compute)
        {
            progress?.Report(new WorkProgress(name, done));
            columns[name] = compute();
            done += LightStep;
        }
        Add("degree", () => [.. Topology.Degrees(g).Select(d => (double)d)]);
        Add("strength", () => Topology.Strengths(g));
        // One search per source (or pivot) serves betweenness, closeness, harmonic and the path statistics.
        const double SearchShare = 1 - 20 * LightStep;
        var (betweenness, distances) = PathMeasures.BetweennessAndDistances(paths,
            new BetweennessOptions { Pivots = options.Pivots, Seed = options.Seed, WeightsAsDistances = byLength },
            progress.Step("betweenness, closeness", done, done + SearchShare));
        done += SearchShare;
        columns["betweenness"] = betweenness.Values;
        columns["closeness"] = distances.Closeness;
        columns["harmonic"] = distances.Harmonic;
        Add("pagerank", () => Centrality.PageRank(g, new PageRankOptions { UseWeights = options.UseWeights }).Ranks);
        Add("eigenvector", () => Centrality.Eigenvector(g, options.UseWeights).Values);
        double? transitivity = null;
        if (!g.IsDirected)
        {
            Add("clustering", () => Clustering.Local(g));
            Add("core", () => [.. Cores.CoreNumbers(g).Select(c => (double)c)]);
            Add("constraint", () => Brokerage.Constraint(g, options.UseWeights));
            Add("effective_size", () => Brokerage.EffectiveSize(g, options.UseWeights));
            transitivity = Clustering.Transitivity(g);
        }
        GroupSummary? groupSummary = null;
        if (options.Partition is { } attribute)
        {
            var groups = PartitionOf(network, attribute);
            groupSummary = new GroupSummary(attribute, groups.Length == 0 ? 0 : groups.Max() + 1,
                g.IsDirected ? double.NaN : Groups.EI(g, groups).Overall, Groups.Assortativity(g, groups));
            var roles = Groups.Brokerage(g, groups);
            Add("coordinator", () => [.. roles.Select(r => (double)r.Coordinator)]);
            Add("itinerant", () => [.. roles.Select(r => (double)r.Itinerant)]);
            Add("gatekeeper", () => [.. roles.Select(r => (double)r.Gatekeeper)]);
            Add("representative", () => [.. roles.Select(r => (double)r.Representative)]);
            Add("liaison", () => [.. roles.Select(r => (double)r.Liaison)]);
        }
        var summary = new NetworkSummary(g.NodeCount, g.EdgeCount, g.IsDirected, Topology.Density(g), Topology.Components(g).Count, transitivity,
            betweenness.IsEstimate ? betweenness.Sources : null, distances.Diameter, distances.AverageShortestPathLength, distances.IsEstimate,
            byLength ? options.Distances : PathLength.Hops, groupSummary);
        return (summary, columns);
    }

    /// <summary>Group labels 0..k-1 from a node attribute; nodes without a value form their own "(none)" group.</summary>
    public static int[] PartitionOf(Network network, string attribute)
    {
        if (!network.NodeAttributes.TryGetValue(attribute, out var values))
            throw new InvalidOperationException($"no node attribute '{attribute}' (attributes: {string.Join(", ", network.NodeAttributes.Keys)})");
        var labels = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. values.Select(v => labels.TryGetValue(v ?? "(none)", out var l) ? l : labels[v ?? "(none)"] = labels.Count)];
    }

    /// <summary>The per-node table as CSV: <c>node</c>, then one column per measure (the <c>network metrics</c> output, and a job's download).</summary>
    public static void WriteCsv(Network network, IReadOnlyDictionary<string, double[]> columns, TextWriter output)
    {
        using var csv = new CsvHelper.CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        csv.WriteField("node");
        foreach (var name in columns.Keys) csv.WriteField(name);
        csv.NextRecord();
        for (var v = 0; v < network.Graph.Ids.Count; v++)
        {
            csv.WriteField(network.Graph.Ids[v]);
            foreach (var values in columns.Values) csv.WriteField(values[v].ToString("R", CultureInfo.InvariantCulture));
            csv.NextRecord();
        }
    }

    /// <summary>The network with the columns added as node attributes (for GEXF/GraphML/JSON output).</summary>
    public static Network WithColumns(Network network, IReadOnlyDictionary<string, double[]> columns)
    {
        var attributes = new Dictionary<string, string?[]>(network.NodeAttributes);
        foreach (var (name, values) in columns) attributes[name] = [.. values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))];
        return network with { NodeAttributes = attributes };
    }
}
