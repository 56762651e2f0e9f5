using System.Globalization;
using System.Text;
using System.Text.Json;
using ClusterHub.Analytics.Networks;

namespace ClusterHub.Networks;

/// <summary>
/// The JSON network the web and <see cref="NetworkFile.Write"/> use:
/// <c>{"directed": false, "nodes": [{"id": "a", "region": "27"}], "edges": [{"source": "a", "target": "b", "weight": 2}]}</c>.
/// Read token by token (Utf8JsonReader) rather than deserialised, so that every error can name its line and column.
/// </summary>
public static partial class NetworkFile
{
    private static Network ReadJson(TextReader reader, string file)
    {
        var bytes = Encoding.UTF8.GetBytes(reader.ReadToEnd());
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++) if (bytes[i] == '\n') lineStarts.Add(i + 1);
        var json = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        NetworkFormatException Error(long offset, string reason)
        {
            var line = lineStarts.BinarySearch((int)offset);
            if (line < 0) line = ~line - 1;
            return new NetworkFormatException(file, line + 1, (int)offset - lineStarts[line] + 1, reason);
        }

        var directed = false;
        var nodes = new List<(string Id, Dictionary<string, string?> Attributes)>();
        var edges = new List<(string Source, string Target, double? Weight)>();
        try
        {
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject) throw Error(json.TokenStartIndex, "expected an object with \"nodes\" and \"edges\"");
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                var property = json.GetString();
                json.Read();
                switch (property)
                {
                    case "directed":
                        if (json.TokenType is not (JsonTokenType.True or JsonTokenType.False)) throw Error(json.TokenStartIndex, "\"directed\" must be true or false");
                        directed = json.GetBoolean();
                        break;
                    case "nodes":
                        foreach (var (at, fields) in Objects(ref json, "nodes", Error))
                        {
                            var id = fields.GetValueOrDefault("id") ?? throw Error(at, "a node has no \"id\"");
                            fields.Remove("id");
                            nodes.Add((id, fields));
                        }
                        break;
                    case "edges":
                        foreach (var (at, fields) in Objects(ref json, "edges", Error))
                        {
                            string End(string name) => fields.GetValueOrDefault(name) ?? throw Error(at, $"an edge has no \"{name}\"");
                            var weight = fields.GetValueOrDefault("weight") is { } w ? ParseWeight(file, Error(at, "").Line, Error(at, "").Column, w) : (double?)null;
                            edges.Add((End("source"), End("target"), weight));
                        }
                        break;
                    default:
                        json.Skip();
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            throw new NetworkFormatException(file, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, e.Message.Split(" LineNumber:")[0]);
        }

        var builder = new GraphBuilder(directed);
        var values = new Dictionary<string, Dictionary<string, string>>();
        foreach (var (id, attributes) in nodes)
        {
            builder.AddNode(id);
            foreach (var (name, value) in attributes)
                if (value is not null) (values.TryGetValue(name, out var map) ? map : values[name] = [])[id] = value;
        }
        foreach (var (source, target, weight) in edges) builder.AddEdge(source, target, weight);
        return WithAttributes(builder.Build(), values);
    }

    private static void WriteJson(Network network, TextWriter writer, List<(int U, int V, double W)> edges)
    {
        var g = network.Graph.Graph;
        var ids = network.Graph.Ids;
        var numeric = network.NodeAttributes.Where(a => IsNumeric(a.Value)).Select(a => a.Key).ToHashSet();
        writer.Write(JsonSerializer.Serialize(new
        {
            directed = g.IsDirected,
            nodes = Enumerable.Range(0, g.NodeCount).Select(v => new Dictionary<string, object?>(network.NodeAttributes.Select(a =>
                KeyValuePair.Create(a.Key, numeric.Contains(a.Key) && a.Value[v] is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : (object?)a.Value[v])))
            { ["id"] = ids[v] }),
            edges = edges.Select(e => new { source = ids[e.U], target = ids[e.V], weight = e.W }),
        }));
    }

    private delegate NetworkFormatException ErrorAt(long offset, string reason);

    /// <summary>
    /// An array of flat objects, each with its offset and its fields as text (strings as they are, numbers and booleans
    /// as written, null as null); the reader is left on the array's end. A list, not a yield: a ref struct cannot cross one.
    /// </summary>
    private static List<(long At, Dictionary<string, string?> Fields)> Objects(ref Utf8JsonReader json, string name, ErrorAt error)
    {
        if (json.TokenType != JsonTokenType.StartArray) throw error(json.TokenStartIndex, $"\"{name}\" must be an array");
        var objects = new List<(long, Dictionary<string, string?>)>();
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (json.TokenType != JsonTokenType.StartObject) throw error(json.TokenStartIndex, $"each of \"{name}\" must be an object");
            var at = json.TokenStartIndex;
            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                var field = json.GetString()!;
                json.Read();
                fields[field] = json.TokenType switch
                {
                    JsonTokenType.String => json.GetString(),
                    JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => Encoding.UTF8.GetString(json.ValueSpan),
                    JsonTokenType.Null => null,
                    _ => throw error(json.TokenStartIndex, $"\"{field}\" must be a string, a number or a boolean"),
                };
            }
            objects.Add((at, fields));
        }
        return objects;
    }
}
