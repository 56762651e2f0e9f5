using ClusterHub.Surveys;

namespace ClusterHub.Tests.Cli;

/// <summary><c>survey send|remind|results</c> as a user types them.</summary>
public sealed class SurveyCommandsTests() : CliSandbox("surveys")
{
    [Fact]
    public async Task Send_remind_and_results_run_the_operations_and_refusals_exit_with_one_line()
    {
        var members = Path.Combine(Dir, "members.csv");
        await File.WriteAllTextAsync(members, "name,type,headcount,joined_on,contact_name,contact_email,contact_consent\n"
            + "Forges Saône,Sme,40,2010-01-01,Ada,ada@forges.example,yes\nÉcole Cluny,EngineeringSchool,,2005-07-12,Bo,bo@cluny.example,yes\nSilent,Sme,5,2011-01-01,Cy,,no\n");
        var clusterId = await Query(async db =>
        {
            var c = new ClusterHub.Clusters.Cluster { Slug = "nv", Name = "NV" };
            db.Clusters.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        Assert.Equal(0, (await Run("import", "members", members, "--cluster", "nv")).Exit);
        var (created, _, _) = await Query(db => SurveyDesign.CreateAsync(db, clusterId,
            new SurveyInput(2024, "Stakeholders", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)), null, [new("cipm.framework.consensus", "Agreed strategy")]), DateTime.UtcNow, default));
        Assert.Equal(SurveyChange.Done, created);

        var (exit, output, err) = await Run("survey", "send", "--cluster", "nv", "--year", "2024");
        Assert.True(exit == 0, err);
        Assert.Equal("invited 2, already invited 0, without a contact 1", output.Trim());
        (exit, output, _) = await Run("survey", "remind", "--cluster", "nv", "--year", "2024");
        Assert.Equal((0, "reminded 2, already reminded today 0, without a contact 0"), (exit, output.Trim()));
        (exit, output, _) = await Run("survey", "remind", "--cluster", "nv", "--year", "2024");
        Assert.Equal((0, "reminded 0, already reminded today 2, without a contact 0"), (exit, output.Trim()));
        var links = await Query(db => Task.FromResult(db.OutboxMessages.Count(m => m.Body.Contains("http://localhost:5000/survey/"))));
        Assert.Equal(4, links);

        (exit, output, _) = await Run("survey", "results", "--cluster", "nv", "--year", "2024");
        Assert.Equal(0, exit);
        Assert.Contains("cipm.framework.consensus,all,0,0,,,too few responses", output, StringComparison.Ordinal);

        (exit, _, err) = await Run("survey", "send", "--cluster", "nv", "--year", "2030");
        Assert.Equal((1, "clusterhub: There is no survey for that year."), (exit, err.Trim()));
        (exit, _, err) = await Run("survey", "results", "--cluster", "nv", "--year", "12019");
        Assert.Equal(1, exit);
        Assert.EndsWith("--year 12019: must be between 1950 and 2100", err.Trim(), StringComparison.Ordinal);
    }
}
