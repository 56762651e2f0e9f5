using ClusterHub.Demo;
using Microsoft.Playwright;

namespace ClusterHub.BrowserTests;

/// <summary>The funding-mix page on the Nuclear Valley demo: the paper's 40 % public share, its charts, the secretariat form.</summary>
public sealed class FinancePageTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task The_finance_page_draws_the_budget_shows_the_measures_and_saves_the_staff()
    {
        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        await page.GotoAsync("/c/nuclear-valley/finance/2019");
        Assert.Equal(["2016", "2017", "2018", "2019"], (await page.Locator("#finance-years a.year").AllTextContentsAsync()).Select(t => t.Trim()));
        Assert.Contains("Membership dues", await page.TextContentAsync("#sources tbody tr[data-source=Dues]"), StringComparison.Ordinal);
        Assert.True(await page.Locator("#sources tr[data-tier]").CountAsync() >= 4); // the dues by tier, from the ledger
        var measure = (string key) => page.Locator($"#measures tr[data-measure='{key}'] td").Nth(1).TextContentAsync();
        Assert.Equal("40.0%", (await measure("finance.public_share"))!.Trim());
        Assert.Equal("10.0%", (await measure("finance.state_share"))!.Trim());
        Assert.Equal("30.0%", (await measure("finance.regions_share"))!.Trim());
        Assert.Equal("12", (await measure("finance.staff"))!.Trim());
        Assert.Contains("Herfindahl", await page.TextContentAsync("#measures tr[data-measure='finance.payer_hhi'] .definition"), StringComparison.Ordinal);
        // The three charts are pictures: Chart.js drew on each canvas.
        Assert.True(await page.EvaluateAsync<bool>("() => ['chart-sources', 'chart-public', 'chart-trends'].every(id => !!Chart.getChart(document.getElementById(id)))"));
        Assert.Equal(4, await page.EvaluateAsync<int>("() => Chart.getChart(document.getElementById('chart-sources')).data.labels.length"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.Screenshots, "finance.png"), FullPage = true });

        // The secretariat form: 12.5 staff saved, the measure follows; a bad number is refused with the field named.
        await page.FillAsync("#secretariat-form input[name=staff]", "12.5");
        await page.ClickAsync("#secretariat-form button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("12.5", (await measure("finance.staff"))!.Trim());
        await page.FillAsync("#secretariat-form input[name=staff]", "twelve");
        await page.ClickAsync("#secretariat-form button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("Staff: twelve must be a number", await page.TextContentAsync("#finance-errors"), StringComparison.Ordinal);
        await page.FillAsync("#secretariat-form input[name=staff]", "12");
        await page.ClickAsync("#secretariat-form button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // A year without a budget says so instead of showing zeros.
        await page.GotoAsync("/c/nuclear-valley/finance/2030");
        Assert.Contains("No budget for 2030", await page.TextContentAsync("#finance-empty"), StringComparison.Ordinal);
        Assert.Equal("–", (await measure("finance.public_share"))!.Trim());
    }
}
