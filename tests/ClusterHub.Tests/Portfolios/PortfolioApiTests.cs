using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClusterHub.Accounts;

namespace ClusterHub.Tests.Portfolios;

/// <summary>
/// A portfolio through the API, on both databases: the administrator's creation and grants, an analyst's import (and its
/// refusals, located), the ranking (missing never 0, ties, sort, filters, paging), the percentiles, the export, a cluster's
/// consent, and every refusal the access rules promise. One application and one arranged portfolio for the class.
/// </summary>
public abstract class PortfolioApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private const string Scores = """
        name,region,sector,year,size,illustrative,setting,objectives,process,performance,process.momentum
        Alpha,Grand Est,Materials,2019,100,no,80,80,80,80,
        Beta,Grand Est,Energy,2019,200,no,60,60,60,60,
        Gamma,Occitanie,Energy,2019,300,yes,60,60,60,60,
        Delta,Occitanie,Materials,2019,,no,40,,,,
        Epsilon,Occitanie,Energy,2019,50,no,,,,,70
        Zeta,Occitanie,Energy,2018,50,no,10,10,10,10,
        """;

    private sealed record Arranged(string Slug, string OtherSlug, int Id, TestPerson Analyst, TestPerson Viewer, TestPerson Stranger, HttpClient Admin);

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly Dictionary<Type, Arranged> Done = [];

    /// <summary>Two portfolios; the first with its analyst's import, a viewer and a signed-in stranger; the second with one cluster of its own.</summary>
    private async Task<Arranged> ArrangeAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (Done.TryGetValue(typeof(TApp), out var done)) return done;
            var admin = await app.CreateClientAsync("admin");
            var slug = "pa-" + typeof(TApp).Name.ToLowerInvariant();
            await (await admin.PostJson("/api/v1/portfolios", new { slug, name = "Poles", description = "Test portfolio" })).Json(HttpStatusCode.Created);
            var other = "pb-" + typeof(TApp).Name.ToLowerInvariant();
            var otherId = await app.CreatePortfolioAsync(other);
            var id = await app.WithDb(async (db, _) => await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.Set<ClusterHub.Portfolios.Portfolio>()), p => p.Slug == slug));
            var analyst = await app.CreatePortfolioPersonAsync(id.Id, null);
            await (await admin.PostJson($"/api/v1/portfolios/{slug}/grants", new { email = analyst.Email, role = "Analyst" })).Json(HttpStatusCode.OK);
            var viewer = await app.CreatePortfolioPersonAsync(id.Id, PortfolioRole.Viewer);
            var stranger = await app.CreatePortfolioPersonAsync(id.Id, null);
            var report = await (await analyst.Api.PostText($"/api/v1/portfolios/{slug}/import?fileName=poles.csv", Scores, "text/csv")).Json(HttpStatusCode.OK);
            Assert.Equal((6, 6, 0), (report.GetProperty("rows").GetInt32(), report.GetProperty("created").GetInt32(), report.GetProperty("updated").GetInt32()));
            var otherAnalyst = await app.CreatePortfolioPersonAsync(otherId, PortfolioRole.Analyst);
            await (await otherAnalyst.Api.PostText($"/api/v1/portfolios/{other}/import?fileName=other.csv", "name,year,setting\nSecret pole,2019,99\n", "text/csv")).Json(HttpStatusCode.OK);
            return Done[typeof(TApp)] = new(slug, other, id.Id, analyst, viewer, stranger, admin);
        }
        finally { Once.Release(); }
    }

    private static List<(string Name, double? Score, int? Rank)> Rows(JsonElement answer) =>
        [.. answer.GetProperty("ranking").GetProperty("items").EnumerateArray().Select(r => (r.GetProperty("name").GetString()!,
            r.GetProperty("score").ValueKind == JsonValueKind.Null ? (double?)null : r.GetProperty("score").GetDouble(),
            r.GetProperty("rank").ValueKind == JsonValueKind.Null ? (int?)null : r.GetProperty("rank").GetInt32()))];

    [Fact]
    public async Task The_ranking_ranks_by_score_shares_ties_aggregates_factors_and_keeps_missing_scores_missing()
    {
        var a = await ArrangeAsync();
        var answer = await (await a.Viewer.Api.GetAsync($"/api/v1/portfolios/{a.Slug}/ranking?year=2019")).Json(HttpStatusCode.OK);
        Assert.Equal([("Alpha", 80, 1), ("Epsilon", 70, 2), ("Beta", 60, 3), ("Gamma", 60, 3), ("Delta", 40, 5)], Rows(answer));
        Assert.True(answer.GetProperty("illustrative").GetBoolean());
        var items = answer.GetProperty("ranking").GetProperty("items");
        // Epsilon gave one factor of five in one dimension of four: the process score is that factor's, the coverage 1/5 × 1/4.
        var epsilon = items[1];
        Assert.Equal(70, epsilon.GetProperty("dimensions").GetProperty("process").GetDouble());
        Assert.Equal(0.05, epsilon.GetProperty("coverage").GetDouble(), 6);
        Assert.Equal(JsonValueKind.Null, epsilon.GetProperty("dimensions").GetProperty("setting").ValueKind); // missing, not 0
        Assert.Equal(JsonValueKind.Null, items[4].GetProperty("size").ValueKind);
        Assert.Equal("Imported", items[0].GetProperty("source").GetString());

        // Sorted by a dimension: the clusters without a score on it come last, whatever the direction.
        var byObjectives = await (await a.Viewer.Api.GetAsync($"/api/v1/portfolios/{a.Slug}/ranking?year=2019&sort=dim:objectives")).Json(HttpStatusCode.OK);
        Assert.Equal(["Alpha", "Beta", "Gamma", "Delta", "Epsilon"], Rows(byObjectives).Select(r => r.Name));
        var ascending = await (await a.Viewer.Api.GetAsync($"/api/v1/portfolios/{a.Slug}/ranking?year=2019&sort=dim:objectives&desc=false")).Json(HttpStatusCode.OK);
        Assert.Equal(["Beta", "Gamma", "Alpha", "Delta", "Epsilon"], Rows(ascending).Select(r => r.Name));

        // Filters (any case), ranks among the filtered rows, another year, paging past the end answers the last page.
        var occitanie = await (await a.Viewer.Api.GetAsync($"/api/v1/portfolios/{a.Slug}/ranking?year=2019&region=occitanie")).Json(HttpStatusCode.OK);
        Assert.Equal([("Epsilon", 70, 1), ("Gamma", 60, 2), ("Delta", 40, 3)], Rows(occitanie));
        var energy = await (await a.Viewer.Api.GetAsync($"/api/v1/portfolios/{a.Slug}/ranking?year=2019&sector=Energy&region=Occitanie")).Json(HttpStatusCode.OK);
        Assert.Equal(["Epsilon", "Gamma"], Rows(energy).Select(r => r.Name));
        var y2018 = await (await a.Viewer.Api.GetAsync($"/api/v1/portfolios/{a.Slug}/ranking?year=2018")).Json(HttpStatusCode.OK);
        Assert.Equal([("Zeta", 10, 1)], Rows(y2018));
        var last = await (await a.Viewer.Api.GetAsync($"/api/v1/portfolios/{a.Slug}/ranking?year=2019&pageSize=2&page=999")).Json(HttpStatusCode.OK);
        Assert.Equal((3, 5), (last.GetProperty("ranking").GetProperty("pageNumber").GetInt32(), last.GetProperty("ranking").GetProperty("total").GetInt32()));
        Assert.Equal(["Delta"], Rows(last).Select(r => r.Name));
        // Without a year: the latest year with imported figures.
        Assert.Equal(2019, (await (await a.Viewer.Api.GetAsync($"/api/v1/portfolios/{a.Slug}/ranking")).Json(HttpStatusCode.OK)).GetProperty("year").GetInt32());

        await (await a.Viewer.Api.GetAsync($"/api/v1/portfolios/{a.Slug}/ranking?sort=colour")).Problem(HttpStatusCode.BadRequest);
        await (await a.Viewer.Api.GetAsync($"/api/v1/portfolios/{a.Slug}/ranking?year=1800")).Problem(HttpStatusCode.BadRequest);
        await (await a.Viewer.Api.GetAsync($"/api/v1/portfolios/{a.Slug}/ranking?instrument=nope")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Percentiles_count_ties_as_half_and_leave_missing_scores_out()
    {
        var a = await ArrangeAsync();
        var ranking = await (await a.Viewer.Api.GetAsync($"/api/v1/portfolios/{a.Slug}/ranking?year=2019")).Json(HttpStatusCode.OK);
        string Key(string name) => ranking.GetProperty("ranking").GetProperty("items").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name).GetProperty("key").GetString()!;
        var beta = await (await a.Viewer.Api.GetAsync($"/api/v1/portfolios/{a.Slug}/percentiles?year=2019&focus={Key("Beta")}")).Json(HttpStatusCode.OK);
        var parts = beta.GetProperty("percentiles").EnumerateArray().ToDictionary(p => p.GetProperty("part").GetString()!);
        // Overall 60 among 80, 70, 60, 60, 40: one below, two tied (itself included): 100 × (1 + 1) / 5.
        Assert.Equal(40, parts["overall"].GetProperty("percentile").GetDouble(), 6);
        Assert.Equal((5, 1, 2), (parts["overall"].GetProperty("peers").GetInt32(), parts["overall"].GetProperty("below").GetInt32(), parts["overall"].GetProperty("equal").GetInt32()));
        // Objectives: only Alpha, Beta and Gamma have a score; 100 × (0 + 1) / 3.
        Assert.Equal(100.0 / 3, parts["objectives"].GetProperty("percentile").GetDouble(), 6);
        Assert.Equal(3, parts["objectives"].GetProperty("peers").GetInt32());
        Assert.Contains("tied", beta.GetProperty("ties").GetString());
        var gamma = await (await a.Viewer.Api.GetAsync($"/api/v1/portfolios/{a.Slug}/percentiles?year=2019&focus={Key("Gamma")}")).Json(HttpStatusCode.OK);
        Assert.Equal(40, gamma.GetProperty("percentiles")[0].GetProperty("percentile").GetDouble(), 6); // ties share one percentile
        // Delta has no objectives score: no percentile there, and it is not counted among the peers.
        var delta = await (await a.Viewer.Api.GetAsync($"/api/v1/portfolios/{a.Slug}/percentiles?year=2019&focus={Key("Delta")}")).Json(HttpStatusCode.OK);
        var objectives = delta.GetProperty("percentiles").EnumerateArray().Single(p => p.GetProperty("part").GetString() == "objectives");
        Assert.Equal(JsonValueKind.Null, objectives.GetProperty("percentile").ValueKind);
        Assert.Equal(10, delta.GetProperty("percentiles")[0].GetProperty("percentile").GetDouble(), 6); // lowest of five: 100 × ½ / 5
        await (await a.Viewer.Api.GetAsync($"/api/v1/portfolios/{a.Slug}/percentiles?year=2019&focus=imported:0")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_export_writes_the_filtered_ranking_with_missing_cells_empty_and_illustrative_rows_marked()
    {
        var a = await ArrangeAsync();
        var response = await a.Viewer.Api.GetAsync($"/api/v1/portfolios/{a.Slug}/ranking/export?format=csv&year=2019&region=Occitanie");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("rank,name,source,illustrative,region,sector,year,instrument,instrument_version,size,score,coverage,setting,objectives,process,performance", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Equal("1,Epsilon,imported,no,Occitanie,Energy,2019,cipm,1,50,70,0.05,,,70,", lines[1]);
        Assert.StartsWith("2,Gamma,imported,yes,", lines[2]);
        Assert.Equal("3,Delta,imported,no,Occitanie,Materials,2019,cipm,1,,40,0.25,40,,,", lines[3]);
        var xlsx = await a.Viewer.Api.GetAsync($"/api/v1/portfolios/{a.Slug}/ranking/export?format=xlsx&year=2019");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        await (await a.Viewer.Api.GetAsync($"/api/v1/portfolios/{a.Slug}/ranking/export?format=docx")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_import_is_all_or_nothing_with_located_errors_and_the_template_lists_the_valid_columns()
    {
        var a = await ArrangeAsync();
        var template = await a.Analyst.Api.GetStringAsync($"/api/v1/portfolios/{a.Slug}/import/template?instrument=excellence");
        var header = template.TrimStart('\uFEFF').Split("\r\n")[0];
        Assert.Equal("name,region,sector,year,size,illustrative,structure,governance,financing,strategy_services,achievements,structure.composition,governance.bodies,financing.sustainability,strategy_services.strategy,strategy_services.services,achievements.results", header);
        // The template imports as it is.
        var asIs = await (await a.Analyst.Api.PostText($"/api/v1/portfolios/{a.Slug}/import?fileName=template.csv&instrument=excellence", template, "text/csv")).Json(HttpStatusCode.OK);
        Assert.Equal(1, asIs.GetProperty("created").GetInt32());

        var unknown = await (await a.Analyst.Api.PostText($"/api/v1/portfolios/{a.Slug}/import?fileName=bad.csv", "name,year,setting,colour\nX,2019,50,red\n", "text/csv")).Json(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("bad.csv", 1, "colour"), (unknown.GetProperty("errors")[0].GetProperty("file").GetString(), unknown.GetProperty("errors")[0].GetProperty("row").GetInt32(), unknown.GetProperty("errors")[0].GetProperty("column").GetString()));

        const string bad = "name,year,size,setting,process.momentum\nKept,2019,10,50,\n,2019,10,50,\nOld,1800,10,50,\nHigh,2019,10,150,\nNone,2019,10,,\nComma,2019,10,\"50,5\",\nHuge,2019,99999999,50,\nKept,2019,10,60,\n";
        var refused = await (await a.Analyst.Api.PostText($"/api/v1/portfolios/{a.Slug}/import?fileName=bad.csv", bad, "text/csv")).Json(HttpStatusCode.UnprocessableEntity);
        var errors = refused.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3, "name"), (4, "year"), (5, "setting"), (6, ""), (7, "setting"), (8, "size"), (9, "name")], errors);
        Assert.Equal("150", refused.GetProperty("errors")[2].GetProperty("value").GetString());
        // Nothing of the file was written, not even its valid first row.
        var ranking = await (await a.Viewer.Api.GetAsync($"/api/v1/portfolios/{a.Slug}/ranking?year=2019&pageSize=200")).Json(HttpStatusCode.OK);
        Assert.DoesNotContain("Kept", Rows(ranking).Select(r => r.Name));

        // The same file again changes nothing; a changed score updates the row.
        var again = await (await a.Analyst.Api.PostText($"/api/v1/portfolios/{a.Slug}/import?fileName=poles.csv", "name,year,setting\nalpha,2017,33\n", "text/csv")).Json(HttpStatusCode.OK);
        Assert.Equal((1, 0), (again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32())); // matched by name in any case: a new year for Alpha
        again = await (await a.Analyst.Api.PostText($"/api/v1/portfolios/{a.Slug}/import?fileName=poles.csv", "name,year,setting\nAlpha,2017,33\n", "text/csv")).Json(HttpStatusCode.OK);
        Assert.Equal((0, 0, 1), (again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()));
        await (await a.Analyst.Api.PostText($"/api/v1/portfolios/{a.Slug}/import?fileName=x.csv&instrument=nope", "name,year\n", "text/csv")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_cluster_appears_only_after_its_manager_opts_in_with_the_score_of_its_own_assessment()
    {
        var a = await ArrangeAsync();
        var cluster = await app.CreateClusterAsync("pc-" + typeof(TApp).Name.ToLowerInvariant());
        var manager = await app.CreateClientAsync("Manager", cluster.Slug);
        await (await manager.PostText($"/api/v1/clusters/{cluster.Slug}/members/import",
            "name,type,headcount,departement,joined_on,status\nA,Sme,30,71,2010-01-01,Active\nB,LargeCompany,5000,69,2010-01-01,Active\n", "text/csv")).Json(HttpStatusCode.OK);
        var key = $"platform:{cluster.Slug}";
        async Task<JsonElement?> PlatformRow()
        {
            var r = await (await a.Viewer.Api.GetAsync($"/api/v1/portfolios/{a.Slug}/ranking?year=2019&pageSize=200")).Json(HttpStatusCode.OK);
            return r.GetProperty("ranking").GetProperty("items").EnumerateArray().Where(i => i.GetProperty("key").GetString() == key).Cast<JsonElement?>().FirstOrDefault();
        }
        Assert.Null(await PlatformRow()); // not opted in: absent
        var list = await (await manager.GetAsync($"/api/v1/clusters/{cluster.Slug}/portfolios")).Json(HttpStatusCode.OK);
        Assert.False(list.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == a.Slug).GetProperty("consented").GetBoolean());

        var observer = await app.CreateClientAsync("Observer", cluster.Slug);
        await (await observer.PutAsync($"/api/v1/clusters/{cluster.Slug}/portfolios/{a.Slug}/consent", null)).Problem(HttpStatusCode.Forbidden);
        await (await a.Analyst.Api.PutAsync($"/api/v1/clusters/{cluster.Slug}/portfolios/{a.Slug}/consent", null)).Problem(HttpStatusCode.NotFound);
        await (await manager.PutAsync($"/api/v1/clusters/{cluster.Slug}/portfolios/nope/consent", null)).Problem(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PutAsync($"/api/v1/clusters/{cluster.Slug}/portfolios/{a.Slug}/consent", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PutAsync($"/api/v1/clusters/{cluster.Slug}/portfolios/{a.Slug}/consent", null)).StatusCode); // idempotent

        var row = (await PlatformRow())!.Value;
        var assessment = await (await manager.GetAsync($"/api/v1/clusters/{cluster.Slug}/assessment/2019")).Json(HttpStatusCode.OK);
        Assert.Equal(assessment.GetProperty("score").GetDouble(), row.GetProperty("score").GetDouble(), 9);
        foreach (var d in assessment.GetProperty("dimensions").EnumerateArray())
            Assert.Equal(d.GetProperty("score").ToString(), row.GetProperty("dimensions").GetProperty(d.GetProperty("key").GetString()!).ToString());
        Assert.Equal((2, "Platform", "Bourgogne-Franche-Comté"), (row.GetProperty("size").GetInt32(), row.GetProperty("source").GetString(), row.GetProperty("region").GetString()));
        // What the portfolio shows of it: scores and headline figures, nothing of its members or invoices.
        Assert.Equal(["key", "name", "source", "illustrative", "region", "sector", "year", "instrumentKey", "instrumentVersion", "size", "score", "coverage", "dimensions", "level", "stage", "rank"],
            row.EnumerateObject().Select(p => p.Name));
        // Another portfolio never shows it, and never shows this one's rows.
        var otherAdmin = await (await a.Admin.GetAsync($"/api/v1/portfolios/{a.OtherSlug}/ranking?year=2019")).Json(HttpStatusCode.OK);
        Assert.Equal(["Secret pole"], Rows(otherAdmin).Select(r => r.Name));

        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/v1/clusters/{cluster.Slug}/portfolios/{a.Slug}/consent")).StatusCode);
        Assert.Null(await PlatformRow());
        list = await (await manager.GetAsync($"/api/v1/clusters/{cluster.Slug}/portfolios")).Json(HttpStatusCode.OK);
        var state = list.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == a.Slug);
        Assert.False(state.GetProperty("consented").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, state.GetProperty("revokedAt").ValueKind); // the revocation is on record
    }

    [Fact]
    public async Task Access_is_the_portfolio_role_a_viewer_reads_an_analyst_imports_strangers_and_other_portfolios_see_nothing()
    {
        var a = await ArrangeAsync();
        await (await a.Viewer.Api.PostText($"/api/v1/portfolios/{a.Slug}/import?fileName=x.csv", "name,year,setting\nX,2019,1\n", "text/csv")).Problem(HttpStatusCode.Forbidden);
        await (await a.Viewer.Api.GetAsync($"/api/v1/portfolios/{a.Slug}/import/template")).Problem(HttpStatusCode.Forbidden);
        await (await a.Viewer.Api.DeleteAsync($"/api/v1/portfolios/{a.Slug}/entries/1")).Problem(HttpStatusCode.Forbidden);
        await (await a.Stranger.Api.GetAsync($"/api/v1/portfolios/{a.Slug}/ranking")).Problem(HttpStatusCode.NotFound);
        await (await a.Analyst.Api.GetAsync($"/api/v1/portfolios/{a.OtherSlug}/ranking")).Problem(HttpStatusCode.NotFound);
        await (await a.Analyst.Api.PostText($"/api/v1/portfolios/{a.OtherSlug}/import?fileName=x.csv", "name,year,setting\nX,2019,1\n", "text/csv")).Problem(HttpStatusCode.NotFound);
        await (await a.Analyst.Api.GetAsync("/api/v1/portfolios/nope/ranking")).Problem(HttpStatusCode.NotFound);
        await (await a.Analyst.Api.PostJson("/api/v1/portfolios", new { slug = "mine", name = "Mine" })).Problem(HttpStatusCode.Forbidden);
        await (await a.Analyst.Api.PostJson($"/api/v1/portfolios/{a.Slug}/grants", new { email = a.Stranger.Email, role = "Viewer" })).Problem(HttpStatusCode.Forbidden);
        await (await app.CreateAnonymousClient().GetAsync($"/api/v1/portfolios/{a.Slug}/ranking")).Problem(HttpStatusCode.Unauthorized);
        var manager = await app.CreateClientAsync("Manager", (await app.CreateClusterAsync("pm-" + typeof(TApp).Name.ToLowerInvariant())).Slug);
        await (await manager.GetAsync($"/api/v1/portfolios/{a.Slug}/ranking")).Problem(HttpStatusCode.NotFound); // a cluster role is no portfolio role

        // The lists: each sees its own; the administrator all.
        var mine = await (await a.Viewer.Api.GetAsync("/api/v1/portfolios")).Json(HttpStatusCode.OK);
        Assert.Equal([(a.Slug, "Viewer")], mine.EnumerateArray().Select(p => (p.GetProperty("slug").GetString(), p.GetProperty("role").GetString())));
        Assert.Empty((await (await a.Stranger.Api.GetAsync("/api/v1/portfolios")).Json(HttpStatusCode.OK)).EnumerateArray());
        var all = await (await a.Admin.GetAsync("/api/v1/portfolios")).Json(HttpStatusCode.OK);
        Assert.Contains(all.EnumerateArray(), p => p.GetProperty("slug").GetString() == a.OtherSlug);

        // Creation and grants refuse bad input; a revoked grant shuts the door again.
        await (await a.Admin.PostJson("/api/v1/portfolios", new { slug = a.Slug, name = "Again" })).Problem(HttpStatusCode.Conflict);
        var invalid = await (await a.Admin.PostJson("/api/v1/portfolios", new { slug = "Bad Slug!", name = "" })).Json(HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("slug", out _) && invalid.GetProperty("errors").TryGetProperty("name", out _));
        await (await a.Admin.PostJson($"/api/v1/portfolios/{a.Slug}/grants", new { email = "nobody@test.example", role = "Boss" })).Json(HttpStatusCode.BadRequest);
        var late = await app.CreatePortfolioPersonAsync(a.Id, PortfolioRole.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await late.Api.GetAsync($"/api/v1/portfolios/{a.Slug}/ranking")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await a.Admin.DeleteAsync($"/api/v1/portfolios/{a.Slug}/grants/{late.UserId}")).StatusCode);
        await (await late.Api.GetAsync($"/api/v1/portfolios/{a.Slug}/ranking")).Problem(HttpStatusCode.NotFound);
        var grants = await (await a.Admin.GetAsync($"/api/v1/portfolios/{a.Slug}/grants")).Json(HttpStatusCode.OK);
        Assert.Equal(2, grants.GetArrayLength());
    }
}

public sealed class PortfolioApiOnSqlite(SqliteApplication app) : PortfolioApiTests<SqliteApplication>(app);
public sealed class PortfolioApiOnPostgres(PostgresApplication app) : PortfolioApiTests<PostgresApplication>(app);
