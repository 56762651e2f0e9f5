using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClusterHub.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterHub.Tests.Surveys;

/// <summary>Stakeholder surveys through the API, the answer page and the operations, on both databases.</summary>
public abstract partial class SurveysTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private static readonly string ClosesOn = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Arranged(string Slug, int ClusterId, HttpClient Manager);

    /// <summary>A cluster with members of the given types, each with one consenting contact (<c>m{i}@test.example</c>), and a draft 2024 survey of three items.</summary>
    private async Task<Arranged> ArrangeAsync(params string[] types)
    {
        var c = await app.CreateClusterAsync("srv-" + Guid.NewGuid().ToString("N")[..8]);
        var manager = await app.CreateClientAsync("Manager", c.Slug);
        var csv = new StringBuilder("name,type,headcount,country,joined_on,contact_name,contact_email,contact_consent\n");
        for (var i = 0; i < types.Length; i++)
            csv.Append(CultureInfo.InvariantCulture, $"Member {i},{types[i]},20,{(i == 0 ? "DE" : "FR")},2010-01-01,Person {i},m{i}@test.example,yes\n");
        await (await manager.PostText($"/api/v1/clusters/{c.Slug}/members/import", csv.ToString(), "text/csv")).Json(HttpStatusCode.OK);
        await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/surveys", new
        {
            year = 2024, title = "Stakeholders 2024", closesOn = ClosesOn,
            items = new[]
            {
                new { key = "cipm.framework.consensus", textEn = "The strategy is agreed.", textFr = (string?)"La stratégie est partagée.", textKo = (string?)"전략은 합의되어 있다." },
                new { key = "cipm.facilitator.effectiveness", textEn = "The team is effective.", textFr = (string?)null, textKo = (string?)null },
                new { key = "cipm.performance.competitiveness", textEn = "We are more competitive.", textFr = (string?)null, textKo = (string?)null },
            },
        })).Json(HttpStatusCode.Created);
        return new(c.Slug, c.Id, manager);
    }

    /// <summary>The personal links the outbox holds for the cluster, by recipient (the latest message of each).</summary>
    private Task<Dictionary<string, string>> LinksAsync(int clusterId) => app.WithDb(async (db, _) =>
        (await db.OutboxMessages.AsNoTracking().Where(m => m.ClusterId == clusterId && (m.Kind == ClusterHub.Outbox.MessageKind.SurveyInvitation || m.Kind == ClusterHub.Outbox.MessageKind.SurveyReminder))
            .OrderBy(m => m.Id).ToListAsync())
        .GroupBy(m => m.Recipient).ToDictionary(g => g.Key, g => LinkToken().Match(g.Last().Body).Groups[1].Value));

    private Task<SubmitOutcome> SubmitAsync(string token, Dictionary<int, int?> scores) =>
        app.WithDb((db, _) => SurveyAnswers.SubmitAsync(db, token, scores, DateTime.UtcNow, default));

    private Task<List<int>> ItemIdsAsync(int clusterId) =>
        app.WithDb((db, _) => db.SurveyItems.Where(i => db.Surveys.Any(s => s.Id == i.SurveyId && s.ClusterId == clusterId)).OrderBy(i => i.Position).Select(i => i.Id).ToListAsync());

    private static async Task<JsonElement> SendAsync(Arranged a) => await (await a.Manager.PostAsync($"/api/v1/clusters/{a.Slug}/surveys/2024/send", null)).Json(HttpStatusCode.OK);

    private static async Task<JsonElement> ResultsAsync(Arranged a) => await (await a.Manager.GetAsync($"/api/v1/clusters/{a.Slug}/surveys/2024/results")).Json(HttpStatusCode.OK);

    private Task<IReadOnlyList<ClusterHub.Assessment.SurveyItemStat>> EvidenceAsync(int clusterId) =>
        app.WithDb((db, sp) => sp.GetRequiredService<ClusterHub.Assessment.ISurveyEvidence>().ItemStatsAsync(db, clusterId, 2024, default));

    [Fact]
    public async Task Sending_invites_each_member_once_in_its_language_with_a_link_whose_token_is_stored_only_hashed()
    {
        var a = await ArrangeAsync("Sme", "Sme", "University");
        var sent = await SendAsync(a);
        Assert.Equal((3, 0, 0), (sent.GetProperty("invited").GetInt32(), sent.GetProperty("alreadyInvited").GetInt32(), sent.GetProperty("withoutContact").GetInt32()));
        var messages = await app.WithDb((db, _) => db.OutboxMessages.AsNoTracking().Where(m => m.ClusterId == a.ClusterId && m.Kind == ClusterHub.Outbox.MessageKind.SurveyInvitation).ToListAsync());
        Assert.Equal(3, messages.Count);
        Assert.StartsWith("Hello Person 0", messages.Single(m => m.Recipient == "m0@test.example").Body, StringComparison.Ordinal); // Germany: English
        Assert.StartsWith("Bonjour Person 1", messages.Single(m => m.Recipient == "m1@test.example").Body, StringComparison.Ordinal); // France: French
        var links = await LinksAsync(a.ClusterId);
        var hashes = await app.WithDb((db, _) => db.SurveyLinks.Select(l => l.TokenHash).ToListAsync());
        Assert.All(links.Values, t => { Assert.DoesNotContain(t, hashes); Assert.Contains(SurveyTokens.Hash(t), hashes); });

        // Sending again invites nobody twice; the survey is open.
        var again = await SendAsync(a);
        Assert.Equal((0, 3), (again.GetProperty("invited").GetInt32(), again.GetProperty("alreadyInvited").GetInt32()));
        var survey = await (await a.Manager.GetAsync($"/api/v1/clusters/{a.Slug}/surveys/2024")).Json(HttpStatusCode.OK);
        Assert.Equal("Open", survey.GetProperty("state").GetString());
    }

    [Fact]
    public async Task With_no_responses_every_item_says_too_few_and_the_rate_is_zero()
    {
        var a = await ArrangeAsync("Sme", "Sme");
        await SendAsync(a);
        var results = await ResultsAsync(a);
        Assert.Equal(2, results.GetProperty("responseRate").GetProperty("invited").GetInt32());
        Assert.Equal(0, results.GetProperty("responseRate").GetProperty("answered").GetInt32());
        Assert.Equal(0.0, results.GetProperty("responseRate").GetProperty("rate").GetDouble());
        foreach (var item in results.GetProperty("items").EnumerateArray())
        {
            Assert.True(item.GetProperty("all").GetProperty("tooFew").GetBoolean());
            Assert.Equal(JsonValueKind.Null, item.GetProperty("all").GetProperty("mean").ValueKind);
        }
        Assert.All(await EvidenceAsync(a.ClusterId), s => Assert.Equal((0, null, null), (s.Respondents, s.Mean, s.StdDev)));
    }

    [Fact]
    public async Task Fewer_than_five_respondents_show_no_figures_in_the_api_the_export_the_page_or_the_evidence()
    {
        var a = await ArrangeAsync("Sme", "Sme", "Sme", "Sme", "Sme");
        await SendAsync(a);
        var items = await ItemIdsAsync(a.ClusterId);
        var links = (await LinksAsync(a.ClusterId)).Values.ToList();
        for (var i = 0; i < 4; i++) Assert.Equal(SubmitOutcome.Recorded, await SubmitAsync(links[i], new() { [items[0]] = 4, [items[1]] = null }));

        var results = await ResultsAsync(a);
        Assert.Equal(4, results.GetProperty("responses").GetInt32());
        var first = results.GetProperty("items")[0].GetProperty("all");
        Assert.Equal((4, true, JsonValueKind.Null, JsonValueKind.Null), (first.GetProperty("respondents").GetInt32(), first.GetProperty("tooFew").GetBoolean(),
            first.GetProperty("mean").ValueKind, first.GetProperty("counts").ValueKind));
        Assert.Equal(4, results.GetProperty("items")[1].GetProperty("all").GetProperty("dontKnow").GetInt32());

        var csv = await (await a.Manager.GetAsync($"/api/v1/clusters/{a.Slug}/surveys/2024/results?format=csv")).Content.ReadAsStringAsync();
        Assert.Contains("cipm.framework.consensus,all,4,0,,,too few responses,,,,,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",4,0,4,", csv, StringComparison.Ordinal);
        var stat = (await EvidenceAsync(a.ClusterId)).Single(s => s.ItemKey == "cipm.framework.consensus");
        Assert.Equal((4, null, null), (stat.Respondents, stat.Mean, stat.StdDev));

        var page = await app.CreatePageClientAsync("Observer", a.Slug);
        var html = await page.GetStringAsync($"/c/{a.Slug}/surveys/2024");
        Assert.Contains("too few responses", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"num mean\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exactly_five_respondents_show_the_mean_and_the_sample_standard_deviation_but_smaller_member_types_stay_hidden()
    {
        var a = await ArrangeAsync("Sme", "Sme", "Sme", "University", "University", "LargeCompany");
        await SendAsync(a);
        var items = await ItemIdsAsync(a.ClusterId);
        var links = await LinksAsync(a.ClusterId);
        for (var i = 0; i < 5; i++) Assert.Equal(SubmitOutcome.Recorded, await SubmitAsync(links[$"m{i}@test.example"], new() { [items[0]] = i + 1 }));

        var results = await ResultsAsync(a);
        Assert.Equal(5, results.GetProperty("responseRate").GetProperty("answered").GetInt32());
        Assert.Equal(5.0 / 6, results.GetProperty("responseRate").GetProperty("rate").GetDouble(), 9);
        var all = results.GetProperty("items")[0].GetProperty("all");
        Assert.False(all.GetProperty("tooFew").GetBoolean());
        Assert.Equal(3.0, all.GetProperty("mean").GetDouble(), 9);
        Assert.Equal(Math.Sqrt(2.5), all.GetProperty("stdDev").GetDouble(), 9); // 1..5: Σ(x−3)² = 10, over n − 1 = 4
        Assert.Equal([1, 1, 1, 1, 1], all.GetProperty("counts").EnumerateArray().Select(c => c.GetInt32()));
        // The Sme group has 3, the University group 2: both under five, both hidden.
        Assert.All(results.GetProperty("items")[0].GetProperty("byType").EnumerateArray(), g =>
            Assert.Equal((true, JsonValueKind.Null), (g.GetProperty("tooFew").GetBoolean(), g.GetProperty("mean").ValueKind)));
        var byType = results.GetProperty("responseRateByType").EnumerateArray().ToDictionary(r => r.GetProperty("memberType").GetString()!, r => r.GetProperty("answered").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["LargeCompany"] = 0, ["Sme"] = 3, ["University"] = 2 }, byType);

        var stat = (await EvidenceAsync(a.ClusterId)).Single(s => s.ItemKey == "cipm.framework.consensus");
        Assert.Equal((5, 3.0), (stat.Respondents, stat.Mean));
        Assert.Equal(Math.Sqrt(2.5), stat.StdDev!.Value, 9);
        var json = await (await a.Manager.GetAsync($"/api/v1/clusters/{a.Slug}/surveys/2024/results?format=json")).Json(HttpStatusCode.OK);
        Assert.Equal(3.0, json.EnumerateArray().First(l => l.GetProperty("group").GetString() == "all").GetProperty("mean").GetDouble());
        var xlsx = await a.Manager.GetAsync($"/api/v1/clusters/{a.Slug}/surveys/2024/results?format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_answer_page_records_once_and_says_so_for_a_used_an_unknown_and_an_expired_link()
    {
        var a = await ArrangeAsync("Sme", "Sme");
        await SendAsync(a);
        var links = await LinksAsync(a.ClusterId);
        var items = await ItemIdsAsync(a.ClusterId);
        var token = links["m0@test.example"];
        using var person = new WebSession(app.BaseAddress);
        var form = await person.PageAsync($"/survey/{token}");
        Assert.Contains("The strategy is agreed.", form, StringComparison.Ordinal); // m0 is in Germany: English
        var answer = await person.SubmitAsync($"/survey/{token}", $"/survey/{token}",
            [new($"item-{items[0]}", "5"), new($"item-{items[1]}", AnswerModel.DontKnow), new($"item-{items[2]}", "")]);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("survey-thanks", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await app.WithDb((db, _) => db.SurveyResponses.Include(r => r.Answers).AsNoTracking().SingleAsync(r => r.ClusterId == a.ClusterId));
        Assert.Null(stored.MemberId); // anonymous: the member type only
        Assert.Equal(ClusterHub.Members.MemberType.Sme, stored.MemberType);
        Assert.Equal([(items[0], (int?)5), (items[1], null)], stored.Answers.OrderBy(x => x.ItemId).Select(x => (x.ItemId, x.Score)));

        Assert.Contains("id=\"link-used\"", await person.PageAsync($"/survey/{token}"), StringComparison.Ordinal);
        Assert.Contains("id=\"link-unknown\"", await person.PageAsync("/survey/" + new string('A', 43)), StringComparison.Ordinal);
        Assert.Contains("id=\"link-unknown\"", await person.PageAsync("/survey/not-a-token"), StringComparison.Ordinal);
        Assert.Equal(SubmitOutcome.Used, await SubmitAsync(token, new() { [items[0]] = 1 }));
        Assert.Equal(SubmitOutcome.Unknown, await SubmitAsync("x", []));

        // French for a French member, whose link has expired since (the clock moved past its closing day).
        var other = links["m1@test.example"];
        await app.WithDb(db => db.SurveyInvitations.Where(i => i.ClusterId == a.ClusterId).ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTime.UtcNow.AddDays(-1))));
        using var french = new WebSession(app.BaseAddress);
        var redirect = await french.GetAsync($"/survey/{other}");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode); // once, to keep the invitation's language in the culture cookie
        var expired = await french.PageAsync($"/survey/{other}");
        Assert.Contains("id=\"link-expired\"", expired, StringComparison.Ordinal);
        Assert.Contains("Ce lien a expiré", WebUtility.HtmlDecode(expired), StringComparison.Ordinal);
        Assert.Equal(SubmitOutcome.Expired, await SubmitAsync(other, new() { [items[0]] = 1 }));
        Assert.Equal(1, await app.WithDb((db, _) => db.SurveyResponses.CountAsync(r => r.ClusterId == a.ClusterId)));
    }

    [Fact]
    public async Task A_score_off_the_scale_or_an_item_of_another_survey_records_nothing_and_leaves_the_link_usable()
    {
        var a = await ArrangeAsync("Sme");
        await SendAsync(a);
        var token = (await LinksAsync(a.ClusterId)).Values.Single();
        var items = await ItemIdsAsync(a.ClusterId);
        Assert.Equal(SubmitOutcome.Invalid, await SubmitAsync(token, new() { [items[0]] = 6 }));
        Assert.Equal(SubmitOutcome.Invalid, await SubmitAsync(token, new() { [items[0]] = 0 }));
        Assert.Equal(SubmitOutcome.Invalid, await SubmitAsync(token, new() { [-5] = 3 }));
        using var person = new WebSession(app.BaseAddress);
        var refused = await person.SubmitAsync($"/survey/{token}", $"/survey/{token}", [new($"item-{items[0]}", "seven")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(0, await app.WithDb((db, _) => db.SurveyResponses.CountAsync(r => r.ClusterId == a.ClusterId)));
        Assert.Equal(SubmitOutcome.Recorded, await SubmitAsync(token, [])); // every item optional: an empty response counts as answered
    }

    [Fact]
    public async Task Two_submissions_of_one_link_at_once_record_exactly_one_response()
    {
        var a = await ArrangeAsync("Sme", "Sme");
        await SendAsync(a);
        var token = (await LinksAsync(a.ClusterId))["m1@test.example"];
        var items = await ItemIdsAsync(a.ClusterId);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => SubmitAsync(token, new() { [items[0]] = 1 + i % 5 }))));
        Assert.Equal(1, outcomes.Count(o => o == SubmitOutcome.Recorded));
        Assert.All(outcomes.Where(o => o != SubmitOutcome.Recorded), o => Assert.Equal(SubmitOutcome.Used, o));
        Assert.Equal(1, await app.WithDb((db, _) => db.SurveyResponses.CountAsync(r => r.ClusterId == a.ClusterId)));
        Assert.Equal(1, await app.WithDb((db, _) => db.SurveyAnswers.CountAsync(x => items.Contains(x.ItemId))));
    }

    [Fact]
    public async Task Reminders_reach_only_those_who_have_not_answered_once_a_day_with_a_fresh_link_while_the_first_still_works()
    {
        var a = await ArrangeAsync("Sme", "Sme", "Sme");
        await SendAsync(a);
        var first = await LinksAsync(a.ClusterId);
        Assert.Equal(SubmitOutcome.Recorded, await SubmitAsync(first["m0@test.example"], []));

        var reminded = await (await a.Manager.PostAsync($"/api/v1/clusters/{a.Slug}/surveys/2024/reminders", null)).Json(HttpStatusCode.OK);
        Assert.Equal((2, 0), (reminded.GetProperty("reminded").GetInt32(), reminded.GetProperty("alreadyRemindedToday").GetInt32()));
        var again = await (await a.Manager.PostAsync($"/api/v1/clusters/{a.Slug}/surveys/2024/reminders", null)).Json(HttpStatusCode.OK);
        Assert.Equal((0, 2), (again.GetProperty("reminded").GetInt32(), again.GetProperty("alreadyRemindedToday").GetInt32()));
        var kinds = await app.WithDb((db, _) => db.OutboxMessages.Where(m => m.ClusterId == a.ClusterId && m.Kind == ClusterHub.Outbox.MessageKind.SurveyReminder).Select(m => m.Recipient).ToListAsync());
        Assert.Equal(["m1@test.example", "m2@test.example"], kinds.Order());

        var fresh = await LinksAsync(a.ClusterId);
        Assert.NotEqual(first["m1@test.example"], fresh["m1@test.example"]);
        Assert.Equal(SubmitOutcome.Recorded, await SubmitAsync(first["m1@test.example"], [])); // the invitation's own link still opens it
        Assert.Equal(SubmitOutcome.Used, await SubmitAsync(fresh["m1@test.example"], [])); // and the reminder's is the same invitation
        Assert.Equal(SubmitOutcome.Recorded, await SubmitAsync(fresh["m2@test.example"], []));
    }

    [Fact]
    public async Task A_survey_is_refused_with_its_fields_named_and_a_closed_one_takes_no_answers()
    {
        var a = await ArrangeAsync("Sme");
        var bad = await (await a.Manager.PostJson($"/api/v1/clusters/{a.Slug}/surveys", new
        {
            year = 1900, title = "", items = new[] { new { key = "bad key!", textEn = "" }, new { key = "k", textEn = "x" }, new { key = "k", textEn = "y" } },
        })).Problem(HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        foreach (var field in new[] { "year", "title", "closesOn", "items[0].key", "items[0].textEn", "items[2].key" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        await (await a.Manager.PostJson($"/api/v1/clusters/{a.Slug}/surveys", new { year = 2024, title = "Again", closesOn = ClosesOn, items = new[] { new { key = "k", textEn = "x" } } }))
            .Problem(HttpStatusCode.Conflict);
        await (await a.Manager.PostAsync($"/api/v1/clusters/{a.Slug}/surveys/2024/reminders", null)).Problem(HttpStatusCode.Conflict); // not sent yet
        await (await a.Manager.PostAsync($"/api/v1/clusters/{a.Slug}/surveys/2031/send", null)).Json(HttpStatusCode.NotFound);
        var observer = await app.CreateClientAsync("Observer", a.Slug);
        await (await observer.PostAsync($"/api/v1/clusters/{a.Slug}/surveys/2024/send", null)).Problem(HttpStatusCode.Forbidden);
        await (await observer.GetAsync($"/api/v1/clusters/{a.Slug}/surveys/2024/results")).Json(HttpStatusCode.OK);
        var representative = await app.CreateClientAsync("MemberRepresentative", a.Slug, "Member 0");
        await (await representative.GetAsync($"/api/v1/clusters/{a.Slug}/surveys/2024/results")).Problem(HttpStatusCode.Forbidden);

        await SendAsync(a);
        var token = (await LinksAsync(a.ClusterId)).Values.Single();
        await (await a.Manager.PostAsync($"/api/v1/clusters/{a.Slug}/surveys/2024/close", null)).Json(HttpStatusCode.NoContent);
        await (await a.Manager.PostAsync($"/api/v1/clusters/{a.Slug}/surveys/2024/close", null)).Problem(HttpStatusCode.Conflict);
        await (await a.Manager.PostAsync($"/api/v1/clusters/{a.Slug}/surveys/2024/send", null)).Problem(HttpStatusCode.Conflict);
        Assert.Equal(SubmitOutcome.Closed, await SubmitAsync(token, []));
        using var person = new WebSession(app.BaseAddress);
        Assert.Contains("id=\"link-closed\"", await person.PageAsync($"/survey/{token}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_of_one_cluster_answers_only_its_own_survey_and_another_cluster_sees_nothing_of_it()
    {
        var a = await ArrangeAsync("Sme", "Sme");
        var b = await ArrangeAsync("Sme", "Sme");
        await SendAsync(a);
        await SendAsync(b);
        var tokenA = (await LinksAsync(a.ClusterId))["m0@test.example"];
        var itemsA = await ItemIdsAsync(a.ClusterId);
        var itemsB = await ItemIdsAsync(b.ClusterId);
        // A's link with B's items: refused whole, and A's link stays unused.
        Assert.Equal(SubmitOutcome.Invalid, await SubmitAsync(tokenA, new() { [itemsB[0]] = 5 }));
        Assert.Equal(SubmitOutcome.Recorded, await SubmitAsync(tokenA, new() { [itemsA[0]] = 5 }));
        Assert.Equal(1, (await ResultsAsync(a)).GetProperty("responses").GetInt32());
        Assert.Equal(0, (await ResultsAsync(b)).GetProperty("responses").GetInt32());
        Assert.Equal(0, await app.WithDb((db, _) => db.SurveyAnswers.CountAsync(x => itemsB.Contains(x.ItemId))));
        // B's manager cannot reach A's survey through A's address.
        await (await b.Manager.GetAsync($"/api/v1/clusters/{a.Slug}/surveys/2024/results")).Problem(HttpStatusCode.NotFound);
        await (await b.Manager.PostAsync($"/api/v1/clusters/{a.Slug}/surveys/2024/close", null)).Problem(HttpStatusCode.NotFound);
    }

    [GeneratedRegex("/survey/([A-Za-z0-9_-]{43})")]
    private static partial Regex LinkToken();
}

public sealed class SurveysOnSqlite(SqliteApplication app) : SurveysTests<SqliteApplication>(app);
public sealed class SurveysOnPostgres(PostgresApplication app) : SurveysTests<PostgresApplication>(app);
