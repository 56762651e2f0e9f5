using System.Net;
using System.Text.RegularExpressions;
using ClusterHub.Accounts;
using ClusterHub.Web;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterHub.Tests.Web;

/// <summary>What every response carries (security headers), what a proxy in front may tell us, the favicon.</summary>
public abstract class WebShellTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private const string Password = "Shell-pass-1!";

    [Theory]
    [InlineData("/account/login")]          // a page
    [InlineData("/api/v1/clusters")]        // the API, refused (401 problem details)
    [InlineData("/css/site.css")]           // a static file
    [InlineData("/no/such/page")]           // the HTML error page
    [InlineData("/openapi/v1.json")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await app.CreateAnonymousClient().GetAsync(path);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Equal(SecurityHeaders.PagePolicy, csp);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task A_missing_page_is_an_html_page_and_a_missing_api_route_problem_details()
    {
        var page = await app.CreateAnonymousClient().GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1 id=\"error-title\">Page not found</h1>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var api = await app.CreateClientAsync("admin");
        await (await api.GetAsync("/api/v1/no-such-route")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_api_reference_alone_may_run_inline_script_and_still_cannot_be_framed()
    {
        var response = await app.CreateAnonymousClient().GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Equal(SecurityHeaders.ApiReferencePolicy, csp);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task Pages_hold_no_inline_script_or_event_handler()
    {
        using var page = new PageRequests(app, https: false);
        var html = await (await page.GetAsync("/account/login")).Content.ReadAsStringAsync();
        Assert.Contains("/js/site.js", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex(@"<script(?![^>]*\bsrc=)(?![^>]*type=""application/json"")[^>]*>", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"<[^>]+\son[a-z]+\s*=", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Behind_a_proxy_that_says_https_every_cookie_is_secure()
    {
        var email = await CreateUserAsync();
        using var page = new PageRequests(app, https: true);
        await page.GetAsync("/account/login");
        var signedIn = await page.PostAsync("/account/login", new() { ["Email"] = email, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        await page.GetAsync("/account/tokens");
        var culture = await page.PostAsync("/culture", new() { ["culture"] = "fr", ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.Redirect, culture.StatusCode);

        string[] expected = [".AspNetCore.Antiforgery.", ".AspNetCore.Identity.Application=", ".AspNetCore.Culture="];
        Assert.All(expected, name => Assert.Contains(page.SetCookies, c => c.StartsWith(name, StringComparison.Ordinal)));
        Assert.All(page.SetCookies, c => Assert.True(PageRequests.IsSecure(c), $"not Secure: {c}"));
    }

    [Fact]
    public async Task Over_plain_http_the_cookies_still_work_without_secure()
    {
        using var page = new PageRequests(app, https: false);
        await page.GetAsync("/account/login");
        var antiforgery = Assert.Single(page.SetCookies);
        Assert.False(PageRequests.IsSecure(antiforgery), antiforgery);
    }

    [Fact]
    public async Task A_forwarded_scheme_from_a_proxy_not_configured_is_ignored()
    {
        // This host trusts only 10.1.2.3; the test connects from loopback, which then is just a client.
        await using var guarded = ClusterHubApp.Build(
            ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", $"--{WebShell.ProxiesKey}=10.1.2.3"], app.ConnectionString);
        await guarded.StartAsync();
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(guarded.Urls.First()) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await client.SendAsync(request);
        var antiforgery = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.False(PageRequests.IsSecure(antiforgery), antiforgery);
        await guarded.StopAsync();
    }

    [Fact]
    public async Task The_favicon_is_an_svg_and_favicon_ico_leads_to_it()
    {
        var svg = await app.CreateAnonymousClient().GetAsync("/favicon.svg");
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", (await svg.Content.ReadAsStringAsync()).TrimStart(), StringComparison.Ordinal);

        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseAddress) };
        var ico = await noRedirect.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.MovedPermanently, ico.StatusCode);
        Assert.Equal("/favicon.svg", ico.Headers.Location?.OriginalString);
        var followed = await app.CreateAnonymousClient().GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        Assert.Equal("image/svg+xml", followed.Content.Headers.ContentType?.MediaType);

        var login = await (await app.CreateAnonymousClient().GetAsync("/account/login")).Content.ReadAsStringAsync();
        Assert.Matches(@"<link rel=""icon"" href=""/favicon\.svg""", login);
    }

    private async Task<string> CreateUserAsync()
    {
        var email = $"shell-{Guid.NewGuid():N}@test.example";
        await app.WithDb<int>(async (_, sp) => { await sp.GetRequiredService<UserAdministration>().CreateAsync(email, Password, null, default); return 0; });
        return email;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : throw new Xunit.Sdk.XunitException($"no {name} header on {response.RequestMessage?.RequestUri}");
}

public sealed class WebShellOnSqlite(SqliteApplication app) : WebShellTests<SqliteApplication>(app);
public sealed class WebShellOnPostgres(PostgresApplication app) : WebShellTests<PostgresApplication>(app);
