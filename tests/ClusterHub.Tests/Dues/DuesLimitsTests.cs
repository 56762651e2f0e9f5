using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using ClusterHub.Dues;

namespace ClusterHub.Tests.Dues;

/// <summary>Amounts, years and dates the dues API refuses before they reach the ledger.</summary>
public abstract class DuesLimitsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private static string Suffix => typeof(TApp).Name.ToLowerInvariant();

    private async Task<(string Slug, HttpClient Api)> ClusterAsync(string name)
    {
        var c = await app.CreateClusterAsync($"{name}-{Suffix}");
        return (c.Slug, await app.CreateClientAsync("Manager", c.Slug));
    }

    [Theory]
    [InlineData("""[{"memberType":"Sme","sizeClass":"Small","amountEur":1e17}]""", "[0].amountEur")]
    [InlineData("""[{"memberType":"Sme","sizeClass":"Small","amountEur":-1}]""", "[0].amountEur")]
    [InlineData("""[{"memberType":"Sme","sizeClass":"Small","amountEur":10.005}]""", "[0].amountEur")]
    [InlineData("""[{"memberType":"Sme","sizeClass":"Small","amountEur":1},{"memberType":"Sme","sizeClass":"Small","amountEur":2}]""", "Sme/Small")]
    public async Task A_tier_table_with_an_impossible_amount_is_refused_and_nothing_is_stored(string json, string field)
    {
        var (slug, api) = await ClusterAsync("tiers-" + Math.Abs(json.GetHashCode(StringComparison.Ordinal)) % 100000);
        var response = await api.PutAsync($"/api/v1/clusters/{slug}/dues/tiers/2020", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var errors = (await response.Problem(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
        var stored = await (await api.GetAsync($"/api/v1/clusters/{slug}/dues/tiers/2020")).Json(HttpStatusCode.OK);
        Assert.Equal(0, stored.GetArrayLength());
    }

    [Theory]
    [InlineData("""[{"memberType":"Giant","sizeClass":"Small","amountEur":1}]""")]
    [InlineData("""[{"memberType":99,"sizeClass":"Small","amountEur":1}]""")]
    [InlineData("""[{"memberType":"Sme","sizeClass":"42","amountEur":1}]""")]
    [InlineData("""[{"memberType":"Sme","sizeClass":"Small","amountEur":1e40}]""")]
    [InlineData("""{"memberType":"Sme"}""")]
    public async Task A_tier_table_with_values_of_no_type_is_a_bad_request(string json)
    {
        var (slug, api) = await ClusterAsync("tiers-type-" + Math.Abs(json.GetHashCode(StringComparison.Ordinal)) % 100000);
        var response = await api.PutAsync($"/api/v1/clusters/{slug}/dues/tiers/2020", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        await response.Problem(HttpStatusCode.BadRequest);
        var stored = await (await api.GetAsync($"/api/v1/clusters/{slug}/dues/tiers/2020")).Json(HttpStatusCode.OK);
        Assert.Equal(0, stored.GetArrayLength());
    }

    [Fact]
    public async Task The_largest_allowed_amount_is_stored_exactly()
    {
        var (slug, api) = await ClusterAsync("tiers-max");
        var tiers = new[] { new { memberType = "Sme", sizeClass = "Small", amountEur = DuesTiers.MaxAmountEur }, new { memberType = "Sme", sizeClass = "Micro", amountEur = 0.01m } };
        await (await api.PutAsJsonAsync($"/api/v1/clusters/{slug}/dues/tiers/2020", tiers)).Json(HttpStatusCode.OK);
        var stored = await (await api.GetAsync($"/api/v1/clusters/{slug}/dues/tiers/2020")).Json(HttpStatusCode.OK);
        Assert.Equal([0.01m, DuesTiers.MaxAmountEur], stored.EnumerateArray().Select(t => t.GetProperty("amountEur").GetDecimal()).Order());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(int.MaxValue)]
    [InlineData(1949)]
    [InlineData(2101)]
    public async Task A_renewal_for_a_year_out_of_range_is_refused_and_issues_nothing(int year)
    {
        var (slug, api) = await ClusterAsync("renew-" + year.ToString(CultureInfo.InvariantCulture).Replace('-', 'm'));
        await (await api.PostText($"/api/v1/clusters/{slug}/members/import", "name,type,headcount,joined_on\nA,Sme,20,2010-01-01\n", "text/csv")).Json(HttpStatusCode.OK);
        var errors = (await (await api.PostJson($"/api/v1/clusters/{slug}/dues/renewals", new { year })).Problem(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal($"must be between {ClusterHub.Web.Years.Min} and {ClusterHub.Web.Years.Max}", errors.GetProperty("year")[0].GetString());
        var invoices = await (await api.GetAsync($"/api/v1/clusters/{slug}/invoices")).Json(HttpStatusCode.OK);
        Assert.Equal(0, invoices.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"year":"abc"}""")]
    [InlineData("""{"year":1e10}""")]
    [InlineData("""{"year":2020.5}""")]
    public async Task A_renewal_without_a_whole_year_is_a_bad_request(string json)
    {
        var (slug, api) = await ClusterAsync("renew-bad-" + Math.Abs(json.GetHashCode(StringComparison.Ordinal)) % 100000);
        await (await api.PostAsync($"/api/v1/clusters/{slug}/dues/renewals", new StringContent(json, System.Text.Encoding.UTF8, "application/json"))).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public void The_renewal_and_the_tiers_share_one_year_rule()
    {
        Assert.Null(ClusterHub.Web.Years.Validate(2020));
        Assert.Equal("year", ClusterHub.Web.Years.Validate(0)?.Field);
        Assert.Equal("year", ClusterHub.Web.Years.Validate(2101)?.Field);
    }

    [Fact]
    public async Task A_payment_in_the_future_or_without_a_date_is_refused_through_the_api()
    {
        var (slug, api) = await ClusterAsync("pay-dates");
        await (await api.PostText($"/api/v1/clusters/{slug}/members/import", "name,type,headcount,joined_on\nA,Sme,20,2010-01-01\n", "text/csv")).Json(HttpStatusCode.OK);
        await (await api.PutAsJsonAsync($"/api/v1/clusters/{slug}/dues/tiers/2020", new[] { new { memberType = "Sme", sizeClass = "Small", amountEur = 800m } })).Json(HttpStatusCode.OK);
        await (await api.PostJson($"/api/v1/clusters/{slug}/dues/renewals", new { year = 2020 })).Json(HttpStatusCode.OK);
        var id = (await (await api.GetAsync($"/api/v1/clusters/{slug}/invoices")).Json(HttpStatusCode.OK)).GetProperty("items")[0].GetProperty("id").GetInt32();

        var future = await (await api.PostJson($"/api/v1/clusters/{slug}/invoices/{id}/payment", new { paidOn = "2099-01-01" })).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(SettleMessages.English(SettleOutcome.PaidInTheFuture), future.GetProperty("detail").GetString());
        await (await api.PostJson($"/api/v1/clusters/{slug}/invoices/{id}/payment", new { paidOn = "9999-12-31" })).Problem(HttpStatusCode.UnprocessableEntity);
        var missing = await (await api.PostJson($"/api/v1/clusters/{slug}/invoices/{id}/payment", new { })).Problem(HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("paidOn", out _));
        await (await api.PostAsync($"/api/v1/clusters/{slug}/invoices/{id}/payment", new StringContent("""{"paidOn":"2020-02-30"}""", System.Text.Encoding.UTF8, "application/json"))).Problem(HttpStatusCode.BadRequest);

        var invoice = (await (await api.GetAsync($"/api/v1/clusters/{slug}/invoices")).Json(HttpStatusCode.OK)).GetProperty("items")[0];
        Assert.Equal("Issued", invoice.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("year=-5")]
    [InlineData("year=0")]
    [InlineData("year=99999")]
    [InlineData("status=9")]
    [InlineData("status=Nope")]
    [InlineData("page=abc")]
    [InlineData("pageSize=99999999999")]
    public async Task Invoice_filters_out_of_range_are_bad_requests(string query)
    {
        var (slug, api) = await ClusterAsync("inv-filter-" + Math.Abs(query.GetHashCode(StringComparison.Ordinal)) % 100000);
        await (await api.GetAsync($"/api/v1/clusters/{slug}/invoices?{query}")).Problem(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("year=-5")]
    [InlineData("year=2147483647")]
    public async Task Ledger_years_out_of_range_are_bad_requests(string query)
    {
        var (slug, api) = await ClusterAsync("ledger-" + Math.Abs(query.GetHashCode(StringComparison.Ordinal)) % 100000);
        await (await api.GetAsync($"/api/v1/clusters/{slug}/dues/ledger?{query}")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_tiers_of_a_year_out_of_range_are_a_bad_request()
    {
        var (slug, api) = await ClusterAsync("tiers-year");
        await (await api.GetAsync($"/api/v1/clusters/{slug}/dues/tiers/-5")).Problem(HttpStatusCode.BadRequest);
        await (await api.PutAsJsonAsync($"/api/v1/clusters/{slug}/dues/tiers/0", Array.Empty<object>())).Problem(HttpStatusCode.BadRequest);
        await (await api.GetAsync($"/api/v1/clusters/{slug}/dues/tiers/99999999999")).Problem(HttpStatusCode.NotFound); // no route: the year is not an int
    }
}

public sealed class DuesLimitsOnSqlite(SqliteApplication app) : DuesLimitsTests<SqliteApplication>(app);
public sealed class DuesLimitsOnPostgres(PostgresApplication app) : DuesLimitsTests<PostgresApplication>(app);
