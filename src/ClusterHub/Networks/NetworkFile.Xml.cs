using System.Globalization;
using System.Xml;
using ClusterHub.Analytics.Networks;

namespace ClusterHub.Networks;

/// <summary>
/// GraphML and GEXF, read and written as streams (XmlReader, XmlWriter) rather than as documents in memory:
/// a CORDIS-sized network (800,000 edges, 89 MB of GraphML) took 0.9 GB to read through XDocument.
/// Line and column come from the reader (<see cref="IXmlLineInfo"/>), so errors still say where.
/// </summary>
public static partial class NetworkFile
{
    private static readonly XmlReaderSettings ReaderSettings = new() { IgnoreWhitespace = true, IgnoreComments = true, DtdProcessing = DtdProcessing.Prohibit };

    /// <summary>
    /// Elements of an XML network, one at a time, with the reader on each (attributes readable); XML errors become ours.
    /// <paramref name="element"/> returns true when it has read past the element (its text content), so the loop does not skip a node.
    /// </summary>
    private static void ReadElements(TextReader text, string file, Func<XmlReader, bool> element, Action<XmlReader> end)
    {
        using var xml = XmlReader.Create(text, ReaderSettings);
        try
        {
            xml.Read();
            while (!xml.EOF)
            {
                var advanced = false;
                if (xml.NodeType == XmlNodeType.Element) advanced = element(xml);
                else if (xml.NodeType == XmlNodeType.EndElement) end(xml);
                if (!advanced) xml.Read();
            }
        }
        catch (XmlException e) { throw new NetworkFormatException(file, e.LineNumber, e.LinePosition, e.Message.Split(" Line ")[0]); }
    }

    private static NetworkFormatException At(string file, XmlReader xml, string reason)
    {
        var info = (IXmlLineInfo)xml;
        return new NetworkFormatException(file, info.LineNumber, info.LinePosition, reason);
    }

    private static string Required(string file, XmlReader xml, string attribute) =>
        xml.GetAttribute(attribute) is { Length: > 0 } v ? v : throw At(file, xml, $"<{xml.LocalName}> has no '{attribute}'");

    /// <summary>A weight attribute or element text, with the reader's position for the error.</summary>
    private static double ParseWeight(string file, XmlReader xml, string text)
    {
        var info = (IXmlLineInfo)xml;
        return ParseWeight(file, info.LineNumber, info.LinePosition, text);
    }

    private static Network ReadGraphMl(TextReader reader, string file)
    {
        var keys = new Dictionary<string, (string? For, string Name)>();
        GraphBuilder? builder = null;
        var values = new Dictionary<string, Dictionary<string, string>>();
        string? node = null;
        (string Source, string Target, double? Weight)? edge = null;
        string? weightKey = null;
        ReadElements(reader, file, xml =>
        {
            switch (xml.LocalName)
            {
                case "key":
                    var id = Required(file, xml, "id");
                    keys[id] = (xml.GetAttribute("for"), xml.GetAttribute("attr.name") ?? id);
                    if (keys[id] is ("edge" or "all", "weight")) weightKey = id;
                    break;
                case "graph":
                    builder ??= new GraphBuilder(xml.GetAttribute("edgedefault") == "directed");
                    break;
                case "node":
                    node = Required(file, xml, "id");
                    (builder ?? throw At(file, xml, "<node> outside <graph>")).AddNode(node);
                    if (xml.IsEmptyElement) node = null;
                    break;
                case "edge":
                    edge = (Required(file, xml, "source"), Required(file, xml, "target"), null);
                    if (builder is null) throw At(file, xml, "<edge> outside <graph>");
                    if (xml.IsEmptyElement) { builder.AddEdge(edge.Value.Source, edge.Value.Target); edge = null; }
                    break;
                case "data":
                    var key = Required(file, xml, "key");
                    if (edge is { } e && key == weightKey)
                    {
                        var at = (IXmlLineInfo)xml;
                        var (line, column) = (at.LineNumber, at.LinePosition);
                        edge = e with { Weight = ParseWeight(file, line, column, xml.ReadElementContentAsString()) };
                        return true;
                    }
                    if (node is not null)
                    {
                        var name = keys.TryGetValue(key, out var k) ? k.Name : key;
                        (values.TryGetValue(name, out var map) ? map : values[name] = [])[node] = xml.ReadElementContentAsString();
                        return true;
                    }
                    break;
            }
            return false;
        }, xml =>
        {
            if (xml.LocalName == "node") node = null;
            else if (xml.LocalName == "edge" && edge is { } e) { builder!.AddEdge(e.Source, e.Target, e.Weight); edge = null; }
        });
        if (builder is null) throw new NetworkFormatException(file, 1, 1, "no <graph> element");
        return WithAttributes(builder.Build(), values);
    }

