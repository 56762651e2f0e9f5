using System.Globalization;
using System.Text;
using ClusterHub.Analytics.Networks;
using ClusterHub.Exchange;
using CsvHelper;

namespace ClusterHub.Networks;

public enum NetworkFormat { Csv, GraphMl, Gexf, Pajek, Json, Gml }

/// <summary>Which GEXF is written: 1.2draft (the default: networkx 2.8 reads no later one, Gephi reads it) or 1.3.</summary>
public enum GexfVersion { Draft12, Gexf13 }

/// <summary>
/// How GML strings carry characters beyond ASCII. networkx 2.8 reads only ASCII GML (the format's own rule) with every
/// other character as a numeric entity (<c>&amp;#233;</c>), and refuses raw UTF-8; igraph 0.10 reads raw UTF-8 and leaves
/// numeric entities verbatim. No one file suits both: <see cref="Ascii"/> (the default) for networkx, Gephi and the
/// format, <see cref="Utf8"/> for igraph. Our reader takes either.
/// </summary>
public enum GmlText { Ascii, Utf8 }

/// <summary>Choices of the formats that have them.</summary>
public sealed record NetworkWriteOptions(GexfVersion Gexf = GexfVersion.Draft12, GmlText Gml = GmlText.Ascii);

/// <summary>A malformed network file: where, and why, as the exchange kit locates errors. Nothing of the file is kept.</summary>
public sealed class NetworkFormatException(string file, int line, int column, string reason)
    : MalformedFileException(new LocatedError(file, line, column, null, reason))
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public int Column { get; } = column;
}

/// <summary>A graph with its node attributes (name → one value per node, aligned with the graph's ids).</summary>
public sealed record Network(NamedGraph Graph, IReadOnlyDictionary<string, string?[]> NodeAttributes);

/// <summary>Which CSV columns hold the edge list.</summary>
public sealed record EdgeColumns(string Source = "source", string Target = "target", string? Weight = "weight");

