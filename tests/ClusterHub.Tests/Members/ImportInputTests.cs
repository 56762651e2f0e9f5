using System.Net;

namespace ClusterHub.Tests.Members;

/// <summary>
/// JSON the import's reader answered with 500 (found by <c>FuzzTests</c>): the parser takes it, but its values cannot be
/// read. Each is now the import's own answer, a report whose error names the file and the row.
/// </summary>
public abstract class ImportInputTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    [Theory]
    [InlineData("""[{"name":"X","type":"Sme","joined_on":"2010-01-01","contacts":[1]}]""")]          // a contact that is not an object
    [InlineData("""[{"name":"X\ud800","type":"Sme","joined_on":"2010-01-01"}]""")]                  // an unpaired surrogate escape
    [InlineData("""[{"\udc00":"X","name":"X","type":"Sme","joined_on":"2010-01-01"}]""")]           // the same in a field name
    [InlineData("""[{"name":"X","type":"Sme","joined_on":"2010-01-01","contacts":{"name":"Y"}}]""")] // contacts that are not an array
    [InlineData("""[{"name":"X","type":"Sme","joined_on":"2010-01-01","contacts":[{"name":"\ud800"}]}]""")] // a contact's unpaired surrogate
    public async Task A_json_import_of_any_shape_is_reported_not_crashed(string json)
    {
        var c = await app.CreateClusterAsync("import-shape-" + Math.Abs(json.GetHashCode(StringComparison.Ordinal)) % 100000 + "-" + typeof(TApp).Name.ToLowerInvariant());
        var api = await app.CreateClientAsync("Manager", c.Slug);
        var report = await (await api.PostText($"/api/v1/clusters/{c.Slug}/members/import", json, "application/json")).Json(HttpStatusCode.UnprocessableEntity);
        var error = Assert.Single(report.GetProperty("errors").EnumerateArray());
        Assert.Equal(1, error.GetProperty("row").GetInt32());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("file").GetString()));
        Assert.Equal(0, await app.WithDb((db, _) => Task.FromResult(db.Members.Count(m => m.ClusterId == c.Id))));
    }
}

public sealed class ImportInputOnSqlite(SqliteApplication app) : ImportInputTests<SqliteApplication>(app);
public sealed class ImportInputOnPostgres(PostgresApplication app) : ImportInputTests<PostgresApplication>(app);
