using System.Net;
using System.Net.Http.Json;

namespace ClusterHub.Tests.Members;

/// <summary>The duplicate rule, enforced by the database and answered as a conflict, never as a server error.</summary>
public abstract class MemberDuplicatesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private static readonly string Suffix = typeof(TApp).Name.ToLowerInvariant();

    private static object Member(string name, string? nationalId, string city = "Dijon") =>
        new { name, type = "Sme", nationalId, city, joinedOn = "2015-03-01" };

    [Fact]
    public async Task A_second_member_with_the_same_national_id_or_name_and_city_is_refused_with_a_conflict_naming_the_field()
    {
        var c = await app.CreateClusterAsync("dup-" + Suffix);
        var api = await app.CreateClientAsync("Manager", c.Slug);
        var url = $"/api/v1/clusters/{c.Slug}/members";
        await (await api.PostJson(url, Member("Forges A", "123456782"))).Json(HttpStatusCode.Created);
        var sameId = await (await api.PostJson(url, Member("Forges B", "123 456 782"))).Problem(HttpStatusCode.Conflict);
        Assert.Contains("Forges A", sameId.GetProperty("errors").GetProperty("national_id")[0].GetString(), StringComparison.Ordinal);

        await (await api.PostJson(url, Member("Atelier Sans Numéro", null))).Json(HttpStatusCode.Created);
        var sameName = await (await api.PostJson(url, Member("ATELIER sans numero", null, city: "dijon"))).Problem(HttpStatusCode.Conflict);
        Assert.True(sameName.GetProperty("errors").TryGetProperty("name", out _), sameName.ToString());
        await (await api.PostJson(url, Member("Atelier Sans Numéro", null, city: "Beaune"))).Json(HttpStatusCode.Created); // another city: another member

        var other = await (await api.PostJson(url, Member("Forges C", "876543216"))).Json(HttpStatusCode.Created);
        var id = other.GetProperty("member").GetProperty("id").GetInt32();
        await (await api.PutAsJsonAsync($"{url}/{id}", Member("Forges C", "123456782"))).Problem(HttpStatusCode.Conflict);

        var total = (await (await api.GetAsync(url)).Json(HttpStatusCode.OK)).GetProperty("total").GetInt32();
        Assert.Equal(4, total);
    }

    [Fact]
    public async Task An_import_after_a_refused_duplicate_updates_the_one_member_and_never_fails()
    {
        var c = await app.CreateClusterAsync("dupimport-" + Suffix);
        var api = await app.CreateClientAsync("Manager", c.Slug);
        var url = $"/api/v1/clusters/{c.Slug}/members";
        await (await api.PostJson(url, Member("Forges A", "555012343"))).Json(HttpStatusCode.Created);
        var refused = await api.PostJson(url, Member("Forges A bis", "555012343"));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);

        var report = await (await api.PostText($"{url}/import", "name,type,national_id,city,joined_on\nForges A,Sme,555012343,Dijon,2015-03-01\nNeuve,Sme,,Dijon,2015-03-01\n", "text/csv")).Json(HttpStatusCode.OK);
        Assert.Equal((1, 1), (report.GetProperty("created").GetInt32(), report.GetProperty("unchanged").GetInt32()));
        Assert.Equal(2, (await (await api.GetAsync(url)).Json(HttpStatusCode.OK)).GetProperty("total").GetInt32());
    }
}

public sealed class MemberDuplicatesOnSqlite(SqliteApplication app) : MemberDuplicatesTests<SqliteApplication>(app);
public sealed class MemberDuplicatesOnPostgres(PostgresApplication app) : MemberDuplicatesTests<PostgresApplication>(app);
