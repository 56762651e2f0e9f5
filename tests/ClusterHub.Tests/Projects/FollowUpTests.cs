using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClusterHub.Outbox;
using ClusterHub.Projects;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Tests.Projects;

/// <summary>
/// The follow-up of a running project through the API: milestones, deliverables and reports, who may do what, the dates each
/// validator refuses, the race on a report's decision, the Completed refusal, and the deadline sweep's reminders.
/// </summary>
public abstract class FollowUpTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A cluster with a proposal walked to Running today through the API (span: today to 24 months on), coordinated by Sfarsteel.</summary>
    private async Task<(ProjectsCluster C, int Id)> RunningAsync(string prefix)
    {
        var c = await ProjectsCluster.CreateAsync(app, prefix);
        var id = await c.CreateProposalAsync();
        foreach (var move in new[] { "submit", "start-review", "certify", "send-to-funder", "fund", "start" })
            await (await c.MoveAsync(id, move)).Json(HttpStatusCode.OK);
        return (c, id);
    }

    private static string Url(ProjectsCluster c, int id, string rest = "") => $"{c.Api}/proposals/{id}{rest}";

    private static async Task<int> AddMilestoneAsync(ProjectsCluster c, int id, string title, DateOnly due)
    {
        var view = await (await c.Manager.PostJson(Url(c, id, "/milestones"), new { title, dueOn = Iso(due) })).Json(HttpStatusCode.Created);
        return view.GetProperty("milestones").EnumerateArray().Single(m => m.GetProperty("title").GetString() == title).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task The_secretariat_plans_the_coordinator_records_and_the_progress_shows_on_the_view()
    {
        var (c, id) = await RunningAsync("fu-walk");
        var m1 = await AddMilestoneAsync(c, id, "M1 Design review", Today.AddMonths(6));
        var m2 = await AddMilestoneAsync(c, id, "M2 Prototype", Today.AddMonths(12));
        var deliverable = await (await c.Manager.PostJson(Url(c, id, "/deliverables"), new { title = "D1 Report", kind = "Report", dueOn = Iso(Today.AddMonths(3)) })).Json(HttpStatusCode.Created);
        var d1 = deliverable.GetProperty("deliverables")[0].GetProperty("id").GetInt32();

        var rep = await app.CreateClientAsync("MemberRepresentative", c.Slug, "Sfarsteel");
        var done = await (await rep.PostJson(Url(c, id, $"/milestones/{m1}/done"), new { })).Json(HttpStatusCode.OK);
        Assert.Equal((1, 2, 50), (done.GetProperty("milestonesDone").GetInt32(), done.GetProperty("milestonesTotal").GetInt32(), done.GetProperty("progressPercent").GetInt32()));
        var m1Row = done.GetProperty("milestones").EnumerateArray().Single(m => m.GetProperty("id").GetInt32() == m1);
        Assert.Equal(("Done", Iso(Today)), (m1Row.GetProperty("state").GetString(), m1Row.GetProperty("doneOn").GetString()));
        Assert.Equal("Open", done.GetProperty("milestones").EnumerateArray().Single(m => m.GetProperty("id").GetInt32() == m2).GetProperty("state").GetString());
        // Marked once: a second mark is refused, nothing changes.
        Assert.Equal("AlreadyDone", (await (await rep.PostJson(Url(c, id, $"/milestones/{m1}/done"), new { })).Problem(HttpStatusCode.Conflict)).GetProperty("outcome").GetString());

        var delivered = await (await rep.PostJson(Url(c, id, $"/deliverables/{d1}/delivered"), new { on = Iso(Today) })).Json(HttpStatusCode.OK);
        Assert.Equal(Iso(Today), delivered.GetProperty("deliverables")[0].GetProperty("deliveredOn").GetString());

        var report = await (await rep.PostJson(Url(c, id, "/reports"), new { periodStart = Iso(Today), periodEnd = Iso(Today), summary = "Kick-off held." })).Json(HttpStatusCode.Created);
        var reportId = report.GetProperty("reports")[0].GetProperty("id").GetInt32();
        Assert.Equal("Submitted", report.GetProperty("reports")[0].GetProperty("state").GetString());
        // Returned with a note (required), submitted again, accepted.
        await (await c.Manager.PostJson(Url(c, id, $"/reports/{reportId}/return"), new { })).Problem(HttpStatusCode.BadRequest);
        var returned = await (await c.Manager.PostJson(Url(c, id, $"/reports/{reportId}/return"), new { note = "Add the budget spent." })).Json(HttpStatusCode.OK);
        Assert.Equal(("Returned", "Add the budget spent."), (returned.GetProperty("reports")[0].GetProperty("state").GetString(), returned.GetProperty("reports")[0].GetProperty("decisionNote").GetString()));
        await (await c.Manager.PostJson(Url(c, id, $"/reports/{reportId}/accept"), new { })).Problem(HttpStatusCode.Conflict); // not submitted
        await (await rep.PutAsJsonAsync(Url(c, id, $"/reports/{reportId}"), new { periodStart = Iso(Today), periodEnd = Iso(Today), summary = "Kick-off held; 12 k€ spent." })).Json(HttpStatusCode.OK);
        var accepted = await (await c.Manager.PostJson(Url(c, id, $"/reports/{reportId}/accept"), new { })).Json(HttpStatusCode.OK);
        Assert.Equal("Accepted", accepted.GetProperty("reports")[0].GetProperty("state").GetString());

        // The change history records every act under the proposal, with its reason.
        var reasons = await app.WithDb(async (db, _) => await db.ChangeRecords.Where(r => r.Subject == "Proposal" && r.SubjectId == id.ToString(CultureInfo.InvariantCulture) && r.Reason != null)
            .Select(r => r.Reason!).Distinct().ToListAsync());
        foreach (var reason in new[] { "Milestone done", "Deliverable delivered", "Report submitted", "Report returned: Add the budget spent.", "Report submitted again", "Report accepted" })
            Assert.Contains(reason, reasons);
    }

    [Fact]
    public async Task The_secretariat_changes_and_removes_what_is_still_open_and_not_what_is_done()
    {
        var (c, id) = await RunningAsync("fu-replan");
        var m1 = await AddMilestoneAsync(c, id, "M1 Design review", Today.AddMonths(6));
        var m2 = await AddMilestoneAsync(c, id, "M2 Prototpye", Today.AddMonths(12));
        JsonElement Milestone(JsonElement view, int m) => view.GetProperty("milestones").EnumerateArray().Single(x => x.GetProperty("id").GetInt32() == m);
        var version = Milestone(await (await c.Manager.GetAsync(Url(c, id, "/follow-up"))).Json(HttpStatusCode.OK), m2).GetProperty("version").GetInt32();

        // A typo and a date moved: saved at the version seen; the same version a second time is a lost race (409), nothing changes.
        var changed = await (await c.Manager.PutAsJsonAsync(Url(c, id, $"/milestones/{m2}"), new { title = "M2 Prototype", dueOn = Iso(Today.AddMonths(14)), version })).Json(HttpStatusCode.OK);
        Assert.Equal(("M2 Prototype", Iso(Today.AddMonths(14))), (Milestone(changed, m2).GetProperty("title").GetString(), Milestone(changed, m2).GetProperty("dueOn").GetString()));
        var stale = await (await c.Manager.PutAsJsonAsync(Url(c, id, $"/milestones/{m2}"), new { title = "M2 Stale", dueOn = Iso(Today.AddMonths(14)), version })).Problem(HttpStatusCode.Conflict);
        Assert.Equal("Concurrent", stale.GetProperty("outcome").GetString());
        // A due date outside the project's span is named.
        var outside = await (await c.Manager.PutAsJsonAsync(Url(c, id, $"/milestones/{m2}"), new { title = "M2 Prototype", dueOn = Iso(Today.AddYears(5)) })).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("dueOn", outside.GetProperty("errors").EnumerateObject().Select(e => e.Name));

        // The coordinator may mark progress but not replan; a milestone done is neither changed nor removed.
        var rep = await app.CreateClientAsync("MemberRepresentative", c.Slug, "Sfarsteel");
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.DeleteAsync(Url(c, id, $"/milestones/{m1}"))).StatusCode);
        await (await rep.PostJson(Url(c, id, $"/milestones/{m1}/done"), new { })).Json(HttpStatusCode.OK);
        Assert.Equal("AlreadyDone", (await (await c.Manager.DeleteAsync(Url(c, id, $"/milestones/{m1}"))).Problem(HttpStatusCode.Conflict)).GetProperty("outcome").GetString());
        Assert.Equal("AlreadyDone", (await (await c.Manager.PutAsJsonAsync(Url(c, id, $"/milestones/{m1}"), new { title = "M1 renamed", dueOn = Iso(Today.AddMonths(6)) })).Problem(HttpStatusCode.Conflict)).GetProperty("outcome").GetString());

        // An open milestone planned by mistake goes, and the change history says so.
        var removed = await (await c.Manager.DeleteAsync(Url(c, id, $"/milestones/{m2}"))).Json(HttpStatusCode.OK);
        Assert.Equal([m1], removed.GetProperty("milestones").EnumerateArray().Select(x => x.GetProperty("id").GetInt32()));
        Assert.True(await app.WithDb((db, _) => db.ChangeRecords.AnyAsync(r => r.Reason == "Milestone removed")));
        await (await c.Manager.DeleteAsync(Url(c, id, $"/milestones/{m2}"))).Json(HttpStatusCode.OK); // removed already: the same answer
        await (await c.Manager.PutAsJsonAsync(Url(c, id, $"/milestones/{m2}"), new { title = "M2", dueOn = Iso(Today.AddMonths(6)) })).Problem(HttpStatusCode.NotFound);

        // A deliverable: changed (its kind too), then removed.
        var view = await (await c.Manager.PostJson(Url(c, id, "/deliverables"), new { title = "D1 Reprot", kind = "Report", dueOn = Iso(Today.AddMonths(3)) })).Json(HttpStatusCode.Created);
        var d1 = view.GetProperty("deliverables")[0].GetProperty("id").GetInt32();
        var d = (await (await c.Manager.PutAsJsonAsync(Url(c, id, $"/deliverables/{d1}"), new { title = "D1 Demonstrator", kind = "Prototype", dueOn = Iso(Today.AddMonths(4)) })).Json(HttpStatusCode.OK)).GetProperty("deliverables")[0];
        Assert.Equal(("D1 Demonstrator", "Prototype"), (d.GetProperty("title").GetString(), d.GetProperty("kind").GetString()));
        Assert.Equal(0, (await (await c.Manager.DeleteAsync(Url(c, id, $"/deliverables/{d1}"))).Json(HttpStatusCode.OK)).GetProperty("deliverables").GetArrayLength());
    }

    [Fact]
    public async Task Each_role_gets_what_its_rule_says()
    {
        var (c, id) = await RunningAsync("fu-access");
        var m1 = await AddMilestoneAsync(c, id, "M1", Today.AddMonths(6));
        var observer = await app.CreateClientAsync("Observer", c.Slug);
        var reviewer = await app.CreateClientAsync("Reviewer", c.Slug);
        var funder = await app.CreateClientAsync("Funder", c.Slug);
        var partner = await app.CreateClientAsync("MemberRepresentative", c.Slug, "PME Usinage");
        var coordinator = await app.CreateClientAsync("MemberRepresentative", c.Slug, "Sfarsteel");

        // Observers read, and do nothing else; reviewers and funders get nothing.
        Assert.Equal(1, (await (await observer.GetAsync(Url(c, id, "/follow-up"))).Json(HttpStatusCode.OK)).GetProperty("milestonesTotal").GetInt32());
        await (await observer.PostJson(Url(c, id, $"/milestones/{m1}/done"), new { })).Problem(HttpStatusCode.Forbidden);
        await (await reviewer.GetAsync(Url(c, id, "/follow-up"))).Problem(HttpStatusCode.Forbidden);
        await (await funder.GetAsync(Url(c, id, "/follow-up"))).Problem(HttpStatusCode.Forbidden);
        // A partner's representative reads its project but records nothing on it; the coordinator's does not plan.
        var partnerView = await (await partner.GetAsync(Url(c, id, "/follow-up"))).Json(HttpStatusCode.OK);
        Assert.False(partnerView.GetProperty("canRecord").GetBoolean());
        Assert.Equal("NotCoordinator", (await (await partner.PostJson(Url(c, id, $"/milestones/{m1}/done"), new { })).Problem(HttpStatusCode.Forbidden)).GetProperty("outcome").GetString());
        await (await coordinator.PostJson(Url(c, id, "/milestones"), new { title = "M9", dueOn = Iso(Today.AddMonths(2)) })).Problem(HttpStatusCode.Forbidden);
        await (await coordinator.PostJson(Url(c, id, "/reports/1/accept"), new { })).Problem(HttpStatusCode.Forbidden);

        // Another member's representative: the project does not exist for it.
        var import = await (await c.Manager.PostText($"{c.Api}/members/import", "name,type,joined_on\nAutre Forge,Sme,2010-01-01\n", "text/csv")).Json(HttpStatusCode.OK);
        Assert.Equal(1, import.GetProperty("created").GetInt32());
        var stranger = await app.CreateClientAsync("MemberRepresentative", c.Slug, "Autre Forge");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(Url(c, id, "/follow-up"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostJson(Url(c, id, $"/milestones/{m1}/done"), new { })).StatusCode);

        // Another cluster's secretariat: neither the proposal nor the cluster exist for it, by either address.
        var other = await ProjectsCluster.CreateAsync(app, "fu-other");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Manager.GetAsync(Url(c, id, "/follow-up"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Manager.GetAsync(Url(other, id, "/follow-up"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Manager.PostJson(Url(other, id, $"/milestones/{m1}/done"), new { })).StatusCode);

        // Nothing of the refused acts was written.
        var view = await (await c.Manager.GetAsync(Url(c, id, "/follow-up"))).Json(HttpStatusCode.OK);
        Assert.Equal((0, 1), (view.GetProperty("milestonesDone").GetInt32(), view.GetProperty("milestonesTotal").GetInt32()));
        // And the coordinator's representative does record.
        await (await coordinator.PostJson(Url(c, id, $"/milestones/{m1}/done"), new { })).Json(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Bad_dates_and_states_are_refused_with_their_field()
    {
        var c = await ProjectsCluster.CreateAsync(app, "fu-bad");
        var draft = await c.CreateProposalAsync();
        Assert.Equal("WrongState", (await (await c.Manager.PostJson(Url(c, draft, "/milestones"), new { title = "M1", dueOn = Iso(Today) })).Problem(HttpStatusCode.Conflict)).GetProperty("outcome").GetString());

        var (r, id) = await RunningAsync("fu-bad-run");
        async Task<JsonElement> Refused(HttpResponseMessage response) => (await response.Problem(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True((await Refused(await r.Manager.PostJson(Url(r, id, "/milestones"), new { title = "Too early", dueOn = Iso(Today.AddDays(-1)) }))).TryGetProperty("dueOn", out _));
        Assert.True((await Refused(await r.Manager.PostJson(Url(r, id, "/milestones"), new { title = "Too late", dueOn = Iso(Today.AddMonths(24).AddDays(1)) }))).TryGetProperty("dueOn", out _));
        Assert.True((await Refused(await r.Manager.PostJson(Url(r, id, "/milestones"), new { title = " ", dueOn = Iso(Today) }))).TryGetProperty("title", out _));
        Assert.True((await Refused(await r.Manager.PostJson(Url(r, id, "/deliverables"), new { title = "D", dueOn = Iso(Today) }))).TryGetProperty("kind", out _));
        var m1 = await AddMilestoneAsync(r, id, "M1", Today.AddMonths(1));
        // Done before the project ran, or in the future.
        Assert.True((await Refused(await r.Manager.PostJson(Url(r, id, $"/milestones/{m1}/done"), new { on = Iso(Today.AddDays(-1)) }))).TryGetProperty("on", out _));
        Assert.True((await Refused(await r.Manager.PostJson(Url(r, id, $"/milestones/{m1}/done"), new { on = Iso(Today.AddDays(1)) }))).TryGetProperty("on", out _));
        // A stale version loses.
        Assert.Equal("Concurrent", (await (await r.Manager.PostJson(Url(r, id, $"/milestones/{m1}/done"), new { version = 99 })).Problem(HttpStatusCode.Conflict)).GetProperty("outcome").GetString());
        // A report's period: in order, inside the span, not ending in the future, with a summary.
        var errors = await Refused(await r.Manager.PostJson(Url(r, id, "/reports"), new { periodStart = Iso(Today.AddDays(-10)), periodEnd = Iso(Today.AddDays(5)), summary = "" }));
        Assert.True(errors.TryGetProperty("periodStart", out _) && errors.TryGetProperty("periodEnd", out _) && errors.TryGetProperty("summary", out _), errors.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await r.Manager.PostJson(Url(r, id, "/milestones/999999/done"), new { })).StatusCode);
        var view = await (await r.Manager.GetAsync(Url(r, id, "/follow-up"))).Json(HttpStatusCode.OK);
        Assert.Equal((0, 1, 0), (view.GetProperty("milestonesDone").GetInt32(), view.GetProperty("milestonesTotal").GetInt32(), view.GetProperty("reports").GetArrayLength()));
    }

    [Fact]
    public async Task Ten_decisions_on_one_report_at_once_decide_it_once()
    {
        var (c, id) = await RunningAsync("fu-race");
        var report = await (await c.Manager.PostJson(Url(c, id, "/reports"), new { periodStart = Iso(Today), periodEnd = Iso(Today), summary = "Kick-off." })).Json(HttpStatusCode.Created);
        var reportId = report.GetProperty("reports")[0].GetProperty("id").GetInt32();
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => app.CreateClientAsync(i % 2 == 0 ? "Manager" : "Staff", c.Slug)));
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            clients[i % 4].PostJson(Url(c, id, $"/reports/{reportId}/{(i % 2 == 0 ? "accept" : "return")}"), new { note = "decision " + i })));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) == 1, string.Join(", ", statuses));
        Assert.Equal(9, statuses.Count(s => s == HttpStatusCode.Conflict));
        foreach (var loser in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            Assert.Contains((await loser.Problem(HttpStatusCode.Conflict)).GetProperty("outcome").GetString(), new[] { "Concurrent", "AlreadyDone" });
        var stateChanges = await app.WithDb(async (db, _) => await db.ChangeRecords.CountAsync(r => r.Entity == nameof(ProjectReport) && r.EntityId == reportId.ToString(CultureInfo.InvariantCulture) && r.Field == "State"));
        Assert.Equal(1, stateChanges); // the losers wrote nothing
    }

    [Fact]
    public async Task Completing_with_an_open_milestone_is_refused_unless_the_secretariat_gives_a_reason()
    {
        var (c, id) = await RunningAsync("fu-complete");
        var m1 = await AddMilestoneAsync(c, id, "M1 Prototype", Today.AddMonths(6));
        await AddMilestoneAsync(c, id, "M2 Qualification", Today.AddMonths(12));
        await (await c.Manager.PostJson(Url(c, id, $"/milestones/{m1}/done"), new { })).Json(HttpStatusCode.OK);

        var refused = await (await c.MoveAsync(id, "complete")).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("OpenMilestones", "Running"), (refused.GetProperty("outcome").GetString(), refused.GetProperty("state").GetString()));
        var open = refused.GetProperty("failedRules").EnumerateArray().ToList();
        Assert.Single(open);
        Assert.Contains("M2 Qualification", open[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("Running", (await c.GetAsync(id)).GetProperty("proposal").GetProperty("state").GetString());

        var completed = await (await c.MoveAsync(id, "complete", "Qualification moved to a follow-on project")).Json(HttpStatusCode.OK);
        Assert.Equal("Completed", completed.GetProperty("proposal").GetProperty("state").GetString());
        Assert.Equal("Qualification moved to a follow-on project", completed.GetProperty("history").EnumerateArray().Last().GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_sweep_reminds_once_each_and_the_right_people()
    {
        // A running project with a milestone and a deliverable due in 30 and 35 days; a draft on a call closing in 5 days, one on a call closing in 20.
        var (c, id) = await RunningAsync("fu-sweep");
        var rep = await app.CreatePersonAsync("MemberRepresentative", c.Slug, "Sfarsteel");
        var partnerRep = await app.CreatePersonAsync("MemberRepresentative", c.Slug, "PME Usinage");
        var staff = await app.CreatePersonAsync("Staff", c.Slug);
        var observer = await app.CreatePersonAsync("Observer", c.Slug);
        var managerEmail = await app.WithDb(async (db, _) => await db.RoleGrants.Where(g => g.Cluster!.Slug == c.Slug && g.Role == ClusterHub.Accounts.ClusterRole.Manager)
            .Join(db.Users, g => g.UserId, u => u.Id, (g, u) => u.Email!).SingleAsync());
        var m1 = await AddMilestoneAsync(c, id, "M1 Prototype", Today.AddDays(30));
        await (await c.Manager.PostJson(Url(c, id, "/deliverables"), new { title = "D1 Software", kind = "Software", dueOn = Iso(Today.AddDays(35)) })).Json(HttpStatusCode.Created);
        var soon = await (await c.Manager.PostJson($"{c.Api}/calls", ProjectsCluster.Call(c.FunderId, closesOn: Iso(Today.AddDays(5))))).Json(HttpStatusCode.Created);
        var later = await (await c.Manager.PostJson($"{c.Api}/calls", ProjectsCluster.Call(c.FunderId, closesOn: Iso(Today.AddDays(20))))).Json(HttpStatusCode.Created);
        var draft = await c.CreateProposalAsync(proposal: c.Proposal("SOON", callId: soon.GetProperty("call").GetProperty("id").GetInt32()));
        await c.CreateProposalAsync(proposal: c.Proposal("LATER", callId: later.GetProperty("call").GetProperty("id").GetInt32()));
        var clusterId = await app.WithDb(async (db, _) => await db.Clusters.Where(x => x.Slug == c.Slug).Select(x => x.Id).SingleAsync());

        async Task<int> Sweep(DateOnly on) => await app.WithDb((db, _) => DeadlineReminders.SweepAsync(db, on, default));
        async Task<List<(MessageKind Kind, string To, string Subject)>> Messages() => (await app.WithDb(async (db, _) => await db.OutboxMessages
            .Where(m => m.ClusterId == clusterId && (m.Kind == MessageKind.CallDeadline || m.Kind == MessageKind.FollowUpDue || m.Kind == MessageKind.FollowUpOverdue))
            .Select(m => new { m.Kind, m.Recipient, m.Subject }).ToListAsync())).Select(m => (m.Kind, m.Recipient, m.Subject)).ToList();

        // Today: the call closing in 5 days, to the coordinator's representative only (not the partner's, not the secretariat).
        Assert.True(await Sweep(Today) >= 1);
        var calls = (await Messages()).Where(m => m.Kind == MessageKind.CallDeadline).ToList();
        Assert.Equal([rep.Email], calls.Select(m => m.To).ToList());
        Assert.Contains("SOON", calls[0].Subject, StringComparison.Ordinal);
        Assert.Equal(0, await Sweep(Today)); // idempotent
        Assert.Single(await Messages());

        // 25 days on: the milestone is due within a week, to the coordinator's representative and the secretariat; not the deliverable yet.
        await Sweep(Today.AddDays(25));
        var due = (await Messages()).Where(m => m.Kind == MessageKind.FollowUpDue).ToList();
        Assert.Equal(new[] { rep.Email, staff.Email, managerEmail }.Order(StringComparer.Ordinal), due.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.All(due, m => Assert.Contains("M1 Prototype", m.Subject, StringComparison.Ordinal));
        Assert.DoesNotContain(due, m => m.To == partnerRep.Email || m.To == observer.Email);
        Assert.Equal(0, await Sweep(Today.AddDays(25)));

        // 31 days on: the milestone is overdue (once), the deliverable due; a milestone done meanwhile is not reminded.
        await Sweep(Today.AddDays(31));
        Assert.Equal(3, (await Messages()).Count(m => m.Kind == MessageKind.FollowUpOverdue));
        Assert.Equal(6, (await Messages()).Count(m => m.Kind == MessageKind.FollowUpDue));
        Assert.Equal(0, await Sweep(Today.AddDays(31)));
        await (await c.Manager.PostJson(Url(c, id, $"/milestones/{m1}/done"), new { })).Json(HttpStatusCode.OK);
        var before = (await Messages()).Count;
        await Sweep(Today.AddDays(32));
        Assert.Equal(before, (await Messages()).Count);
        var notices = await app.WithDb(async (db, _) => await db.DeadlineNotices.Where(n => n.ClusterId == clusterId).Select(n => n.Kind).ToListAsync());
        Assert.Equal(new[] { NoticeKind.CallDeadline, NoticeKind.MilestoneDue, NoticeKind.MilestoneOverdue, NoticeKind.DeliverableDue }, notices.Order());
        Assert.DoesNotContain(await Messages(), m => m.Subject.Contains("LATER", StringComparison.Ordinal));
        _ = draft;
    }
}

public sealed class FollowUpOnSqlite(SqliteApplication app) : FollowUpTests<SqliteApplication>(app);
public sealed class FollowUpOnPostgres(PostgresApplication app) : FollowUpTests<PostgresApplication>(app);
