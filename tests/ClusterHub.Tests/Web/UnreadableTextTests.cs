using System.Net;
using ClusterHub.Accounts;
using ClusterHub.Web;

namespace ClusterHub.Tests.Web;

/// <summary>
/// U+0000 in any text a person gives: PostgreSQL refuses it even as a parameter (a 500 there, stored on SQLite), so every
/// field that takes text refuses it first with a reason that names the field, on both databases alike.
/// </summary>
public abstract class UnreadableTextTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private const string Nul = "Forges\u0000Chalon";

    private async Task<(string Slug, HttpClient Api, int MemberId)> ClusterAsync(string name)
    {
        var c = await app.CreateClusterAsync($"{name}-{typeof(TApp).Name.ToLowerInvariant()}");
        var api = await app.CreateClientAsync("Manager", c.Slug);
        var member = await (await api.PostJson($"/api/v1/clusters/{c.Slug}/members", new { name = "Alpha", type = "Sme", joinedOn = "2010-01-01" })).Json(HttpStatusCode.Created);
        return (c.Slug, api, member.GetProperty("member").GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task A_member_named_with_a_nul_is_refused_by_the_api_and_the_import_with_the_field_named()
    {
        var (slug, api, _) = await ClusterAsync("nul-member");
        var errors = (await (await api.PostJson($"/api/v1/clusters/{slug}/members", new { name = Nul, type = "Sme", joinedOn = "2010-01-01" }))
            .Problem(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(InputText.Unreadable, errors.GetProperty("name")[0].GetString());

        var report = await (await api.PostText($"/api/v1/clusters/{slug}/members/import", $"name,type,joined_on\n{Nul},Sme,2010-01-01\n", "text/csv")).Json(HttpStatusCode.UnprocessableEntity);
        var error = Assert.Single(report.GetProperty("errors").EnumerateArray());
        Assert.Equal((2, "name", InputText.Unreadable), (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString(), error.GetProperty("reason").GetString()));

        var json = await (await api.PostText($"/api/v1/clusters/{slug}/members/import", """[{"name":"Forges\u0000Chalon","type":"Sme","joined_on":"2010-01-01"}]""", "application/json"))
            .Json(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(InputText.Unreadable, Assert.Single(json.GetProperty("errors").EnumerateArray()).GetProperty("reason").GetString());

        var search = (await (await api.GetAsync($"/api/v1/clusters/{slug}/members?search=a%00b")).Problem(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(InputText.Unreadable, search.GetProperty("search")[0].GetString());
        Assert.Equal(1, await app.WithDb((db, _) => Task.FromResult(db.Members.Count(m => m.Cluster!.Slug.StartsWith("nul-member")))));
    }

    [Fact]
    public async Task An_archive_reason_an_erasure_reason_and_an_address_with_a_nul_are_refused()
    {
        var (slug, api, id) = await ClusterAsync("nul-reasons");
        var archive = (await (await api.PostJson($"/api/v1/clusters/{slug}/members/{id}/archive", new { reason = Nul })).Problem(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(archive.TryGetProperty("reason", out _));
        Assert.Equal(0, await app.WithDb((db, _) => Task.FromResult(db.Members.Count(m => m.Id == id && m.ArchivedOn != null))));

        var erase = (await (await api.PostJson($"/api/v1/clusters/{slug}/personal-data/erasure", new { email = "ada@example.org", reason = Nul }))
            .Problem(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(erase.TryGetProperty("reason", out _));

        var find = (await (await api.GetAsync($"/api/v1/clusters/{slug}/personal-data?email=ada%00@example.org")).Problem(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(find.TryGetProperty("email", out _));
    }

    [Fact]
    public async Task An_invitation_and_a_cluster_named_with_a_nul_are_refused()
    {
        var (slug, api, _) = await ClusterAsync("nul-people");
        var invite = (await (await api.PostJson($"/api/v1/clusters/{slug}/people/invitations", new { email = "nul-guest@example.org", displayName = Nul, role = "Staff" }))
            .Problem(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(invite.TryGetProperty("displayName", out _));
        Assert.Equal(0, await app.WithDb((db, _) => Task.FromResult(db.Users.Count(u => u.Email == "nul-guest@example.org"))));

        var admin = await app.CreateClientAsync("admin");
        var cluster = (await (await admin.PostJson("/api/v1/clusters", new { slug = "nul-cluster-" + typeof(TApp).Name.ToLowerInvariant(), name = Nul })).Problem(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(InputText.Unreadable, cluster.GetProperty("name")[0].GetString());
    }

    [Fact]
    public void A_token_name_has_one_rule_for_the_page_and_the_verb()
    {
        Assert.Null(AccessTokens.CheckName("laptop"));
        Assert.Equal("is required", AccessTokens.CheckName("  "));
        Assert.Equal(InputText.TooLong(AccessToken.MaxNameLength), AccessTokens.CheckName(new string('t', AccessToken.MaxNameLength + 1)));
        Assert.Equal(InputText.Unreadable, AccessTokens.CheckName("lap\u0000top"));
    }
}

public sealed class UnreadableTextOnSqlite(SqliteApplication app) : UnreadableTextTests<SqliteApplication>(app);
public sealed class UnreadableTextOnPostgres(PostgresApplication app) : UnreadableTextTests<PostgresApplication>(app);
