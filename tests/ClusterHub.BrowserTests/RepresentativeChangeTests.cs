using ClusterHub.Demo;
using Microsoft.Playwright;

namespace ClusterHub.BrowserTests;

/// <summary>A representative asks for a headcount change on the page; the manager approves it on the member page and sees it in the changes.</summary>
public sealed class RepresentativeChangeTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task A_representatives_headcount_change_waits_for_the_manager_who_approves_it()
    {
        var rep = await site.LogInAsync("sfarsteel@nuclear-valley.demo");
        await rep.GotoAsync("/c/nuclear-valley/members");
        await rep.ClickAsync("header nav >> text=My organisation");
        await rep.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.StartsWith("Sfarsteel", (await rep.TextContentAsync("main h1"))?.Trim(), StringComparison.Ordinal);
        var memberUrl = rep.Url;
        await rep.GotoAsync(memberUrl.Replace("/members/", "/members/edit/", StringComparison.Ordinal));
        Assert.True(await rep.IsVisibleAsync("#representative-note"));
        Assert.True(await rep.Locator("input[name='Form.Name']").GetAttributeAsync("readonly") is not null);
        Assert.True(await rep.Locator("select[name='Form.Status']").IsDisabledAsync());
        await rep.FillAsync("input[name='Form.Headcount']", "1234");
        await rep.ClickAsync("#save-member");
        await rep.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(memberUrl, rep.Url);
        Assert.Contains("1,234", await rep.TextContentAsync("#pending-change"), StringComparison.Ordinal);
        Assert.Equal(0, await rep.Locator("#approve-change").CountAsync()); // not the representative's to approve

        var manager = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        await manager.GotoAsync(memberUrl);
        await manager.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.Screenshots, "member-change-request.png"), FullPage = true });
        await manager.ClickAsync("#approve-change");
        await manager.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(0, await manager.Locator("#pending-change").CountAsync());
        var change = manager.Locator("#changes tbody tr", new() { HasText = "Member.Headcount" });
        Assert.Contains("1234", await change.First.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("approved", await change.First.TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_observer_sees_dues_totals_but_no_invoice_and_no_tier()
    {
        var page = await site.LogInAsync("observer@nuclear-valley.demo");
        var response = await page.GotoAsync("/c/nuclear-valley/dues");
        Assert.Equal(200, response!.Status);
        Assert.True(await page.IsVisibleAsync("#ledger"));
        Assert.Equal(0, await page.Locator("#invoices").CountAsync());
        Assert.Equal(0, await page.Locator("#tiers").CountAsync());
        var refused = await page.GotoAsync("/c/nuclear-valley/members/export?format=csv");
        Assert.Equal(404, refused!.Status); // no such page; the export is a handler of the member list
        var denied = await page.GotoAsync("/c/nuclear-valley/members?handler=export&format=csv");
        Assert.Equal(403, denied!.Status);
        Assert.Contains("Access refused", await page.TextContentAsync("#error-title"), StringComparison.Ordinal);
    }
}
