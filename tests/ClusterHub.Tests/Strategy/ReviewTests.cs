using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ClusterHub.Tests.Strategy;

public abstract class ReviewTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private const string Members = """
        name,type,headcount,departement,joined_on,status,status_since
        A,Sme,30,71,2010-01-01,Active,
        B,LargeCompany,5000,69,2010-01-01,Active,
        C,Sme,20,71,2010-01-01,Left,2020-06-01
        """;

    private async Task<(string Slug, HttpClient Manager)> ClusterWithObjectivesAsync(string name)
    {
        var c = await app.CreateClusterAsync(name + "-" + typeof(TApp).Name.ToLowerInvariant());
        var manager = await app.CreateClientAsync("Manager", c.Slug);
        await (await manager.PostText($"/api/v1/clusters/{c.Slug}/members/import", Members, "text/csv")).Json(HttpStatusCode.OK);
        var active = await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/strategy/objectives", new
        {
            title = "Grow", indicatorKey = "members.active", tolerance = 0.2,
            targets = new[] { new { year = 2019, value = 3.0 }, new { year = 2020, value = 2.4 } },
        })).Json(HttpStatusCode.Created);
        Assert.Equal(2, active.GetProperty("targets").GetArrayLength());
        await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/strategy/objectives", new
        {
            title = "Collect", indicatorKey = "dues.collection_rate", targets = new[] { new { year = 2020, value = 0.95 } },
        })).Json(HttpStatusCode.Created);
        return (c.Slug, manager);
    }

    private static JsonElement Objective(JsonElement review, string title) =>
        review.GetProperty("objectives").EnumerateArray().Single(o => o.GetProperty("title").GetString() == title);

    [Fact]
    public async Task A_review_reads_live_values_then_closing_records_them_and_refuses_every_later_change()
    {
        var (slug, manager) = await ClusterWithObjectivesAsync("review");
        var open = await (await manager.PostJson($"/api/v1/clusters/{slug}/strategy/reviews", new { year = 2020, heldOn = "2020-08-27", title = "August seminar" }))
            .Json(HttpStatusCode.Created);
        Assert.True(open.GetProperty("live").GetBoolean());
        // 2 active at the end of 2020 against a target of 2.4 with 20 % tolerance: near. No renewal: the collection rate is missing.
        Assert.Equal(("Near", 2.0), (Objective(open, "Grow").GetProperty("outcome").GetString(), Objective(open, "Grow").GetProperty("actual").GetDouble()));
        Assert.Equal("Missing", Objective(open, "Collect").GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, Objective(open, "Collect").GetProperty("actual").ValueKind);
        await (await manager.PostJson($"/api/v1/clusters/{slug}/strategy/reviews", new { year = 2020, heldOn = "2020-08-28" })).Problem(HttpStatusCode.Conflict);

        var grow = Objective(open, "Grow").GetProperty("objectiveId").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await manager.PutAsJsonAsync($"/api/v1/clusters/{slug}/strategy/reviews/2020/decisions", new { decisions = "Recruit in Lyon." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PutAsJsonAsync($"/api/v1/clusters/{slug}/strategy/reviews/2020/targets", new { objectiveId = grow, year = 2021, value = 3.0 })).StatusCode);

        // A member joins while the review is open: the live value follows.
        await (await manager.PostText($"/api/v1/clusters/{slug}/members/import", "name,type,headcount,departement,joined_on\nD,Sme,12,71,2020-09-01\n", "text/csv")).Json(HttpStatusCode.OK);
        var live = await (await manager.GetAsync($"/api/v1/clusters/{slug}/strategy/reviews/2020")).Json(HttpStatusCode.OK);
        Assert.Equal(("Met", 3.0), (Objective(live, "Grow").GetProperty("outcome").GetString(), Objective(live, "Grow").GetProperty("actual").GetDouble()));

        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/v1/clusters/{slug}/strategy/reviews/2020/close", null)).StatusCode);
        // After closing, data changes no longer move the review: it shows what it recorded.
        await (await manager.PostText($"/api/v1/clusters/{slug}/members/import", "name,type,headcount,departement,joined_on\nE,Sme,12,71,2020-10-01\n", "text/csv")).Json(HttpStatusCode.OK);
        var closed = await (await manager.GetAsync($"/api/v1/clusters/{slug}/strategy/reviews/2020")).Json(HttpStatusCode.OK);
        Assert.False(closed.GetProperty("live").GetBoolean());
        Assert.Equal("Closed", closed.GetProperty("state").GetString());
        Assert.Equal(3.0, Objective(closed, "Grow").GetProperty("actual").GetDouble());
        var snapshot = closed.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("key").GetString() == "members.active");
        Assert.Equal(3.0, snapshot.GetProperty("value").GetDouble());
        Assert.Equal("Recruit in Lyon.", closed.GetProperty("decisions").GetString());
        var live2021 = await (await manager.GetAsync($"/api/v1/clusters/{slug}/indicators?year=2020")).Json(HttpStatusCode.OK);
        Assert.Equal(4.0, live2021.EnumerateArray().Single(i => i.GetProperty("key").GetString() == "members.active").GetProperty("value").GetDouble());

        await (await manager.PutAsJsonAsync($"/api/v1/clusters/{slug}/strategy/reviews/2020/decisions", new { decisions = "rewritten" })).Problem(HttpStatusCode.Conflict);
        await (await manager.PutAsJsonAsync($"/api/v1/clusters/{slug}/strategy/reviews/2020/targets", new { objectiveId = grow, year = 2021, value = 9.0 })).Problem(HttpStatusCode.Conflict);
        await (await manager.PostAsync($"/api/v1/clusters/{slug}/strategy/reviews/2020/close", null)).Problem(HttpStatusCode.Conflict);

        // The 2021 target set by the closed review is part of its record: a later review cannot overwrite it.
        await (await manager.PostJson($"/api/v1/clusters/{slug}/strategy/reviews", new { year = 2021, heldOn = "2021-08-26" })).Json(HttpStatusCode.Created);
        await (await manager.PutAsJsonAsync($"/api/v1/clusters/{slug}/strategy/reviews/2021/targets", new { objectiveId = grow, year = 2021, value = 9.0 })).Problem(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await manager.PutAsJsonAsync($"/api/v1/clusters/{slug}/strategy/reviews/2021/targets", new { objectiveId = grow, year = 2022, value = 5.0 })).StatusCode);
        var list = await (await manager.GetAsync($"/api/v1/clusters/{slug}/strategy/reviews")).Json(HttpStatusCode.OK);
        Assert.Equal([2021, 2020], list.EnumerateArray().Select(r => r.GetProperty("year").GetInt32()));
        Assert.Equal((1, 1), (list[1].GetProperty("met").GetInt32(), list[1].GetProperty("missing").GetInt32()));
    }

    [Fact]
    public async Task Of_two_managers_closing_at_once_one_closes_and_the_other_is_told_it_is_closed()
    {
        var (slug, manager) = await ClusterWithObjectivesAsync("race");
        await (await manager.PostJson($"/api/v1/clusters/{slug}/strategy/reviews", new { year = 2020, heldOn = "2020-08-27" })).Json(HttpStatusCode.Created);
        var other = await app.CreateClientAsync("Manager", slug);
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? manager : other).PostAsync($"/api/v1/clusters/{slug}/strategy/reviews/2020/close", null)));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        var closed = await (await manager.GetAsync($"/api/v1/clusters/{slug}/strategy/reviews/2020")).Json(HttpStatusCode.OK);
        Assert.Equal(2, closed.GetProperty("objectives").GetArrayLength());
        // One snapshot, not one per attempt.
        var keys = closed.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("key").GetString()).ToList();
        Assert.Equal(keys.Distinct().Count(), keys.Count);
    }

    [Fact]
    public async Task A_manager_adds_and_renames_list_entries_with_unique_codes_that_objectives_then_refer_to()
    {
        var (slug, manager) = await ClusterWithObjectivesAsync("lists");
        var added = await (await manager.PostJson($"/api/v1/clusters/{slug}/strategy/areas", new { code = " A9 ", name = "Fusion" })).Json(HttpStatusCode.Created);
        Assert.Equal(("A9", 1), (added.GetProperty("code").GetString(), added.GetProperty("order").GetInt32()));
        await (await manager.PostJson($"/api/v1/clusters/{slug}/strategy/areas", new { code = "A9", name = "Again" })).Problem(HttpStatusCode.Conflict);
        await (await manager.PostJson($"/api/v1/clusters/{slug}/strategy/domains", new { code = "", name = new string('x', 201) })).Problem(HttpStatusCode.BadRequest);
        var id = added.GetProperty("id").GetInt32();
        var renamed = await (await manager.PutAsJsonAsync($"/api/v1/clusters/{slug}/strategy/areas/{id}", new { code = "A9", name = "Fusion and ITER", order = 4 })).Json(HttpStatusCode.OK);
        Assert.Equal(("Fusion and ITER", 4), (renamed.GetProperty("name").GetString(), renamed.GetProperty("order").GetInt32()));
        await (await manager.PutAsJsonAsync($"/api/v1/clusters/{slug}/strategy/areas/{id + 100000}", new { code = "A8", name = "Nowhere" })).Problem(HttpStatusCode.NotFound);
        await (await manager.PostJson($"/api/v1/clusters/{slug}/strategy/objectives", new { title = "Fusion", indicatorKey = "members.active", areaCode = "A9" })).Json(HttpStatusCode.Created);
        var areas = await (await manager.GetAsync($"/api/v1/clusters/{slug}/strategy/areas")).Json(HttpStatusCode.OK);
        Assert.Equal(["A9"], areas.EnumerateArray().Select(a => a.GetProperty("code").GetString()));
        var staff = await app.CreateClientAsync("Staff", slug);
        await (await staff.PostJson($"/api/v1/clusters/{slug}/strategy/stages", new { code = "S1", name = "Design" })).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_entry_still_in_use_is_kept_and_says_what_uses_it_and_an_unused_one_is_removed()
    {
        var (slug, manager) = await ClusterWithObjectivesAsync("remove");
        var used = (await (await manager.PostJson($"/api/v1/clusters/{slug}/strategy/areas", new { code = "A1", name = "Components" })).Json(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var unused = (await (await manager.PostJson($"/api/v1/clusters/{slug}/strategy/areas", new { code = "A2", name = "Dismantling" })).Json(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        await (await manager.PostJson($"/api/v1/clusters/{slug}/strategy/objectives", new { title = "Components", indicatorKey = "members.active", areaCode = "A1" })).Json(HttpStatusCode.Created);

        var refused = await (await manager.DeleteAsync($"/api/v1/clusters/{slug}/strategy/areas/{used}")).Problem(HttpStatusCode.Conflict);
        var usedBy = refused.GetProperty("usedBy").EnumerateArray().Select(u => (u.GetProperty("kind").GetString(), u.GetProperty("count").GetInt32())).ToList();
        Assert.Equal([("Objective", 1)], usedBy);
        var staff = await app.CreateClientAsync("Staff", slug);
        await (await staff.DeleteAsync($"/api/v1/clusters/{slug}/strategy/areas/{unused}")).Problem(HttpStatusCode.Forbidden);
        // Another cluster's manager, through their own cluster, cannot reach this cluster's entry.
        var other = await app.CreateClusterAsync("remove-other-" + typeof(TApp).Name.ToLowerInvariant());
        var stranger = await app.CreateClientAsync("Manager", other.Slug);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/v1/clusters/{other.Slug}/strategy/areas/{unused}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/v1/clusters/{slug}/strategy/areas/{unused}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.DeleteAsync($"/api/v1/clusters/{slug}/strategy/areas/{unused}")).StatusCode);
        var areas = await (await manager.GetAsync($"/api/v1/clusters/{slug}/strategy/areas")).Json(HttpStatusCode.OK);
        Assert.Equal(["A1"], areas.EnumerateArray().Select(a => a.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Bad_objectives_and_reviews_are_refused_with_their_fields_and_others_may_read_but_not_change()
    {
        var (slug, manager) = await ClusterWithObjectivesAsync("refuse");
        var problem = await (await manager.PostJson($"/api/v1/clusters/{slug}/strategy/objectives", new
        {
            title = "", indicatorKey = "members.nothing", areaCode = "Z9", tolerance = 2.0, targets = new[] { new { year = 3000, value = 1.0 } },
        })).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["areaCode", "indicatorKey", "targets.year", "title", "tolerance"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        await (await manager.PostJson($"/api/v1/clusters/{slug}/strategy/reviews", new { year = 1800, heldOn = "1800-08-01" })).Problem(HttpStatusCode.BadRequest);
        await (await manager.PostJson($"/api/v1/clusters/{slug}/strategy/actions", new { axis = "Research", title = "x", status = "Planned", progress = 120 })).Problem(HttpStatusCode.BadRequest);
        await (await manager.GetAsync($"/api/v1/clusters/{slug}/strategy/reviews/2020")).Problem(HttpStatusCode.NotFound);

        var staff = await app.CreateClientAsync("Staff", slug);
        var overview = await (await staff.GetAsync($"/api/v1/clusters/{slug}/strategy")).Json(HttpStatusCode.OK);
        Assert.Equal(2, overview.GetProperty("objectives").GetArrayLength());
        await (await staff.PostJson($"/api/v1/clusters/{slug}/strategy/reviews", new { year = 2020, heldOn = "2020-08-27" })).Problem(HttpStatusCode.Forbidden);
        await (await staff.PutAsJsonAsync($"/api/v1/clusters/{slug}/strategy/vision", new { vision = "mine" })).Problem(HttpStatusCode.Forbidden);
        var stranger = await app.CreateClientAsync("Manager", (await app.CreateClusterAsync("refuse-other-" + typeof(TApp).Name.ToLowerInvariant())).Slug);
        await (await stranger.GetAsync($"/api/v1/clusters/{slug}/strategy")).Problem(HttpStatusCode.NotFound);
    }
}

public sealed class ReviewsOnSqlite(SqliteApplication app) : ReviewTests<SqliteApplication>(app);
public sealed class ReviewsOnPostgres(PostgresApplication app) : ReviewTests<PostgresApplication>(app);
