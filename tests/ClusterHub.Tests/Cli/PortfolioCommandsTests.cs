namespace ClusterHub.Tests.Cli;

/// <summary><c>portfolio create|grant|consent|import|export|rank</c> as a user types them, and their refusals in one line.</summary>
public sealed class PortfolioCommandsTests() : CliSandbox("portfolio")
{
    [Fact]
    public async Task The_verbs_create_import_rank_and_export_a_portfolio_and_refuse_bad_input_in_one_line()
    {
        var (exit, output, err) = await Run("portfolio", "create", "--slug", "fr-poles", "--name", "French poles");
        Assert.True(exit == 0, err);
        Assert.Equal((1, "", "clusterhub: --slug Bad Slug: must be 1–64 characters of a–z, 0–9 and '-', not starting or ending with '-'"),
            (await Run("portfolio", "create", "--slug", "Bad Slug", "--name", "x")) is var bad ? (bad.Exit, bad.Out, bad.Err.Trim()) : default);

        var file = Path.Combine(Dir, "poles.csv");
        await File.WriteAllTextAsync(file, "name,region,year,size,setting,objectives,process,performance\nAlpha,Grand Est,2019,100,80,80,80,80\nBeta,Occitanie,2019,,50,,,\n");
        (exit, output, err) = await Run("portfolio", "import", file, "--portfolio", "fr-poles");
        Assert.True(exit == 0, err);
        Assert.Equal("poles.csv: 2 rows, 2 created, 0 updated, 0 unchanged", output.Trim());

        (exit, output, err) = await Run("portfolio", "rank", "--portfolio", "fr-poles", "--year", "2019");
        Assert.True(exit == 0, err);
        var lines = output.Trim().Split('\n');
        Assert.StartsWith("French poles · cipm · 2019 · 2 clusters", lines[0]);
        Assert.Matches(@"^\s+1\s+80\.0\s+100\s*%\s+100\s+Alpha$", lines[1].TrimEnd());
        Assert.Matches(@"^\s+2\s+50\.0\s+25\s*%\s+–\s+Beta$", lines[2].TrimEnd());

        var csv = Path.Combine(Dir, "ranking.csv");
        (exit, _, err) = await Run("portfolio", "export", "--portfolio", "fr-poles", "--year", "2019", "--region", "occitanie", "-o", csv);
        Assert.True(exit == 0, err);
        var exported = (await File.ReadAllTextAsync(csv)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, exported.Length);
        Assert.StartsWith("1,Beta,imported,no,Occitanie,,2019,cipm,1,,50,0.25,50,,,", exported[1]);

        // A cluster opts in and out; refusals are one line on stderr with exit 1, and a refused import writes nothing.
        await Query(async db => { db.Clusters.Add(new ClusterHub.Clusters.Cluster { Slug = "nv", Name = "NV" }); return await db.SaveChangesAsync(); });
        Assert.Equal(0, (await Run("portfolio", "consent", "--cluster", "nv", "--portfolio", "fr-poles")).Exit);
        Assert.Contains("NV", (await Run("portfolio", "rank", "--portfolio", "fr-poles", "--year", "2019")).Out);
        Assert.Equal(0, (await Run("portfolio", "consent", "--cluster", "nv", "--portfolio", "fr-poles", "--revoke")).Exit);
        Assert.DoesNotContain("NV", (await Run("portfolio", "rank", "--portfolio", "fr-poles", "--year", "2019")).Out);
        await File.WriteAllTextAsync(file, "name,year,setting\nGamma,2019,50\nDelta,2019,101\n");
        (exit, output, err) = await Run("portfolio", "import", file, "--portfolio", "fr-poles");
        Assert.Equal((1, "clusterhub: poles.csv: 1 error(s); nothing was imported"), (exit, err.Trim()));
        Assert.Contains("setting", output);
        Assert.DoesNotContain("Gamma", (await Run("portfolio", "rank", "--portfolio", "fr-poles", "--year", "2019")).Out);
        Assert.Equal((1, "clusterhub: no portfolio 'nope'"), (await Run("portfolio", "rank", "--portfolio", "nope")) is var r ? (r.Exit, r.Err.Trim()) : default);
        Assert.Equal(1, (await Run("portfolio", "rank", "--portfolio", "fr-poles", "--year", "1800")).Exit);
        Assert.Equal(1, (await Run("portfolio", "grant", "--portfolio", "fr-poles", "--email", "nobody@x.example", "--role", "Viewer")).Exit);
    }
}
