using System.Net;
using System.Text;
using ClusterHub.Analytics.Networks;

namespace ClusterHub.Networks;

/// <summary>
/// GML (Himsolt's Graph Modelling Language), the format of Newman's network collections and one networkx, igraph and
/// Gephi all read: <c>graph [ directed 0 node [ id 1 label "a" region "27" ] edge [ source 1 target 2 weight 3 ] ]</c>.
/// No NuGet package reads it (QuikGraph and the like stop at GraphML), and its grammar is a few lines: keys and values,
/// values being numbers, "strings" or [ lists ]. Read as a stream, one node or edge at a time, as the XML formats are.
/// A node is named by its label when every node has a distinct one (as networkx does), otherwise by its id; its other
/// scalar keys become node attributes; nested lists (graphics) are skipped.
/// </summary>
public static partial class NetworkFile
{
    /// <summary>A scalar key of a node or an edge, and where it stands.</summary>
    private readonly record struct GmlField(string Key, string Value, int Line, int Column);

    private static Network ReadGml(TextReader reader, string file, string? weightKey)
    {
        var gml = new GmlReader(reader, file);
        var directed = false;
        var found = false;
        var nodes = new List<(string Id, string? Label, GmlField[] Attributes)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        // Edges between nodes already read (the usual order) as two node numbers and a weight; the others kept, with
        // their positions for errors, until every node is known.
        var edges = new List<(int Source, int Target, double? Weight)>();
        var early = new List<(GmlField Source, GmlField Target, double? Weight)>();
        while (!gml.AtEnd())
        {
            var (key, line, column) = gml.Key();
            if (key != "graph" || found) { gml.SkipValue(key); continue; }
            if (!gml.OpensList()) throw new NetworkFormatException(file, line, column, "graph must be a list [ … ]");
            found = true;
            while (!gml.Closes())
            {
                (key, line, column) = gml.Key();
                if (key == "directed") { directed = gml.Scalar(key) != "0"; continue; }
                if (key is not ("node" or "edge")) { gml.SkipValue(key); continue; }
                if (!gml.OpensList()) throw new NetworkFormatException(file, line, column, $"{key} must be a list [ … ]");
                var fields = gml.Fields();
                GmlField Field(string name, string what) => Array.Find(fields, f => f.Key == name) is { Key: not null } f ? f
                    : throw new NetworkFormatException(file, line, column, $"{what} has no {name}");
                if (key == "node")
                {
                    var id = Field("id", "a node").Value;
                    if (!index.TryAdd(id, nodes.Count)) throw new NetworkFormatException(file, line, column, $"node id {id} appears twice");
                    var attributes = fields.Where(f => f.Key != "id").DistinctBy(f => f.Key).ToArray();
                    nodes.Add((id, Array.Find(attributes, f => f.Key == "label").Value, attributes));
                    continue;
                }
                var (source, target) = (Field("source", "an edge"), Field("target", "an edge"));
                var weight = weightKey is not null && Array.Find(fields, f => f.Key == weightKey) is { Key: not null } w
                    ? ParseWeight(file, w.Line, w.Column, w.Value) : (double?)null;
                if (index.TryGetValue(source.Value, out var s) && index.TryGetValue(target.Value, out var t)) edges.Add((s, t, weight));
                else early.Add((source, target, weight));
            }
        }
        if (!found) throw new NetworkFormatException(file, 1, 1, "no graph [ … ] in the file");
        int NodeOf(GmlField end) => index.TryGetValue(end.Value, out var v) ? v
            : throw new NetworkFormatException(file, end.Line, end.Column, $"{end.Key} {end.Value} is not the id of a node");
        foreach (var (source, target, weight) in early) edges.Add((NodeOf(source), NodeOf(target), weight));

        var byLabel = nodes.All(n => n.Label is not null) && nodes.Select(n => n.Label).Distinct(StringComparer.Ordinal).Count() == nodes.Count;
        var names = nodes.Select(n => byLabel ? n.Label! : n.Id).ToArray();
        var builder = new GraphBuilder(directed);
        var values = new Dictionary<string, Dictionary<string, string>>();
        for (var v = 0; v < nodes.Count; v++)
        {
            builder.AddNode(names[v]);
            foreach (var (key, value, _, _) in nodes[v].Attributes) (values.TryGetValue(key, out var map) ? map : values[key] = [])[names[v]] = value;
        }
        foreach (var (source, target, weight) in edges) builder.AddEdge(names[source], names[target], weight);
        return WithAttributes(builder.Build(), values);
    }

