using System.Net;
using System.Net.Http.Json;

namespace ClusterHub.Tests.Projects;

/// <summary>Who sees and does what in the pipeline, record by record (the matrix checks the routes' rules, this the records').</summary>
public abstract class ProposalAccessTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    [Fact]
    public async Task A_representative_creates_and_submits_for_its_organisation_and_sees_only_its_own()
    {
        var c = await ProjectsCluster.CreateAsync(app, "rep");
        var rep = await app.CreateClientAsync("MemberRepresentative", c.Slug, "Sfarsteel");
        var own = await c.CreateProposalAsync(rep);
        object[] pmeLeads =
        [
            new { memberId = (int?)c.Pme, name = (string?)null, category = (string?)null, role = "Coordinator", budgetEur = 100m, requestedEur = 0m },
            new { memberId = (int?)c.Sfarsteel, name = (string?)null, category = (string?)null, role = "Partner", budgetEur = 100m, requestedEur = 0m },
            new { memberId = (int?)c.Lab, name = (string?)null, category = (string?)null, role = "Partner", budgetEur = 100m, requestedEur = 0m },
        ];
        await (await rep.PostJson($"{c.Api}/proposals", c.Proposal("OTHER", partners: pmeLeads))).Problem(HttpStatusCode.Forbidden);
        var partnerOnly = await c.CreateProposalAsync(proposal: c.Proposal("PARTNER", partners: pmeLeads));
        var unrelated = await c.CreateProposalAsync(proposal: c.Proposal("UNRELATED", partners:
        [
            new { memberId = (int?)c.Pme, name = (string?)null, category = (string?)null, role = "Coordinator", budgetEur = 100m, requestedEur = 0m },
        ]));

        var list = await (await rep.GetAsync($"{c.Api}/proposals")).Json(HttpStatusCode.OK);
        Assert.Equal(new[] { own, partnerOnly }.Order(), list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).Order());
        await (await rep.GetAsync($"{c.Api}/proposals/{unrelated}")).Problem(HttpStatusCode.NotFound);
        var seen = await (await rep.GetAsync($"{c.Api}/proposals/{partnerOnly}")).Json(HttpStatusCode.OK);
        Assert.Empty(seen.GetProperty("allowedActions").EnumerateArray()); // a partner, not the coordinator: sees, does not submit
        await (await c.MoveAsync(partnerOnly, "submit", client: rep)).Problem(HttpStatusCode.Forbidden);
        await (await rep.PutAsJsonAsync($"{c.Api}/proposals/{partnerOnly}", c.Proposal("TAKEN", partners: pmeLeads))).Problem(HttpStatusCode.Forbidden);
        // Handing its own proposal's coordination to another organisation is the secretariat's call.
        await (await rep.PutAsJsonAsync($"{c.Api}/proposals/{own}", c.Proposal("HANDED", partners: pmeLeads))).Problem(HttpStatusCode.Forbidden);
        Assert.Equal("FORGE", (await c.GetAsync(own)).GetProperty("proposal").GetProperty("acronym").GetString());

        var submitted = await (await c.MoveAsync(own, "submit", client: rep)).Json(HttpStatusCode.OK);
        Assert.Empty(submitted.GetProperty("allowedActions").EnumerateArray()); // the committee's move next, not the representative's
        await (await c.MoveAsync(own, "start-review", client: rep)).Problem(HttpStatusCode.Forbidden);
        await (await rep.GetAsync($"{c.Api}/projects/funnel")).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_reviewer_sees_only_what_it_is_assigned_and_an_observer_sees_the_dashboard()
    {
        var c = await ProjectsCluster.CreateAsync(app, "reviewer");
        var first = await c.CreateProposalAsync();
        var second = await c.CreateProposalAsync(proposal: c.Proposal("SECOND"));
        var reviewer = await app.CreatePersonAsync("Reviewer", c.Slug);
        Assert.Equal(0, (await (await reviewer.Api.GetAsync($"{c.Api}/proposals")).Json(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        await (await reviewer.Api.GetAsync($"{c.Api}/proposals/{first}")).Problem(HttpStatusCode.NotFound);

        var staff = await app.CreateClientAsync("Staff", c.Slug);
        await (await staff.PostJson($"{c.Api}/proposals/{first}/assignments", new { userId = reviewer.UserId })).Json(HttpStatusCode.OK);
        await (await staff.PostJson($"{c.Api}/proposals/{first}/assignments", new { userId = reviewer.UserId })).Json(HttpStatusCode.OK); // idempotent
        var observer = await app.CreatePersonAsync("Observer", c.Slug);
        await (await staff.PostJson($"{c.Api}/proposals/{first}/assignments", new { userId = observer.UserId })).Problem(HttpStatusCode.BadRequest);
        await (await reviewer.Api.PostJson($"{c.Api}/proposals/{second}/assignments", new { userId = reviewer.UserId })).Problem(HttpStatusCode.Forbidden);

        var list = await (await reviewer.Api.GetAsync($"{c.Api}/proposals")).Json(HttpStatusCode.OK);
        Assert.Equal(first, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());
        await (await reviewer.Api.GetAsync($"{c.Api}/proposals/{first}")).Json(HttpStatusCode.OK);
        await (await reviewer.Api.GetAsync($"{c.Api}/proposals/{second}")).Problem(HttpStatusCode.NotFound);
        await (await c.MoveAsync(first, "submit", client: reviewer.Api)).Problem(HttpStatusCode.Forbidden);

        await (await observer.Api.GetAsync($"{c.Api}/proposals")).Problem(HttpStatusCode.Forbidden);
        await (await observer.Api.GetAsync($"{c.Api}/projects/funnel")).Json(HttpStatusCode.OK);
        await (await observer.Api.GetAsync($"{c.Api}/calls")).Json(HttpStatusCode.OK);
        await (await observer.Api.PostJson($"{c.Api}/funders", new { name = "ANR", kind = "Anr" })).Problem(HttpStatusCode.Forbidden);
    }
}

public sealed class ProposalAccessOnSqlite(SqliteApplication app) : ProposalAccessTests<SqliteApplication>(app);
public sealed class ProposalAccessOnPostgres(PostgresApplication app) : ProposalAccessTests<PostgresApplication>(app);