/// <summary>
/// Reads and writes networks: edge-list CSV, GraphML and GEXF (node attributes, readable by Gephi),
/// Pajek .net, GML, and JSON for the web. A reader either returns a whole graph or throws
/// <see cref="NetworkFormatException"/> naming the line and column.
/// </summary>
public static partial class NetworkFile
{
    public static NetworkFormat FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".graphml" => NetworkFormat.GraphMl,
        ".gexf" => NetworkFormat.Gexf,
        ".net" or ".paj" => NetworkFormat.Pajek,
        ".json" => NetworkFormat.Json,
        ".gml" => NetworkFormat.Gml,
        _ => NetworkFormat.Csv,
    };

    public static Network Read(TextReader reader, string file, NetworkFormat format, EdgeColumns? columns = null, bool directed = false) => format switch
    {
        NetworkFormat.Csv => ReadCsv(reader, file, columns ?? new EdgeColumns(), directed),
        NetworkFormat.GraphMl => ReadGraphMl(reader, file),
        NetworkFormat.Gexf => ReadGexf(reader, file),
        NetworkFormat.Pajek => ReadPajek(reader, file),
        NetworkFormat.Json => ReadJson(reader, file),
        NetworkFormat.Gml => ReadGml(reader, file, (columns ?? new EdgeColumns()).Weight),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    private static Network ReadCsv(TextReader reader, string file, EdgeColumns columns, bool directed)
    {
        var builder = new GraphBuilder(directed);
        using var rows = new CsvRows(reader, file);
        var (s, t, w) = (rows.Column(columns.Source), rows.Column(columns.Target), columns.Weight is null ? -1 : rows.Column(columns.Weight, required: false));
        while (rows.Read())
        {
            double? weight = w >= 0 ? ParseWeight(file, rows.Line, w + 1, rows.Required(w)) : null;
            builder.AddEdge(rows.Required(s), rows.Required(t), weight);
        }
        return new Network(builder.Build(), new Dictionary<string, string?[]>());
    }

    private static Network ReadPajek(TextReader reader, string file)
    {
        var labels = new Dictionary<string, string>();
        var section = "";
        var lineNumber = 0;
        var directedArcs = false;
        var lines = new List<(int Line, string Section, string Text)>();
        for (var text = reader.ReadLine(); text is not null; text = reader.ReadLine())
        {
            lineNumber++;
            var t = text.Trim();
            if (t.Length == 0 || t.StartsWith('%')) continue;
            if (t.StartsWith('*'))
            {
                section = t.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0].ToLowerInvariant();
                if (section is not ("*vertices" or "*edges" or "*arcs" or "*edgeslist" or "*arcslist"))
                    throw new NetworkFormatException(file, lineNumber, 1, $"unknown section {t}");
                if (section.StartsWith("*arcs", StringComparison.Ordinal)) directedArcs = true;
                continue;
            }
            lines.Add((lineNumber, section, t));
        }
        // Directedness is known only once every section header is read: build after the scan.
        var builder = new GraphBuilder(directedArcs);
        foreach (var (line, sec, text) in lines)
        {
            var fields = Tokens(text);
            if (sec == "*vertices")
            {
                builder.AddNode(fields[0]);
                if (fields.Count > 1) labels[fields[0]] = fields[1];
                continue;
            }
            if (sec == "") throw new NetworkFormatException(file, line, 1, "data before any *Vertices/*Edges/*Arcs section");
            if (fields.Count < 2) throw new NetworkFormatException(file, line, 1, "an edge needs two vertex numbers");
            double? weight = fields.Count > 2 ? ParseWeight(file, line, text.IndexOf(fields[2], StringComparison.Ordinal) + 1, fields[2]) : null;
            builder.AddEdge(fields[0], fields[1], weight);
        }
        var graph = builder.Build();
        return WithAttributes(graph, labels.Count == 0 ? [] : new() { ["label"] = labels });
    }

    private static List<string> Tokens(string line)
    {
        var tokens = new List<string>();
        for (var i = 0; i < line.Length;)
        {
            if (char.IsWhiteSpace(line[i])) { i++; continue; }
            if (line[i] == '"')
            {
                var end = line.IndexOf('"', i + 1);
                if (end < 0) end = line.Length;
                tokens.Add(line[(i + 1)..end]);
                i = end + 1;
            }
            else
            {
                var start = i;
                while (i < line.Length && !char.IsWhiteSpace(line[i])) i++;
                tokens.Add(line[start..i]);
            }
        }
        return tokens;
    }

    /// <summary>The one rule for weights in every format: a finite number ≥ 0.</summary>
    private static double ParseWeight(string file, int line, int column, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var w) && w >= 0 && double.IsFinite(w) ? w : throw new NetworkFormatException(file, line, column, $"weight '{text}' is not a number ≥ 0");

    /// <summary>
    /// Whether every value of an attribute is a number written the way .NET writes it back ("27", "0.0125"; not "007",
    /// "2A" or "NaN"). Such a column is declared numeric in GraphML and GEXF (so that Gephi can rank and size nodes by a
    /// measure), and written as numbers in JSON and GML; a column with one other value stays text throughout.
    /// </summary>
    private static bool IsNumeric(string?[] values) =>
        values.Any(v => v is not null) && values.All(v => v is null || TryNumber(v, out _));

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value)
        && value.ToString("R", CultureInfo.InvariantCulture) == text;

    /// <summary>The graph with attribute values given by node id (nodes without one get null).</summary>
    internal static Network WithAttributes(NamedGraph g, Dictionary<string, Dictionary<string, string>> values) =>
        new(g, values.ToDictionary(kv => kv.Key, kv => g.Ids.Select(id => kv.Value.GetValueOrDefault(id)).ToArray()));

    /// <summary>Writes the network with extra per-node columns (e.g. computed measures) as node attributes.</summary>
    public static void Write(Network network, TextWriter writer, NetworkFormat format, NetworkWriteOptions? options = null)
    {
        var g = network.Graph.Graph;
        var ids = network.Graph.Ids;
        var edges = Edges(g).ToList();
        string Num(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        switch (format)
        {
            case NetworkFormat.Csv:
                using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true))
                {
                    csv.WriteField("source"); csv.WriteField("target"); csv.WriteField("weight"); csv.NextRecord();
                    foreach (var (u, v, w) in edges) { csv.WriteField(ids[u]); csv.WriteField(ids[v]); csv.WriteField(Num(w)); csv.NextRecord(); }
                }
                break;
            case NetworkFormat.Pajek:
                writer.WriteLine($"*Vertices {g.NodeCount}");
                for (var v = 0; v < g.NodeCount; v++) writer.WriteLine($"{v + 1} \"{ids[v].Replace("\"", "'", StringComparison.Ordinal)}\"");
                writer.WriteLine(g.IsDirected ? "*Arcs" : "*Edges");
                foreach (var (u, v, w) in edges) writer.WriteLine($"{u + 1} {v + 1} {Num(w)}");
                break;
            case NetworkFormat.GraphMl:
                WriteGraphMl(network, writer, edges);
                break;
            case NetworkFormat.Gexf:
                WriteGexf(network, writer, edges, (options ?? new()).Gexf);
                break;
            case NetworkFormat.Json:
                WriteJson(network, writer, edges);
                break;
            case NetworkFormat.Gml:
                WriteGml(network, writer, edges, (options ?? new()).Gml);
                break;
        }
    }

    /// <summary>Each edge once (undirected: from its lower end), with its weight (1 when unweighted).</summary>
    public static IEnumerable<(int U, int V, double W)> Edges(Graph g)
    {
        for (var u = 0; u < g.NodeCount; u++)
            for (var a = g.Offsets[u]; a < g.Offsets[u + 1]; a++)
                if (g.IsDirected || g.Targets[a] >= u) yield return (u, g.Targets[a], g.Weight(a));
    }
}
