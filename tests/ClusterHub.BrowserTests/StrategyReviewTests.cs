using ClusterHub.Demo;
using Microsoft.Playwright;

namespace ClusterHub.BrowserTests;

/// <summary>The strategy page and the yearly review, held in the browser on the Nuclear Valley demo.</summary>
public sealed class StrategyReviewTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task The_strategy_page_shows_the_papers_areas_the_plan_and_the_reviews_trend()
    {
        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        await page.GotoAsync("/c/nuclear-valley/strategy");
        var areas = await page.Locator("#list-areas li").AllTextContentsAsync();
        Assert.Equal(3, areas.Count);
        Assert.Contains(areas, a => a.Contains("Maintenance and dismantling under extreme conditions", StringComparison.Ordinal));
        Assert.Equal(4, await page.Locator("#list-domains li").CountAsync());
        Assert.Equal(6, await page.Locator("#objective-table tbody tr").CountAsync());
        Assert.True(await page.Locator("#roadmap-table progress").CountAsync() >= 5);
        Assert.Equal(["2019", "2018", "2017", "2016"], await page.Locator("#review-table tbody td:first-child").AllTextContentsAsync());
        // The trend is a picture: Chart.js drew on the canvas.
        Assert.True(await page.EvaluateAsync<bool>("() => !!Chart.getChart(document.getElementById('chart-reviews'))"));

        // A manager extends a list from the page; a code already used is refused with the field named.
        await page.FillAsync("#add-domains input[name=code]", "DAS5");
        await page.FillAsync("#add-domains input[name=name]", "Fusion");
        await page.ClickAsync("#add-domains button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(5, await page.Locator("#list-domains li").CountAsync());
        await page.FillAsync("#add-domains input[name=code]", "DAS5");
        await page.FillAsync("#add-domains input[name=name]", "Again");
        await page.ClickAsync("#add-domains button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("code: is already used in the list", (await page.TextContentAsync("#strategy-errors"))!.Trim());
        Assert.Equal(5, await page.Locator("#list-domains li").CountAsync());
    }

    [Fact]
    public async Task A_manager_holds_the_2019_review_with_live_indicators_sets_a_target_and_closes_it_for_good()
    {
        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        await page.GotoAsync("/c/nuclear-valley/strategy/reviews/2019");
        Assert.Contains("computed now", await page.TextContentAsync("#review-state"), StringComparison.Ordinal);
        Assert.Equal(6, await page.Locator("#standings tbody tr").CountAsync());
        // The membership objective reads the live count of 2019's active members: the paper's 270.
        var grow = page.Locator("#standings tbody tr", new() { HasText = "Grow the membership" });
        Assert.Equal("270", (await grow.Locator("td").Nth(3).TextContentAsync())!.Trim());
        Assert.Equal("Met", (await grow.Locator(".outcome").TextContentAsync())!.Trim());
        Assert.True(await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('canvas[id^=chart-objective-]')].every(c => !!Chart.getChart(c))"));
        Assert.True(await page.Locator("#indicators tbody tr").CountAsync() >= 10);

        await page.FillAsync("#decisions-form textarea", "Open a liaison office in Montélimar.");
        await page.ClickAsync("#decisions-form button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ClickAsync("#new-target summary");
        await page.SelectOptionAsync("#new-target select[name=objectiveId]", new SelectOptionValue { Label = "Grow the membership to 270 organisations" });
        await page.FillAsync("#new-target input[name=value]", "285");
        await page.ClickAsync("#new-target button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.Screenshots, "strategy-review.png"), FullPage = true });

        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.ClickAsync("#close-form button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("nothing in this review can change", await page.TextContentAsync("#review-state"), StringComparison.Ordinal);
        Assert.Equal("Open a liaison office in Montélimar.", (await page.TextContentAsync("#decisions"))!.Trim());
        Assert.Equal(0, await page.Locator("#decisions-form, #close-form, #new-target").CountAsync());

        // The target the review set shows on the strategy page; the review's line now counts its outcomes.
        await page.GotoAsync("/c/nuclear-valley/strategy");
        Assert.Contains("2020: 285", await page.TextContentAsync("#objective-table tbody tr:has-text('Grow the membership')"), StringComparison.Ordinal);
        var line = page.Locator("#review-table tbody tr").First;
        Assert.Equal("Closed", (await line.Locator("td").Nth(3).TextContentAsync())!.Trim());
    }

    [Fact]
    public async Task An_observer_reads_a_closed_review_and_is_offered_nothing_to_change()
    {
        var page = await site.LogInAsync("observer@nuclear-valley.demo");
        await page.GotoAsync("/c/nuclear-valley/strategy/reviews/2018");
        Assert.Contains("nothing in this review can change", await page.TextContentAsync("#review-state"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("form[method=post]:not([action*=culture]):not([action*=logout])").CountAsync());
        var response = await page.GotoAsync("/c/nuclear-valley/strategy/reviews/1999");
        Assert.Equal(404, response!.Status);
    }

    [Fact]
    public async Task The_indicators_page_shows_how_each_value_was_obtained_and_staff_record_a_manual_one_with_its_evidence()
    {
        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        await page.GotoAsync("/c/nuclear-valley/indicators?year=2019");
        Assert.Equal("270", (await page.Locator("#indicators tr[data-key='members.active'] td.num").TextContentAsync())!.Trim());
        var delegations = page.Locator("#indicators tr[data-key='manual.foreign_delegations']");
        Assert.Equal("13", (await delegations.Locator("td.num").TextContentAsync())!.Trim());
        await delegations.Locator("summary").ClickAsync();
        Assert.Contains("Korea's KHNP", await delegations.Locator(".evidence").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("secretariat", await delegations.Locator(".meta").TextContentAsync(), StringComparison.Ordinal);

        // 2020 has no value yet: missing, not zero, until the secretariat records one with its evidence.
        await page.GotoAsync("/c/nuclear-valley/indicators?year=2020");
        var row2020 = page.Locator("#indicators tr[data-key='manual.foreign_delegations']");
        Assert.Equal("missing", (await row2020.Locator("td.num").TextContentAsync())!.Trim());
        var form = page.Locator("#manual-values tr[data-key='manual.foreign_delegations'] form");
        await form.Locator("input[name=value]").FillAsync("15");
        await form.Locator("input[name=evidence]").FillAsync("Visit log 2020: fifteen delegations, six of them online.");
        await form.Locator("button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("15", (await row2020.Locator("td.num").TextContentAsync())!.Trim());
        await row2020.Locator("summary").ClickAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.Screenshots, "indicators.png"), FullPage = true });

        // An observer reads the same values and is offered nothing to record.
        var observer = await site.LogInAsync("observer@nuclear-valley.demo");
        await observer.GotoAsync("/c/nuclear-valley/indicators?year=2020");
        Assert.Equal("15", (await observer.Locator("#indicators tr[data-key='manual.foreign_delegations'] td.num").TextContentAsync())!.Trim());
        Assert.Equal(0, await observer.Locator("#manual-values, #define-manual").CountAsync());
    }
}
