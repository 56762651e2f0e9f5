using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ClusterHub.Tests.Members;

/// <summary>What a member representative may change of its own organisation, and what becomes a request the secretariat decides.</summary>
public abstract class RepresentativeEditTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private static object Sfarsteel(string headcount = "300", string type = "LargeCompany", string joinedOn = "2005-07-12", string status = "Active", string city = "Le Creusot", string founding = "no") =>
        new { name = "Sfarsteel", type, headcount, joinedOn, status, city, foundingMember = founding, departement = "71" };

    private async Task<(string Slug, HttpClient Manager, HttpClient Rep, int Id)> ArrangeAsync()
    {
        var c = await app.CreateClusterAsync("rep-edit-" + Guid.NewGuid().ToString("N")[..8]);
        var manager = await app.CreateClientAsync("Manager", c.Slug);
        var id = (await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/members", Sfarsteel())).Json(HttpStatusCode.Created)).GetProperty("member").GetProperty("id").GetInt32();
        return (c.Slug, manager, await app.CreateClientAsync("MemberRepresentative", c.Slug, "Sfarsteel"), id);
    }

    [Theory]
    [InlineData("status", "Left")]
    [InlineData("joinedOn", "2001-01-01")]
    [InlineData("foundingMember", "yes")]
    public async Task The_secretariats_fields_are_refused_with_the_field_named_and_nothing_changes(string field, string value)
    {
        var (slug, manager, rep, id) = await ArrangeAsync();
        var body = JsonSerializer.SerializeToNode(Sfarsteel(city: "Chalon-sur-Saône"), JsonSerializerOptions.Web)!.AsObject();
        body[field] = value;
        var problem = await (await rep.PutAsJsonAsync($"/api/v1/clusters/{slug}/members/{id}", body)).Problem(HttpStatusCode.BadRequest);
        var wire = field switch { "joinedOn" => "joined_on", "foundingMember" => "founding_member", _ => field };
        Assert.Contains("secretariat", problem.GetProperty("errors").GetProperty(wire)[0].GetString(), StringComparison.Ordinal);
        var after = await (await manager.GetAsync($"/api/v1/clusters/{slug}/members/{id}")).Json(HttpStatusCode.OK);
        Assert.Equal("Le Creusot", after.GetProperty("member").GetProperty("city").GetString()); // not even the allowed field
        Assert.Equal("Active", after.GetProperty("member").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_headcount_change_becomes_a_request_the_staff_approve_and_the_size_class_moves_only_then()
    {
        var (slug, manager, rep, id) = await ArrangeAsync();
        var edited = await (await rep.PutAsJsonAsync($"/api/v1/clusters/{slug}/members/{id}", Sfarsteel(headcount: "40", city: "Chalon-sur-Saône"))).Json(HttpStatusCode.OK);
        Assert.Equal("Chalon-sur-Saône", edited.GetProperty("member").GetProperty("city").GetString()); // described fields apply at once
        Assert.Equal(300, edited.GetProperty("headcount").GetInt32()); // the dues-relevant one waits
        Assert.Equal("Large", edited.GetProperty("member").GetProperty("sizeClass").GetString());
        var requestId = edited.GetProperty("pendingChange").GetProperty("id").GetInt32();
        Assert.Equal(40, edited.GetProperty("pendingChange").GetProperty("headcount").GetInt32());

        await (await rep.PostAsync($"/api/v1/clusters/{slug}/members/{id}/change-requests/{requestId}/approve", null)).Problem(HttpStatusCode.Forbidden);
        var approved = await (await manager.PostAsync($"/api/v1/clusters/{slug}/members/{id}/change-requests/{requestId}/approve", null)).Json(HttpStatusCode.OK);
        Assert.Equal(40, approved.GetProperty("headcount").GetInt32());
        Assert.Equal("Small", approved.GetProperty("member").GetProperty("sizeClass").GetString());
        Assert.Equal(JsonValueKind.Null, approved.GetProperty("pendingChange").ValueKind);
        await (await manager.PostAsync($"/api/v1/clusters/{slug}/members/{id}/change-requests/{requestId}/reject", null)).Problem(HttpStatusCode.Conflict);

        var history = await (await manager.GetAsync($"/api/v1/clusters/{slug}/members/{id}/history?pageSize=200")).Json(HttpStatusCode.OK);
        var headcount = history.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("field").GetString() == "Headcount");
        Assert.Equal("300", headcount.GetProperty("oldValue").GetString());
        Assert.Equal("40", headcount.GetProperty("newValue").GetString());
        Assert.Contains("approved", headcount.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("manager-", headcount.GetProperty("actor").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_staff_deciding_one_request_at_once_do_not_both_win()
    {
        var (slug, _, rep, id) = await ArrangeAsync();
        var requestId = (await (await rep.PutAsJsonAsync($"/api/v1/clusters/{slug}/members/{id}", Sfarsteel(headcount: "40"))).Json(HttpStatusCode.OK))
            .GetProperty("pendingChange").GetProperty("id").GetInt32();
        var staff = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.CreateClientAsync("Staff", slug)));
        var statuses = (await Task.WhenAll(staff.Select((s, i) =>
            s.PostAsync($"/api/v1/clusters/{slug}/members/{id}/change-requests/{requestId}/{(i % 2 == 0 ? "approve" : "reject")}", null)))).Select(r => r.StatusCode).ToList();
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task The_history_is_for_the_secretariat_and_the_members_own_representative_only()
    {
        var (slug, _, rep, id) = await ArrangeAsync();
        await (await rep.GetAsync($"/api/v1/clusters/{slug}/members/{id}/history")).Json(HttpStatusCode.OK);
        var observer = await app.CreateClientAsync("Observer", slug);
        await (await observer.GetAsync($"/api/v1/clusters/{slug}/members/{id}/history")).Problem(HttpStatusCode.Forbidden);
        await (await rep.GetAsync($"/api/v1/clusters/{slug}/history")).Problem(HttpStatusCode.Forbidden);
    }
}

public sealed class RepresentativeEditOnSqlite(SqliteApplication app) : RepresentativeEditTests<SqliteApplication>(app);
public sealed class RepresentativeEditOnPostgres(PostgresApplication app) : RepresentativeEditTests<PostgresApplication>(app);
