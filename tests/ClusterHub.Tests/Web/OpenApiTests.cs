using System.Net;

namespace ClusterHub.Tests.Web;

public sealed class OpenApiTests(SqliteApplication app) : IClassFixture<SqliteApplication>
{
    [Fact]
    public async Task The_openapi_document_lists_the_endpoints_and_the_token_scheme()
    {
        var doc = await (await app.CreateAnonymousClient().GetAsync("/openapi/v1.json")).Json(HttpStatusCode.OK);
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/clusters/{cluster}/members", paths);
        Assert.Contains("/api/v1/clusters/{cluster}/dues/renewals", paths);
        Assert.Equal("bearer", doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("AccessToken").GetProperty("scheme").GetString());
        Assert.Equal(HttpStatusCode.OK, (await app.CreateAnonymousClient().GetAsync("/scalar/v1")).StatusCode);
    }
}
