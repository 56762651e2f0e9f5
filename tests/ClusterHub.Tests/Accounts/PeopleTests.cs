using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ClusterHub.Tests.Accounts;

/// <summary>Users and roles administered from the web: invitations, grants, revocations, disabled accounts, and who may do it.</summary>
public abstract partial class PeopleTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private static string Suffix => typeof(TApp).Name.ToLowerInvariant();

    private static async Task<JsonElement> PersonAsync(HttpClient manager, string slug, string email)
    {
        var list = await (await manager.GetAsync($"/api/v1/clusters/{slug}/people?search={Uri.EscapeDataString(email)}")).Json(HttpStatusCode.OK);
        return Assert.Single(list.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task An_invitation_links_to_setting_a_password_once_and_the_person_then_logs_in()
    {
        var c = await app.CreateClusterAsync("invite-" + Suffix);
        var manager = await app.CreateClientAsync("Manager", c.Slug);
        var email = $"new-{Guid.NewGuid():N}@staff.example";
        var invited = await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/people/invitations", new { email, displayName = "Nouvelle Personne", role = "Staff" })).Json(HttpStatusCode.Created);
        Assert.Equal("Invited", invited.GetProperty("outcome").GetString());
        Assert.False(invited.GetProperty("person").GetProperty("hasPassword").GetBoolean());
        await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/people/invitations", new { email, role = "Staff" })).Problem(HttpStatusCode.Conflict);

        var messageId = invited.GetProperty("messageId").GetInt32();
        var message = await (await manager.GetAsync($"/api/v1/clusters/{c.Slug}/outbox/{messageId}")).Json(HttpStatusCode.OK);
        Assert.Equal((email, "Invitation"), (message.GetProperty("recipient").GetString(), message.GetProperty("kind").GetString()));
        var link = new Uri(WelcomeLink().Match(message.GetProperty("body").GetString()!).Value);
        Assert.Equal(new Uri(app.BaseAddress).Authority, link.Authority);

        using (var browser = new WebSession(app.BaseAddress))
        {
            Assert.False(await browser.LogInAsync(email)); // no password yet
            Assert.Contains(email, await browser.PageAsync(link.PathAndQuery), StringComparison.Ordinal);
            var mismatch = await browser.SubmitAsync(link.PathAndQuery, link.PathAndQuery, [new("Password", "Choisi-2026!"), new("Confirm", "Autre-2026!")]);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, mismatch.StatusCode);
            var set = await browser.SubmitAsync(link.PathAndQuery, link.PathAndQuery, [new("Password", "Choisi-2026!"), new("Confirm", "Choisi-2026!")]);
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode); // signed in, to the start page
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/c/{c.Slug}/members")).StatusCode);
        }
        using (var again = new WebSession(app.BaseAddress))
        {
            await again.PageAsync(link.PathAndQuery, HttpStatusCode.BadRequest); // the link worked once
            Assert.True(await again.LogInAsync(email, "Choisi-2026!"));
        }
        Assert.True((await PersonAsync(manager, c.Slug, email)).GetProperty("hasPassword").GetBoolean());
    }

    [Fact]
    public async Task Inviting_someone_who_has_an_account_grants_the_role_with_a_notice_and_no_password_link()
    {
        var a = await app.CreateClusterAsync("notice-a-" + Suffix);
        var b = await app.CreateClusterAsync("notice-b-" + Suffix);
        var elsewhere = await app.CreatePersonAsync("Staff", a.Slug);
        var manager = await app.CreateClientAsync("Manager", b.Slug);
        var granted = await (await manager.PostJson($"/api/v1/clusters/{b.Slug}/people/invitations", new { email = elsewhere.Email, role = "Observer" })).Json(HttpStatusCode.Created);
        Assert.Equal("Granted", granted.GetProperty("outcome").GetString());
        var notice = await (await manager.GetAsync($"/api/v1/clusters/{b.Slug}/outbox/{granted.GetProperty("messageId").GetInt32()}")).Json(HttpStatusCode.OK);
        Assert.Equal("RoleGranted", notice.GetProperty("kind").GetString());
        Assert.DoesNotContain("/account/welcome", notice.GetProperty("body").GetString(), StringComparison.Ordinal);
        await (await elsewhere.Api.GetAsync($"/api/v1/clusters/{b.Slug}/dashboard")).Json(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_member_representative_names_one_of_the_clusters_members()
    {
        var c = await app.CreateClusterAsync("rep-invite-" + Suffix);
        var other = await app.CreateClusterAsync("rep-other-" + Suffix);
        var manager = await app.CreateClientAsync("Manager", c.Slug);
        var otherManager = await app.CreateClientAsync("Manager", other.Slug);
        var own = (await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/members", new { name = "Sfarsteel", type = "LargeCompany", joinedOn = "2005-07-12" })).Json(HttpStatusCode.Created)).GetProperty("member").GetProperty("id").GetInt32();
        var foreign = (await (await otherManager.PostJson($"/api/v1/clusters/{other.Slug}/members", new { name = "Areva", type = "LargeCompany", joinedOn = "2005-07-12" })).Json(HttpStatusCode.Created)).GetProperty("member").GetProperty("id").GetInt32();
        var email = $"rep-{Guid.NewGuid():N}@sfarsteel.example";
        var missing = await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/people/invitations", new { email, role = "MemberRepresentative" })).Problem(HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("memberId", out _));
        await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/people/invitations", new { email, role = "MemberRepresentative", memberId = foreign })).Problem(HttpStatusCode.BadRequest);
        var invited = await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/people/invitations", new { email, role = "MemberRepresentative", memberId = own })).Json(HttpStatusCode.Created);
        var role = Assert.Single(invited.GetProperty("person").GetProperty("roles").EnumerateArray());
        Assert.Equal(("MemberRepresentative", "Sfarsteel"), (role.GetProperty("role").GetString(), role.GetProperty("memberName").GetString()));
    }

    [Fact]
    public async Task Revoking_a_role_removes_access_to_the_cluster()
    {
        var c = await app.CreateClusterAsync("revoke-" + Suffix);
        var manager = await app.CreateClientAsync("Manager", c.Slug);
        var staff = await app.CreatePersonAsync("Staff", c.Slug);
        await (await staff.Api.GetAsync($"/api/v1/clusters/{c.Slug}/members")).Json(HttpStatusCode.OK);

        // A second role through the API, then both revoked.
        var observer = await (await manager.PutAsJsonAsync($"/api/v1/clusters/{c.Slug}/people/{staff.UserId}/roles/Observer", new { })).Json(HttpStatusCode.OK);
        Assert.Equal(["Observer", "Staff"], observer.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("role").GetString()).Order());
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/v1/clusters/{c.Slug}/people/{staff.UserId}/roles/Staff")).StatusCode);
        await (await staff.Api.GetAsync($"/api/v1/clusters/{c.Slug}/members/export")).Problem(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/v1/clusters/{c.Slug}/people/{staff.UserId}/roles/Observer")).StatusCode);
        await (await staff.Api.GetAsync($"/api/v1/clusters/{c.Slug}/members")).Problem(HttpStatusCode.NotFound);
        await (await manager.DeleteAsync($"/api/v1/clusters/{c.Slug}/people/{staff.UserId}/roles/Observer")).Json(HttpStatusCode.NotFound);
        // No longer in the cluster: a role cannot be granted by id again (an invitation by e-mail can).
        await (await manager.PutAsJsonAsync($"/api/v1/clusters/{c.Slug}/people/{staff.UserId}/roles/Staff", new { })).Json(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_last_manager_stays_even_when_two_managers_revoke_each_other_at_once()
    {
        var c = await app.CreateClusterAsync("last-manager-" + Suffix);
        var first = await app.CreatePersonAsync("Manager", c.Slug);
        var problem = await (await first.Api.DeleteAsync($"/api/v1/clusters/{c.Slug}/people/{first.UserId}/roles/Manager")).Problem(HttpStatusCode.Conflict);
        Assert.Contains("last manager", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var second = await app.CreatePersonAsync("Manager", c.Slug);
        var answers = await Task.WhenAll(
            first.Api.DeleteAsync($"/api/v1/clusters/{c.Slug}/people/{second.UserId}/roles/Manager"),
            second.Api.DeleteAsync($"/api/v1/clusters/{c.Slug}/people/{first.UserId}/roles/Manager"));
        // The loser is refused: 409 when both passed the door together, 404 when the winner's revoke had already
        // taken the loser's standing in the cluster by the time its request arrived. Never two 204s.
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.NoContent));
        Assert.Contains(answers.Single(a => a.StatusCode != HttpStatusCode.NoContent).StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.NotFound });
        var managers = await (await (answers[0].StatusCode == HttpStatusCode.NoContent ? first : second).Api.GetAsync($"/api/v1/clusters/{c.Slug}/people")).Json(HttpStatusCode.OK);
        Assert.Equal(1, managers.GetProperty("items").EnumerateArray().Count(p => p.GetProperty("roles").EnumerateArray().Any(r => r.GetProperty("role").GetString() == "Manager")));
    }

    [Fact]
    public async Task A_manager_administers_only_their_own_cluster_and_never_makes_an_administrator()
    {
        var mine = await app.CreateClusterAsync("people-mine-" + Suffix);
        var other = await app.CreateClusterAsync("people-other-" + Suffix);
        var manager = await app.CreatePersonAsync("Manager", mine.Slug);
        var observer = await app.CreatePersonAsync("Observer", mine.Slug);
        var stranger = await app.CreatePersonAsync("Staff", other.Slug);

        await (await manager.Api.GetAsync($"/api/v1/clusters/{other.Slug}/people")).Problem(HttpStatusCode.NotFound);
        await (await manager.Api.PostJson($"/api/v1/clusters/{other.Slug}/people/invitations", new { email = "x@y.example", role = "Staff" })).Problem(HttpStatusCode.NotFound);
        await (await manager.Api.DeleteAsync($"/api/v1/clusters/{mine.Slug}/people/{stranger.UserId}/roles/Staff")).Json(HttpStatusCode.NotFound);
        await (await observer.Api.GetAsync($"/api/v1/clusters/{mine.Slug}/people")).Problem(HttpStatusCode.Forbidden);
        foreach (var role in new[] { "PlatformAdministrator", "admin", "7" })
            Assert.Equal(HttpStatusCode.BadRequest, (await manager.Api.PostJson($"/api/v1/clusters/{mine.Slug}/people/invitations", new { email = "x@y.example", role })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Api.PostJson($"/api/v1/clusters/{mine.Slug}/people/invitations", new { email = "x@y.example", role = 7 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.Api.PutAsJsonAsync($"/api/v1/clusters/{mine.Slug}/people/{observer.UserId}/roles/PlatformAdministrator", new { })).StatusCode);
        await (await manager.Api.PostAsync($"/api/v1/users/{observer.UserId}/disable", null)).Problem(HttpStatusCode.Forbidden);

        using var web = new WebSession(app.BaseAddress);
        Assert.True(await web.LogInAsync(manager.Email));
        await web.PageAsync($"/c/{other.Slug}/people", HttpStatusCode.NotFound);
        Assert.Contains(observer.Email, await web.PageAsync($"/c/{mine.Slug}/people"), StringComparison.Ordinal);
        await web.PageAsync("/admin/clusters/new", HttpStatusCode.Forbidden);
        using var observing = new WebSession(app.BaseAddress);
        Assert.True(await observing.LogInAsync(observer.Email));
        await observing.PageAsync($"/c/{mine.Slug}/people", HttpStatusCode.Forbidden);
        // A manager's page does not disable accounts either.
        var disable = await web.SubmitAsync($"/c/{mine.Slug}/people", $"/c/{mine.Slug}/people?handler=disable&userId={observer.UserId}", []);
        Assert.Equal(HttpStatusCode.Forbidden, disable.StatusCode);
    }

    [Fact]
    public async Task A_disabled_account_cannot_log_in_and_its_token_answers_401_until_enabled()
    {
        var c = await app.CreateClusterAsync("disable-" + Suffix);
        var staff = await app.CreatePersonAsync("Staff", c.Slug);
        var admin = await app.CreatePersonAsync("admin");
        await (await staff.Api.GetAsync($"/api/v1/clusters/{c.Slug}/members")).Json(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Api.PostAsync($"/api/v1/users/{staff.UserId}/disable", null)).StatusCode);
        await (await staff.Api.GetAsync($"/api/v1/clusters/{c.Slug}/members")).Problem(HttpStatusCode.Unauthorized);
        using (var web = new WebSession(app.BaseAddress)) Assert.False(await web.LogInAsync(staff.Email));
        var manager = await app.CreateClientAsync("Manager", c.Slug);
        Assert.True((await PersonAsync(manager, c.Slug, staff.Email)).GetProperty("disabled").GetBoolean());
        await (await admin.Api.PostAsync($"/api/v1/users/{admin.UserId}/disable", null)).Problem(HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Api.PostAsync($"/api/v1/users/{staff.UserId}/enable", null)).StatusCode);
        await (await staff.Api.GetAsync($"/api/v1/clusters/{c.Slug}/members")).Json(HttpStatusCode.OK);
        using (var web = new WebSession(app.BaseAddress)) Assert.True(await web.LogInAsync(staff.Email));

        // From the people page too.
        using var adminWeb = new WebSession(app.BaseAddress);
        Assert.True(await adminWeb.LogInAsync(admin.Email));
        var disabled = await adminWeb.SubmitAsync($"/c/{c.Slug}/people", $"/c/{c.Slug}/people?handler=disable&userId={staff.UserId}", []);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        await (await staff.Api.GetAsync($"/api/v1/clusters/{c.Slug}/members")).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_platform_administrator_registers_a_cluster_from_the_web_with_the_apis_validation()
    {
        var admin = await app.CreatePersonAsync("admin");
        using var web = new WebSession(app.BaseAddress);
        Assert.True(await web.LogInAsync(admin.Email));
        var slug = "web-registered-" + Suffix;
        var bad = await web.SubmitAsync("/admin/clusters/new", "/admin/clusters/new", [new("Form.Slug", "Not A Slug!"), new("Form.Name", ""), new("Form.Region", "99")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("data-field=\"slug\">must be 2-64", html, StringComparison.Ordinal);
        Assert.Contains("data-field=\"region\">is not an INSEE region code", html, StringComparison.Ordinal);

        var created = await web.SubmitAsync("/admin/clusters/new", "/admin/clusters/new",
            [new("Form.Slug", slug), new("Form.Name", "Aerospace Valley"), new("Form.Region", "76"), new("Form.Language", "fr"), new("Form.FoundedOn", "2005-07-12")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal($"/c/{slug}/people", created.Headers.Location?.OriginalString);
        var stored = await app.WithDb((db, _) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Clusters, x => x.Slug == slug));
        Assert.Equal(("Aerospace Valley", "fr", new DateOnly(2005, 7, 12)), (stored.Name, stored.Language, stored.FoundedOn));
        var taken = await web.SubmitAsync("/admin/clusters/new", "/admin/clusters/new", [new("Form.Slug", slug), new("Form.Name", "Again")]);
        Assert.Contains("already taken", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"https?://\S+/account/welcome\?\S+")]
    private static partial Regex WelcomeLink();
}

public sealed class PeopleOnSqlite(SqliteApplication app) : PeopleTests<SqliteApplication>(app);
public sealed class PeopleOnPostgres(PostgresApplication app) : PeopleTests<PostgresApplication>(app);