    private static Network ReadGexf(TextReader reader, string file)
    {
        var titles = new Dictionary<string, string>();
        var nodeAttributes = false; // inside <attributes class="node">
        GraphBuilder? builder = null;
        var values = new Dictionary<string, Dictionary<string, string>>();
        string? node = null;
        void Set(string name, string id, string value) => (values.TryGetValue(name, out var map) ? map : values[name] = [])[id] = value;
        ReadElements(reader, file, xml =>
        {
            switch (xml.LocalName)
            {
                case "graph":
                    builder ??= new GraphBuilder(xml.GetAttribute("defaultedgetype") == "directed");
                    break;
                case "attributes":
                    nodeAttributes = xml.GetAttribute("class") == "node" && !xml.IsEmptyElement;
                    break;
                case "attribute" when nodeAttributes:
                    var id = Required(file, xml, "id");
                    titles[id] = xml.GetAttribute("title") ?? id;
                    break;
                case "node":
                    node = Required(file, xml, "id");
                    (builder ?? throw At(file, xml, "<node> outside <graph>")).AddNode(node);
                    if (xml.GetAttribute("label") is { } label) Set("label", node, label);
                    if (xml.IsEmptyElement) node = null;
                    break;
                case "attvalue" when node is not null:
                    var key = Required(file, xml, "for");
                    Set(titles.TryGetValue(key, out var t) ? t : key, node, xml.GetAttribute("value") ?? "");
                    break;
                case "edge":
                    var (source, target) = (Required(file, xml, "source"), Required(file, xml, "target"));
                    double? weight = null;
                    if (xml.MoveToAttribute("weight")) { weight = ParseWeight(file, xml, xml.Value); xml.MoveToElement(); }
                    (builder ?? throw At(file, xml, "<edge> outside <graph>")).AddEdge(source, target, weight);
                    break;
            }
            return false;
        }, xml =>
        {
            if (xml.LocalName == "node") node = null;
            else if (xml.LocalName == "attributes") nodeAttributes = false;
        });
        if (builder is null) throw new NetworkFormatException(file, 1, 1, "no <graph> element");
        return WithAttributes(builder.Build(), values);
    }

    private static XmlWriter XmlOut(TextWriter writer) => XmlWriter.Create(writer, new XmlWriterSettings { Indent = true, CloseOutput = false });

