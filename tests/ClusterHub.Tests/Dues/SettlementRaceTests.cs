using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Tests.Dues;

/// <summary>Real parallel requests against the real server: an invoice is settled once, whoever races for it.</summary>
public abstract class SettlementRaceTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    /// <summary>The renewal issues invoices today, so a valid payment is dated today.</summary>
    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(string Slug, HttpClient Manager, int InvoiceId)> InvoiceAsync()
    {
        var c = await app.CreateClusterAsync("race-" + Guid.NewGuid().ToString("N")[..8]);
        var manager = await app.CreateClientAsync("Manager", c.Slug);
        await (await manager.PostText($"/api/v1/clusters/{c.Slug}/members/import", "name,type,headcount,joined_on\nA,Sme,20,2010-01-01\n", "text/csv")).Json(HttpStatusCode.OK);
        await (await manager.PutAsJsonAsync($"/api/v1/clusters/{c.Slug}/dues/tiers/2020", new[] { new { memberType = "Sme", sizeClass = "Small", amountEur = 800m } })).Json(HttpStatusCode.OK);
        await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/dues/renewals", new { year = 2020 })).Json(HttpStatusCode.OK);
        var invoices = await (await manager.GetAsync($"/api/v1/clusters/{c.Slug}/invoices")).Json(HttpStatusCode.OK);
        return (c.Slug, manager, invoices.GetProperty("items")[0].GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Ten_payments_and_ten_write_offs_at_once_settle_the_invoice_once()
    {
        var (slug, manager, id) = await InvoiceAsync();
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.CreateClientAsync("Manager", slug)));
        var requests = Enumerable.Range(0, 20).Select(i => i % 2 == 0
            ? clients[i % 4].PostJson($"/api/v1/clusters/{slug}/invoices/{id}/payment", new { paidOn = Today })
            : clients[i % 4].PostAsync($"/api/v1/clusters/{slug}/invoices/{id}/write-off", null));
        var statuses = (await Task.WhenAll(requests)).Select(r => r.StatusCode).ToList();

        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) == 1, string.Join(", ", statuses));
        Assert.Equal(19, statuses.Count(s => s == HttpStatusCode.Conflict));
        var invoice = await app.WithDb(async (db, _) => await db.Invoices.AsNoTracking().SingleAsync(i => i.Id == id));
        // Consistent: a written-off invoice has no payment date, a paid one has one.
        Assert.Equal(invoice.Status == ClusterHub.Dues.InvoiceStatus.Paid, invoice.PaidOn is not null);
        var history = await app.WithDb(async (db, _) => await db.ChangeRecords.CountAsync(r => r.Entity == "Invoice" && r.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && r.Field == "Status"));
        Assert.Equal(1, history); // the loser wrote nothing, not even history
        await (await manager.PostJson($"/api/v1/clusters/{slug}/invoices/{id}/payment", new { paidOn = Today })).Problem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Twenty_parallel_payments_give_one_success()
    {
        var (slug, _, id) = await InvoiceAsync();
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.CreateClientAsync("Staff", slug)));
        var statuses = (await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            clients[i % 4].PostJson($"/api/v1/clusters/{slug}/invoices/{id}/payment", new { paidOn = Today })))).Select(r => r.StatusCode).ToList();
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) == 1, string.Join(", ", statuses));
        Assert.All(statuses.Where(s => s != HttpStatusCode.OK), s => Assert.Equal(HttpStatusCode.Conflict, s));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2147483647)]
    [InlineData(1949)]
    public async Task A_renewal_for_a_year_out_of_range_is_refused_and_invoices_nothing(int year)
    {
        var (slug, manager, _) = await InvoiceAsync();
        var problem = await (await manager.PostJson($"/api/v1/clusters/{slug}/dues/renewals", new { year })).Problem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("year", out _));
        var invoices = await (await manager.GetAsync($"/api/v1/clusters/{slug}/invoices")).Json(HttpStatusCode.OK);
        Assert.Equal(1, invoices.GetProperty("total").GetInt32()); // the 2020 one only
    }

    [Fact]
    public async Task A_payment_dated_in_the_future_is_refused()
    {
        var (slug, manager, id) = await InvoiceAsync();
        await (await manager.PostJson($"/api/v1/clusters/{slug}/invoices/{id}/payment", new { paidOn = "2099-01-01" })).Problem(HttpStatusCode.UnprocessableEntity);
    }
}

public sealed class SettlementRaceOnSqlite(SqliteApplication app) : SettlementRaceTests<SqliteApplication>(app);
public sealed class SettlementRaceOnPostgres(PostgresApplication app) : SettlementRaceTests<PostgresApplication>(app);
