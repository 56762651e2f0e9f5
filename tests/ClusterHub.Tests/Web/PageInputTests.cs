using System.Net;
using ClusterHub.Members;

namespace ClusterHub.Tests.Web;

/// <summary>The pages given what no form of theirs sends: they answer a page or a status, never a crash.</summary>
public abstract class PageInputTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private static string Suffix => typeof(TApp).Name.ToLowerInvariant();

    /// <summary>A person signed in through the login form (<see cref="WebSession"/>), with the cookie it sets.</summary>
    private async Task<WebSession> SignInAsync(string role, string cluster)
    {
        var person = await app.CreatePersonAsync(role, cluster);
        var browser = new WebSession(app.BaseAddress);
        Assert.True(await browser.LogInAsync(person.Email));
        return browser;
    }

    [Theory]
    [InlineData("/members?page=abc", HttpStatusCode.OK)]
    [InlineData("/members?page=2147483647", HttpStatusCode.OK)]
    [InlineData("/members?page=-5&pageSize=99999999999", HttpStatusCode.OK)]
    [InlineData("/members?type=999&status=Nope", HttpStatusCode.OK)]
    [InlineData("/members?search=%EF%BF%BE", HttpStatusCode.OK)]
    [InlineData("/members?search=a%00b&region=%00", HttpStatusCode.OK)]
    [InlineData("/dues?year=-5", HttpStatusCode.OK)]
    [InlineData("/dues?p=2147483647", HttpStatusCode.OK)]
    [InlineData("/dues?status=99&tierYear=-2147483648", HttpStatusCode.OK)]
    [InlineData("/members/99999999999", HttpStatusCode.NotFound)]
    [InlineData("/members/edit/99999999999", HttpStatusCode.NotFound)]
    [InlineData("/members/0", HttpStatusCode.NotFound)]
    public async Task Pages_answer_hostile_query_strings_and_route_values_without_crashing(string path, HttpStatusCode expected)
    {
        var c = await app.CreateClusterAsync("pages-" + Math.Abs(path.GetHashCode(StringComparison.Ordinal)) % 100000 + "-" + Suffix);
        var browser = await SignInAsync("Manager", c.Slug);
        var response = await browser.GetAsync($"/c/{c.Slug}{path}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {body[..Math.Min(body.Length, 3000)]}");
        if (expected == HttpStatusCode.OK) Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    private static Dictionary<string, string> Form(string name, string city = "Dijon") => new()
    {
        ["Form.Name"] = name, ["Form.Type"] = "Sme", ["Form.Country"] = "FR", ["Form.Departement"] = "21", ["Form.City"] = city,
        ["Form.JoinedOn"] = "2015-03-01", ["Form.Status"] = "Active",
    };

    [Fact]
    public async Task The_member_form_names_a_field_over_its_limit_and_stores_nothing()
    {
        var c = await app.CreateClusterAsync("form-len-" + Suffix);
        var browser = await SignInAsync("Manager", c.Slug);
        var response = await browser.SubmitAsync($"/c/{c.Slug}/members/edit", $"/c/{c.Slug}/members/edit", Form("Trop longue", new string('c', MemberLimits.City + 1)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"is longer than {MemberLimits.City} characters", html, StringComparison.Ordinal);
        Assert.Contains($"maxlength=\"{MemberLimits.City}\"", html, StringComparison.Ordinal); // the browser stops at the limit too
        Assert.Equal(0, await app.WithDb((db, _) => Task.FromResult(db.Members.Count(m => m.ClusterId == c.Id))));
    }

    [Fact]
    public async Task A_form_body_over_the_form_limits_is_refused_not_crashed()
    {
        var c = await app.CreateClusterAsync("form-huge-" + Suffix);
        var browser = await SignInAsync("Manager", c.Slug);
        browser.ExpectContinue = true; // refused by its length before it is sent, as browsers' large posts are not
        var response = await browser.SubmitAsync($"/c/{c.Slug}/members/edit", $"/c/{c.Slug}/members/edit", Form("Énorme", new string('c', 5 * 1024 * 1024)));
        // The antiforgery check reads the form first and refuses it (400); the status page then answers for it.
        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal(0, await app.WithDb((db, _) => Task.FromResult(db.Members.Count(m => m.ClusterId == c.Id))));
    }

    [Fact]
    public async Task Adding_a_member_whose_name_is_taken_elsewhere_saves_it_and_shows_a_warning_and_in_the_same_city_refuses_it()
    {
        var c = await app.CreateClusterAsync("form-dup-" + Suffix);
        var browser = await SignInAsync("Manager", c.Slug);
        var first = await browser.SubmitAsync($"/c/{c.Slug}/members/edit", $"/c/{c.Slug}/members/edit", Form("Forges de Chalon"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var firstUrl = first.Headers.Location!.OriginalString;
        Assert.DoesNotContain("duplicate-warning", await (await browser.GetAsync(firstUrl)).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var sameCity = await browser.SubmitAsync($"/c/{c.Slug}/members/edit", $"/c/{c.Slug}/members/edit", Form("FORGES DE CHALON"));
        Assert.Equal(HttpStatusCode.Conflict, sameCity.StatusCode);

        var second = await browser.SubmitAsync($"/c/{c.Slug}/members/edit", $"/c/{c.Slug}/members/edit", Form("FORGES DE CHALON", "Beaune"));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var html = await (await browser.GetAsync(second.Headers.Location!.OriginalString)).Content.ReadAsStringAsync();
        Assert.Contains("id=\"duplicate-warning\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{firstUrl}\"", html, StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDb((db, _) => Task.FromResult(db.Members.Count(m => m.ClusterId == c.Id))));

        // The warning is shown once, after the save, not every time the member is opened.
        Assert.DoesNotContain("duplicate-warning", await (await browser.GetAsync(second.Headers.Location!.OriginalString)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class PageInputOnSqlite(SqliteApplication app) : PageInputTests<SqliteApplication>(app);
public sealed class PageInputOnPostgres(PostgresApplication app) : PageInputTests<PostgresApplication>(app);
