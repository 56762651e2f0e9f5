using System.Net.Http.Json;
using System.Net;

namespace ClusterHub.Tests.Dues;

public abstract class DuesApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    [Fact]
    public async Task Renewal_invoices_every_active_member_from_the_tiers_once_and_the_ledger_adds_up()
    {
        var c = await app.CreateClusterAsync("dues-" + typeof(TApp).Name.ToLowerInvariant());
        var manager = await app.CreateClientAsync("Manager", c.Slug);
        const string csv = """
            name,type,headcount,departement,joined_on,status,status_since
            Micro Un,MicroStartup,3,71,2010-01-01,Active,
            PME Deux,Sme,30,71,2010-01-01,Active,
            PME Trois,Sme,45,21,2010-01-01,Active,
            École Quatre,EngineeringSchool,,71,2010-01-01,Active,
            Partie Cinq,Sme,20,71,2010-01-01,Left,2015-01-01
            Nouvelle Six,Sme,20,71,2021-01-01,Active,
            """;
        await (await manager.PostText($"/api/v1/clusters/{c.Slug}/members/import", csv, "text/csv")).Json(HttpStatusCode.OK);
        var tiers = new object[]
        {
            new { memberType = "MicroStartup", sizeClass = "Micro", amountEur = 300m },
            new { memberType = "Sme", sizeClass = "Small", amountEur = 812.50m },
            new { memberType = "EngineeringSchool", sizeClass = "Unknown", amountEur = 1000m },
        };
        Assert.Equal(HttpStatusCode.OK, (await manager.PutAsJsonAsync($"/api/v1/clusters/{c.Slug}/dues/tiers/2020", tiers)).StatusCode);

        var renewal = await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/dues/renewals", new { year = 2020 })).Json(HttpStatusCode.OK);
        Assert.Equal(4, renewal.GetProperty("renewed").GetInt32()); // not the member that left, not the one that joined in 2021
        var again = await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/dues/renewals", new { year = 2020 })).Json(HttpStatusCode.OK);
        Assert.Equal((0, 4), (again.GetProperty("renewed").GetInt32(), again.GetProperty("alreadyRenewed").GetInt32()));

        var invoices = await (await manager.GetAsync($"/api/v1/clusters/{c.Slug}/invoices?year=2020")).Json(HttpStatusCode.OK);
        Assert.Equal(4, invoices.GetProperty("total").GetInt32());
        var sme = invoices.GetProperty("items").EnumerateArray().First(i => i.GetProperty("memberName").GetString() == "PME Deux");
        Assert.Equal(812.50m, sme.GetProperty("amountEur").GetDecimal());

        var id = sme.GetProperty("id").GetInt32();
        await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/invoices/{id}/payment", new { paidOn = "1999-01-01" })).Problem(HttpStatusCode.UnprocessableEntity);
        var paid = await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/invoices/{id}/payment", new { paidOn = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) })).Json(HttpStatusCode.OK);
        Assert.Equal("Paid", paid.GetProperty("status").GetString());
        await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/invoices/{id}/payment", new { paidOn = "2030-01-01" })).Problem(HttpStatusCode.Conflict);

        var micro = invoices.GetProperty("items").EnumerateArray().First(i => i.GetProperty("memberName").GetString() == "Micro Un").GetProperty("id").GetInt32();
        var staff = await app.CreateClientAsync("Staff", c.Slug);
        await (await staff.PostAsync($"/api/v1/clusters/{c.Slug}/invoices/{micro}/write-off", null)).Problem(HttpStatusCode.Forbidden);
        await (await manager.PostAsync($"/api/v1/clusters/{c.Slug}/invoices/{micro}/write-off", null)).Json(HttpStatusCode.OK);

        var ledger = await (await manager.GetAsync($"/api/v1/clusters/{c.Slug}/dues/ledger?year=2020")).Json(HttpStatusCode.OK);
        long Sum(string p) => ledger.EnumerateArray().Sum(l => l.GetProperty(p).GetInt64());
        Assert.Equal(300_00 + 812_50 * 2 + 1000_00, Sum("invoicedCents"));
        Assert.Equal(812_50, Sum("paidCents"));
        Assert.Equal(300_00, Sum("writtenOffCents"));
        Assert.Equal(812_50 + 1000_00, Sum("outstandingCents"));

        var csvLedger = await (await manager.GetAsync($"/api/v1/clusters/{c.Slug}/dues/ledger?format=csv")).Content.ReadAsStringAsync();
        Assert.StartsWith("year,member_type,size_class,invoices,invoiced_eur,paid_eur,outstanding_eur,written_off_eur", csvLedger, StringComparison.Ordinal);
        Assert.Contains("2020,Sme,Small,2,1625.00,812.50,812.50,0.00", csvLedger, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unpaid_invoices_past_their_due_date_become_overdue_and_paid_ones_stay_paid()
    {
        var c = await app.CreateClusterAsync("overdue-" + typeof(TApp).Name.ToLowerInvariant());
        var manager = await app.CreateClientAsync("Manager", c.Slug);
        await (await manager.PostText($"/api/v1/clusters/{c.Slug}/members/import", "name,type,headcount,joined_on\nA,Sme,20,2010-01-01\nB,Sme,20,2010-01-01\n", "text/csv")).Json(HttpStatusCode.OK);
        await manager.PutAsJsonAsync($"/api/v1/clusters/{c.Slug}/dues/tiers/2019", new[] { new { memberType = "Sme", sizeClass = "Small", amountEur = 800m } });
        var marked = await app.WithDb(async (db, _) =>
        {
            await ClusterHub.Dues.DuesLedger.RenewAsync(db, c.Id, 2019, new DateOnly(2019, 1, 15), default); // due 2019-03-16
            var first = db.Invoices.Where(i => i.ClusterId == c.Id).OrderBy(i => i.Number).Select(i => i.Id).First();
            await ClusterHub.Dues.DuesLedger.SettleAsync(db, c.Id, first, ClusterHub.Dues.InvoiceStatus.Paid, new DateOnly(2019, 2, 1), new DateOnly(2019, 2, 1), default);
            await ClusterHub.Dues.DuesLedger.MarkOverdueAsync(db, new DateOnly(2019, 3, 16), default); // not yet past due
            return await ClusterHub.Dues.DuesLedger.MarkOverdueAsync(db, new DateOnly(2019, 3, 17), default);
        });
        Assert.Equal(1, marked);
        var statuses = await (await manager.GetAsync($"/api/v1/clusters/{c.Slug}/invoices?year=2019")).Json(HttpStatusCode.OK);
        Assert.Equal(["Paid", "Overdue"], statuses.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_bad_tier_table_is_refused_whole()
    {
        var c = await app.CreateClusterAsync("badtiers-" + typeof(TApp).Name.ToLowerInvariant());
        var manager = await app.CreateClientAsync("Manager", c.Slug);
        var tiers = new object[] { new { memberType = "Sme", sizeClass = "Small", amountEur = -1m }, new { memberType = "Sme", sizeClass = "Small", amountEur = 5m } };
        var problem = await (await manager.PutAsJsonAsync($"/api/v1/clusters/{c.Slug}/dues/tiers/2020", tiers)).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(2, problem.GetProperty("errors").EnumerateObject().Count());
        var stored = await (await manager.GetAsync($"/api/v1/clusters/{c.Slug}/dues/tiers/2020")).Json(HttpStatusCode.OK);
        Assert.Equal(0, stored.GetArrayLength());
    }
}

public sealed class DuesApiOnSqlite(SqliteApplication app) : DuesApiTests<SqliteApplication>(app);
public sealed class DuesApiOnPostgres(PostgresApplication app) : DuesApiTests<PostgresApplication>(app);
