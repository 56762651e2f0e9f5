using ClusterHub.Networks;
using ClusterHub.Tests.Cli;

namespace ClusterHub.Tests.Governance;

/// <summary><c>governance import</c> and <c>governance export</c> as a user types them, on a fresh SQLite file.</summary>
public sealed class GovernanceCommandsTests() : CliSandbox("governance")
{
    private async Task<string> File(string name, string content)
    {
        var path = Path.Combine(Dir, name);
        await System.IO.File.WriteAllTextAsync(path, content);
        return path;
    }

    [Fact]
    public async Task Actors_and_ties_import_all_or_nothing_and_the_network_exports_with_its_measures()
    {
        await Query(async db =>
        {
            db.Clusters.Add(new ClusterHub.Clusters.Cluster { Slug = "nv", Name = "NV" });
            return await db.SaveChangesAsync();
        });
        var actors = await File("actors.csv", "name,short_name,level,kind\nNuclear Valley,NV,Cluster,Association\nGIFEN,,Sectoral,Association\nLe Grand Chalon,Grand Chalon,Local,LocalAuthority\n");
        var (exit, output, _) = await Run("governance", "import", actors, "--cluster", "nv", "--kind", "actors");
        Assert.Equal(0, exit);
        Assert.Contains("3 rows, 3 created", output, StringComparison.Ordinal);

        var bad = await File("bad.csv", "from,to,type,strength\nNV,GIFEN,Membership,3\nNV,Grand Chalon,Funding,0\n");
        var (badExit, badOut, err) = await Run("governance", "import", bad, "--cluster", "nv", "--kind", "ties");
        Assert.Equal(1, badExit);
        Assert.Single(err.TrimEnd().Split('\n'));
        Assert.Contains("bad.csv: row 3, column strength ('0')", badOut, StringComparison.Ordinal);

        var ties = await File("ties.csv", "from,to,type,from_year,strength\nNV,GIFEN,Membership,2018,3\nGrand Chalon,NV,Funding,2005,4\n");
        Assert.Equal(0, (await Run("governance", "import", ties, "--cluster", "nv", "--kind", "ties")).Exit);
        var gexf = Path.Combine(Dir, "nv.gexf");
        Assert.Equal(0, (await Run("governance", "export", "--cluster", "nv", "--year", "2010", "--format", "gexf", "-o", gexf)).Exit);
        var text = await System.IO.File.ReadAllTextAsync(gexf);
        Assert.Contains("http://www.gexf.net/1.2draft", text, StringComparison.Ordinal);
        using (var reader = new StringReader(text))
        {
            var network = NetworkFile.Read(reader, "nv.gexf", NetworkFormat.Gexf);
            Assert.Equal(["NV", "Grand Chalon"], network.Graph.Ids); // GIFEN's tie starts in 2018
            Assert.Equal("1", network.NodeAttributes["degree"][0]);
        }
        var (csvExit, csv, _) = await Run("governance", "export", "--cluster", "nv", "--format", "csv");
        Assert.Equal(0, csvExit);
        Assert.Contains("NV,GIFEN,3", csv, StringComparison.Ordinal);
        var (formatExit, _, formatErr) = await Run("governance", "export", "--cluster", "nv", "--format", "pdf");
        Assert.Equal(1, formatExit);
        Assert.Contains("--format", formatErr, StringComparison.Ordinal);
    }
}
