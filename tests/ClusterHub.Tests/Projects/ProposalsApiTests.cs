using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Tests.Projects;

public abstract class ProposalsApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    [Fact]
    public async Task A_proposal_walks_from_draft_to_the_market_and_every_move_is_in_its_history()
    {
        var c = await ProjectsCluster.CreateAsync(app, "walk");
        var id = await c.CreateProposalAsync();
        var draft = await c.GetAsync(id);
        Assert.Equal("Draft", draft.GetProperty("proposal").GetProperty("state").GetString());
        Assert.True(draft.GetProperty("eligible").GetBoolean());
        Assert.Equal(["submit"], draft.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()!.ToLowerInvariant()));
        Assert.Equal(1_600_000m, draft.GetProperty("budgetEur").GetDecimal());

        foreach (var (action, state) in new[]
        {
            ("submit", "Submitted"), ("start-review", "UnderReview"), ("certify", "Certified"), ("send-to-funder", "SubmittedToFunder"),
            ("fund", "Funded"), ("start", "Running"), ("complete", "Completed"), ("reach-market", "OnTheMarket"),
        })
        {
            var moved = await (await c.MoveAsync(id, action, "step " + action)).Json(HttpStatusCode.OK);
            Assert.Equal(state, moved.GetProperty("proposal").GetProperty("state").GetString());
        }
        var done = await c.GetAsync(id);
        Assert.Equal(680_000m, done.GetProperty("grantedEur").GetDecimal()); // the sum requested, as no amount was given
        Assert.Empty(done.GetProperty("allowedActions").EnumerateArray());
        var history = done.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(9, history.Count);
        Assert.Equal("step certify", history[3].GetProperty("reason").GetString());
        Assert.StartsWith("manager-", history[3].GetProperty("actor").GetString(), StringComparison.Ordinal);

        // The change history has the state's every move, with who and why.
        var records = await app.WithDb(async (db, _) => await db.ChangeRecords.AsNoTracking()
            .Where(r => r.Entity == "Proposal" && r.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && r.Field == "State")
            .OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(8, records.Count);
        Assert.Equal(("UnderReview", "Certified", "step certify"), (records[2].OldValue, records[2].NewValue, records[2].Reason));
        Assert.All(records, r => Assert.StartsWith("manager-", r.Actor, StringComparison.Ordinal));

        var outcome = await (await c.Manager.PostJson($"{c.Api}/proposals/{id}/outcomes", new { kind = "JobsCreated", description = "Forge line", on = "2024-05-01", count = 12 })).Json(HttpStatusCode.OK);
        Assert.Equal(12, outcome.GetProperty("outcomes")[0].GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Illegal_moves_are_refused_with_the_current_state_and_change_nothing()
    {
        var c = await ProjectsCluster.CreateAsync(app, "illegal");
        var id = await c.CreateProposalAsync();
        foreach (var action in new[] { "start-review", "certify", "return", "reject", "send-to-funder", "fund", "decline-funding", "start", "complete", "reach-market" })
        {
            var problem = await (await c.MoveAsync(id, action, "why")).Problem(HttpStatusCode.Conflict);
            Assert.Equal("NotAllowed", problem.GetProperty("outcome").GetString());
            Assert.Equal("Draft", problem.GetProperty("state").GetString());
            Assert.Contains("cannot be moved", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        await (await c.MoveAsync(id, "submit")).Json(HttpStatusCode.OK);
        await (await c.MoveAsync(id, "submit")).Problem(HttpStatusCode.Conflict);
        await (await c.MoveAsync(id, "start-review")).Json(HttpStatusCode.OK);
        var noReason = await (await c.MoveAsync(id, "reject")).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("ReasonRequired", noReason.GetProperty("outcome").GetString());
        Assert.Equal("UnderReview", (await c.GetAsync(id)).GetProperty("proposal").GetProperty("state").GetString());
        Assert.Equal(3, (await c.GetAsync(id)).GetProperty("history").GetArrayLength());
        await (await c.Manager.PostJson($"{c.Api}/proposals/999999/submit", new { })).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_returned_proposal_is_edited_and_resubmitted_and_the_coordinator_hears_each_decision()
    {
        var c = await ProjectsCluster.CreateAsync(app, "return");
        var id = await c.CreateProposalAsync();
        await (await c.MoveAsync(id, "submit")).Json(HttpStatusCode.OK);
        await (await c.Manager.PutAsJsonAsync($"{c.Api}/proposals/{id}", c.Proposal("LATE"))).Problem(HttpStatusCode.Conflict); // submitted: no longer edited
        await (await c.MoveAsync(id, "start-review")).Json(HttpStatusCode.OK);
        await (await c.MoveAsync(id, "return", "Clarify the SME's share")).Json(HttpStatusCode.OK);
        var edited = await (await c.Manager.PutAsJsonAsync($"{c.Api}/proposals/{id}", c.Proposal("FORGE2"))).Json(HttpStatusCode.OK);
        Assert.Equal("FORGE2", edited.GetProperty("proposal").GetProperty("acronym").GetString());
        await (await c.MoveAsync(id, "submit")).Json(HttpStatusCode.OK);
        await (await c.MoveAsync(id, "start-review")).Json(HttpStatusCode.OK);
        await (await c.MoveAsync(id, "reject", "Out of the cluster's areas")).Json(HttpStatusCode.OK);

        var messages = await app.WithDb(async (db, _) => await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == ClusterHub.Outbox.MessageKind.ProjectDecision && m.Recipient == "ada@sfarsteel.example")
            .OrderBy(m => m.Id).ToListAsync());
        var mine = messages.Where(m => m.Subject.Contains("FORGE", StringComparison.Ordinal) && m.Subject.Contains(c.Slug, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, mine.Count);
        Assert.Contains("Clarify the SME's share", mine[0].Body, StringComparison.Ordinal);
        Assert.Contains("Out of the cluster's areas", mine[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submission_is_refused_while_the_proposal_fails_its_call_with_each_rule_and_reason()
    {
        var c = await ProjectsCluster.CreateAsync(app, "eligible");
        object[] partners =
        [
            new { memberId = (int?)c.Sfarsteel, name = (string?)null, category = (string?)null, role = "Coordinator", budgetEur = 1_000m, requestedEur = 500m },
            new { memberId = (int?)null, name = (string?)"Sous-traitant SA", category = (string?)"Sme", role = "Subcontractor", budgetEur = 100m, requestedEur = 0m },
        ];
        var id = await c.CreateProposalAsync(proposal: c.Proposal("BAD", duration: 48, partners: partners));
        var details = await c.GetAsync(id);
        Assert.False(details.GetProperty("eligible").GetBoolean());
        var rules = details.GetProperty("failedRules").EnumerateArray().Select(r => r.GetProperty("rule").GetString()).ToList();
        Assert.Equal(["minPartners", "sme", "maxDuration", "fundingRate"], rules);

        var refused = await (await c.MoveAsync(id, "submit")).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("NotEligible", refused.GetProperty("outcome").GetString());
        Assert.Equal(4, refused.GetProperty("failedRules").GetArrayLength());
        Assert.Equal("Draft", (await c.GetAsync(id)).GetProperty("proposal").GetProperty("state").GetString());

        await (await c.Manager.PutAsJsonAsync($"{c.Api}/proposals/{id}", c.Proposal("GOOD"))).Json(HttpStatusCode.OK);
        Assert.True((await c.GetAsync(id)).GetProperty("eligible").GetBoolean());
        await (await c.MoveAsync(id, "submit")).Json(HttpStatusCode.OK);

        // A closed call takes no submission.
        var closed = await (await c.Manager.PostJson($"{c.Api}/calls", ProjectsCluster.Call(c.FunderId, state: "Closed"))).Json(HttpStatusCode.Created);
        var late = await c.CreateProposalAsync(proposal: c.Proposal("LATE", callId: closed.GetProperty("call").GetProperty("id").GetInt32()));
        var lateRefusal = await (await c.MoveAsync(late, "submit")).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("callOpen", lateRefusal.GetProperty("failedRules")[0].GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Bad_proposals_calls_and_funders_are_refused_with_the_field_named()
    {
        var c = await ProjectsCluster.CreateAsync(app, "bad");
        var other = await ProjectsCluster.CreateAsync(app, "bad-other");
        object[] partners =
        [
            new { memberId = (int?)c.Sfarsteel, name = (string?)null, category = (string?)null, role = "Coordinator", budgetEur = 100m, requestedEur = 200m },
            new { memberId = (int?)other.Pme, name = (string?)null, category = (string?)null, role = "Coordinator", budgetEur = 100m, requestedEur = 0m },
            new { memberId = (int?)null, name = (string?)"Anonymous", category = (string?)null, role = "Partner", budgetEur = 100m, requestedEur = 0m },
        ];
        var problem = await (await c.Manager.PostJson($"{c.Api}/proposals", new { title = "", acronym = new string('A', 41), durationMonths = 0, trlStart = 7, trlTarget = 5, callId = other.CallId, strategicAreaId = other.AreaId, activityDomainId = 999999, partners })).Problem(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "title", "acronym", "durationMonths", "trlTarget", "callId", "strategicAreaId", "activityDomainId", "partners", "partners[0].requestedEur", "partners[1].memberId", "partners[2].category" })
            Assert.True(errors.TryGetProperty(field, out _), $"{field} missing in {errors}");
        Assert.Equal(0, (await (await c.Manager.GetAsync($"{c.Api}/proposals")).Json(HttpStatusCode.OK)).GetProperty("total").GetInt32());

        await (await c.Manager.PostJson($"{c.Api}/funders", new { name = "FUI", kind = "Anr" })).Problem(HttpStatusCode.Conflict);
        await (await c.Manager.PostJson($"{c.Api}/funders", new { name = " ", kind = "Anr" })).Problem(HttpStatusCode.BadRequest);
        var badCall = await (await c.Manager.PostJson($"{c.Api}/calls", new
        {
            funderId = other.FunderId, title = "X", opensOn = "2020-05-01", closesOn = "2020-04-01", state = "Open", minPartners = 0, requiresSme = false,
            fundingRates = new[] { new { category = "Sme", maxRatePercent = 120 }, new { category = "Sme", maxRatePercent = 10 } },
        })).Problem(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "funderId", "closesOn", "minPartners", "fundingRates[0].maxRatePercent", "fundingRates" })
            Assert.True(badCall.GetProperty("errors").TryGetProperty(field, out _), $"{field} missing");
    }

    [Fact]
    public async Task The_list_pages_searches_filters_and_sorts()
    {
        var c = await ProjectsCluster.CreateAsync(app, "list");
        foreach (var acronym in new[] { "ALPHA", "BRAVO", "CHARLIE", "DELTA", "ÉCHO" })
            await c.CreateProposalAsync(proposal: c.Proposal(acronym));
        var delta = (await (await c.Manager.GetAsync($"{c.Api}/proposals?q=delta")).Json(HttpStatusCode.OK)).GetProperty("items")[0].GetProperty("id").GetInt32();
        await (await c.MoveAsync(delta, "submit")).Json(HttpStatusCode.OK);

        var page = await (await c.Manager.GetAsync($"{c.Api}/proposals?sort=acronym&pageSize=2&page=2")).Json(HttpStatusCode.OK);
        Assert.Equal(5, page.GetProperty("total").GetInt32());
        Assert.Equal(["CHARLIE", "DELTA"], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("acronym").GetString()));
        var echo = await (await c.Manager.GetAsync($"{c.Api}/proposals?q=echo")).Json(HttpStatusCode.OK);
        Assert.Equal("ÉCHO", echo.GetProperty("items")[0].GetProperty("acronym").GetString());
        var submitted = await (await c.Manager.GetAsync($"{c.Api}/proposals?state=Submitted&call={c.CallId}&area={c.AreaId}")).Json(HttpStatusCode.OK);
        Assert.Equal(delta, Assert.Single(submitted.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());
        Assert.Equal(0, (await (await c.Manager.GetAsync($"{c.Api}/proposals?area={c.OtherAreaId}")).Json(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        var calls = await (await c.Manager.GetAsync($"{c.Api}/calls?state=Open")).Json(HttpStatusCode.OK);
        Assert.Equal("FUI", calls.GetProperty("items")[0].GetProperty("funder").GetString());
        var call = await (await c.Manager.GetAsync($"{c.Api}/calls/{c.CallId}")).Json(HttpStatusCode.OK);
        Assert.Equal((5, 3), (call.GetProperty("proposals").GetInt32(), call.GetProperty("fundingRates").GetArrayLength()));
    }
}

public abstract class ProjectExportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    [Fact]
    public async Task Projects_and_participations_export_in_every_format_and_network_project_reads_the_participations()
    {
        var c = await ProjectsCluster.CreateAsync(app, "export");
        var first = await c.CreateProposalAsync(proposal: c.Proposal("=FORMULA")); // a cell a spreadsheet would evaluate
        var second = await c.CreateProposalAsync(proposal: c.Proposal("SECOND"));
        var csv = await (await c.Manager.GetAsync($"{c.Api}/proposals/export?format=csv")).Content.ReadAsStringAsync();
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,acronym,title,state,call,funder,strategic_area,coordinator,partners,", lines[0], StringComparison.Ordinal);
        Assert.Equal(7, lines.Length); // a row per partner (three each), the proposal's columns repeated: what import projects reads back
        Assert.Contains(",'=FORMULA,", lines[1], StringComparison.Ordinal); // neutralised
        Assert.Contains(",A1,Sfarsteel,3,24,3,6,1600000.00,680000.00,,", lines[1], StringComparison.Ordinal);
        var json = await (await c.Manager.GetAsync($"{c.Api}/proposals/export?format=json")).Json(HttpStatusCode.OK);
        Assert.Equal(["=FORMULA", "=FORMULA", "=FORMULA", "SECOND", "SECOND", "SECOND"], json.EnumerateArray().Select(r => r.GetProperty("acronym").GetString())); // JSON keeps the text as it is
        var xlsx = await c.Manager.GetAsync($"{c.Api}/proposals/export?format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        await (await c.Manager.GetAsync($"{c.Api}/proposals/export?format=pdf")).Problem(HttpStatusCode.BadRequest);

        var participations = await (await c.Manager.GetAsync($"{c.Api}/projects/participations")).Content.ReadAsStringAsync();
        var read = ClusterHub.Networks.ParticipationFile.Read(new StringReader(participations.TrimStart('\uFEFF')), "participations.csv", "organisation_id", "project_id", ["role"]);
        Assert.Equal(6, read.Pairs.Count);
        Assert.Contains((c.Sfarsteel.ToString(System.Globalization.CultureInfo.InvariantCulture), second.ToString(System.Globalization.CultureInfo.InvariantCulture)), read.Pairs);
        Assert.Equal("Coordinator", read.Attributes["role"][c.Sfarsteel.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.StartsWith("project_id,organisation_id,role,year", participations.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains($"{first},{c.Pme},Partner,{DateTime.UtcNow.Year}", participations, StringComparison.Ordinal);
        var staffOnly = await app.CreateClientAsync("Observer", c.Slug);
        await (await staffOnly.GetAsync($"{c.Api}/projects/participations")).Problem(HttpStatusCode.Forbidden);
    }
}

public sealed class ProjectExportOnSqlite(SqliteApplication app) : ProjectExportTests<SqliteApplication>(app);
public sealed class ProjectExportOnPostgres(PostgresApplication app) : ProjectExportTests<PostgresApplication>(app);

public sealed class ProposalsApiOnSqlite(SqliteApplication app) : ProposalsApiTests<SqliteApplication>(app);
public sealed class ProposalsApiOnPostgres(PostgresApplication app) : ProposalsApiTests<PostgresApplication>(app);
