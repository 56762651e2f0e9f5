using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Tests.Finance;

public abstract class FinanceApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    /// <summary>
    /// 2020 by hand. Dues: A (SME) 800, B (large) 9,000, C (micro) 200 written off → 9,800 actual of 10,000 invoiced.
    /// Lines: state 10,000 (DGE), regions 20,000 (BFC) + 10,000 (AURA), sponsorship 5,000 (B), services 5,200 (no payer).
    /// Revenue 60,000; public 40,000. Payers: BFC 20,000, B 14,000, DGE 10,000, AURA 10,000, A 800.
    /// </summary>
    private async Task<(string Slug, HttpClient Manager, int MemberB)> ArrangeAsync(string name)
    {
        var c = await app.CreateClusterAsync(name + "-" + Guid.NewGuid().ToString("N")[..8]);
        var manager = await app.CreateClientAsync("Manager", c.Slug);
        await (await manager.PostText($"/api/v1/clusters/{c.Slug}/members/import",
            "name,type,headcount,joined_on\nA,Sme,30,2010-01-01\nB,LargeCompany,5000,2010-01-01\nC,MicroStartup,3,2010-01-01\n", "text/csv")).Json(HttpStatusCode.OK);
        await (await manager.PutAsJsonAsync($"/api/v1/clusters/{c.Slug}/dues/tiers/2020", new object[]
        {
            new { memberType = "Sme", sizeClass = "Small", amountEur = 800m }, new { memberType = "LargeCompany", sizeClass = "Large", amountEur = 9000m },
            new { memberType = "MicroStartup", sizeClass = "Micro", amountEur = 200m },
        })).Json(HttpStatusCode.OK);
        await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/dues/renewals", new { year = 2020 })).Json(HttpStatusCode.OK);
        var invoices = await (await manager.GetAsync($"/api/v1/clusters/{c.Slug}/invoices?year=2020")).Json(HttpStatusCode.OK);
        int Invoice(string member) => invoices.GetProperty("items").EnumerateArray().First(i => i.GetProperty("memberName").GetString() == member).GetProperty("id").GetInt32();
        await (await manager.PostAsync($"/api/v1/clusters/{c.Slug}/invoices/{Invoice("C")}/write-off", null)).Json(HttpStatusCode.OK);
        var memberB = invoices.GetProperty("items").EnumerateArray().First(i => i.GetProperty("memberName").GetString() == "B").GetProperty("memberId").GetInt32();

        async Task Line(object body) => await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/finance/lines", body)).Json(HttpStatusCode.Created);
        await Line(new { year = 2020, source = "State", plannedEur = 12000m, actualEur = 10000m, payerName = "DGE" });
        await Line(new { year = 2020, source = "Regions", actualEur = 20000m, payerName = "Région Bourgogne-Franche-Comté" });
        await Line(new { year = 2020, source = "regions", actualEur = 10000m, payerName = "Région Auvergne-Rhône-Alpes" });
        await Line(new { year = 2020, source = "Sponsorship", actualEur = 5000m, payerMemberId = memberB });
        await Line(new { year = 2020, source = "Services", actualEur = 5200m });
        await Line(new { year = 2019, source = "State", actualEur = 5000m, payerName = "DGE" });
        await (await manager.PutAsJsonAsync($"/api/v1/clusters/{c.Slug}/finance/secretariat/2020", new { staffFte = 2.5, operatingCostEur = 150000m })).Json(HttpStatusCode.OK);
        return (c.Slug, manager, memberB);
    }

    private static Dictionary<string, JsonElement> ByKey(JsonElement rows) => rows.EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!);

    private static double? Value(Dictionary<string, JsonElement> rows, string key) =>
        rows[key].GetProperty("value") is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : null;

    [Fact]
    public async Task The_measures_match_the_hand_computed_year_and_a_year_without_budget_is_missing_not_zero()
    {
        var (slug, manager, _) = await ArrangeAsync("fin");
        var rows = ByKey(await (await manager.GetAsync($"/api/v1/clusters/{slug}/indicators?year=2020")).Json(HttpStatusCode.OK));
        Assert.Equal(60000, Value(rows, "finance.budget_eur"));
        Assert.Equal(2.0 / 3, Value(rows, "finance.public_share")!.Value, 12);
        Assert.Equal(1.0 / 6, Value(rows, "finance.state_share")!.Value, 12);
        Assert.Equal(0.5, Value(rows, "finance.regions_share")!.Value, 12);
        Assert.Equal(0.0, Value(rows, "finance.local_share")!.Value, 12);
        Assert.Equal(0.0, Value(rows, "finance.eu_share")!.Value, 12);
        Assert.Equal((20.0 * 20 + 14 * 14 + 10 * 10 + 10 * 10 + 0.8 * 0.8) / (54.8 * 54.8), Value(rows, "finance.payer_hhi")!.Value, 12);
        Assert.Equal(44.0 / 60, Value(rows, "finance.top3_payer_share")!.Value, 12);
        Assert.Equal(40.0 / 49.8, Value(rows, "finance.sme_dues_relief")!.Value, 12);
        Assert.Equal(2.5, Value(rows, "finance.staff"));
        Assert.Equal(250.0 / 3, Value(rows, "finance.staff_per_100_members")!.Value, 9);
        Assert.Equal(50000, Value(rows, "finance.cost_per_member_eur")!.Value, 9);
        Assert.Equal(60000, Value(rows, "finance.cost_per_staff_eur")!.Value, 9);
        Assert.False(string.IsNullOrWhiteSpace(rows["finance.payer_hhi"].GetProperty("definition").GetString()));

        var report = await (await manager.GetAsync($"/api/v1/clusters/{slug}/finance/2020")).Json(HttpStatusCode.OK);
        var dues = report.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "Dues");
        Assert.Equal((10000m, 9800m), (dues.GetProperty("plannedEur").GetDecimal(), dues.GetProperty("actualEur").GetDecimal()));
        Assert.Equal(3, report.GetProperty("duesTiers").GetArrayLength());
        Assert.Equal("Région Bourgogne-Franche-Comté", report.GetProperty("payers")[0].GetProperty("name").GetString());
        Assert.Equal(800m, report.GetProperty("smeDues").GetProperty("pays").GetDecimal());
        Assert.Equal(Math.Round(800m * 49800m / 9800m, 2), report.GetProperty("smeDues").GetProperty("withoutPublicMoney").GetDecimal());
        var publicTrend = report.GetProperty("trends").EnumerateArray().Single(t => t.GetProperty("key").GetString() == "finance.public_share");
        Assert.Equal(-1.0 / 3, publicTrend.GetProperty("change").GetDouble(), 12); // 100 % public in 2019 (state alone)
        Assert.Equal([2019, 2020], report.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("year").GetInt32()));

        // 2021: nothing typed, no secretariat: every finance measure is missing, none is zero.
        var empty = ByKey(await (await manager.GetAsync($"/api/v1/clusters/{slug}/indicators?year=2021")).Json(HttpStatusCode.OK));
        Assert.All(empty.Where(r => r.Key.StartsWith("finance.", StringComparison.Ordinal)), r => Assert.Null(Value(empty, r.Key)));
        Assert.Equal(13, empty.Count(r => r.Key.StartsWith("finance.", StringComparison.Ordinal)));

        var csv = await (await manager.GetAsync($"/api/v1/clusters/{slug}/finance/2020?format=csv")).Content.ReadAsStringAsync();
        Assert.Contains("2020,source,Dues,,10000.00,9800", csv, StringComparison.Ordinal);
        Assert.Contains("2020,measure,finance.budget_eur,,,60000", csv, StringComparison.Ordinal);
        await (await manager.GetAsync($"/api/v1/clusters/{slug}/finance/2020?format=pdf")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Observers_read_but_cannot_change_and_another_cluster_sees_nothing()
    {
        var (slug, manager, _) = await ArrangeAsync("finacc");
        var observer = await app.CreateClientAsync("Observer", slug);
        await (await observer.GetAsync($"/api/v1/clusters/{slug}/finance/2020")).Json(HttpStatusCode.OK);
        var lines = await (await observer.GetAsync($"/api/v1/clusters/{slug}/finance/lines?year=2020")).Json(HttpStatusCode.OK);
        Assert.Equal(5, lines.GetProperty("total").GetInt32());
        var id = lines.GetProperty("items")[0].GetProperty("id").GetInt32();
        await (await observer.PostJson($"/api/v1/clusters/{slug}/finance/lines", new { year = 2020, source = "Other", actualEur = 1m })).Problem(HttpStatusCode.Forbidden);
        await (await observer.DeleteAsync($"/api/v1/clusters/{slug}/finance/lines/{id}")).Problem(HttpStatusCode.Forbidden);
        await (await observer.PutAsJsonAsync($"/api/v1/clusters/{slug}/finance/secretariat/2020", new { staffFte = 1 })).Problem(HttpStatusCode.Forbidden);
        var rep = await app.CreateClientAsync("MemberRepresentative", slug, "A");
        await (await rep.GetAsync($"/api/v1/clusters/{slug}/finance/2020")).Problem(HttpStatusCode.Forbidden);

        var other = await app.CreateClusterAsync("finother-" + Guid.NewGuid().ToString("N")[..8]);
        var stranger = await app.CreateClientAsync("Manager", other.Slug);
        await (await stranger.GetAsync($"/api/v1/clusters/{slug}/finance/2020")).Problem(HttpStatusCode.NotFound);
        await (await stranger.DeleteAsync($"/api/v1/clusters/{slug}/finance/lines/{id}")).Problem(HttpStatusCode.NotFound);
        // Its own cluster's API does not reach the line either, and a budget of its own stays empty.
        await (await stranger.PutAsJsonAsync($"/api/v1/clusters/{other.Slug}/finance/lines/{id}", new { year = 2020, source = "Other", actualEur = 1m })).Problem(HttpStatusCode.NotFound);
        await (await stranger.DeleteAsync($"/api/v1/clusters/{other.Slug}/finance/lines/{id}")).EnsureSuccessStatusCode().Content.ReadAsStringAsync();
        Assert.True(await app.WithDb(async (db, _) => await db.BudgetLines.AnyAsync(l => l.Id == id)));
        var theirs = await (await stranger.GetAsync($"/api/v1/clusters/{other.Slug}/finance/2020")).Json(HttpStatusCode.OK);
        Assert.False(theirs.GetProperty("hasBudget").GetBoolean());
        Assert.Equal(0, theirs.GetProperty("sources").GetArrayLength());
    }

    [Fact]
    public async Task Bad_lines_are_refused_field_by_field_and_dues_cannot_be_typed()
    {
        var (slug, manager, _) = await ArrangeAsync("finbad");
        var problem = await (await manager.PostJson($"/api/v1/clusters/{slug}/finance/lines",
            new { year = 1800, source = "Dues", plannedEur = -5m, actualEur = 1.234m, payerMemberId = 999999, payerName = "X" })).Problem(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "year", "source", "plannedEur", "actualEur", "payerName", "payerMemberId" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        Assert.Contains("dues ledger", errors.GetProperty("source")[0].GetString(), StringComparison.Ordinal);
        await (await manager.PostJson($"/api/v1/clusters/{slug}/finance/lines", new { year = 2020, source = "Grants", actualEur = 1m })).Problem(HttpStatusCode.BadRequest);
        await (await manager.PostJson($"/api/v1/clusters/{slug}/finance/lines", new { year = 2020, source = "State" })).Problem(HttpStatusCode.BadRequest);
        await (await manager.PutAsJsonAsync($"/api/v1/clusters/{slug}/finance/secretariat/2020", new { staffFte = -1, operatingCostEur = 0.001m })).Problem(HttpStatusCode.BadRequest);
        var lines = await (await manager.GetAsync($"/api/v1/clusters/{slug}/finance/lines")).Json(HttpStatusCode.OK);
        Assert.Equal(6, lines.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Of_two_edits_from_the_same_copy_one_wins_and_the_other_gets_409_with_nothing_written()
    {
        var (slug, manager, _) = await ArrangeAsync("finrace");
        var line = (await (await manager.GetAsync($"/api/v1/clusters/{slug}/finance/lines?year=2019")).Json(HttpStatusCode.OK)).GetProperty("items")[0];
        var (id, version) = (line.GetProperty("id").GetInt32(), line.GetProperty("version").GetInt32());
        var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.CreateClientAsync("Staff", slug)));
        var answers = await Task.WhenAll(clients.Select((client, i) => client.PutAsJsonAsync($"/api/v1/clusters/{slug}/finance/lines/{id}",
            new { year = 2019, source = "State", actualEur = 6000m + i, payerName = "DGE", version })));
        var statuses = answers.Select(a => a.StatusCode).ToList();
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) == 1, string.Join(", ", statuses));
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.Conflict));
        var winner = Array.FindIndex(answers, a => a.StatusCode == HttpStatusCode.OK);
        var stored = await app.WithDb(async (db, _) => await db.BudgetLines.AsNoTracking().SingleAsync(l => l.Id == id));
        Assert.Equal((6000_00L + winner * 100, version + 1), (stored.ActualCents!.Value, stored.Version));

        // The secretariat: two writers from the same copy of the record.
        var record = await (await manager.GetAsync($"/api/v1/clusters/{slug}/finance/secretariat")).Json(HttpStatusCode.OK);
        var v = record[0].GetProperty("version").GetInt32();
        var first = await manager.PutAsJsonAsync($"/api/v1/clusters/{slug}/finance/secretariat/2020", new { staffFte = 3, version = v });
        var second = await clients[0].PutAsJsonAsync($"/api/v1/clusters/{slug}/finance/secretariat/2020", new { staffFte = 4, version = v });
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict), (first.StatusCode, second.StatusCode));
        Assert.Equal(3, (await (await manager.GetAsync($"/api/v1/clusters/{slug}/finance/secretariat")).Json(HttpStatusCode.OK))[0].GetProperty("staffFte").GetDouble());
    }

    [Fact]
    public async Task A_bad_import_is_refused_whole_with_located_errors_and_an_export_imports_back()
    {
        var (slug, manager, _) = await ArrangeAsync("finimp");
        const string bad = """
            year,source,payer,member,planned_eur,actual_eur,note
            2020,State,DGE,,1000,900,
            2020,Dues,,,,500,
            20x0,Regions,Région,,,100,
            2020,Eu,,Nobody,,abc,
            """;
        var report = await (await manager.PostText($"/api/v1/clusters/{slug}/finance/lines/import?fileName=budget.csv", bad, "text/csv")).Json(HttpStatusCode.UnprocessableEntity);
        var errors = report.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Contains((3, "source"), errors);
        Assert.Contains((4, "year"), errors);
        Assert.Contains((5, "actual_eur"), errors);
        Assert.Contains((5, "member"), errors);
        Assert.Equal("budget.csv", report.GetProperty("errors")[0].GetProperty("file").GetString());
        var lines = await (await manager.GetAsync($"/api/v1/clusters/{slug}/finance/lines?year=2020")).Json(HttpStatusCode.OK);
        Assert.Equal(5, lines.GetProperty("total").GetInt32()); // nothing written

        var export = await (await manager.GetAsync($"/api/v1/clusters/{slug}/finance/lines/export?format=csv")).Content.ReadAsStringAsync();
        Assert.Contains("2020,Sponsorship,,B,,5000.00,", export, StringComparison.Ordinal);
        var again = await (await manager.PostText($"/api/v1/clusters/{slug}/finance/lines/import?fileName=budget.csv", export, "text/csv")).Json(HttpStatusCode.OK);
        Assert.Equal(6, again.GetProperty("created").GetInt32());
        var rows = ByKey(await (await manager.GetAsync($"/api/v1/clusters/{slug}/indicators?year=2020")).Json(HttpStatusCode.OK));
        Assert.Equal(2.0 / 3, Value(rows, "finance.public_share")!.Value, 12); // the same budget, not doubled
        Assert.Equal(6, (await (await manager.GetAsync($"/api/v1/clusters/{slug}/finance/lines")).Json(HttpStatusCode.OK)).GetProperty("total").GetInt32());
    }
}

public sealed class FinanceApiOnSqlite(SqliteApplication app) : FinanceApiTests<SqliteApplication>(app);
public sealed class FinanceApiOnPostgres(PostgresApplication app) : FinanceApiTests<PostgresApplication>(app);