    private static void WriteGraphMl(Network network, TextWriter writer, List<(int U, int V, double W)> edges)
    {
        const string Ns = "http://graphml.graphdrawing.org/xmlns";
        var g = network.Graph.Graph;
        var ids = network.Graph.Ids;
        var attributes = network.NodeAttributes.Keys.ToList();
        using var xml = XmlOut(writer);
        xml.WriteStartElement("graphml", Ns);
        for (var i = 0; i < attributes.Count; i++)
        {
            xml.WriteStartElement("key", Ns);
            xml.WriteAttributeString("id", $"d{i}");
            xml.WriteAttributeString("for", "node");
            xml.WriteAttributeString("attr.name", attributes[i]);
            xml.WriteAttributeString("attr.type", IsNumeric(network.NodeAttributes[attributes[i]]) ? "double" : "string");
            xml.WriteEndElement();
        }
        xml.WriteStartElement("key", Ns);
        xml.WriteAttributeString("id", "weight");
        xml.WriteAttributeString("for", "edge");
        xml.WriteAttributeString("attr.name", "weight");
        xml.WriteAttributeString("attr.type", "double");
        xml.WriteEndElement();
        xml.WriteStartElement("graph", Ns);
        xml.WriteAttributeString("id", "G");
        xml.WriteAttributeString("edgedefault", g.IsDirected ? "directed" : "undirected");
        for (var v = 0; v < g.NodeCount; v++)
        {
            xml.WriteStartElement("node", Ns);
            xml.WriteAttributeString("id", ids[v]);
            for (var i = 0; i < attributes.Count; i++)
                if (network.NodeAttributes[attributes[i]][v] is { } value)
                {
                    xml.WriteStartElement("data", Ns);
                    xml.WriteAttributeString("key", $"d{i}");
                    xml.WriteString(value);
                    xml.WriteEndElement();
                }
            xml.WriteEndElement();
        }
        foreach (var (u, v, w) in edges)
        {
            xml.WriteStartElement("edge", Ns);
            xml.WriteAttributeString("source", ids[u]);
            xml.WriteAttributeString("target", ids[v]);
            xml.WriteStartElement("data", Ns);
            xml.WriteAttributeString("key", "weight");
            xml.WriteString(w.ToString("R", CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndDocument();
    }

    private static void WriteGexf(Network network, TextWriter writer, List<(int U, int V, double W)> edges, GexfVersion version)
    {
        // 1.2draft by default: networkx 2.8 reads only 1.1draft and 1.2draft, Gephi reads both; what we write is the same in each.
        var (ns, number) = version == GexfVersion.Gexf13 ? ("http://gexf.net/1.3", "1.3") : ("http://www.gexf.net/1.2draft", "1.2");
        var g = network.Graph.Graph;
        var ids = network.Graph.Ids;
        var attributes = network.NodeAttributes.Keys.Where(a => a != "label").ToList();
        network.NodeAttributes.TryGetValue("label", out var labels);
        using var xml = XmlOut(writer);
        xml.WriteStartElement("gexf", ns);
        xml.WriteAttributeString("version", number);
        xml.WriteStartElement("graph", ns);
        xml.WriteAttributeString("defaultedgetype", g.IsDirected ? "directed" : "undirected");
        xml.WriteStartElement("attributes", ns);
        xml.WriteAttributeString("class", "node");
        for (var i = 0; i < attributes.Count; i++)
        {
            xml.WriteStartElement("attribute", ns);
            xml.WriteAttributeString("id", i.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("title", attributes[i]);
            xml.WriteAttributeString("type", IsNumeric(network.NodeAttributes[attributes[i]]) ? "double" : "string");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteStartElement("nodes", ns);
        for (var v = 0; v < g.NodeCount; v++)
        {
            xml.WriteStartElement("node", ns);
            xml.WriteAttributeString("id", ids[v]);
            xml.WriteAttributeString("label", labels?[v] ?? ids[v]);
            xml.WriteStartElement("attvalues", ns);
            for (var i = 0; i < attributes.Count; i++)
                if (network.NodeAttributes[attributes[i]][v] is { } value)
                {
                    xml.WriteStartElement("attvalue", ns);
                    xml.WriteAttributeString("for", i.ToString(CultureInfo.InvariantCulture));
                    xml.WriteAttributeString("value", value);
                    xml.WriteEndElement();
                }
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteStartElement("edges", ns);
        var n = 0;
        foreach (var (u, v, w) in edges)
        {
            xml.WriteStartElement("edge", ns);
            xml.WriteAttributeString("id", (n++).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("source", ids[u]);
            xml.WriteAttributeString("target", ids[v]);
            xml.WriteAttributeString("weight", w.ToString("R", CultureInfo.InvariantCulture));
            xml.WriteEndElement();
        }
        xml.WriteEndDocument();
    }
}
