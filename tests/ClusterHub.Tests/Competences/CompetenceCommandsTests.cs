using ClusterHub.Strategy;
using ClusterHub.Tests.Cli;

namespace ClusterHub.Tests.Competences;

/// <summary><c>import competences</c> and <c>export competences</c> as a user types them, on a fresh SQLite file.</summary>
public sealed class CompetenceCommandsTests() : CliSandbox("competences")
{
    private async Task<string> File(string name, string content)
    {
        var path = Path.Combine(Dir, name);
        await System.IO.File.WriteAllTextAsync(path, content);
        return path;
    }

    private Task<int> Arrange() => Query(async db =>
    {
        var cluster = new ClusterHub.Clusters.Cluster { Slug = "nv", Name = "NV" };
        db.Clusters.Add(cluster);
        await db.SaveChangesAsync();
        db.StrategicAreas.AddRange(new StrategicArea { ClusterId = cluster.Id, Code = "A1", Name = "Components", Order = 1 },
            new StrategicArea { ClusterId = cluster.Id, Code = "A3", Name = "Dismantling", Order = 2 });
        db.Members.Add(new ClusterHub.Members.Member { ClusterId = cluster.Id, Name = "Sfarsteel", NormalizedName = "SFARSTEEL", JoinedOn = new DateOnly(2005, 7, 12) });
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task The_taxonomy_and_the_declarations_import_all_or_nothing_and_export_in_the_import_format()
    {
        await Arrange();
        var taxonomy = await File("taxonomy.csv", "code,name,domain,stage,description,needs\nFORGE,Forging,Manufacturing,,,A1=4\nDISM,Dismantling,Dismantling,,,A3=4\n");
        var (exit, output, _) = await Run("import", "competences", taxonomy, "--cluster", "nv", "--kind", "taxonomy");
        Assert.Equal(0, exit);
        Assert.Contains("2 rows, 2 created", output, StringComparison.Ordinal);

        var bad = await File("bad.csv", "member,competence,level\nSfarsteel,FORGE,4\nSfarsteel,SPACE,2\n");
        var (badExit, badOut, err) = await Run("import", "competences", bad, "--cluster", "nv");
        Assert.Equal(1, badExit);
        Assert.Single(err.TrimEnd().Split('\n'));
        Assert.Contains("bad.csv: row 3, column competence ('SPACE')", badOut, StringComparison.Ordinal);

        var good = await File("good.csv", "member,competence,level,certifications,declared_on,state\nSfarsteel,FORGE,4,RCC-M,2019-05-01,Validated\n");
        Assert.Equal(0, (await Run("import", "competences", good, "--cluster", "nv")).Exit);
        var (_, csv, _) = await Run("export", "competences", "--cluster", "nv");
        Assert.Contains("Sfarsteel,,FORGE,4,RCC-M,,2019-05-01,Validated", csv, StringComparison.Ordinal);
        var (_, tax, _) = await Run("export", "competences", "--cluster", "nv", "--kind", "taxonomy", "--format", "json");
        Assert.Contains("\"needs\": \"A1=4\"", tax, StringComparison.Ordinal);
        var (xlsxExit, _, xlsxErr) = await Run("export", "competences", "--cluster", "nv", "--format", "xlsx");
        Assert.Equal(1, xlsxExit);
        Assert.Contains("--output", xlsxErr, StringComparison.Ordinal);
    }
}
