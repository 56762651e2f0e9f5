using System.Net.Http.Json;
using System.Net;
using System.Net.Http.Headers;

namespace ClusterHub.Tests.Accounts;

/// <summary>Every refusal: no credentials, a bad token, another cluster, a role too weak.</summary>
public abstract class AccessTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private static string Suffix => typeof(TApp).Name.ToLowerInvariant();

    [Fact]
    public async Task Without_a_token_the_api_answers_401_problem_details()
    {
        var c = await app.CreateClusterAsync("anon-" + Suffix);
        await (await app.CreateAnonymousClient().GetAsync($"/api/v1/clusters/{c.Slug}/members")).Problem(HttpStatusCode.Unauthorized);
        var forged = app.CreateAnonymousClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "chp_not-a-real-token");
        await (await forged.GetAsync("/api/v1/clusters")).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task One_clusters_users_never_see_another_cluster()
    {
        var mine = await app.CreateClusterAsync("mine-" + Suffix);
        var theirs = await app.CreateClusterAsync("theirs-" + Suffix);
        var api = await app.CreateClientAsync("Manager", mine.Slug);
        var list = await (await api.GetAsync("/api/v1/clusters")).Json(HttpStatusCode.OK);
        Assert.Equal([mine.Slug], list.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("slug").GetString()));
        await (await api.GetAsync($"/api/v1/clusters/{theirs.Slug}/members")).Problem(HttpStatusCode.NotFound);
        await (await api.GetAsync($"/api/v1/clusters/{theirs.Slug}/dashboard")).Problem(HttpStatusCode.NotFound);
        await (await api.PostText($"/api/v1/clusters/{theirs.Slug}/members/import", "name,type,joined_on\nX,Sme,2010-01-01", "text/csv")).Problem(HttpStatusCode.NotFound);

        // A member id of the other cluster is not found through my cluster either.
        var theirManager = await app.CreateClientAsync("Manager", theirs.Slug);
        var created = await (await theirManager.PostJson($"/api/v1/clusters/{theirs.Slug}/members", new { name = "Secret SA", type = "Sme", joinedOn = "2010-01-01" })).Json(HttpStatusCode.Created);
        var id = created.GetProperty("member").GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/clusters/{mine.Slug}/members/{id}")).StatusCode);
    }

    [Fact]
    public async Task An_observer_reads_dashboards_but_not_member_records_and_changes_nothing()
    {
        var c = await app.CreateClusterAsync("observer-" + Suffix);
        var api = await app.CreateClientAsync("Observer", c.Slug);
        await (await api.GetAsync($"/api/v1/clusters/{c.Slug}/dashboard")).Json(HttpStatusCode.OK);
        await (await api.GetAsync($"/api/v1/clusters/{c.Slug}/members")).Json(HttpStatusCode.OK); // the public directory
        await (await api.GetAsync($"/api/v1/clusters/{c.Slug}/members/export")).Problem(HttpStatusCode.Forbidden);
        await (await api.PostJson($"/api/v1/clusters/{c.Slug}/members", new { name = "X", type = "Sme", joinedOn = "2010-01-01" })).Problem(HttpStatusCode.Forbidden);
        await (await api.PostJson($"/api/v1/clusters/{c.Slug}/dues/renewals", new { year = 2020 })).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_member_representative_edits_only_its_own_organisation()
    {
        var c = await app.CreateClusterAsync("rep-" + Suffix);
        var manager = await app.CreateClientAsync("Manager", c.Slug);
        var own = (await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/members", new { name = "Sfarsteel", type = "LargeCompany", joinedOn = "2005-07-12" })).Json(HttpStatusCode.Created)).GetProperty("member").GetProperty("id").GetInt32();
        var other = (await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/members", new { name = "Areva", type = "LargeCompany", joinedOn = "2005-07-12" })).Json(HttpStatusCode.Created)).GetProperty("member").GetProperty("id").GetInt32();
        var rep = await app.CreateClientAsync("MemberRepresentative", c.Slug, "Sfarsteel");

        var edited = await (await rep.PutAsJsonAsync($"/api/v1/clusters/{c.Slug}/members/{own}", new { name = "Sfarsteel", type = "LargeCompany", joinedOn = "2005-07-12", headcount = "420", city = "Le Creusot" })).Json(HttpStatusCode.OK);
        Assert.Equal("Le Creusot", edited.GetProperty("member").GetProperty("city").GetString());
        Assert.Equal(420, edited.GetProperty("pendingChange").GetProperty("headcount").GetInt32()); // dues-relevant: awaits the secretariat
        await (await rep.PutAsJsonAsync($"/api/v1/clusters/{c.Slug}/members/{other}", new { name = "Areva", type = "LargeCompany", joinedOn = "2005-07-12" })).Problem(HttpStatusCode.Forbidden);
        await (await rep.GetAsync($"/api/v1/clusters/{c.Slug}/members/{other}")).Problem(HttpStatusCode.Forbidden);
        await (await rep.GetAsync($"/api/v1/clusters/{c.Slug}/dashboard")).Problem(HttpStatusCode.Forbidden);
        await (await rep.PostJson($"/api/v1/clusters/{c.Slug}/members", new { name = "X", type = "Sme", joinedOn = "2010-01-01" })).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_platform_administrator_sees_every_cluster()
    {
        var a = await app.CreateClusterAsync("admin-a-" + Suffix);
        var b = await app.CreateClusterAsync("admin-b-" + Suffix);
        var admin = await app.CreateClientAsync("admin");
        var list = await (await admin.GetAsync("/api/v1/clusters?pageSize=200")).Json(HttpStatusCode.OK);
        var slugs = list.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("slug").GetString()).ToList();
        Assert.Contains(a.Slug, slugs);
        Assert.Contains(b.Slug, slugs);
        await (await admin.GetAsync($"/api/v1/clusters/{b.Slug}/dashboard")).Json(HttpStatusCode.OK);
    }
}

public abstract class ClusterRegistrationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    [Fact]
    public async Task Only_a_platform_administrator_registers_clusters_and_slugs_are_checked()
    {
        var c = await app.CreateClusterAsync("reg-" + typeof(TApp).Name.ToLowerInvariant());
        var manager = await app.CreateClientAsync("Manager", c.Slug);
        await (await manager.PostJson("/api/v1/clusters", new { slug = "aerospace-valley", name = "Aerospace Valley" })).Problem(HttpStatusCode.Forbidden);
        var admin = await app.CreateClientAsync("admin");
        var created = await (await admin.PostJson("/api/v1/clusters", new { slug = "aerospace-valley", name = "Aerospace Valley", region = "76" })).Json(HttpStatusCode.Created);
        Assert.Equal("aerospace-valley", created.GetProperty("slug").GetString());
        var problem = await (await admin.PostJson("/api/v1/clusters", new { slug = "Aerospace Valley!", name = "", region = "99" })).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["name", "region", "slug"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        var taken = await (await admin.PostJson("/api/v1/clusters", new { slug = "aerospace-valley", name = "Again" })).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("already taken", taken.GetProperty("errors").GetProperty("slug")[0].GetString(), StringComparison.Ordinal);
    }
}

public sealed class ClusterRegistrationOnSqlite(SqliteApplication app) : ClusterRegistrationTests<SqliteApplication>(app);
public sealed class ClusterRegistrationOnPostgres(PostgresApplication app) : ClusterRegistrationTests<PostgresApplication>(app);

public sealed class AccessOnSqlite(SqliteApplication app) : AccessTests<SqliteApplication>(app);
public sealed class AccessOnPostgres(PostgresApplication app) : AccessTests<PostgresApplication>(app);
