using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClusterHub.Clusters;

namespace ClusterHub.Tests.Indicators;

public abstract class IndicatorTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    // 2020, as of 31 December: A, B and C active (C joined that year), D left in June, E joins in 2021.
    private const string Members = """
        name,type,headcount,departement,joined_on,status,status_since
        A,Sme,30,71,2010-01-01,Active,
        B,LargeCompany,5000,69,2010-01-01,Active,
        C,EngineeringSchool,,75,2020-03-01,Active,
        D,Sme,20,71,2010-01-01,Left,2020-06-01
        E,MicroStartup,3,71,2021-01-01,Active,
        """;

    private static Dictionary<string, JsonElement> ByKey(JsonElement rows) =>
        rows.EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!);

    private static double? Value(Dictionary<string, JsonElement> rows, string key) =>
        rows[key].GetProperty("value") is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : null;

    [Fact]
    public async Task Membership_indicators_follow_the_members_and_a_value_that_cannot_be_computed_is_missing_not_zero()
    {
        var c = await app.CreateClusterAsync("ind-" + typeof(TApp).Name.ToLowerInvariant());
        var manager = await app.CreateClientAsync("Manager", c.Slug);
        await (await manager.PostText($"/api/v1/clusters/{c.Slug}/members/import", Members, "text/csv")).Json(HttpStatusCode.OK);

        var rows = ByKey(await (await manager.GetAsync($"/api/v1/clusters/{c.Slug}/indicators?year=2020")).Json(HttpStatusCode.OK));
        Assert.Equal(3, Value(rows, "members.active"));
        Assert.Equal(0.5, Value(rows, "members.sme_share"));                 // A of A and B
        Assert.Equal(1.0 / 3, Value(rows, "members.education_research_share")!.Value, 12);
        Assert.Equal(2.0 / 3, Value(rows, "members.retention")!.Value, 12);  // A and B of A, B, D
        Assert.Equal(1, Value(rows, "members.joined"));
        Assert.Equal(1, Value(rows, "members.left"));
        Assert.Null(Value(rows, "members.home_region_share"));                // no office yet: missing
        Assert.Null(Value(rows, "dues.invoiced"));                            // no renewal: missing, not zero
        Assert.Null(Value(rows, "dues.collection_rate"));

        // Every value says how it was computed: a definition in words and the counts behind it.
        var sme = rows["members.sme_share"];
        Assert.Equal("SME share", sme.GetProperty("name").GetString());
        Assert.False(string.IsNullOrWhiteSpace(sme.GetProperty("definition").GetString()));
        Assert.Equal([1.0, 2.0], sme.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("value").GetDouble()));

        // The data changes, the values follow: a head office in region 27 (A's), then a renewal.
        await app.WithDb(async db =>
        {
            db.Set<ClusterOffice>().Add(new ClusterOffice { ClusterId = c.Id, Kind = OfficeKind.HeadOffice, City = "Chalon-sur-Saône", Region = "27" });
            await db.SaveChangesAsync();
        });
        await manager.PutAsJsonAsync($"/api/v1/clusters/{c.Slug}/dues/tiers/2020",
            new object[] { new { memberType = "Sme", sizeClass = "Small", amountEur = 800m }, new { memberType = "LargeCompany", sizeClass = "Large", amountEur = 9000m } });
        await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/dues/renewals", new { year = 2020 })).Json(HttpStatusCode.OK);
        var invoices = await (await manager.GetAsync($"/api/v1/clusters/{c.Slug}/invoices?year=2020")).Json(HttpStatusCode.OK);
        var a = invoices.GetProperty("items").EnumerateArray().First(i => i.GetProperty("memberName").GetString() == "A").GetProperty("id").GetInt32();
        await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/invoices/{a}/payment", new { paidOn = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) })).Json(HttpStatusCode.OK);

        rows = ByKey(await (await manager.GetAsync($"/api/v1/clusters/{c.Slug}/indicators?year=2020")).Json(HttpStatusCode.OK));
        Assert.Equal(1.0 / 3, Value(rows, "members.home_region_share")!.Value, 12);
        Assert.Equal(9800, Value(rows, "dues.invoiced"));
        Assert.Equal(800, Value(rows, "dues.collected"));
        Assert.Equal(800.0 / 9800, Value(rows, "dues.collection_rate")!.Value, 12);

        // Another year, other values: 2021 counts E and no longer counts C as joined.
        rows = ByKey(await (await manager.GetAsync($"/api/v1/clusters/{c.Slug}/indicators?year=2021")).Json(HttpStatusCode.OK));
        Assert.Equal(4, Value(rows, "members.active"));
        Assert.Equal(1, Value(rows, "members.joined"));
        Assert.Equal(1, Value(rows, "members.retention"));
    }

    [Fact]
    public async Task Indicators_export_as_csv_in_the_readers_language_and_refuse_bad_years_and_other_roles()
    {
        var c = await app.CreateClusterAsync("indx-" + typeof(TApp).Name.ToLowerInvariant());
        var manager = await app.CreateClientAsync("Manager", c.Slug);
        await (await manager.PostText($"/api/v1/clusters/{c.Slug}/members/import", Members, "text/csv")).Json(HttpStatusCode.OK);

        var observer = await app.CreateClientAsync("Observer", c.Slug);
        observer.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var csv = await (await observer.GetAsync($"/api/v1/clusters/{c.Slug}/indicators?year=2020&format=csv")).Content.ReadAsStringAsync();
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("key,name,year,value,unit,direction,definition,inputs,evidence,evidence_author", lines[0].TrimEnd('\r'));
        Assert.Contains(lines, l => l.StartsWith("members.active,Adhérents actifs,2020,3,Count,HigherIsBetter,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("dues.invoiced,Cotisations facturées,2020,,Euros,", StringComparison.Ordinal)); // missing: an empty cell

        await (await manager.GetAsync($"/api/v1/clusters/{c.Slug}/indicators?year=20200")).Problem(HttpStatusCode.BadRequest);
        await (await manager.GetAsync($"/api/v1/clusters/{c.Slug}/indicators?year=2020&format=pdf")).Problem(HttpStatusCode.BadRequest);
        var reviewer = await app.CreateClientAsync("Reviewer", c.Slug);
        await (await reviewer.GetAsync($"/api/v1/clusters/{c.Slug}/indicators?year=2020")).Problem(HttpStatusCode.Forbidden);
        var other = await app.CreateClusterAsync("indy-" + typeof(TApp).Name.ToLowerInvariant());
        await (await manager.GetAsync($"/api/v1/clusters/{other.Slug}/indicators?year=2020")).Problem(HttpStatusCode.NotFound);
    }
}

public sealed class IndicatorsOnSqlite(SqliteApplication app) : IndicatorTests<SqliteApplication>(app);
public sealed class IndicatorsOnPostgres(PostgresApplication app) : IndicatorTests<PostgresApplication>(app);
