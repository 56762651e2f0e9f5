using ClusterHub.Tests.Cli;

namespace ClusterHub.Tests.Projects;

/// <summary><c>import projects</c> as a user types it, on a fresh SQLite file: all or nothing, one line on stderr when refused.</summary>
public sealed class ProjectCommandsTests() : CliSandbox("projects")
{
    private const string Header = "acronym,title,state,strategic_area,duration_months,trl_start,trl_target,created_at,submitted_at,partner,partner_national_id,partner_role,partner_category,partner_budget_eur,partner_requested_eur";

    [Fact]
    public async Task Import_projects_matches_partners_by_national_id_and_exits_non_zero_on_a_bad_row()
    {
        await Query(async db =>
        {
            var cluster = new ClusterHub.Clusters.Cluster { Slug = "nv", Name = "NV" };
            db.Clusters.Add(cluster);
            await db.SaveChangesAsync();
            db.StrategicAreas.Add(new ClusterHub.Strategy.StrategicArea { ClusterId = cluster.Id, Code = "A1", Name = "Components", Order = 1 });
            db.Members.Add(new ClusterHub.Members.Member { ClusterId = cluster.Id, Name = "Sfarsteel SAS", NormalizedName = "SFARSTEEL SAS", NationalId = "552100554", Type = ClusterHub.Members.MemberType.LargeCompany, JoinedOn = new DateOnly(2005, 7, 12) });
            return await db.SaveChangesAsync();
        });
        var bad = Path.Combine(Dir, "bad.csv");
        await File.WriteAllTextAsync(bad, Header + "\nOLD,Old,Submitted,Z9,24,3,6,2012-01-01,2012-02-01,Sfarsteel,552 100 554,Coordinator,,1000,0\n");
        var (exit, output, err) = await Run("import", "projects", bad, "--cluster", "nv");
        Assert.Equal(1, exit);
        Assert.Single(err.TrimEnd().Split('\n'));
        Assert.Contains("bad.csv: row 2, column strategic_area ('Z9')", output, StringComparison.Ordinal);

        var good = Path.Combine(Dir, "good.csv");
        await File.WriteAllTextAsync(good, Header + "\nOLD,Old,Submitted,Components,24,3,6,2012-01-01,2012-02-01,Sfarsteel,552 100 554,Coordinator,,1000,0\n");
        var (goodExit, goodOut, _) = await Run("import", "projects", good, "--cluster", "nv");
        Assert.Equal(0, goodExit);
        Assert.Contains("1 proposals, 1 created, 0 already there", goodOut, StringComparison.Ordinal);
        var (_, csv, _) = await Run("export", "projects", "--cluster", "nv");
        Assert.Contains(",Sfarsteel SAS,552100554,Coordinator,LargeCompany,", csv, StringComparison.Ordinal);
        Assert.Contains("2012-02-01", csv, StringComparison.Ordinal);
    }
}
