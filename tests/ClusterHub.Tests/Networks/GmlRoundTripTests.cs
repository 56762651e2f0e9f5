using System.Diagnostics;
using System.Text.Json;
using ClusterHub.Analytics.Networks;
using ClusterHub.Networks;

namespace ClusterHub.Tests.Networks;

/// <summary>
/// GML names beyond ASCII through the two peer tools (test.sh installs Debian's python3-networkx and python3-igraph):
/// networkx 2.8 reads only ASCII GML with numeric entities and igraph 0.10 only raw UTF-8 (it leaves entities
/// verbatim), so each gets the flavour it reads, and both tools' own files read back here with the same names.
/// </summary>
public sealed class GmlRoundTripTests
{
    private static readonly string[] Names = ["Région Bourgogne-Franche-Comté", "원자력 클러스터", "Île-de-France", "A & \"B\"", "Zürich 🌍", "plain"];

    private static string Write(string dir, string name, GmlText text)
    {
        var b = new GraphBuilder();
        for (var i = 0; i + 1 < Names.Length; i++) b.AddEdge(Names[i], Names[i + 1]);
        var path = Path.Combine(dir, name);
        using (var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false)))
            NetworkFile.Write(new Network(b.Build(), new Dictionary<string, string?[]>()), writer, NetworkFormat.Gml, new NetworkWriteOptions(Gml: text));
        return path;
    }

    private static IReadOnlyList<string> ReadOurs(string path)
    {
        using var reader = new StreamReader(path);
        return [.. NetworkFile.Read(reader, Path.GetFileName(path), NetworkFormat.Gml).Graph.Ids.Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void Ascii_gml_is_ascii_with_one_entity_per_code_point_and_utf8_gml_keeps_the_characters()
    {
        var dir = Directory.CreateTempSubdirectory("gml").FullName;
        var ascii = File.ReadAllText(Write(dir, "a.gml", GmlText.Ascii));
        Assert.All(ascii, c => Assert.True(c < 128, $"'{c}' in an ASCII GML file"));
        Assert.Contains("\"R&#233;gion Bourgogne-Franche-Comt&#233;\"", ascii, StringComparison.Ordinal);
        Assert.Contains("Z&#252;rich &#127757;", ascii, StringComparison.Ordinal); // the globe is one code point, not two surrogates
        Assert.Contains("\"A &amp; &quot;B&quot;\"", ascii, StringComparison.Ordinal);
        Assert.Contains("\"원자력 클러스터\"", File.ReadAllText(Write(dir, "u.gml", GmlText.Utf8)), StringComparison.Ordinal);
        foreach (var file in new[] { "a.gml", "u.gml" }) Assert.Equal(Names.Order(StringComparer.Ordinal), ReadOurs(Path.Combine(dir, file)));
    }

    [Fact]
    public async Task Networkx_reads_the_ascii_file_igraph_the_utf8_file_and_we_read_what_both_write()
    {
        var dir = Directory.CreateTempSubdirectory("gml").FullName;
        var (ascii, utf8) = (Write(dir, "ascii.gml", GmlText.Ascii), Write(dir, "utf8.gml", GmlText.Utf8));
        var script = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../bench/compare/gml_roundtrip.py"));
        var start = new ProcessStartInfo("/usr/bin/python3", [script, ascii, utf8, dir]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var python = Process.Start(start)!;
        var output = await python.StandardOutput.ReadToEndAsync();
        var error = await python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        Assert.True(python.ExitCode == 0, error);
        var read = JsonDocument.Parse(output).RootElement;
        var expected = Names.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, read.GetProperty("networkx").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(expected, read.GetProperty("igraph").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(expected, ReadOurs(Path.Combine(dir, "networkx.gml")));
        Assert.Equal(expected, ReadOurs(Path.Combine(dir, "igraph.gml")));
    }
}
