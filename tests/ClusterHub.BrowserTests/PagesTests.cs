using ClusterHub.Demo;
using Microsoft.Playwright;

namespace ClusterHub.BrowserTests;

public sealed class PagesTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task The_manager_logs_in_and_sees_the_dashboard_with_the_papers_figures()
    {
        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        Assert.EndsWith("/c/nuclear-valley", page.Url, StringComparison.Ordinal);
        Assert.Equal("270", (await page.TextContentAsync("#card-active .value"))?.Trim());
        Assert.Matches(@"^85\s?%$", (await page.TextContentAsync("#card-companies .value"))!.Trim());
        Assert.Matches(@"^15\s?%$", (await page.TextContentAsync("#card-education .value"))!.Trim());
        Assert.Matches(@"^60\s?%$", (await page.TextContentAsync("#card-home .value"))!.Trim());
        // English with European dates: the 2005 labelling reads 12/07/2005, not 7/12/2005.
        Assert.Contains("12/07/2005", await page.TextContentAsync("body"), StringComparison.Ordinal);
        // Chart.js drew on the canvases (a drawn canvas has a non-zero size and a chart attached).
        await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart('chart-growth') && Chart.getChart('chart-dues')");
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.Screenshots, "dashboard.png"), FullPage = true });
    }

    [Fact]
    public async Task The_member_list_filters_by_type_and_pages()
    {
        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        await page.GotoAsync("/c/nuclear-valley/members");
        Assert.Equal(25, await page.Locator("#members tbody tr").CountAsync());
        await page.SelectOptionAsync("select[name=type]", "University");
        await page.ClickAsync("#member-filters button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var types = await page.Locator("#members tbody tr td:nth-child(2)").AllTextContentsAsync();
        Assert.NotEmpty(types);
        Assert.All(types, t => Assert.Equal("University", t.Trim()));
        Assert.Contains("type=University", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_and_accept_language_translate_the_pages()
    {
        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        await page.GotoAsync("/c/nuclear-valley/members");
        Assert.Equal("Members", (await page.TextContentAsync("header nav a[href$='/members']"))?.Trim());
        var nav = page.Locator("header nav a[href$='/members']");
        await page.SelectOptionAsync("#culture", "fr");
        await Assertions.Expect(nav).ToHaveTextAsync("Adhérents");
        await page.SelectOptionAsync("#culture", "ko");
        await Assertions.Expect(nav).ToHaveTextAsync("회원");
        Assert.EndsWith("/c/nuclear-valley/members", page.Url, StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.Screenshots, "members-ko.png") });

        var french = await site.LogInAsync(NuclearValleyDemo.ManagerEmail, locale: "fr-FR");
        await french.GotoAsync("/c/nuclear-valley/dues");
        Assert.Equal("Cotisations", (await french.TextContentAsync("h1"))?.Trim());
        Assert.Contains("€", await french.TextContentAsync("#ledger"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_refuse_what_the_role_or_the_cluster_does_not_allow()
    {
        var observer = await site.LogInAsync("observer@nuclear-valley.demo");
        var edit = await observer.GotoAsync("/c/nuclear-valley/members/edit");
        Assert.Equal(403, edit!.Status);
        var other = await observer.GotoAsync("/c/other-cluster/members");
        Assert.Equal(404, other!.Status);

        var anonymous = await (await site.Browser.NewContextAsync(new() { BaseURL = site.App.BaseAddress })).NewPageAsync();
        await anonymous.GotoAsync("/c/nuclear-valley/members");
        Assert.Contains("/account/login", anonymous.Url, StringComparison.Ordinal);
    }

}
