using System.Net;
using System.Text;
using ClusterHub.Members;
using ClusterHub.Web;

namespace ClusterHub.Tests.Web;

/// <summary>
/// Bodies too large for their endpoint answer 413 ProblemDetails before they are read whole;
/// query strings and route values a program could not have meant answer 400 or 404, never 500.
/// </summary>
public abstract class RequestLimitsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private static string Suffix => typeof(TApp).Name.ToLowerInvariant();

    /// <summary>
    /// A manager's client that sends <c>Expect: 100-continue</c>, as curl does for large bodies: the server refuses
    /// a body too large by its Content-Length before the client sends it. Without it the server closes the connection
    /// while the client still writes, and the client may see a broken pipe before it reads the 413.
    /// </summary>
    private async Task<(string Slug, HttpClient Api)> ClusterAsync(string name)
    {
        var c = await app.CreateClusterAsync($"{name}-{Suffix}");
        var api = await app.CreateClientAsync("Manager", c.Slug);
        api.DefaultRequestHeaders.ExpectContinue = true;
        return (c.Slug, api);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A member whose city pads the JSON body to about <paramref name="bytes"/>.</summary>
    private static string MemberOfSize(int bytes) =>
        $$"""{"name":"Padded","type":"Sme","joinedOn":"2015-03-01","city":"{{new string('x', bytes)}}"}""";

    [Fact]
    public async Task A_json_body_over_the_json_limit_answers_413_problem_details_and_stores_nothing()
    {
        var (slug, api) = await ClusterAsync("json-413");
        var problem = await (await api.PostAsync($"/api/v1/clusters/{slug}/members", Json(MemberOfSize((int)RequestLimits.JsonBodyBytes + 1)))).Problem(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains(RequestLimits.JsonBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var list = await (await api.GetAsync($"/api/v1/clusters/{slug}/members")).Json(HttpStatusCode.OK);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_ten_megabyte_city_is_no_longer_stored()
    {
        var (slug, api) = await ClusterAsync("city-10mb");
        await (await api.PostAsync($"/api/v1/clusters/{slug}/members", Json(MemberOfSize(10 * 1024 * 1024)))).Problem(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, await app.WithDb((db, _) => Task.FromResult(db.Members.Count(m => m.City != null && m.City.Length > MemberLimits.City))));
    }

    [Fact]
    public async Task A_json_body_under_the_limit_is_read_and_validated()
    {
        var (slug, api) = await ClusterAsync("json-under");
        var errors = (await (await api.PostAsync($"/api/v1/clusters/{slug}/members", Json(MemberOfSize((int)RequestLimits.JsonBodyBytes - 1000)))).Problem(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal($"is longer than {MemberLimits.City} characters", errors.GetProperty("city")[0].GetString());
    }

    [Fact]
    public async Task A_chunked_json_body_over_the_limit_answers_413_too()
    {
        var (slug, api) = await ClusterAsync("json-chunked");
        var bytes = Encoding.UTF8.GetBytes(MemberOfSize((int)RequestLimits.JsonBodyBytes + 1));
        var content = new StreamContent(new NonSeekableStream(bytes)); // no Content-Length: sent chunked
        content.Headers.ContentType = new("application/json");
        await (await api.PostAsync($"/api/v1/clusters/{slug}/members", content)).Problem(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_thirty_megabyte_import_is_read_and_its_one_bad_cell_reported_short()
    {
        var (slug, api) = await ClusterAsync("import-30mb");
        var csv = "name,type,joined_on\n" + new string('x', 30 * 1024 * 1024) + ",Sme,2010-01-01\n";
        var report = await (await api.PostText($"/api/v1/clusters/{slug}/members/import", csv, "text/csv")).Json(HttpStatusCode.UnprocessableEntity);
        var error = Assert.Single(report.GetProperty("errors").EnumerateArray());
        Assert.Equal(("name", $"is longer than {MemberLimits.Name} characters"), (error.GetProperty("column").GetString(), error.GetProperty("reason").GetString()));
        Assert.True(error.GetProperty("value").GetString()!.Length <= 100, "the report does not echo 30 MB back");
    }

    [Fact]
    public async Task An_import_over_the_import_limit_answers_413_problem_details()
    {
        var (slug, api) = await ClusterAsync("import-413");
        var body = new ByteArrayContent(new byte[RequestLimits.ImportBodyBytes + 1]);
        body.Headers.ContentType = new("text/csv");
        var problem = await (await api.PostAsync($"/api/v1/clusters/{slug}/members/import", body)).Problem(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains(RequestLimits.ImportBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_between_the_two_limits_is_not_refused_for_its_size()
    {
        var (slug, api) = await ClusterAsync("import-2mb");
        var csv = "name,type,joined_on\n" + string.Concat(Enumerable.Range(0, 6_000).Select(i => $"Member {i} {new string('m', 180)},Sme,2010-01-01\n"));
        Assert.True(Encoding.UTF8.GetByteCount(csv) > RequestLimits.JsonBodyBytes);
        var report = await (await api.PostText($"/api/v1/clusters/{slug}/members/import", csv, "text/csv")).Json(HttpStatusCode.OK);
        Assert.Equal(6_000, report.GetProperty("created").GetInt32());
    }

    [Theory]
    [InlineData("/members?page=abc", HttpStatusCode.BadRequest)]
    [InlineData("/members?pageSize=-1", HttpStatusCode.OK)] // clamped, as every list does
    [InlineData("/members?page=-5", HttpStatusCode.OK)]
    [InlineData("/members?type=Giant", HttpStatusCode.BadRequest)]
    [InlineData("/members?size=12", HttpStatusCode.BadRequest)]
    [InlineData("/members/99999999999", HttpStatusCode.NotFound)]
    [InlineData("/members/-1", HttpStatusCode.NotFound)]
    [InlineData("/invoices/99999999999/payment", HttpStatusCode.NotFound)]
    public async Task Query_strings_and_route_values_out_of_range_answer_problem_details(string path, HttpStatusCode expected)
    {
        var (slug, api) = await ClusterAsync("query-" + Math.Abs(path.GetHashCode(StringComparison.Ordinal)) % 100000);
        var response = path.EndsWith("/payment", StringComparison.Ordinal)
            ? await api.PostAsync($"/api/v1/clusters/{slug}{path}", Json("""{"paidOn":"2020-01-01"}"""))
            : await api.GetAsync($"/api/v1/clusters/{slug}{path}");
        if (expected == HttpStatusCode.OK) await response.Json(expected);
        else await response.Problem(expected);
    }

    [Fact]
    public async Task Malformed_json_and_json_of_the_wrong_shape_are_bad_requests()
    {
        var (slug, api) = await ClusterAsync("json-shape");
        foreach (var json in new[] { "{", "[]", "42", "\"text\"", """{"name":["nested",{"junk":true}]}""", """{"name":"a\ud800b","type":"Sme","joinedOn":"2015-03-01"}""", new string('[', 5000) })
            await (await api.PostAsync($"/api/v1/clusters/{slug}/members", Json(json))).Problem(HttpStatusCode.BadRequest);
    }
}

public sealed class RequestLimitsOnSqlite(SqliteApplication app) : RequestLimitsTests<SqliteApplication>(app);
public sealed class RequestLimitsOnPostgres(PostgresApplication app) : RequestLimitsTests<PostgresApplication>(app);

/// <summary>A stream that cannot tell its length, so HttpClient sends it chunked.</summary>
internal sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
{
    public override bool CanSeek => false;
}