    private static void WriteGml(Network network, TextWriter writer, List<(int U, int V, double W)> edges, GmlText text)
    {
        var g = network.Graph.Graph;
        var ids = network.Graph.Ids;
        // Keys are letters, digits and underscores; "id" and "label" carry the node itself.
        var keys = network.NodeAttributes.Keys.Where(k => k is not ("id" or "label"))
            .Select(k => (Name: k, Key: GmlKey(k), Numeric: IsNumeric(network.NodeAttributes[k]))).ToList();
        writer.WriteLine("graph [");
        writer.WriteLine(g.IsDirected ? "  directed 1" : "  directed 0");
        for (var v = 0; v < g.NodeCount; v++)
        {
            writer.WriteLine("  node [");
            writer.WriteLine(FormattableString.Invariant($"    id {v}"));
            writer.WriteLine($"    label {GmlString(ids[v], text)}");
            foreach (var (name, key, numeric) in keys)
                if (network.NodeAttributes[name][v] is { } value) writer.WriteLine($"    {key} {(numeric ? value : GmlString(value, text))}");
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

    /// <summary>
    /// A quoted GML string: '&amp;' and '"' as entities (both readers decode them), and in <see cref="GmlText.Ascii"/> every
    /// character beyond ASCII as its numeric entity, one per code point, as networkx writes them. (WebUtility.HtmlEncode,
    /// used before, encoded only U+00A0–U+00FF and left Korean raw: a file neither networkx nor igraph read whole.)
    /// </summary>
    internal static string GmlString(string value, GmlText text)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '&') quoted.Append("&amp;");
            else if (c == '"') quoted.Append("&quot;");
            else if (c < 128 || text == GmlText.Utf8) quoted.Append(c);
            else
            {
                var code = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]) ? char.ConvertToUtf32(c, value[++i]) : c;
                quoted.Append("&#").Append(code.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(';');
            }
        }
        return quoted.Append('"').ToString();
    }

    /// <summary>Reads keys and values from a stream through a buffer, tracking line and column for errors.</summary>
    private sealed class GmlReader(TextReader reader, string file)
    {
        private readonly char[] buffer = new char[1 << 16];
        private readonly StringBuilder text = new();
        private int length, at, line = 1, column = 1;

        public bool AtEnd()
        {
            SkipBlanks();
            return Peek() < 0;
        }

        /// <summary>Whether the list being read ends here (and steps past its ]); a list the file ends in is an error.</summary>
        public bool Closes()
        {
            SkipBlanks();
            if (Peek() < 0) throw Error("the file ends inside a list: a ] is missing");
            if (Peek() != ']') return false;
            Take();
            return true;
        }

        public bool OpensList()
        {
            SkipBlanks();
            if (Peek() != '[') return false;
            Take();
            return true;
        }

        public (string Key, int Line, int Column) Key()
        {
            SkipBlanks();
            var (keyLine, keyColumn) = (line, column);
            var key = Word();
            if (key.Length == 0 || !char.IsAsciiLetter(key[0]) && key[0] != '_')
                throw new NetworkFormatException(file, keyLine, keyColumn, $"expected a key, found '{(key.Length > 0 ? key : (char)Peek())}'");
            return (key, keyLine, keyColumn);
        }

        /// <summary>A number or a string (HTML entities decoded, as networkx writes them).</summary>
        public string Scalar(string key)
        {
            SkipBlanks();
            if (Peek() == '[') throw Error($"{key} must be a number or a string, not a list");
            if (Peek() != '"')
            {
                var value = Word();
                return value.Length > 0 ? value : throw Error($"{key} has no value");
            }
            var (startLine, startColumn) = (line, column);
            Take();
            text.Clear();
            while (Peek() is var c && c != '"')
            {
                if (c < 0) throw new NetworkFormatException(file, startLine, startColumn, "a string is not closed (no ending \")");
                text.Append(Take());
            }
            Take();
            return WebUtility.HtmlDecode(text.ToString());
        }

        /// <summary>The scalar keys of a list up to its ]; nested lists (graphics and the like) skipped.</summary>
        public GmlField[] Fields()
        {
            var fields = new List<GmlField>();
            while (!Closes())
            {
                var (key, keyLine, keyColumn) = Key();
                if (OpensList()) SkipList();
                else fields.Add(new GmlField(key, Scalar(key), keyLine, keyColumn));
            }
            return [.. fields];
        }

        public void SkipValue(string key)
        {
            if (OpensList()) SkipList();
            else Scalar(key);
        }

        private void SkipList()
        {
            while (!Closes()) SkipValue(Key().Key);
        }

        private string Word()
        {
            text.Clear();
            while (Peek() is var c && c >= 0 && !char.IsWhiteSpace((char)c) && c is not ('[' or ']' or '"')) text.Append(Take());
            return text.ToString();
        }

        private void SkipBlanks()
        {
            while (Peek() is var c && c >= 0)
            {
                if (c == '#') while (Peek() is var d && d >= 0 && d != '\n') Take();
                else if (char.IsWhiteSpace((char)c)) Take();
                else return;
            }
        }

        private int Peek()
        {
            if (at < length) return buffer[at];
            (length, at) = (reader.Read(buffer, 0, buffer.Length), 0);
            return length > 0 ? buffer[0] : -1;
        }

        private char Take()
        {
            var c = buffer[at++];
            if (c == '\n') (line, column) = (line + 1, 1);
            else column++;
            return c;
        }

        private NetworkFormatException Error(string reason) => new(file, line, column, reason);
    }
}
