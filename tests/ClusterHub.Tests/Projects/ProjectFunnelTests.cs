using System.Net;
using ClusterHub.Projects;

namespace ClusterHub.Tests.Projects;

/// <summary>The pipeline dashboard and the projects indicators, counted from the workflow's moves.</summary>
public abstract class ProjectFunnelTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private static readonly int ThisYear = DateTime.UtcNow.Year;

    [Fact]
    public async Task The_funnel_counts_each_stage_once_per_proposal_and_year_and_the_indicators_agree()
    {
        var c = await ProjectsCluster.CreateAsync(app, "funnel");
        var before = await (await c.Manager.GetAsync($"{c.Api}/indicators?year={ThisYear}")).Json(HttpStatusCode.OK);
        Assert.Equal(JsonValueKindNull, Value(before, ProjectIndicators.WorkedOn).ValueKind); // no pipeline here yet: missing, not zero

        var funded = await c.CreateProposalAsync(proposal: c.Proposal("FUNDED"));
        foreach (var a in new[] { "submit", "start-review", "certify", "send-to-funder" }) await (await c.MoveAsync(funded, a)).Json(HttpStatusCode.OK);
        await (await c.Manager.PostJson($"{c.Api}/proposals/{funded}/fund", new { grantedEur = 400_000m })).Json(HttpStatusCode.OK);
        var rejected = await c.CreateProposalAsync(proposal: c.Proposal("REJECTED"));
        foreach (var a in new[] { "submit", "start-review" }) await (await c.MoveAsync(rejected, a)).Json(HttpStatusCode.OK);
        await (await c.MoveAsync(rejected, "return", "again")).Json(HttpStatusCode.OK);
        foreach (var a in new[] { "submit", "start-review" }) await (await c.MoveAsync(rejected, a)).Json(HttpStatusCode.OK); // submitted twice: counted once
        await (await c.MoveAsync(rejected, "reject", "no")).Json(HttpStatusCode.OK);
        await c.CreateProposalAsync(proposal: c.Proposal("DRAFT")); // a draft is worked on too

        var funnel = await (await c.Manager.GetAsync($"{c.Api}/projects/funnel")).Json(HttpStatusCode.OK);
        var year = Assert.Single(funnel.GetProperty("years").EnumerateArray());
        Assert.Equal((ThisYear, 3, 2, 1, 1, 0), (year.GetProperty("year").GetInt32(), year.GetProperty("workedOn").GetInt32(), year.GetProperty("submitted").GetInt32(),
            year.GetProperty("certified").GetInt32(), year.GetProperty("funded").GetInt32(), year.GetProperty("completed").GetInt32()));
        var conversions = funnel.GetProperty("conversions").EnumerateArray().ToList();
        Assert.Equal(0.5, conversions[0].GetProperty("rate").GetDouble()); // certified / submitted
        Assert.Equal(1.0, conversions[1].GetProperty("rate").GetDouble()); // funded / certified
        Assert.Equal(JsonValueKindNull, conversions[3].GetProperty("rate").ValueKind); // on the market / completed: nothing completed
        // Budget 1.6 M€ on 400 k€ of public money: 4 euros per euro.
        Assert.Equal(4.0, funnel.GetProperty("total").GetProperty("perEuro").GetDouble());
        Assert.Equal("FUI", funnel.GetProperty("byFunder")[0].GetProperty("group").GetString());
        var submittedState = funnel.GetProperty("durations").EnumerateArray().Single(d => d.GetProperty("state").GetString() == "Submitted");
        Assert.Equal((3, 0.0), (submittedState.GetProperty("count").GetInt32(), submittedState.GetProperty("medianDays").GetDouble()));

        var indicators = await (await c.Manager.GetAsync($"{c.Api}/indicators?year={ThisYear}")).Json(HttpStatusCode.OK);
        Assert.Equal(3, Value(indicators, ProjectIndicators.WorkedOn).GetDouble());
        Assert.Equal(1, Value(indicators, ProjectIndicators.Certified).GetDouble());
        Assert.Equal(1, Value(indicators, ProjectIndicators.Funded).GetDouble());
        Assert.Equal(4.0, Value(indicators, ProjectIndicators.FundingLeveraged).GetDouble());
        var lastYear = await (await c.Manager.GetAsync($"{c.Api}/indicators?year={ThisYear - 1}")).Json(HttpStatusCode.OK);
        Assert.Equal(0, Value(lastYear, ProjectIndicators.WorkedOn).GetDouble()); // the pipeline runs here: a quiet year is a true zero
        Assert.Equal(JsonValueKindNull, Value(lastYear, ProjectIndicators.FundingLeveraged).ValueKind); // nothing granted: no ratio
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    private static System.Text.Json.JsonElement Value(System.Text.Json.JsonElement rows, string key) =>
        rows.EnumerateArray().Single(r => r.GetProperty("key").GetString() == key).GetProperty("value");
}

public sealed class ProjectFunnelOnSqlite(SqliteApplication app) : ProjectFunnelTests<SqliteApplication>(app);
public sealed class ProjectFunnelOnPostgres(PostgresApplication app) : ProjectFunnelTests<PostgresApplication>(app);
