using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Tests.Projects;

/// <summary>Committees, grids and reviews; conflicts of interest on every assignment; the call's assignment suggestion; meetings; the funder's view.</summary>
public abstract class CommitteesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private static readonly int Year = DateTime.UtcNow.Year;

    /// <summary>A committee on the cluster's first area with a grid (Excellence 50, Impact 30, Consortium 20) and the given seats.</summary>
    private static async Task<(int Id, int[] Criteria)> CommitteeAsync(ProjectsCluster c, params object[] seats)
    {
        var committee = await (await c.Manager.PostJson($"{c.Api}/committees", new { name = "Committee " + Guid.NewGuid().ToString("N")[..6], strategicAreaId = c.AreaId })).Json(HttpStatusCode.Created);
        var id = committee.GetProperty("committee").GetProperty("id").GetInt32();
        var grid = await (await c.Manager.PutAsJsonAsync($"{c.Api}/committees/{id}/grid", new[]
        {
            new { name = "Excellence", weight = 50 }, new { name = "Impact", weight = 30 }, new { name = "Consortium", weight = 20 },
        })).Json(HttpStatusCode.OK);
        await (await c.Manager.PutAsJsonAsync($"{c.Api}/committees/{id}/members", seats)).Json(HttpStatusCode.OK);
        return (id, [.. grid.GetProperty("grid").EnumerateArray().Select(g => g.GetProperty("id").GetInt32())]);
    }

    private static object Seat(TestPerson p, int? memberId = null, bool chair = false) => new { userId = p.UserId, memberId, isChair = chair };

    private static async Task<int> MemberAsync(ProjectsCluster c, string name) =>
        (await (await c.Manager.PostJson($"{c.Api}/members", new { name, type = "LargeCompany", headcount = "100", joinedOn = "2010-01-01" })).Json(HttpStatusCode.Created))
            .GetProperty("member").GetProperty("id").GetInt32();

    /// <summary>A call opened this year (so this year's projects fall in its conflict window).</summary>
    private static async Task<int> CallNowAsync(ProjectsCluster c, int conflictYears = 3) =>
        (await (await c.Manager.PostJson($"{c.Api}/calls", new
        {
            funderId = c.FunderId, title = "Call " + Guid.NewGuid().ToString("N")[..6], opensOn = $"{Year}-01-01", closesOn = "2099-12-31", state = "Open",
            minPartners = 1, requiresSme = false, conflictYears,
            fundingRates = new[] { new { category = "LargeCompany", maxRatePercent = 50 }, new { category = "Sme", maxRatePercent = 50 }, new { category = "Research", maxRatePercent = 100 } },
        })).Json(HttpStatusCode.Created)).GetProperty("call").GetProperty("id").GetInt32();

    [Fact]
    public async Task A_grid_is_validated_and_an_assigned_reviewer_scores_on_it_and_the_proposal_shows_the_weighted_score()
    {
        var c = await ProjectsCluster.CreateAsync(app, "grid");
        var first = await app.CreatePersonAsync("Reviewer", c.Slug);
        var second = await app.CreatePersonAsync("Reviewer", c.Slug);
        var committee = await (await c.Manager.PostJson($"{c.Api}/committees", new { name = "Eco-manufacturing", strategicAreaId = c.AreaId })).Json(HttpStatusCode.Created);
        var committeeId = committee.GetProperty("committee").GetProperty("id").GetInt32();
        await (await c.Manager.PostJson($"{c.Api}/committees", new { name = "Eco-manufacturing", strategicAreaId = c.AreaId })).Problem(HttpStatusCode.BadRequest);
        await (await c.Manager.PostJson($"{c.Api}/committees", new { name = "Nowhere", strategicAreaId = 999999 })).Problem(HttpStatusCode.BadRequest);

        var sum90 = await (await c.Manager.PutAsJsonAsync($"{c.Api}/committees/{committeeId}/grid", new[] { new { name = "Excellence", weight = 60 }, new { name = "Impact", weight = 30 } })).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("sum to 100", sum90.GetRawText(), StringComparison.Ordinal);
        await (await c.Manager.PutAsJsonAsync($"{c.Api}/committees/{committeeId}/grid", new[] { new { name = "Excellence", weight = 0 }, new { name = "Impact", weight = 100 } })).Problem(HttpStatusCode.BadRequest);
        await (await c.Manager.PutAsJsonAsync($"{c.Api}/committees/{committeeId}/grid", new[] { new { name = "Impact", weight = 50 }, new { name = "impact", weight = 50 } })).Problem(HttpStatusCode.BadRequest);
        var twoChairs = await (await c.Manager.PutAsJsonAsync($"{c.Api}/committees/{committeeId}/members", new[] { Seat(first, chair: true), Seat(second, chair: true) })).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("exactly one chair", twoChairs.GetRawText(), StringComparison.Ordinal);
        await (await c.Manager.PutAsJsonAsync($"{c.Api}/committees/{committeeId}/members", new[] { new { userId = "nobody", memberId = (int?)null, isChair = true } })).Problem(HttpStatusCode.BadRequest);

        var grid = await (await c.Manager.PutAsJsonAsync($"{c.Api}/committees/{committeeId}/grid", new[]
            { new { name = "Excellence", weight = 50 }, new { name = "Impact", weight = 30 }, new { name = "Consortium", weight = 20 } })).Json(HttpStatusCode.OK);
        var criteria = grid.GetProperty("grid").EnumerateArray().Select(g => g.GetProperty("id").GetInt32()).ToArray();
        await (await c.Manager.PutAsJsonAsync($"{c.Api}/committees/{committeeId}/members", new[] { Seat(first, chair: true), Seat(second) })).Json(HttpStatusCode.OK);

        var id = await c.CreateProposalAsync();
        object Scores(int e, int i, int k, string? comments = null) => new { scores = new[] { new { criterionId = criteria[0], score = e }, new { criterionId = criteria[1], score = i }, new { criterionId = criteria[2], score = k } }, comments };
        // Not assigned: no review, and the proposal stays out of sight.
        await (await first.Api.PutAsJsonAsync($"{c.Api}/proposals/{id}/reviews/mine", Scores(8, 6, 5))).Problem(HttpStatusCode.BadRequest);
        await (await first.Api.GetAsync($"{c.Api}/proposals/{id}/reviews")).Problem(HttpStatusCode.NotFound);

        await (await c.Manager.PostJson($"{c.Api}/proposals/{id}/assignments", new { userId = first.UserId })).Json(HttpStatusCode.OK);
        await (await first.Api.PutAsJsonAsync($"{c.Api}/proposals/{id}/reviews/mine", Scores(11, 6, 5))).Problem(HttpStatusCode.BadRequest);
        await (await first.Api.PutAsJsonAsync($"{c.Api}/proposals/{id}/reviews/mine", new { scores = new[] { new { criterionId = criteria[0], score = 8 } } })).Problem(HttpStatusCode.BadRequest);
        var mine = await (await first.Api.PutAsJsonAsync($"{c.Api}/proposals/{id}/reviews/mine", Scores(8, 6, 5, "Solid consortium.\nClear market."))).Json(HttpStatusCode.OK);
        Assert.Equal(6.8, mine.GetProperty("weightedScore").GetDouble(), 6); // (50·8 + 30·6 + 20·5) / 100

        await (await c.Manager.PostJson($"{c.Api}/proposals/{id}/assignments", new { userId = second.UserId })).Json(HttpStatusCode.OK);
        await (await second.Api.PutAsJsonAsync($"{c.Api}/proposals/{id}/reviews/mine", Scores(10, 10, 10))).Json(HttpStatusCode.OK);
        await (await first.Api.PutAsJsonAsync($"{c.Api}/proposals/{id}/reviews/mine", Scores(8, 6, 5, "Solid consortium."))).Json(HttpStatusCode.OK); // replaced, not added

        var all = await (await c.Manager.GetAsync($"{c.Api}/proposals/{id}/reviews")).Json(HttpStatusCode.OK);
        Assert.Equal(8.4, all.GetProperty("weightedScore").GetDouble(), 6); // the mean of 6.8 and 10
        Assert.Equal(2, all.GetProperty("reviews").GetArrayLength());
        Assert.Equal(3, all.GetProperty("reviews")[0].GetProperty("scores").GetArrayLength());
        var own = await (await first.Api.GetAsync($"{c.Api}/proposals/{id}/reviews")).Json(HttpStatusCode.OK);
        Assert.Equal("Solid consortium.", Assert.Single(own.GetProperty("reviews").EnumerateArray()).GetProperty("comments").GetString());
    }

    [Fact]
    public async Task Every_conflict_rule_blocks_an_assignment_with_its_evidence_and_only_the_chair_overrides_with_a_reason()
    {
        var c = await ProjectsCluster.CreateAsync(app, "conflict");
        var framatome = await MemberAsync(c, "Framatome");
        var orano = await MemberAsync(c, "Orano");
        var cea = await MemberAsync(c, "CEA");
        var oldCo = await MemberAsync(c, "Old Co");
        // PICs: the imported file's organisations meet members through their national id.
        await app.WithDb(async db =>
        {
            foreach (var (member, pic) in new[] { (c.Lab, "999000222"), (cea, "999000111"), (oldCo, "999000333") })
                await db.Members.Where(m => m.Id == member).ExecuteUpdateAsync(s => s.SetProperty(m => m.NationalId, pic));
        });
        var chair = await app.CreatePersonAsync("Reviewer", c.Slug);
        var own = await app.CreatePersonAsync("Reviewer", c.Slug);
        var competitor = await app.CreatePersonAsync("Reviewer", c.Slug);
        var declaring = await app.CreatePersonAsync("Reviewer", c.Slug);
        var shared = await app.CreatePersonAsync("Reviewer", c.Slug);
        var imported = await app.CreatePersonAsync("Reviewer", c.Slug);
        var old = await app.CreatePersonAsync("Reviewer", c.Slug);
        await CommitteeAsync(c, Seat(chair, chair: true), Seat(own, c.Pme), Seat(competitor, framatome), Seat(declaring), Seat(shared, orano), Seat(imported, cea), Seat(old, oldCo));

        var call = await CallNowAsync(c);
        // A project of the platform's own, funded this year: Orano with PME Usinage.
        var earlier = await c.CreateProposalAsync(proposal: c.Proposal("EARLIER", callId: call, partners:
        [
            new { memberId = (int?)orano, name = (string?)null, category = (string?)null, role = "Coordinator", budgetEur = 100m, requestedEur = 50m },
            new { memberId = (int?)c.Pme, name = (string?)null, category = (string?)null, role = "Partner", budgetEur = 100m, requestedEur = 50m },
        ]));
        foreach (var move in new[] { "submit", "start-review", "certify", "send-to-funder", "fund" }) await (await c.MoveAsync(earlier, move)).Json(HttpStatusCode.OK);
        var id = await c.CreateProposalAsync(proposal: c.Proposal("TARGET", callId: call));

        // Imported participations: CEA and the lab in an H2020 project running into this year; Old Co and the lab long ago.
        var bad = await (await c.Manager.PostText($"{c.Api}/projects/participations/import?fileName=h2020.csv",
            "project_id,organisation_id,start_year,end_year\n221856,999000111,2019,2x21\n", "text/csv")).Json(HttpStatusCode.UnprocessableEntity);
        var error = Assert.Single(bad.GetProperty("errors").EnumerateArray());
        Assert.Equal((2, "end_year", "2x21"), (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString(), error.GetProperty("value").GetString()));
        Assert.Equal(0, await app.WithDb(async (db, _) => await db.ImportedParticipations.CountAsync(p => p.Source == "h2020.csv" && p.Organisation == "999000111")));
        await (await c.Manager.PostText($"{c.Api}/projects/participations/import?fileName=h2020.csv",
            $"project_id,organisation_id,start_year,end_year\n221856,999000111,{Year - 2},{Year}\n221856,999000222,{Year - 1},{Year + 1}\n100001,999000333,2008,2010\n100001,999000222,2008,2010\n", "text/csv")).Json(HttpStatusCode.OK);

        // Declarations: Framatome names Sfarsteel a competitor; a reviewer declares a conflict with the proposal.
        await (await competitor.Api.PostJson($"{c.Api}/declarations/competitors", new { competitorMemberId = c.Sfarsteel })).Json(HttpStatusCode.OK);
        await (await competitor.Api.PostJson($"{c.Api}/declarations/competitors", new { memberId = orano, competitorMemberId = c.Sfarsteel })).Problem(HttpStatusCode.BadRequest); // not its organisation
        await (await declaring.Api.PostJson($"{c.Api}/declarations/conflicts", new { proposalId = id, reason = "My brother leads it." })).Json(HttpStatusCode.OK);
        await (await declaring.Api.PostJson($"{c.Api}/declarations/conflicts", new { proposalId = id })).Problem(HttpStatusCode.BadRequest); // no reason

        async Task<JsonElement> Blocked(TestPerson reviewer, string rule)
        {
            var problem = await (await c.Manager.PostJson($"{c.Api}/proposals/{id}/assignments", new { userId = reviewer.UserId })).Problem(HttpStatusCode.Conflict);
            var conflict = Assert.Single(problem.GetProperty("conflicts").EnumerateArray());
            Assert.Equal(rule, conflict.GetProperty("rule").GetString());
            return conflict;
        }
        Assert.Equal("PME Usinage", (await Blocked(own, "OwnOrganisation")).GetProperty("partner").GetString());
        Assert.Equal("Sfarsteel", (await Blocked(competitor, "DeclaredCompetitor")).GetProperty("partner").GetString());
        await Blocked(declaring, "ReviewerDeclaration");
        var viaOwnProject = await Blocked(shared, "SharedProject");
        Assert.Equal($"shared project EARLIER #{earlier} with partner PME Usinage in {Year}", viaOwnProject.GetProperty("evidence").GetString());
        var viaImport = await Blocked(imported, "SharedProject");
        Assert.Equal($"shared project 221856 with partner Labo Matériaux in {Year}", viaImport.GetProperty("evidence").GetString());
        // A project shared long before the window is no conflict.
        await (await c.Manager.PostJson($"{c.Api}/proposals/{id}/assignments", new { userId = old.UserId })).Json(HttpStatusCode.OK);
        var check = await (await c.Manager.GetAsync($"{c.Api}/proposals/{id}/conflicts?userId={imported.UserId}")).Json(HttpStatusCode.OK);
        Assert.Equal("SharedProject", Assert.Single(check.EnumerateArray()).GetProperty("rule").GetString());
        Assert.Equal(1, await app.WithDb(async (db, _) => await db.ReviewAssignments.CountAsync(a => a.ProposalId == id)));

        // Only the chair overrides, and only with a reason; the reason is in the assignment and the change history.
        await (await c.Manager.PostJson($"{c.Api}/proposals/{id}/assignments/override", new { userId = own.UserId, reason = "The only forging expert" })).Problem(HttpStatusCode.Forbidden);
        await (await declaring.Api.PostJson($"{c.Api}/proposals/{id}/assignments/override", new { userId = own.UserId, reason = "The only forging expert" })).Problem(HttpStatusCode.Forbidden);
        await (await chair.Api.PostJson($"{c.Api}/proposals/{id}/assignments/override", new { userId = own.UserId, reason = " " })).Problem(HttpStatusCode.BadRequest);
        await (await chair.Api.PostJson($"{c.Api}/proposals/{id}/assignments/override", new { userId = own.UserId, reason = "The only forging expert" })).Json(HttpStatusCode.OK);
        var (assignment, history) = await app.WithDb(async (db, _) => (
            await db.ReviewAssignments.AsNoTracking().SingleAsync(a => a.ProposalId == id && a.UserId == own.UserId),
            await db.ChangeRecords.AsNoTracking().Where(r => r.Entity == "ReviewAssignment" && r.Reason != null && r.Reason.Contains("The only forging expert")).CountAsync()));
        Assert.Equal("The only forging expert", assignment.OverrideReason);
        Assert.Contains("the reviewer's organisation PME Usinage is in the consortium", assignment.OverriddenConflicts, StringComparison.Ordinal);
        Assert.True(history > 0);
    }

    [Fact]
    public async Task The_suggestion_for_a_call_respects_k_the_load_cap_and_conflicts_and_accepting_it_assigns_and_notifies()
    {
        var c = await ProjectsCluster.CreateAsync(app, "suggest");
        var reviewers = new List<TestPerson>();
        for (var i = 0; i < 4; i++) reviewers.Add(await app.CreatePersonAsync("Reviewer", c.Slug));
        await CommitteeAsync(c, Seat(reviewers[0], chair: true), Seat(reviewers[1], c.Sfarsteel), Seat(reviewers[2]), Seat(reviewers[3]));
        var call = await CallNowAsync(c);
        var ids = new List<int>();
        foreach (var acronym in new[] { "ONE", "TWO", "THREE" })
        {
            var id = await c.CreateProposalAsync(proposal: c.Proposal(acronym, callId: call));
            await (await c.MoveAsync(id, "submit")).Json(HttpStatusCode.OK);
            ids.Add(id);
        }
        await (await c.Manager.GetAsync($"{c.Api}/calls/{call}/assignment-suggestion?k=0")).Problem(HttpStatusCode.BadRequest);
        var s = await (await c.Manager.GetAsync($"{c.Api}/calls/{call}/assignment-suggestion?k=2&loadCap=2")).Json(HttpStatusCode.OK);
        Assert.Equal(3, s.GetProperty("proposals").GetInt32());
        var choices = s.GetProperty("choices").EnumerateArray().ToList();
        // Reviewer 1 (Sfarsteel) is in every consortium: three blocked pairs, 3 free reviewers × cap 2 = 6 seats for 3 × 2.
        Assert.Equal(3, s.GetProperty("conflicts").GetArrayLength());
        Assert.Equal(6, choices.Count);
        Assert.DoesNotContain(choices, x => x.GetProperty("userId").GetString() == reviewers[1].UserId);
        Assert.All(choices.GroupBy(x => x.GetProperty("userId").GetString()), g => Assert.True(g.Count() <= 2));
        Assert.All(choices.GroupBy(x => x.GetProperty("proposalId").GetInt32()), g => Assert.Equal(2, g.Select(x => x.GetProperty("userId").GetString()).Distinct().Count()));
        Assert.All(choices, x => Assert.Equal("area:A1", x.GetProperty("why")[0].GetProperty("tag").GetString()));
        Assert.Equal(6, s.GetProperty("totalMatch").GetDouble(), 6);
        Assert.True(s.GetProperty("totalMatch").GetDouble() >= s.GetProperty("greedyTotalMatch").GetDouble());
        Assert.Empty(s.GetProperty("shortfalls").EnumerateArray());

        var accepted = await (await c.Manager.PostJson($"{c.Api}/calls/{call}/assignment-suggestion/accept", new { k = 2, loadCap = 2 })).Json(HttpStatusCode.OK);
        Assert.Equal(6, accepted.GetProperty("choices").GetArrayLength());
        var (assigned, mails) = await app.WithDb(async (db, _) => (
            await db.ReviewAssignments.CountAsync(a => ids.Contains(a.ProposalId)),
            await db.OutboxMessages.Where(m => m.Kind == ClusterHub.Outbox.MessageKind.ReviewAssignment).Select(m => m.Recipient).ToListAsync()));
        Assert.Equal(6, assigned);
        foreach (var r in new[] { reviewers[0], reviewers[2], reviewers[3] }) Assert.Single(mails, m => m == r.Email);
        // Every proposal has its reviewers now: nothing left to suggest, and a reviewer sees what it got.
        Assert.Equal(0, (await (await c.Manager.GetAsync($"{c.Api}/calls/{call}/assignment-suggestion?k=2&loadCap=2")).Json(HttpStatusCode.OK)).GetProperty("proposals").GetInt32());
        Assert.Equal(2, (await (await reviewers[0].Api.GetAsync($"{c.Api}/proposals")).Json(HttpStatusCode.OK)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_meeting_decides_its_agenda_through_the_proposals_workflow_and_keeps_minutes()
    {
        var c = await ProjectsCluster.CreateAsync(app, "meeting");
        var chair = await app.CreatePersonAsync("Reviewer", c.Slug);
        var (committee, _) = await CommitteeAsync(c, Seat(chair, chair: true));
        var ready = new List<int>();
        foreach (var acronym in new[] { "CERT", "REJ" })
        {
            var id = await c.CreateProposalAsync(proposal: c.Proposal(acronym));
            await (await c.MoveAsync(id, "submit")).Json(HttpStatusCode.OK);
            await (await c.MoveAsync(id, "start-review")).Json(HttpStatusCode.OK);
            ready.Add(id);
        }
        var draft = await c.CreateProposalAsync(proposal: c.Proposal("DRAFT"));
        await (await c.Manager.PostJson($"{c.Api}/committees/{committee}/meetings", new { on = "2024-06-12", proposalIds = new[] { ready[0], ready[0] } })).Problem(HttpStatusCode.BadRequest);
        var meeting = await (await c.Manager.PostJson($"{c.Api}/committees/{committee}/meetings", new { on = "2024-06-12", proposalIds = new[] { ready[0], ready[1], draft } })).Json(HttpStatusCode.Created);
        var meetingId = meeting.GetProperty("meeting").GetProperty("id").GetInt32();
        var items = meeting.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToArray();
        string Url(int item) => $"{c.Api}/meetings/{meetingId}/items/{item}/decision";

        await (await c.Manager.PostJson(Url(items[0]), new { decision = "Fund" })).Problem(HttpStatusCode.BadRequest); // not a committee decision
        var done = await (await c.Manager.PostJson(Url(items[0]), new { decision = "Certify", reason = "Strong consortium" })).Json(HttpStatusCode.OK);
        Assert.Equal("Certified", done.GetProperty("items")[0].GetProperty("state").GetString());
        Assert.Equal("Certify", done.GetProperty("items")[0].GetProperty("decision").GetString());
        await (await c.Manager.PostJson(Url(items[0]), new { decision = "Reject", reason = "Changed our minds" })).Problem(HttpStatusCode.Conflict);
        var noReason = await (await c.Manager.PostJson(Url(items[1]), new { decision = "Reject" })).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("ReasonRequired", noReason.GetProperty("outcome").GetString());
        var notAllowed = await (await c.Manager.PostJson(Url(items[2]), new { decision = "Certify" })).Problem(HttpStatusCode.Conflict);
        Assert.Equal("NotAllowed", notAllowed.GetProperty("outcome").GetString());
        await (await c.Manager.PostJson(Url(items[1]), new { decision = "Reject", reason = "Out of scope" })).Json(HttpStatusCode.OK);
        await (await c.Manager.PutAsJsonAsync($"{c.Api}/meetings/{meetingId}/minutes", new { minutes = "Present: the chair.\nCERT certified, REJ rejected." })).Json(HttpStatusCode.OK);
        await (await chair.Api.PostJson(Url(items[2]), new { decision = "Certify" })).Problem(HttpStatusCode.Forbidden); // decisions are the secretariat's

        var read = await (await chair.Api.GetAsync($"{c.Api}/meetings/{meetingId}")).Json(HttpStatusCode.OK);
        Assert.Equal(new[] { "Certify", "Reject", null }, read.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("decision").GetString()));
        Assert.Equal("Draft", read.GetProperty("items")[2].GetProperty("state").GetString());
        Assert.StartsWith("Present", read.GetProperty("minutes").GetString(), StringComparison.Ordinal);
        var history = (await c.GetAsync(ready[1])).GetProperty("history").EnumerateArray().Last();
        Assert.Equal(("Rejected", "Out of scope"), (history.GetProperty("to").GetString(), history.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task A_funder_sees_the_certified_proposals_sent_to_it_and_the_dashboard_and_nothing_else()
    {
        var c = await ProjectsCluster.CreateAsync(app, "funder");
        var funder = await app.CreatePersonAsync("Funder", c.Slug);
        var stranger = await app.CreatePersonAsync("Funder", c.Slug);
        var other = await (await c.Manager.PostJson($"{c.Api}/funders", new { name = "ANR", kind = "Anr" })).Json(HttpStatusCode.Created);
        await (await c.Manager.PostJson($"{c.Api}/funders/{c.FunderId}/users", new { userId = funder.UserId })).Json(HttpStatusCode.OK);
        await (await c.Manager.PostJson($"{c.Api}/funders/{other.GetProperty("id").GetInt32()}/users", new { userId = stranger.UserId })).Json(HttpStatusCode.OK);
        var reviewer = await app.CreatePersonAsync("Reviewer", c.Slug);
        await (await c.Manager.PostJson($"{c.Api}/funders/{c.FunderId}/users", new { userId = reviewer.UserId })).Problem(HttpStatusCode.BadRequest); // not a funder

        var sent = await c.CreateProposalAsync(proposal: c.Proposal("SENT"));
        var certified = await c.CreateProposalAsync(proposal: c.Proposal("KEPT"));
        foreach (var move in new[] { "submit", "start-review", "certify" })
        {
            await (await c.MoveAsync(sent, move)).Json(HttpStatusCode.OK);
            await (await c.MoveAsync(certified, move)).Json(HttpStatusCode.OK);
        }
        await (await c.MoveAsync(sent, "send-to-funder")).Json(HttpStatusCode.OK);

        var seen = await (await funder.Api.GetAsync($"{c.Api}/funder/proposals")).Json(HttpStatusCode.OK);
        Assert.Equal(sent, Assert.Single(seen.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());
        Assert.Equal(0, (await (await stranger.Api.GetAsync($"{c.Api}/funder/proposals")).Json(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        await (await funder.Api.GetAsync($"{c.Api}/projects/funnel")).Json(HttpStatusCode.OK);
        await (await funder.Api.GetAsync($"{c.Api}/proposals")).Problem(HttpStatusCode.Forbidden);
        await (await funder.Api.GetAsync($"{c.Api}/committees")).Problem(HttpStatusCode.Forbidden);
        Assert.Equal(1, (await (await c.Manager.GetAsync($"{c.Api}/funder/proposals")).Json(HttpStatusCode.OK)).GetProperty("total").GetInt32());
    }
}

public sealed class CommitteesOnSqlite(SqliteApplication app) : CommitteesTests<SqliteApplication>(app);
public sealed class CommitteesOnPostgres(PostgresApplication app) : CommitteesTests<PostgresApplication>(app);
