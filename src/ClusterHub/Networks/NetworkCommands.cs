using System.CommandLine;
using System.Globalization;
using System.Text;
using ClusterHub.Analytics.Networks;
using ClusterHub.Cli;
using ClusterHub.Exchange;
using ClusterHub.Web;
using CsvHelper;

namespace ClusterHub.Networks;

public enum CommunityMethod { Leiden, Louvain }

/// <summary>The <c>network</c> verbs: metrics, communities, project, convert. Files in, files out; no database.</summary>
public static class NetworkCommands
{
    private static readonly Option<string> Source = new("--source") { DefaultValueFactory = _ => "source", Description = "CSV column of the edge's first end" };
    private static readonly Option<string> Target = new("--target") { DefaultValueFactory = _ => "target", Description = "CSV column of the edge's second end" };
    private static readonly Option<string?> WeightColumn = new("--weight") { DefaultValueFactory = _ => "weight", Description = "CSV column (or GML edge key) of the weight (absent: unweighted)" };
    private static readonly Option<bool> Directed = new("--directed") { Description = "Read a CSV edge list as directed" };
    private static readonly Option<FileInfo?> Output = new("--output", "-o") { Description = "Output file; its extension picks the format (.csv .json .gexf .graphml .gml .net)" };
    private static readonly Option<GexfVersion> Gexf = new("--gexf") { Description = "GEXF version written: Draft12 (1.2draft, read by networkx 2.8 and Gephi) or Gexf13", DefaultValueFactory = _ => GexfVersion.Draft12 };
    private static readonly Option<GmlText> Gml = new("--gml") { Description = "GML text: Ascii (entities beyond ASCII; networkx, Gephi) or Utf8 (igraph)", DefaultValueFactory = _ => GmlText.Ascii };
    private static NetworkWriteOptions WriteOptions(ParseResult parse) => new(parse.GetValue(Gexf), parse.GetValue(Gml));

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = new Argument<FileInfo>("file") { Description = "Network file: .csv edge list, .graphml, .gexf, .gml, .net or .json" };
        var pivots = new Option<int?>("--pivots") { Description = "Estimate betweenness, closeness, harmonic, diameter and average path from this many random sources (big graphs)" };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 0, Description = "Seed of the pivot draw (metrics) or of the community search" };
        var partition = new Option<string?>("--partition") { Description = "Node attribute for brokerage roles (e.g. region)" };
        var lengths = new Option<PathLength>("--distances")
        {
            DefaultValueFactory = _ => PathLength.Hops,
            Description = "How betweenness, closeness, harmonic, diameter and average path measure a path: Hops, Weights (weights are lengths) or Inverse (weights are tie strengths; a tie's length is 1/weight)",
        };
        var metrics = new Command("metrics", "Per-node centrality, clustering, cores, structural holes and brokerage") { input, pivots, seed, partition, lengths, Source, Target, WeightColumn, Directed, Output, Gexf, Gml };
        metrics.SetAction(parse =>
        {
            var (network, (summary, columns)) = WithProgress(stderr, bar =>
            {
                var network = Load(parse, input, bar);
                return (network, NetworkMetrics.Compute(network, new MetricsOptions(parse.GetValue(pivots), parse.GetValue(seed), parse.GetValue(partition), Distances: parse.GetValue(lengths)), bar));
            });
            stdout.WriteLine(Describe(summary));
            WriteTable(parse, network, columns, stdout);
            return 0;
        });

        var resolution = new Option<double>("--resolution") { DefaultValueFactory = _ => 1.0, Description = "γ: above 1 favours smaller communities" };
        var method = new Option<CommunityMethod>("--method") { DefaultValueFactory = _ => CommunityMethod.Leiden, Description = "Leiden (connected communities) or Louvain" };
        var iterations = new Option<int>("--iterations") { DefaultValueFactory = _ => 2, Description = "Leiden iterations, each from the last result; negative: until stable" };
        var compare = new Option<string?>("--compare") { Description = "Node attribute to set the communities beside (e.g. region): NMI and adjusted Rand index" };
        var communities = new Command("communities", "Communities (Leiden or Louvain, seeded) with modularity") { input, method, seed, resolution, iterations, compare, Source, Target, WeightColumn, Output, Gexf, Gml };
        communities.SetAction(parse =>
        {
            var (network, result) = WithProgress(stderr, bar =>
            {
                var network = Load(parse, input, bar);
                if (network.Graph.Graph.IsDirected) throw new CliException($"{parse.GetValue(input)!.Name}: communities are found in undirected networks; this one is directed");
                var options = new CommunityOptions { Seed = parse.GetValue(seed), Resolution = parse.GetValue(resolution), MaxIterations = parse.GetValue(iterations) };
                return (network, parse.GetValue(method) == CommunityMethod.Louvain
                    ? Communities.Louvain(network.Graph.Graph, options)
                    : Communities.Leiden(network.Graph.Graph, options, bar.Step("communities", 0.1, 1)));
            });
            var line = string.Create(CultureInfo.InvariantCulture, $"{result.Count} communities, modularity {result.Modularity:0.######} ({parse.GetValue(method)}, seed {parse.GetValue(seed)})");
            if (parse.GetValue(compare) is { } attribute)
            {
                var groups = NetworkMetrics.PartitionOf(network, attribute);
                line += string.Create(CultureInfo.InvariantCulture,
                    $"; beside {attribute} ({groups.Distinct().Count()} groups): NMI {Partitions.NormalizedMutualInformation(groups, result.Community):0.####}, adjusted Rand {Partitions.AdjustedRandIndex(groups, result.Community):0.####}");
            }
            stdout.WriteLine(line);
            WriteTable(parse, network, new Dictionary<string, double[]> { ["community"] = [.. result.Community.Select(c => (double)c)] }, stdout);
            return 0;
        });

        var actor = new Option<string>("--actor") { Required = true, Description = "CSV column of the actor (organisation)" };
        var ev = new Option<string>("--event") { Required = true, Description = "CSV column of the event (project)" };
        var weighting = new Option<ProjectionWeighting>("--weighting") { DefaultValueFactory = _ => ProjectionWeighting.SharedCount, Description = "SharedCount or Newman" };
        var keep = new Option<string[]>("--attributes")
        {
            AllowMultipleArgumentsPerToken = true,
            Description = "Columns that describe the actor (e.g. country type), kept as node attributes: each actor's most frequent value",
        };
        var rows = new Argument<FileInfo>("file") { Description = "Participations CSV: one row per actor in an event (e.g. organisation in project)" };
        var project = new Command("project", "Project actor × event participations onto actors") { rows, actor, ev, weighting, keep, Output, Gexf, Gml };
        project.SetAction(parse =>
        {
            var (participations, projected) = WithProgress(stderr, bar =>
            {
                var participations = ReadFile(parse, rows, bar, (reader, name) =>
                    ParticipationFile.Read(reader, name, parse.GetValue(actor)!, parse.GetValue(ev)!, parse.GetValue(keep) ?? []));
                bar.Report(new WorkProgress("projecting", 0.5));
                return (participations, participations.Project(parse.GetValue(weighting)));
            });
            stdout.WriteLine($"{projected.Graph.Graph.NodeCount} actors, {projected.Graph.Graph.EdgeCount} ties from {participations.Pairs.Count} participations");
            WriteNetwork(parse, projected, stdout);
            return 0;
        });

        var convert = new Command("convert", "Convert between network formats") { input, Source, Target, WeightColumn, Directed, Output, Gexf, Gml };
        convert.SetAction(parse =>
        {
            WriteNetwork(parse, WithProgress(stderr, bar => Load(parse, input, bar)), stdout);
            return 0;
        });
        return new Command("network", "Network analytics over files") { metrics, communities, project, convert };
    }

    /// <summary>The metrics verb's first line: the whole network in numbers.</summary>
    private static string Describe(NetworkSummary s) => string.Concat(
        FormattableString.Invariant($"{s.Nodes} nodes, {s.Edges} edges, density {s.Density:0.######}, {s.Components} component(s)"),
        s.Transitivity is { } t ? FormattableString.Invariant($", transitivity {t:0.######}") : "",
        FormattableString.Invariant($", diameter {(s.DistancesAreEstimates ? "≥ " : "")}{s.Diameter:0.####}, average path {s.AveragePathLength:0.####}"),
        s.Distances switch { PathLength.Weights => " (lengths: weights)", PathLength.Inverse => " (lengths: 1/weight)", _ => "" },
        s.Groups is { } grp ? FormattableString.Invariant($"; {grp.Count} {grp.Attribute} groups: E-I {grp.EI:0.####}, assortativity {grp.Assortativity:0.####}") : "",
        s.Pivots is { } k ? FormattableString.Invariant($"; {(s.DistancesAreEstimates ? "betweenness, closeness, harmonic and paths" : "betweenness")} estimated from {k} pivots") : "");

    /// <summary>Runs a verb's work under a progress bar on stderr, cleared before the verb writes its results.</summary>
    private static T WithProgress<T>(TextWriter stderr, Func<ProgressBar, T> work)
    {
        using var bar = ProgressBar.For(stderr);
        return work(bar);
    }

    private static Network Load(ParseResult parse, Argument<FileInfo> input, ProgressBar progress) =>
        ReadFile(parse, input, progress, (reader, name) => NetworkFile.Read(reader, name, NetworkFile.FormatOf(name),
            new EdgeColumns(parse.GetValue(Source)!, parse.GetValue(Target)!, parse.GetValue(WeightColumn)), parse.GetValue(Directed)));

    /// <summary>
    /// Opens the input file for a reader through the exchange kit's decoder (UTF-8, UTF-16 or Windows-1252), saying so
    /// on the bar; a malformed or undecodable file is one line on stderr.
    /// </summary>
    private static T ReadFile<T>(ParseResult parse, Argument<FileInfo> input, ProgressBar progress, Func<TextReader, string, T> read)
    {
        var file = parse.GetValue(input)!;
        if (!file.Exists) throw new CliException($"{file.FullName}: file not found");
        progress.Report(new WorkProgress($"reading {file.Name}", 0));
        try
        {
            using var text = DecodedText.OpenFile(file.FullName, file.Name);
            using var reader = text.OpenReader();
            return read(reader, file.Name);
        }
        catch (MalformedFileException e) { throw new CliException(e.Message); }
    }

    /// <summary>Per-node columns: a CSV table (node + columns), or the network with them as attributes for graph formats.</summary>
    private static void WriteTable(ParseResult parse, Network network, Dictionary<string, double[]> columns, TextWriter stdout)
    {
        var target = parse.GetValue(Output);
        var format = target is null ? NetworkFormat.Csv : NetworkFile.FormatOf(target.Name);
        using var writer = target is null ? null : new StreamWriter(target.FullName, false, new UTF8Encoding(false));
        var output = (TextWriter?)writer ?? stdout;
        if (format != NetworkFormat.Csv)
        {
            NetworkFile.Write(NetworkMetrics.WithColumns(network, columns), output, format, WriteOptions(parse));
            return;
        }
        NetworkMetrics.WriteCsv(network, columns, output);
    }

    private static void WriteNetwork(ParseResult parse, Network network, TextWriter stdout)
    {
        var target = parse.GetValue(Output);
        using var writer = target is null ? null : new StreamWriter(target.FullName, false, new UTF8Encoding(false));
        NetworkFile.Write(network, (TextWriter?)writer ?? stdout, target is null ? NetworkFormat.Csv : NetworkFile.FormatOf(target.Name), WriteOptions(parse));
    }
}
