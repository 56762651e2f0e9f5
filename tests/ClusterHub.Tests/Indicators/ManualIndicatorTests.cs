using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ClusterHub.Tests.Indicators;

/// <summary>A cluster's own indicators, entered by hand with written evidence, read by objectives and reviews like computed ones.</summary>
public abstract class ManualIndicatorTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private static JsonElement Row(JsonElement rows, string key) => rows.EnumerateArray().Single(r => r.GetProperty("key").GetString() == key);

    private async Task<(string Slug, HttpClient Manager)> ClusterWithDelegationsAsync(string name)
    {
        var c = await app.CreateClusterAsync(name + "-" + typeof(TApp).Name.ToLowerInvariant());
        var manager = await app.CreateClientAsync("Manager", c.Slug);
        var created = await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/indicators/manual", new
        {
            code = "delegations", name = "Foreign delegations received", definition = "Delegations of foreign firms or agencies the secretariat hosted, from its visit log.",
            unit = "Count", direction = "HigherIsBetter",
        })).Json(HttpStatusCode.Created);
        Assert.Equal("manual.delegations", created.GetProperty("key").GetString());
        return (c.Slug, manager);
    }

    [Fact]
    public async Task A_recorded_value_carries_its_evidence_and_author_into_the_registry_an_objective_and_a_closed_review()
    {
        var (slug, manager) = await ClusterWithDelegationsAsync("manual");
        var rows = await (await manager.GetAsync($"/api/v1/clusters/{slug}/indicators?year=2019")).Json(HttpStatusCode.OK);
        var before = Row(rows, "manual.delegations");
        Assert.Equal(JsonValueKind.Null, before.GetProperty("value").ValueKind); // nothing recorded: missing, not zero
        Assert.True(before.GetProperty("manual").GetBoolean());
        Assert.Equal("Foreign delegations received", before.GetProperty("name").GetString());

        var recorded = await (await manager.PutAsJsonAsync($"/api/v1/clusters/{slug}/indicators/manual/manual.delegations/2019",
            new { value = 7, evidence = "Visit log 2019: Japan (2), Korea, China, UK, Finland, Czech Republic.", version = 0 })).Json(HttpStatusCode.OK);
        Assert.Equal(1, recorded.GetProperty("version").GetInt32()); // the first version; a form that showed no value sends 0
        var author = recorded.GetProperty("author").GetString();
        Assert.False(string.IsNullOrWhiteSpace(author));

        rows = await (await manager.GetAsync($"/api/v1/clusters/{slug}/indicators?year=2019")).Json(HttpStatusCode.OK);
        var row = Row(rows, "manual.delegations");
        Assert.Equal(7, row.GetProperty("value").GetDouble());
        Assert.StartsWith("Visit log 2019", row.GetProperty("evidence").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(author, row.GetProperty("evidence").GetProperty("author").GetString());
        var y2020 = await (await manager.GetAsync($"/api/v1/clusters/{slug}/indicators?year=2020")).Json(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, Row(y2020, "manual.delegations").GetProperty("value").ValueKind);

        // An objective may be measured by it, and the yearly review reads it live, then keeps it with its evidence.
        await (await manager.PostJson($"/api/v1/clusters/{slug}/strategy/objectives", new
        {
            title = "Open to the world", indicatorKey = "manual.delegations", tolerance = 0.2, targets = new[] { new { year = 2019, value = 8.0 } },
        })).Json(HttpStatusCode.Created);
        var open = await (await manager.PostJson($"/api/v1/clusters/{slug}/strategy/reviews", new { year = 2019, heldOn = "2019-08-29" })).Json(HttpStatusCode.Created);
        var standing = open.GetProperty("objectives").EnumerateArray().Single();
        Assert.Equal(("Near", 7.0), (standing.GetProperty("outcome").GetString(), standing.GetProperty("actual").GetDouble()));
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/v1/clusters/{slug}/strategy/reviews/2019/close", null)).StatusCode);

        // A later correction changes the registry but not the closed review's record.
        await (await manager.PutAsJsonAsync($"/api/v1/clusters/{slug}/indicators/manual/manual.delegations/2019",
            new { value = 9, evidence = "Visit log 2019, corrected: two visits logged in January 2020 belonged to December.", version = 1 })).Json(HttpStatusCode.OK);
        var closed = await (await manager.GetAsync($"/api/v1/clusters/{slug}/strategy/reviews/2019")).Json(HttpStatusCode.OK);
        var kept = Row(closed.GetProperty("indicators"), "manual.delegations");
        Assert.Equal(7, kept.GetProperty("value").GetDouble());
        Assert.StartsWith("Visit log 2019: Japan", kept.GetProperty("evidence").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("Foreign delegations received", kept.GetProperty("name").GetString());
        Assert.Equal(7.0, closed.GetProperty("objectives")[0].GetProperty("actual").GetDouble());
        Assert.Equal(9, Row(await (await manager.GetAsync($"/api/v1/clusters/{slug}/indicators?year=2019")).Json(HttpStatusCode.OK), "manual.delegations").GetProperty("value").GetDouble());

        // The change history keeps the correction and who made it, under the indicator.
        var changes = await app.WithDb<List<string>>((db, _) => Task.FromResult(db.ChangeRecords
            .Where(r => r.Entity == "ManualIndicatorValue" && r.Subject == "ManualIndicator" && r.Field == "Value")
            .OrderBy(r => r.Id).Select(r => r.OldValue + "→" + r.NewValue + " by " + r.Actor).ToList()));
        Assert.Equal([$"7→9 by {author}"], changes);
        var csv = await (await manager.GetAsync($"/api/v1/clusters/{slug}/indicators?year=2019&format=csv")).Content.ReadAsStringAsync();
        Assert.Contains("manual.delegations,Foreign delegations received,2019,9,Count,HigherIsBetter,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_without_evidence_a_bad_definition_or_a_stale_correction_is_refused_and_only_the_secretariat_records()
    {
        var (slug, manager) = await ClusterWithDelegationsAsync("manual-bad");
        var url = $"/api/v1/clusters/{slug}/indicators/manual/manual.delegations/2019";
        var problem = await (await manager.PutAsJsonAsync(url, new { value = 3, evidence = "  " })).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["evidence"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        problem = await (await manager.PutAsJsonAsync(url, new { value = -1, evidence = "log" })).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["value"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        await (await manager.PutAsJsonAsync($"/api/v1/clusters/{slug}/indicators/manual/manual.delegations/1800", new { value = 3, evidence = "log" })).Problem(HttpStatusCode.BadRequest);
        await (await manager.PutAsJsonAsync($"/api/v1/clusters/{slug}/indicators/manual/manual.nothing/2019", new { value = 3, evidence = "log" })).Problem(HttpStatusCode.NotFound);

        problem = await (await manager.PostJson($"/api/v1/clusters/{slug}/indicators/manual", new { code = "Press Mentions", name = "", definition = "x", unit = "Share" }))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["code", "name"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        await (await manager.PostJson($"/api/v1/clusters/{slug}/indicators/manual", new { code = "delegations", name = "Again", definition = "x" })).Problem(HttpStatusCode.Conflict);
        await (await manager.PostJson($"/api/v1/clusters/{slug}/indicators/manual", new { code = "press", name = "Press share", definition = "x", unit = "Share" })).Json(HttpStatusCode.Created);
        problem = await (await manager.PutAsJsonAsync($"/api/v1/clusters/{slug}/indicators/manual/manual.press/2019", new { value = 1.5, evidence = "clippings" }))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["value"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));

        // A correction made against an old version loses to the one made meanwhile.
        await (await manager.PutAsJsonAsync(url, new { value = 3, evidence = "log", version = 0 })).Json(HttpStatusCode.OK);
        await (await manager.PutAsJsonAsync(url, new { value = 4, evidence = "log", version = 0 })).Problem(HttpStatusCode.Conflict);

        var observer = await app.CreateClientAsync("Observer", slug);
        Assert.Equal(3, Row(await (await observer.GetAsync($"/api/v1/clusters/{slug}/indicators?year=2019")).Json(HttpStatusCode.OK), "manual.delegations").GetProperty("value").GetDouble());
        await (await observer.PutAsJsonAsync(url, new { value = 5, evidence = "mine" })).Problem(HttpStatusCode.Forbidden);
        await (await observer.PostJson($"/api/v1/clusters/{slug}/indicators/manual", new { code = "mine", name = "Mine", definition = "x" })).Problem(HttpStatusCode.Forbidden);
        var stranger = await app.CreateClientAsync("Manager", (await app.CreateClusterAsync("manual-other-" + typeof(TApp).Name.ToLowerInvariant())).Slug);
        await (await stranger.PutAsJsonAsync(url, new { value = 5, evidence = "mine" })).Problem(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/v1/clusters/{slug}/indicators/manual")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Of_several_people_recording_the_same_year_at_once_exactly_one_wins()
    {
        var (slug, manager) = await ClusterWithDelegationsAsync("manual-race");
        var staff = await app.CreateClientAsync("Staff", slug);
        var url = $"/api/v1/clusters/{slug}/indicators/manual/manual.delegations/2019";
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            (i % 2 == 0 ? manager : staff).PutAsJsonAsync(url, new { value = i, evidence = $"count {i}", version = 0 })));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        var winner = await answers.Single(a => a.StatusCode == HttpStatusCode.OK).Json(HttpStatusCode.OK);
        var row = Row(await (await manager.GetAsync($"/api/v1/clusters/{slug}/indicators?year=2019")).Json(HttpStatusCode.OK), "manual.delegations");
        Assert.Equal(winner.GetProperty("value").GetDouble(), row.GetProperty("value").GetDouble());
        Assert.Equal(winner.GetProperty("evidence").GetString(), row.GetProperty("evidence").GetProperty("text").GetString());
    }
}

public sealed class ManualIndicatorsOnSqlite(SqliteApplication app) : ManualIndicatorTests<SqliteApplication>(app);
public sealed class ManualIndicatorsOnPostgres(PostgresApplication app) : ManualIndicatorTests<PostgresApplication>(app);
