using System.Net;
using System.Text.Json;

namespace ClusterHub.Tests.Members;

/// <summary>Members are archived with a reason, never deleted, and can come back.</summary>
public abstract class MemberArchiveTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    [Fact]
    public async Task A_member_archived_with_a_reason_leaves_the_directory_keeps_its_record_and_comes_back()
    {
        var c = await app.CreateClusterAsync("archive-" + Guid.NewGuid().ToString("N")[..8]);
        var staff = await app.CreateClientAsync("Staff", c.Slug);
        var id = (await (await staff.PostJson($"/api/v1/clusters/{c.Slug}/members", new { name = "Ateliers de Saône", type = "Sme", joinedOn = "2012-05-01" })).Json(HttpStatusCode.Created))
            .GetProperty("member").GetProperty("id").GetInt32();
        await (await staff.PostJson($"/api/v1/clusters/{c.Slug}/members/{id}/archive", new { reason = " " })).Problem(HttpStatusCode.BadRequest);

        var archived = await (await staff.PostJson($"/api/v1/clusters/{c.Slug}/members/{id}/archive", new { reason = "company dissolved" })).Json(HttpStatusCode.OK);
        Assert.Equal("Left", archived.GetProperty("member").GetProperty("status").GetString());
        Assert.Equal("company dissolved", archived.GetProperty("history").EnumerateArray().Last().GetProperty("reason").GetString());
        await (await staff.PostJson($"/api/v1/clusters/{c.Slug}/members/{id}/archive", new { reason = "again" })).Problem(HttpStatusCode.Conflict);

        static int[] Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetInt32())];
        Assert.DoesNotContain(id, Ids(await (await staff.GetAsync($"/api/v1/clusters/{c.Slug}/members")).Json(HttpStatusCode.OK)));
        Assert.Contains(id, Ids(await (await staff.GetAsync($"/api/v1/clusters/{c.Slug}/members?archived=true")).Json(HttpStatusCode.OK)));
        var history = await (await staff.GetAsync($"/api/v1/clusters/{c.Slug}/members/{id}/history")).Json(HttpStatusCode.OK);
        Assert.Contains(history.GetProperty("items").EnumerateArray(), r => r.GetProperty("reason").GetString() == "archived: company dissolved");

        await (await staff.PostAsync($"/api/v1/clusters/{c.Slug}/members/{id}/restore", null)).Json(HttpStatusCode.OK);
        Assert.Contains(id, Ids(await (await staff.GetAsync($"/api/v1/clusters/{c.Slug}/members")).Json(HttpStatusCode.OK)));
        await (await staff.PostAsync($"/api/v1/clusters/{c.Slug}/members/{id}/restore", null)).Problem(HttpStatusCode.Conflict);
    }
}

public sealed class MemberArchiveOnSqlite(SqliteApplication app) : MemberArchiveTests<SqliteApplication>(app);
public sealed class MemberArchiveOnPostgres(PostgresApplication app) : MemberArchiveTests<PostgresApplication>(app);
