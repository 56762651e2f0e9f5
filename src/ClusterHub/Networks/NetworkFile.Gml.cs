using System.Globalization;
using System.Net;
using System.Text;
using ClusterHub.Analytics.Networks;

namespace ClusterHub.Networks;

/// <summary>
/// GML (Himsolt's Graph Modelling Language), the format of Newman's network collections and one networkx, igraph and
/// Gephi all read: <c>graph [ directed 0 node [ id 1 label "a" region "27" ] edge [ source 1 target 2 weight 3 ] ]</c>.
/// No NuGet package reads it (QuikGraph and the like stop at GraphML), and its grammar is a few lines: keys and values,
/// values being numbers, "strings" or [ lists ]. A node is named by its label when every node has a distinct one (as
/// networkx does), otherwise by its id; its other scalar keys become node attributes; nested lists (graphics) are skipped.
/// </summary>
public static partial class NetworkFile
{
    /// <summary>One key and its value: text (a number or a string) or a nested list; where it starts, for errors.</summary>
    private sealed record GmlEntry(string Key, string? Text, List<GmlEntry>? List, int Line, int Column);

    private static Network ReadGml(TextReader reader, string file, string? weightKey)
    {
        var top = new GmlScanner(reader.ReadToEnd(), file).ReadList(nested: false);
        var graph = top.FirstOrDefault(e => e.Key == "graph") ?? throw new NetworkFormatException(file, 1, 1, "no graph [ … ] in the file");
        if (graph.List is null) throw Error(graph, "graph must be a list [ … ]");
        var directed = graph.List.FirstOrDefault(e => e.Key == "directed") is { } d && Scalar(d, "directed") != "0";

        NetworkFormatException Error(GmlEntry at, string reason) => new(file, at.Line, at.Column, reason);
        string Scalar(GmlEntry e, string what) => e.Text ?? throw Error(e, $"{what} must be a number or a string, not a list");

        var nodes = new List<(string Id, string? Label, Dictionary<string, string> Attributes)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in graph.List.Where(e => e.Key == "node"))
        {
            var fields = node.List ?? throw Error(node, "node must be a list [ … ]");
            var id = fields.FirstOrDefault(f => f.Key == "id") is { } idEntry ? Scalar(idEntry, "id") : throw Error(node, "a node has no id");
            if (!seen.Add(id)) throw Error(node, $"node id {id} appears twice");
            var attributes = fields.Where(f => f.Text is not null && f.Key != "id").GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.First().Text!);
            nodes.Add((id, attributes.GetValueOrDefault("label"), attributes));
        }
        var labels = nodes.Select(n => n.Label).ToList();
        var byLabel = labels.All(l => l is not null) && labels.Distinct(StringComparer.Ordinal).Count() == labels.Count;
        var nameOf = nodes.ToDictionary(n => n.Id, n => byLabel ? n.Label! : n.Id, StringComparer.Ordinal);

        var builder = new GraphBuilder(directed);
        var values = new Dictionary<string, Dictionary<string, string>>();
        foreach (var (id, _, attributes) in nodes)
        {
            builder.AddNode(nameOf[id]);
            foreach (var (key, value) in attributes) (values.TryGetValue(key, out var map) ? map : values[key] = [])[nameOf[id]] = value;
        }
        foreach (var edge in graph.List.Where(e => e.Key == "edge"))
        {
            var fields = edge.List ?? throw Error(edge, "edge must be a list [ … ]");
            string End(string key)
            {
                var entry = fields.FirstOrDefault(f => f.Key == key) ?? throw Error(edge, $"an edge has no {key}");
                return nameOf.GetValueOrDefault(Scalar(entry, key)) ?? throw Error(entry, $"{key} {entry.Text} is not the id of a node");
            }
            var weight = weightKey is not null && fields.FirstOrDefault(f => f.Key == weightKey) is { } w
                ? ParseWeight(file, w.Line, w.Column, Scalar(w, weightKey)) : (double?)null;
            builder.AddEdge(End("source"), End("target"), weight);
        }
        return WithAttributes(builder.Build(), values);
    }

    private static void WriteGml(Network network, TextWriter writer, List<(int U, int V, double W)> edges)
    {
        var g = network.Graph.Graph;
        var ids = network.Graph.Ids;
        // Keys are letters, digits and underscores; "id" and "label" carry the node itself.
        var keys = network.NodeAttributes.Keys.Where(k => k is not ("id" or "label"))
            .Select(k => (Name: k, Key: GmlKey(k))).ToList();
        writer.WriteLine("graph [");
        writer.WriteLine(g.IsDirected ? "  directed 1" : "  directed 0");
        for (var v = 0; v < g.NodeCount; v++)
        {
            writer.WriteLine("  node [");
            writer.WriteLine(FormattableString.Invariant($"    id {v}"));
            writer.WriteLine($"    label {GmlValue(ids[v], quoteNumbers: true)}");
            foreach (var (name, key) in keys)
                if (network.NodeAttributes[name][v] is { } value) writer.WriteLine($"    {key} {GmlValue(value, quoteNumbers: false)}");
            writer.WriteLine("  ]");
        }
        foreach (var (u, v, w) in edges)
            writer.WriteLine(FormattableString.Invariant($"  edge [ source {u} target {v} weight {w:R} ]"));
        writer.WriteLine("]");
    }

    private static string GmlKey(string name)
    {
        var key = new StringBuilder(name.Length);
        foreach (var c in name) key.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        if (key.Length == 0 || !char.IsAsciiLetter(key[0])) key.Insert(0, 'a');
        return key.ToString();
    }

    /// <summary>A number as it is (so tools read measures as numbers), anything else as a string with HTML entities, as networkx writes.</summary>
    private static string GmlValue(string value, bool quoteNumbers) =>
        !quoteNumbers && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x)
            ? value
            : $"\"{WebUtility.HtmlEncode(value)}\"";

    /// <summary>Reads keys and values, tracking line and column for errors.</summary>
    private sealed class GmlScanner(string text, string file)
    {
        private int at, line = 1, lineStart;

        public List<GmlEntry> ReadList(bool nested)
        {
            var entries = new List<GmlEntry>();
            while (true)
            {
                SkipBlanks();
                if (at == text.Length)
                {
                    if (nested) throw Error("the file ends inside a list: a ] is missing");
                    return entries;
                }
                if (text[at] == ']')
                {
                    if (!nested) throw Error("] without a matching [");
                    at++;
                    return entries;
                }
                var (keyLine, keyColumn) = (line, at - lineStart + 1);
                var key = Word();
                if (key.Length == 0 || !char.IsAsciiLetter(key[0]) && key[0] != '_')
                    throw new NetworkFormatException(file, keyLine, keyColumn, $"expected a key, found '{(key.Length > 0 ? key : text[at])}'");
                SkipBlanks();
                if (at == text.Length) throw Error($"{key} has no value");
                if (text[at] == '[')
                {
                    at++;
                    entries.Add(new GmlEntry(key, null, ReadList(nested: true), keyLine, keyColumn));
                }
                else entries.Add(new GmlEntry(key, text[at] == '"' ? QuotedString() : Value(key), null, keyLine, keyColumn));
            }
        }

        private string Value(string key)
        {
            var value = Word();
            return value.Length > 0 ? value : throw Error($"{key} has no value");
        }

        private string Word()
        {
            var start = at;
            while (at < text.Length && !char.IsWhiteSpace(text[at]) && text[at] is not ('[' or ']' or '"')) at++;
            return text[start..at];
        }

        private string QuotedString()
        {
            var (startLine, startColumn) = (line, at - lineStart + 1);
            var end = text.IndexOf('"', at + 1);
            if (end < 0) throw new NetworkFormatException(file, startLine, startColumn, "a string is not closed (no ending \")");
            var value = text[(at + 1)..end];
            for (var i = at; i < end; i++) NewLineAt(i);
            at = end + 1;
            return WebUtility.HtmlDecode(value);
        }

        private void SkipBlanks()
        {
            while (at < text.Length)
            {
                if (text[at] == '#') { while (at < text.Length && text[at] != '\n') at++; continue; }
                if (!char.IsWhiteSpace(text[at])) return;
                NewLineAt(at++);
            }
        }

        private void NewLineAt(int i)
        {
            if (text[i] != '\n') return;
            line++;
            lineStart = i + 1;
        }

        private NetworkFormatException Error(string reason) => new(file, line, at - lineStart + 1, reason);
    }
}
