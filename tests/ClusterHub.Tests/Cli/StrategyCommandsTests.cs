using System.Text.Json;
using ClusterHub.Data;
using ClusterHub.Strategy;

namespace ClusterHub.Tests.Cli;

/// <summary><c>indicators</c> and <c>strategy review</c> as a user types them.</summary>
public sealed class StrategyCommandsTests() : CliSandbox("strategy")
{
    private async Task ArrangeAsync()
    {
        var members = Path.Combine(Dir, "members.csv");
        await File.WriteAllTextAsync(members, "name,type,headcount,departement,joined_on\nForges Saône,Sme,40,71,2010-01-01\nÉcole Cluny,EngineeringSchool,,71,2005-07-12\n");
        await Query(async db =>
        {
            db.Clusters.Add(new ClusterHub.Clusters.Cluster { Slug = "nv", Name = "NV" });
            return await db.SaveChangesAsync();
        });
        Assert.Equal(0, (await Run("import", "members", members, "--cluster", "nv")).Exit);
    }

    [Fact]
    public async Task Indicators_print_every_registered_value_with_missing_ones_empty_and_refuse_a_bad_year()
    {
        await ArrangeAsync();
        var (exit, output, err) = await Run("indicators", "--cluster", "nv", "--year", "2019", "--format", "json");
        Assert.True(exit == 0, err);
        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!);
        Assert.Equal(2, rows["members.active"].GetProperty("value").GetDouble());
        Assert.Equal(0.5, rows["members.education_research_share"].GetProperty("value").GetDouble());
        Assert.Equal(JsonValueKind.Null, rows["dues.invoiced"].GetProperty("value").ValueKind);

        (exit, output, _) = await Run("indicators", "--cluster", "nv", "--year", "2019");
        Assert.Contains("members.active,Active members,2019,2,Count,HigherIsBetter,", output, StringComparison.Ordinal);

        (exit, _, err) = await Run("indicators", "--cluster", "nv", "--year", "12019");
        Assert.Equal(1, exit);
        Assert.EndsWith("--year 12019: must be between 1950 and 2100", err.Trim(), StringComparison.Ordinal);
        (exit, _, err) = await Run("indicators", "--cluster", "nowhere", "--year", "2019");
        Assert.Equal((1, "clusterhub: no cluster 'nowhere'"), (exit, err.Trim()));
    }

    [Fact]
    public async Task A_manual_value_is_recorded_with_its_evidence_and_a_bad_one_exits_with_one_line()
    {
        await ArrangeAsync();
        await Query(async db =>
        {
            var (_, _, errors) = await ClusterHub.Indicators.ManualIndicators.SaveAsync(db, db.Clusters.Single().Id, null,
                new("press", "Press articles", "Articles naming the cluster, from the press review.", ClusterHub.Indicators.IndicatorUnit.Count,
                    ClusterHub.Indicators.IndicatorDirection.HigherIsBetter), default);
            return errors.Count;
        });
        var (exit, _, err) = await Run("indicators", "record", "--cluster", "nv", "--key", "manual.press", "--year", "2019", "--value", "42", "--evidence", "Press review 2019, 42 clippings");
        Assert.True(exit == 0, err);
        var (_, output, _) = await Run("indicators", "--cluster", "nv", "--year", "2019", "--format", "json");
        var row = JsonDocument.Parse(output).RootElement.EnumerateArray().Single(r => r.GetProperty("key").GetString() == "manual.press");
        Assert.Equal((42.0, "Press review 2019, 42 clippings"), (row.GetProperty("value").GetDouble(), row.GetProperty("evidence").GetProperty("text").GetString()));

        (exit, _, err) = await Run("indicators", "record", "--cluster", "nv", "--key", "manual.press", "--year", "2019", "--value", "43", "--evidence", " ");
        Assert.Equal((1, "clusterhub: --evidence: is required"), (exit, err.Trim()));
        (exit, _, err) = await Run("indicators", "record", "--cluster", "nv", "--key", "manual.none", "--year", "2019", "--value", "1", "--evidence", "x");
        Assert.Equal((1, "clusterhub: --key manual.none: no such manual indicator in the cluster"), (exit, err.Trim()));
    }

    [Fact]
    public async Task A_review_prints_its_objectives_closes_once_and_then_stays_as_recorded()
    {
        await ArrangeAsync();
        await Query(async db =>
        {
            var id = db.Clusters.Single().Id;
            db.Objectives.Add(new Objective { ClusterId = id, Title = "Grow", IndicatorKey = "members.active", Targets = [new() { Year = 2019, Value = 2 }] });
            db.StrategyReviews.Add(new StrategyReview { ClusterId = id, Year = 2019, HeldOn = new DateOnly(2019, 8, 29), Title = "August seminar 2019" });
            return await db.SaveChangesAsync();
        });
        var (exit, output, err) = await Run("strategy", "review", "--cluster", "nv", "--year", "2019");
        Assert.True(exit == 0, err);
        Assert.Equal("objective,area,indicator,target,actual,outcome,tolerance", output.TrimStart('\uFEFF').Split('\n')[0].TrimEnd('\r'));
        Assert.Contains("Grow,,members.active,2,2,Met,0.1", output, StringComparison.Ordinal);

        Assert.Equal(0, (await Run("strategy", "review", "--cluster", "nv", "--year", "2019", "--close")).Exit);
        (exit, _, err) = await Run("strategy", "review", "--cluster", "nv", "--year", "2019", "--close");
        Assert.Equal((1, "clusterhub: the review of 2019 is already closed"), (exit, err.Trim()));
        (exit, _, err) = await Run("strategy", "review", "--cluster", "nv", "--year", "2018");
        Assert.Equal((1, "clusterhub: no review for 2018"), (exit, err.Trim()));
        Assert.Equal(ReviewState.Closed, await Query(db => Task.FromResult(db.StrategyReviews.Single().State)));
    }
}
