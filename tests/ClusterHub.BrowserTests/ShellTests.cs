using System.Text.RegularExpressions;
using ClusterHub.Demo;
using ClusterHub.Members;
using Microsoft.Playwright;

namespace ClusterHub.BrowserTests;

/// <summary>The shell around every page: the content security policy holds, figures read as the language writes them.</summary>
public sealed partial class ShellTests(DemoSite site) : IClassFixture<DemoSite>
{
    /// <summary>
    /// Collects what the browser refused under the policy: console reports and securitypolicyviolation
    /// events (the init script is Playwright's, injected outside the page's policy).
    /// </summary>
    private static async Task<List<string>> WatchPolicyAsync(IPage page)
    {
        var refused = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) refused.Add(m.Text); };
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI + ' from ' + e.sourceFile))");
        return refused;
    }

    /// <summary>Inline scripts (other than JSON data blocks) and on* attributes left in the page.</summary>
    private const string InlineCode = """
        () => [
          ...[...document.scripts].filter(s => !s.src && s.type !== 'application/json').map(s => 'inline script: ' + s.textContent.slice(0, 60)),
          ...[...document.querySelectorAll('*')].flatMap(el => [...el.attributes].filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name)),
        ]
        """;

    [Fact]
    public async Task The_pages_run_under_the_content_security_policy_without_a_violation()
    {
        var anonymous = await (await site.Browser.NewContextAsync(new() { BaseURL = site.App.BaseAddress })).NewPageAsync();
        var refused = await WatchPolicyAsync(anonymous);
        var login = await anonymous.GotoAsync("/account/login");
        Assert.Contains("script-src 'self'", await login!.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);

        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        refused.AddRange(await WatchPolicyAsync(page));
        var edf = await MemberPathAsync(page, "EDF");
        foreach (var path in new[] { "/c/nuclear-valley", "/c/nuclear-valley/members", edf, "/c/nuclear-valley/dues", "/account/tokens", "/permissions", "/" })
        {
            var response = await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.Equal("script-src 'self'", Regex.Match(await response!.HeaderValueAsync("content-security-policy") ?? "", "script-src [^;]+").Value);
            Assert.Empty(await page.EvaluateAsync<string[]>(InlineCode));
            // Style attributes in the markup (scripts may still set styles: the policy allows that).
            Assert.DoesNotMatch(@"<[^>]+\sstyle=", await response.TextAsync());
        }
        // The charts drew under the policy, from the JSON block.
        await page.GotoAsync("/c/nuclear-valley");
        await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart('chart-dues')");
        // The language switch (site.js, no inline handler) still works.
        await page.SelectOptionAsync("#culture", "fr");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Tableau de bord");
        Assert.Empty(refused);
    }

    [Fact]
    public async Task The_api_reference_still_renders_under_its_own_policy()
    {
        var page = await (await site.Browser.NewContextAsync(new() { BaseURL = site.App.BaseAddress })).NewPageAsync();
        var refused = await WatchPolicyAsync(page);
        var response = await page.GotoAsync("/scalar/v1");
        Assert.Contains("'unsafe-inline'", await response!.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);
        await Assertions.Expect(page.GetByText("Members by type, family, size and region").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        // Scalar's validator (Zod) probes whether it may compile code with Function(''), and runs without when refused.
        Assert.DoesNotContain(refused, r => !(r.Contains("script-src eval", StringComparison.Ordinal) && r.Contains("/scalar/scalar.js", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Every_page_links_the_favicon()
    {
        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        var href = await page.GetAttributeAsync("link[rel=icon]", "href");
        var icon = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, icon.Status);
        Assert.Equal("image/svg+xml", icon.Headers["content-type"]);
    }

    [Fact]
    public async Task Counts_and_dates_read_as_each_language_writes_them()
    {
        var english = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        await english.GotoAsync(await MemberPathAsync(english, "EDF"));
        Assert.Contains("9,000", await english.TextContentAsync("main table"), StringComparison.Ordinal);
        await english.GotoAsync(await MemberPathAsync(english, "Areva"));
        Assert.Contains("5,200", await english.TextContentAsync("main table"), StringComparison.Ordinal);
        Assert.Contains("12/07/2005", await english.TextContentAsync("main table"), StringComparison.Ordinal); // British: day first
        await english.GotoAsync("/c/nuclear-valley/dues");
        var dates = DatePattern().Matches(await english.TextContentAsync("#invoices") ?? "").Select(m => m.Value).ToList();
        Assert.NotEmpty(dates);
        Assert.Contains(dates, d => int.Parse(d[..2], System.Globalization.CultureInfo.InvariantCulture) > 12); // a day that cannot be a month

        var french = await site.LogInAsync(NuclearValleyDemo.ManagerEmail, locale: "fr-FR");
        await french.GotoAsync(await MemberPathAsync(french, "EDF"));
        Assert.Matches(@"9\s000", await french.TextContentAsync("main table"));
    }

    /// <summary>Enum names in PascalCase (LargeCompany, WrittenOff, HeadOffice…) never reach a reader, in text or in aria-labels.</summary>
    [Fact]
    public async Task No_enum_value_is_shown_raw()
    {
        var raw = new[] { typeof(MemberType), typeof(SizeClass), typeof(MemberStatus), typeof(MemberFamily), typeof(Dues.InvoiceStatus), typeof(Clusters.OfficeKind), typeof(Accounts.ClusterRole) }
            .SelectMany(Enum.GetNames).Where(n => PascalCase().IsMatch(n)).ToArray();
        Assert.Contains("LargeCompany", raw);
        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail, locale: "fr-FR");
        foreach (var path in new[] { "/c/nuclear-valley", "/c/nuclear-valley/members", await MemberPathAsync(page, "Areva"), "/c/nuclear-valley/dues", "/permissions" })
        {
            await page.GotoAsync(path);
            var shown = await page.EvaluateAsync<string>("() => document.body.innerText + ' ' + [...document.querySelectorAll('[aria-label],[title]')].map(e => (e.getAttribute('aria-label') ?? '') + ' ' + (e.getAttribute('title') ?? '')).join(' ')");
            Assert.All(raw, name => Assert.False(Regex.IsMatch(shown, $@"\b{name}\b"), $"{path} shows {name}"));
        }
    }

    private static async Task<string> MemberPathAsync(IPage page, string name)
    {
        await page.GotoAsync($"/c/nuclear-valley/members?search={Uri.EscapeDataString(name)}");
        return (await page.GetAttributeAsync($"#members a:text-is('{name}')", "href"))!;
    }

    [GeneratedRegex(@"\b\d{2}/\d{2}/\d{4}\b")]
    private static partial Regex DatePattern();

    [GeneratedRegex("^[A-Z][a-z]+[A-Z]")]
    private static partial Regex PascalCase();
}
