using System.Net;

namespace ClusterHub.Tests.Members;

/// <summary>
/// JSON the import's reader answers with 500 today (found by <c>FuzzTests</c>, which leaves these shapes out of the
/// import bodies it sends). The import is being rewritten elsewhere; unskip these when the new reader lands, and drop
/// <c>JsonGen.ForImport</c>'s restrictions in FuzzTests.cs with them.
/// </summary>
public abstract class ImportInputTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private const string Rewrite = "MemberFile.ReadJson throws InvalidOperationException (500); the import is being rewritten on another branch";

    [Theory(Skip = Rewrite)]
    [InlineData("""[{"name":"X","type":"Sme","joined_on":"2010-01-01","contacts":[1]}]""")]          // a contact that is not an object
    [InlineData("""[{"name":"X\ud800","type":"Sme","joined_on":"2010-01-01"}]""")]                  // an unpaired surrogate escape
    [InlineData("""[{"\udc00":"X","name":"X","type":"Sme","joined_on":"2010-01-01"}]""")]           // the same in a field name
    public async Task A_json_import_of_any_shape_is_reported_not_crashed(string json)
    {
        var c = await app.CreateClusterAsync("import-shape-" + Math.Abs(json.GetHashCode(StringComparison.Ordinal)) % 100000 + "-" + typeof(TApp).Name.ToLowerInvariant());
        var api = await app.CreateClientAsync("Manager", c.Slug);
        var report = await (await api.PostText($"/api/v1/clusters/{c.Slug}/members/import", json, "application/json")).Json(HttpStatusCode.UnprocessableEntity);
        Assert.NotEmpty(report.GetProperty("errors").EnumerateArray());
    }
}

public sealed class ImportInputOnSqlite(SqliteApplication app) : ImportInputTests<SqliteApplication>(app);
public sealed class ImportInputOnPostgres(PostgresApplication app) : ImportInputTests<PostgresApplication>(app);
