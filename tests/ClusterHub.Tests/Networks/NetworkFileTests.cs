using System.Globalization;
using System.Text.Json;
using ClusterHub.Analytics.Networks;
using ClusterHub.Cli;
using ClusterHub.Exchange;
using ClusterHub.Networks;
using ClusterHub.Web;

namespace ClusterHub.Tests.Networks;

public sealed class NetworkFileTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("clusterhub-net-").FullName;
    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "NetworkData", name);

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static Network Karate()
    {
        using var reader = new StreamReader(Data("karate_edges.csv"));
        return NetworkFile.Read(reader, "karate_edges.csv", NetworkFormat.Csv);
    }

    private static SortedSet<string> EdgeSet(Network n) =>
        [.. NetworkFile.Edges(n.Graph.Graph).Select(e => string.CompareOrdinal(n.Graph.Ids[e.U], n.Graph.Ids[e.V]) < 0
            ? $"{n.Graph.Ids[e.U]}|{n.Graph.Ids[e.V]}|{e.W}" : $"{n.Graph.Ids[e.V]}|{n.Graph.Ids[e.U]}|{e.W}")];

    [Theory]
    [InlineData(NetworkFormat.Csv)]
    [InlineData(NetworkFormat.GraphMl)]
    [InlineData(NetworkFormat.Gexf)]
    [InlineData(NetworkFormat.Json)]
    [InlineData(NetworkFormat.Gml)]
    public void Every_format_round_trips_edges_weights_and_attributes(NetworkFormat format)
    {
        var karate = Karate();
        var withAttribute = NetworkMetrics.WithColumns(karate, new Dictionary<string, double[]>
        {
            ["core"] = [.. Cores.CoreNumbers(karate.Graph.Graph).Select(c => (double)c)],
            ["degree"] = [.. Topology.Degrees(karate.Graph.Graph).Select(d => (double)d)],
        });
        var text = new StringWriter();
        NetworkFile.Write(withAttribute, text, format);
        var back = NetworkFile.Read(new StringReader(text.ToString()), "x", format);
        Assert.Equal(EdgeSet(karate), EdgeSet(back));
        if (format != NetworkFormat.Csv)
            foreach (var name in new[] { "core", "degree" }) // two per node: a streaming reader must not skip the second
                Assert.Equal(back.Graph.Ids.Select(id => withAttribute.NodeAttributes[name][karate.Graph.IndexOf(id)]).ToArray(), back.NodeAttributes[name]);
    }

    /// <summary>A measure is a number in every format that has types, so that Gephi can size and rank nodes by it; a code
    /// such as a département ("2A", "07") stays text.</summary>
    [Fact]
    public void Numeric_attributes_are_declared_numbers_and_codes_stay_text()
    {
        var karate = Karate();
        var n = karate.Graph.Graph.NodeCount;
        var network = NetworkMetrics.WithColumns(karate with
        {
            NodeAttributes = new Dictionary<string, string?[]> { ["dept"] = [.. Enumerable.Range(0, n).Select(v => v == 0 ? "2A" : "27")], ["zip"] = [.. Enumerable.Range(0, n).Select(_ => "07000")] },
        }, new Dictionary<string, double[]> { ["betweenness"] = PathMeasures.Betweenness(karate.Graph.Graph).Values });
        string Written(NetworkFormat format)
        {
            var text = new StringWriter();
            NetworkFile.Write(network, text, format);
            return text.ToString();
        }
        var gexf = System.Xml.Linq.XDocument.Parse(Written(NetworkFormat.Gexf));
        var types = gexf.Descendants().Where(e => e.Name.LocalName == "attribute").ToDictionary(e => (string)e.Attribute("title")!, e => (string)e.Attribute("type")!);
        Assert.Equal(("double", "string", "string"), (types["betweenness"], types["dept"], types["zip"]));
        var graphml = System.Xml.Linq.XDocument.Parse(Written(NetworkFormat.GraphMl));
        var keys = graphml.Descendants().Where(e => e.Name.LocalName == "key" && (string?)e.Attribute("for") == "node").ToDictionary(e => (string)e.Attribute("attr.name")!, e => (string)e.Attribute("attr.type")!);
        Assert.Equal(("double", "string", "string"), (keys["betweenness"], keys["dept"], keys["zip"]));
        var node = JsonDocument.Parse(Written(NetworkFormat.Json)).RootElement.GetProperty("nodes")[0];
        Assert.Equal((JsonValueKind.Number, JsonValueKind.String, JsonValueKind.String), (node.GetProperty("betweenness").ValueKind, node.GetProperty("dept").ValueKind, node.GetProperty("zip").ValueKind));
        Assert.Equal(network.NodeAttributes["betweenness"][karate.Graph.IndexOf(node.GetProperty("id").GetString()!)], node.GetProperty("betweenness").GetRawText());
        var gml = Written(NetworkFormat.Gml);
        Assert.Contains("    dept \"27\"\n", gml, StringComparison.Ordinal);
        Assert.Matches(@"\n    betweenness 0\.\d+\n", gml);
    }

    [Fact]
    public void Pajek_round_trips_through_vertex_numbers_and_labels()
    {
        var karate = Karate();
        var text = new StringWriter();
        NetworkFile.Write(karate, text, NetworkFormat.Pajek);
        var back = NetworkFile.Read(new StringReader(text.ToString()), "k.net", NetworkFormat.Pajek);
        Assert.Equal(karate.Graph.Graph.EdgeCount, back.Graph.Graph.EdgeCount);
        Assert.Equal(karate.Graph.Ids, back.NodeAttributes["label"].Select(l => l!).ToArray());
    }

    /// <summary>What GML files out in the world hold: comments, a header, graphics lists, entities, edges before their nodes.</summary>
    [Fact]
    public void Gml_reads_what_other_tools_write()
    {
        const string Text = """
            # written by hand
            Creator "someone"
            graph [
              directed 1
              edge [ source 2 target 1 weight 2.5 graphics [ fill "#ff0000" ] ]
              node [ id 1 label "Orano &amp; co" region "27" graphics [ x 1.0 y 2.0 ] ]
              node [ id 2 label "CEA" ]
              edge [ source 1 target 2 ]
            ]
            """;
        var network = NetworkFile.Read(new StringReader(Text), "x.gml", NetworkFormat.Gml);
        var g = network.Graph;
        Assert.True(g.Graph.IsDirected);
        Assert.Equal(["Orano & co", "CEA"], g.Ids);
        Assert.Equal(new string?[] { "27", null }, network.NodeAttributes["region"]);
        Assert.False(network.NodeAttributes.ContainsKey("graphics"));
        Assert.Equal([(1, 0, 2.5), (0, 1, 1.0)], NetworkFile.Edges(g.Graph).OrderByDescending(e => e.W).ToArray());
        // Labels that repeat cannot name nodes: the ids do.
        var same = NetworkFile.Read(new StringReader("graph [ node [ id 7 label \"x\" ] node [ id 8 label \"x\" ] edge [ source 7 target 8 ] ]"), "y.gml", NetworkFormat.Gml);
        Assert.Equal(["7", "8"], same.Graph.Ids);
    }

    [Theory]
    [InlineData(NetworkFormat.Csv, "source,target,weight\na,b,1\nb,c,heavy\n", 3, 3, "weight 'heavy'")]
    [InlineData(NetworkFormat.Csv, "from,to\na,b\n", 1, 1, "no column 'source'")]
    [InlineData(NetworkFormat.GraphMl, "<graphml><graph>\n<node id='a'/>\n<edge source='a'/></graph></graphml>", 3, 2, "no 'target'")]
    [InlineData(NetworkFormat.GraphMl, "<graphml><graph>\n<node id='a'>\n</graph></graphml>", 3, 3, "")]
    [InlineData(NetworkFormat.Gexf, "<gexf><graph><edges>\n<edge source='a' target='b' weight='-2'/></edges></graph></gexf>", 2, 29, "weight '-2'")]
    [InlineData(NetworkFormat.Pajek, "*Vertices 2\n1 \"a\"\n2 \"b\"\n*Edges\n1\n", 5, 1, "two vertex numbers")]
    [InlineData(NetworkFormat.Json, "{\"nodes\": [],\n \"edges\": [{\"source\": \"a\", \"target\": \"b\"},\n   {\"source\": \"a\"}]}", 3, 4, "an edge has no \"target\"")]
    [InlineData(NetworkFormat.Json, "{\"edges\": [\n{\"source\": \"a\", \"target\": \"b\", \"weight\": -1}]}", 2, 1, "weight '-1'")]
    [InlineData(NetworkFormat.Json, "{\"edges\": [\n{\"source\": \"a\",, }]}", 2, 16, "invalid")]
    [InlineData(NetworkFormat.Json, "[1, 2]", 1, 1, "expected an object")]
    [InlineData(NetworkFormat.Gml, "graph [\n  node [ id 1 ]\n  edge [ source 1 target 2 ]\n]", 3, 19, "target 2 is not the id of a node")]
    [InlineData(NetworkFormat.Gml, "graph [\n  node [ id 1 label \"a ]\n]", 2, 21, "a string is not closed")]
    [InlineData(NetworkFormat.Gml, "graph [\n  node [ id 1 ]\n", 3, 1, "a ] is missing")]
    [InlineData(NetworkFormat.Gml, "graph [ node [ id 1 ] node [ id 1 ] ]", 1, 23, "node id 1 appears twice")]
    [InlineData(NetworkFormat.Gml, "graph [ node [ label \"a\" ] ]", 1, 9, "a node has no id")]
    [InlineData(NetworkFormat.Gml, "graph [ node [ id 1 ] node [ id 2 ]\n edge [ source 1 target 2 weight -1 ] ]", 2, 27, "weight '-1'")]
    [InlineData(NetworkFormat.Gml, "Creator \"me\"\n", 1, 1, "no graph")]
    [InlineData(NetworkFormat.Gml, "graph [ 3 ]", 1, 9, "expected a key")]
    public void A_malformed_file_is_refused_with_its_line_and_column(NetworkFormat format, string text, int line, int column, string reason)
    {
        // Every reader reports through the exchange kit's located error (the CSV readers through CsvRows).
        var e = Assert.ThrowsAny<MalformedFileException>(() => NetworkFile.Read(new StringReader(text), "bad", format));
        Assert.Equal((line, column.ToString(CultureInfo.InvariantCulture)), (e.Error.Row, e.Error.Column));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await Commands.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task The_network_verbs_compute_write_and_fail_with_one_line()
    {
        var (exit, output, error) = await Run("network", "metrics", Data("karate_edges.csv"));
        Assert.Equal((0, ""), (exit, error)); // no progress bar when stderr is not a terminal
        Assert.StartsWith("34 nodes, 78 edges, density 0.139037, 1 component(s), transitivity 0.255682, diameter 5, average path 2.4082", output, StringComparison.Ordinal);
        Assert.Contains("node,degree,strength,betweenness", output, StringComparison.Ordinal);

        (exit, output, _) = await Run("network", "metrics", Data("lesmis_edges.csv"), "--pivots", "20", "--seed", "3");
        Assert.Equal(0, exit);
        Assert.Matches(@"^77 nodes, 254 edges, .*, diameter ≥ \d, average path [\d.]+; betweenness, closeness, harmonic and paths estimated from 20 pivots\n", output);

        // Weights read as lengths: networkx's weighted diameter (14) and average shortest path (4.861244…) of Les Misérables.
        var (_, weighted, _) = await Run("network", "metrics", Data("lesmis_edges.csv"), "--distances", "weights");
        Assert.Contains(", diameter 14, average path 4.8612 (lengths: weights)\n", weighted, StringComparison.Ordinal);
        // Weights as tie strengths, lengths 1/weight: networkx's 3.002632 and 1.12225 on the same graph.
        var (_, inverse, _) = await Run("network", "metrics", Data("lesmis_edges.csv"), "--distances", "inverse");
        Assert.Contains(", diameter 3.0026, average path 1.1222 (lengths: 1/weight)\n", inverse, StringComparison.Ordinal);
        var (_, plain, _) = await Run("network", "metrics", Data("lesmis_edges.csv"));
        Assert.Contains(", diameter 5, average path 2.6411", plain, StringComparison.Ordinal);
        (exit, output, _) = await Run("network", "metrics", Data("lesmis_edges.csv"), "--distances", "Weights", "--pivots", "40", "--seed", "2");
        Assert.Equal(0, exit);
        Assert.Matches(@", diameter ≥ \d+, average path [4-5]\.\d+ \(lengths: weights\); betweenness, closeness, harmonic and paths estimated from 40 pivots", output);

        var gexf = Path.Combine(dir, "lesmis.gexf");
        (exit, output, _) = await Run("network", "communities", Data("lesmis_edges.csv"), "--seed", "1", "-o", gexf);
        Assert.Equal(0, exit);
        Assert.Matches(@"^\d+ communities, modularity 0\.5\d+ \(Leiden, seed 1\)", output);
        using (var reader = new StreamReader(gexf))
            Assert.Equal(77, NetworkFile.Read(reader, "lesmis.gexf", NetworkFormat.Gexf).NodeAttributes["community"].Length);

        (exit, output, _) = await Run("network", "communities", Data("karate_edges.csv"), "--method", "louvain", "--seed", "3", "--resolution", "0.5");
        Assert.Equal(0, exit);
        Assert.Matches(@"^[23] communities, modularity 0\.\d+ \(Louvain, seed 3\)", output);

        (exit, output, _) = await Run("network", "project", Data("davis_southern_women_bipartite.csv"), "--actor", "woman", "--event", "event");
        Assert.Equal(0, exit);
        Assert.StartsWith("18 actors, 139 ties from 89 participations", output, StringComparison.Ordinal);

        var bad = Path.Combine(dir, "bad.csv");
        await File.WriteAllTextAsync(bad, "source,target,weight\na,b,x\n");
        var err = (await Run("network", "metrics", bad)).Err;
        Assert.Equal("clusterhub: bad.csv: line 2, column 3: weight 'x' is not a number ≥ 0", err.Trim());
        var directed = Path.Combine(dir, "directed.graphml");
        await File.WriteAllTextAsync(directed, "<graphml><graph edgedefault='directed'><node id='a'/><node id='b'/><edge source='a' target='b'/></graph></graphml>");
        (exit, _, err) = await Run("network", "communities", directed);
        Assert.Equal((1, "clusterhub: directed.graphml: communities are found in undirected networks; this one is directed"), (exit, err.Trim()));
        (exit, _, err) = await Run("network", "metrics", Data("karate_edges.csv"), "--partition", "region");
        Assert.Equal(1, exit);
        Assert.Contains("no node attribute 'region'", err, StringComparison.Ordinal);
        (exit, _, err) = await Run("network", "metrics", Data("karate_edges.csv"), "--distances", "miles");
        Assert.Equal(2, exit);
        Assert.Matches(@"^clusterhub: Cannot parse argument 'miles' for option '--distances'.*Hops.*Inverse.*Weights\n$", err); // one line, the choices on it
    }

    /// <summary>
    /// College football 2000 read from Newman's GML: teams named by label, conferences as the "value" attribute, their
    /// modularity as networkx computes it (0.553973, 1e-12); Leiden finds communities at least as modular as igraph's
    /// best of 20 seeds (0.604570, within 1e-6) that recover the conferences (NMI ≥ 0.85: igraph's Leiden scores 0.885).
    /// </summary>
    [Fact]
    public async Task Football_communities_recover_the_conferences()
    {
        Network football;
        using (var reader = new StreamReader(Data("football.gml"))) football = NetworkFile.Read(reader, "football.gml", NetworkFormat.Gml);
        var r = JsonDocument.Parse(await File.ReadAllTextAsync(Data("reference.json"))).RootElement.GetProperty("football");
        var g = football.Graph.Graph;
        Assert.Equal((115, 613), (g.NodeCount, g.EdgeCount));
        var conference = NetworkMetrics.PartitionOf(football, "value");
        Assert.Equal(football.Graph.Ids.Select(t => r.GetProperty("conference").GetProperty(t).GetInt32().ToString(CultureInfo.InvariantCulture)), football.NodeAttributes["value"]);
        Assert.Equal(r.GetProperty("conference_modularity").GetDouble(), Centrality.Modularity(g, conference), 12);

        var best = Enumerable.Range(1, 5).Select(seed => Communities.Leiden(g, new CommunityOptions { Seed = seed })).MaxBy(c => c.Modularity)!;
        Assert.True(best.Modularity >= r.GetProperty("igraph_leiden_best_modularity").GetDouble() - 1e-6, $"modularity {best.Modularity}");
        Assert.InRange(Partitions.NormalizedMutualInformation(conference, best.Community), 0.85, 1);

        var (exit, output, _) = await Run("network", "communities", Data("football.gml"), "--seed", "1", "--compare", "value");
        Assert.Equal(0, exit);
        Assert.Matches(@"^\d+ communities, modularity 0\.60\d+ \(Leiden, seed 1\); beside value \(12 groups\): NMI 0\.(8[5-9]|9)\d*, adjusted Rand 0\.\d+\n", output);
    }

    /// <summary>
    /// Participations keep what their rows say of each organisation (its most frequent value, the first seen on a tie),
    /// so that the projection can be measured by type: brokerage roles between companies, universities and labs.
    /// </summary>
    [Fact]
    public async Task Project_keeps_the_organisations_attributes_for_brokerage_by_type()
    {
        var participations = Path.Combine(dir, "participations.csv");
        await File.WriteAllTextAsync(participations, """
            project;organisation;type;country
            p1;orano;PRC;FR
            p1;cea;REC;FR
            p2;cea;REC;FR
            p2;insa;HES;FR
            p3;orano;PRC;DE
            p3;insa;;FR
            p4;orano;REC;FR
            p4;lab;REC;
            """);
        var graphml = Path.Combine(dir, "projected.graphml");
        var (exit, output, _) = await Run("network", "project", participations, "--actor", "organisation", "--event", "project", "--attributes", "type", "country", "-o", graphml);
        Assert.Equal((0, "4 actors, 4 ties from 8 participations\n"), (exit, output));
        Network projected;
        using (var reader = new StreamReader(graphml)) projected = NetworkFile.Read(reader, "projected.graphml", NetworkFormat.GraphMl);
        string? Of(string attribute, string id) => projected.NodeAttributes[attribute][projected.Graph.IndexOf(id)];
        Assert.Equal(("PRC", "FR"), (Of("type", "orano"), Of("country", "orano"))); // PRC twice against REC once; FR twice against DE once
        Assert.Equal(("HES", "FR"), (Of("type", "insa"), Of("country", "insa"))); // an empty cell says nothing
        Assert.Null(Of("country", "lab"));

        (exit, output, _) = await Run("network", "metrics", graphml, "--partition", "type");
        Assert.Equal(0, exit);
        Assert.Contains("; 3 type groups: E-I ", output, StringComparison.Ordinal);

        await File.WriteAllTextAsync(participations, "project,organisation,type\np1,orano,PRC\np1,,REC\n");
        var (code, _, err) = await Run("network", "project", participations, "--actor", "organisation", "--event", "project");
        Assert.Equal((1, "clusterhub: participations.csv: line 3, column 2: organisation is empty"), (code, err.Trim()));
        (code, _, err) = await Run("network", "project", participations, "--actor", "organisation", "--event", "project", "--attributes", "size");
        Assert.Equal(1, code);
        Assert.StartsWith("clusterhub: participations.csv: line 1, column 1: no column 'size'", err, StringComparison.Ordinal);
    }

    /// <summary>The karate club with its two clubs as a node attribute: E-I and assortativity as networkx has them (Data/reference.json).</summary>
    [Fact]
    public async Task Metrics_by_a_partition_give_brokerage_roles_E_I_and_assortativity()
    {
        var karate = Karate();
        var club = File.ReadLines(Data("karate_nodes.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[1]);
        var gexf = Path.Combine(dir, "karate.gexf");
        using (var writer = new StreamWriter(gexf))
            NetworkFile.Write(karate with { NodeAttributes = new Dictionary<string, string?[]> { ["club"] = [.. karate.Graph.Ids.Select(id => club[id])] } }, writer, NetworkFormat.Gexf);
        var (exit, output, _) = await Run("network", "metrics", gexf, "--partition", "club");
        Assert.Equal(0, exit);
        Assert.Contains("; 2 club groups: E-I -0.7179, assortativity 0.7175", output, StringComparison.Ordinal);
        Assert.Contains(",coordinator,itinerant,gatekeeper,representative,liaison", output.Split('\n')[1], StringComparison.Ordinal);
    }

    [Fact]
    public void The_progress_bar_redraws_one_line_only_when_it_changes_and_clears_it()
    {
        var text = new StringWriter();
        using (var bar = new ProgressBar(text))
        {
            var step = bar.Step("betweenness", 0.2, 0.6);
            step.Report(0.5);
            step.Report(0.501); // still 40 %: no redraw
            bar.Report(new WorkProgress("pagerank", 0.6));
        }
        Assert.Equal(["", "betweenness    [######------------------------]  20%", "betweenness    [############------------------]  40%",
            "pagerank       [##################------------]  60%", new string(' ', 52), ""], text.ToString().Split('\r'));
    }

    /// <summary>After two seconds the bar says how long is left, at the pace so far.</summary>
    [Fact]
    public void The_progress_bar_tells_the_time_left_once_the_work_has_run_a_while()
    {
        var text = new StringWriter();
        var clock = new ManualClock();
        using (var bar = new ProgressBar(text, clock))
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            bar.Report(new WorkProgress("closeness", 0.1));
            clock.Advance(TimeSpan.FromSeconds(29));
            bar.Report(new WorkProgress("closeness", 0.25)); // 30 s for a quarter: 90 s left
            clock.Advance(TimeSpan.FromSeconds(30));
            bar.Report(new WorkProgress("closeness", 0.8)); // 60 s for 80 %: 15 s left
        }
        var lines = text.ToString().Split('\r').Select(l => l.TrimEnd()).ToArray(); // a shorter line is padded over the last
        Assert.EndsWith("10%", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(" 25%  1m 30s left", lines[2], StringComparison.Ordinal);
        Assert.EndsWith(" 80%  15s left", lines[3], StringComparison.Ordinal);
    }

    private sealed class ManualClock : TimeProvider
    {
        private long ticks;
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => ticks;
        public void Advance(TimeSpan by) => ticks += by.Ticks;
    }
}
