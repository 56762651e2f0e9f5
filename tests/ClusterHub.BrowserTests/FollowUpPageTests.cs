using ClusterHub.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ClusterHub.BrowserTests;

/// <summary>A running project's follow-up on its proposal page: the coordinator's representative marks an overdue milestone done.</summary>
public sealed class FollowUpPageTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task The_coordinators_representative_marks_an_overdue_milestone_done()
    {
        var id = await site.App.WithDb(async (db, _) => await db.Proposals.Where(p => p.Acronym == "NV-FOLLOW-1").Select(p => p.Id).SingleAsync());
        var page = await site.LogInAsync("sfarsteel@nuclear-valley.demo");
        await page.GotoAsync($"/c/nuclear-valley/projects/{id}");
        Assert.Equal("Running", (await page.TextContentAsync("#proposal-state"))!.Trim());
        var total = await page.Locator("#milestones tbody tr").CountAsync();
        var before = int.Parse((await page.GetAttributeAsync("#milestone-progress", "value"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(6, total);
        var overdue = page.Locator("#milestones tbody tr.overdue");
        Assert.True(await overdue.CountAsync() >= 1, "the demo's project has an overdue milestone");
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.Screenshots, "projects-follow-up.png"), FullPage = true });

        var row = await overdue.First.GetAttributeAsync("id");
        await page.ClickAsync($"#{row} button");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), await page.GetAttributeAsync("#milestone-progress", "value"));
        Assert.Contains("Done", await page.TextContentAsync($"#{row}"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator($"#{row}.overdue").CountAsync());
        // The representative records progress but does not plan: no form to add a milestone.
        Assert.Equal(0, await page.Locator("#add-milestone").CountAsync());
    }
}
