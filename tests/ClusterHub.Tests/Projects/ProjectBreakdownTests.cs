using System.Net;
using ClusterHub.Projects;

namespace ClusterHub.Tests.Projects;

/// <summary>The dashboard's breakdowns: proposals by area and by funder at the stage each reached, and the members taking part.</summary>
public abstract class ProjectBreakdownTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    [Fact]
    public async Task Proposals_are_counted_by_area_funder_and_member_at_the_stage_each_reached()
    {
        var c = await ProjectsCluster.CreateAsync(app, "breakdown");
        var funded = await c.CreateProposalAsync(proposal: c.Proposal("FUNDED"));
        foreach (var move in new[] { "submit", "start-review", "certify", "send-to-funder", "fund" }) await (await c.MoveAsync(funded, move)).Json(HttpStatusCode.OK);
        var certified = await c.CreateProposalAsync(proposal: c.Proposal("CERT"));
        foreach (var move in new[] { "submit", "start-review", "certify" }) await (await c.MoveAsync(certified, move)).Json(HttpStatusCode.OK);
        await c.CreateProposalAsync(proposal: new
        {
            title = "A draft elsewhere", acronym = "ELSE", strategicAreaId = c.OtherAreaId, durationMonths = 12, trlStart = 2, trlTarget = 4,
            partners = new object[]
            {
                new { memberId = c.Sfarsteel, role = "Coordinator", budgetEur = 100_000m, requestedEur = 0m },
                new { memberId = c.Pme, role = "Partner", budgetEur = 50_000m, requestedEur = 0m },
            },
        });

        var report = await app.WithDb((db, _) => ProjectBreakdown.ComputeAsync(db, ClusterIdOf(db, c.Slug), 20, "none", default));
        Assert.Equal(["A1 · Eco-manufacturing: 2/2/1", "A2 · High-performance components: 1/0/0"], report.ByArea.Select(g => $"{g.Name}: {g.Proposals}/{g.Certified}/{g.Funded}"));
        Assert.Equal(["FUI: 2/2/1", "none: 1/0/0"], report.ByFunder.Select(g => $"{g.Name}: {g.Proposals}/{g.Certified}/{g.Funded}"));
        Assert.Equal(3, report.ParticipatingMembers);
        Assert.Equal(["Sfarsteel 3 3 2 1", "PME Usinage 3 0 2 1", "Labo Matériaux 2 0 2 1"],
            report.Participants.Select(p => $"{p.Name} {p.Proposals} {p.Coordinated} {p.Certified} {p.Funded}"));

        // The pipeline page shows them, and the tables say the same.
        var manager = await app.CreatePersonAsync("Manager", c.Slug);
        using var web = new WebSession(app.BaseAddress);
        Assert.True(await web.LogInAsync(manager.Email));
        var page = await web.PageAsync($"/c/{c.Slug}/projects/funnel");
        Assert.Contains("id=\"by-area\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"participants\"", page, StringComparison.Ordinal);
    }

    private static int ClusterIdOf(ClusterHub.Data.ClusterDb db, string slug) => db.Clusters.Single(x => x.Slug == slug).Id;
}

public sealed class ProjectBreakdownOnSqlite(SqliteApplication app) : ProjectBreakdownTests<SqliteApplication>(app);
public sealed class ProjectBreakdownOnPostgres(PostgresApplication app) : ProjectBreakdownTests<PostgresApplication>(app);
