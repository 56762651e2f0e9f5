using System.Globalization;
using ClusterHub.Demo;
using Microsoft.Playwright;

namespace ClusterHub.BrowserTests;

/// <summary>The demo's portfolio in the browser: the ranking sorted, the radars drawn, the percentile panel, the consent page.</summary>
public sealed class PortfolioPageTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task The_french_poles_portfolio_ranks_draws_radars_and_states_percentiles()
    {
        var page = await site.LogInAsync("analyst@portfolio.demo");
        await page.GotoAsync("/portfolios");
        await page.ClickAsync("#portfolios a:text('France — pôles de compétitivité (phase V)')");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(await page.IsVisibleAsync("#illustrative-notice"));
        Assert.Equal("2019", await page.Locator("select[name=year]").InputValueAsync());

        // Ranked by score, highest first, ranks rising; 44 poles (Nuclear Valley from its own assessment), 12 a page.
        var scores = (await page.Locator("#ranking tbody tr").EvaluateAllAsync<string?[]>("rows => rows.map(r => r.dataset.score || null)"))
            .Select(s => s is null ? (double?)null : double.Parse(s, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(12, scores.Count);
        Assert.All(scores, s => Assert.NotNull(s));
        Assert.Equal(scores.OrderByDescending(s => s).ToList(), scores);
        Assert.Equal("1", await page.Locator("#ranking tbody tr:first-child td:first-child").TextContentAsync());
        Assert.Contains("4", await page.Locator(".pager span").TextContentAsync(), StringComparison.Ordinal); // page 1 of 4
        Assert.Equal(1, await page.Locator("#ranking tr[data-key='platform:nuclear-valley']").CountAsync());

        // A radar per cluster of the page, the focus radar and the scatter: fourteen charts drawn by the shared chart code.
        Assert.Equal(12, await page.Locator("canvas[data-radar]").CountAsync());
        Assert.Equal(14, await page.EvaluateAsync<int>("window.portfolioCharts.length"));
        Assert.Equal("radar", await page.EvaluateAsync<string>("window.portfolioCharts[0].config.type"));

        // The percentile panel: Nuclear Valley by default, one row per dimension and the overall score.
        Assert.Equal("platform:nuclear-valley", await page.Locator("#percentile-table").GetAttributeAsync("data-focus"));
        Assert.Equal(5, await page.Locator("#percentile-table tbody tr").CountAsync());
        Assert.Contains("tied", await page.Locator("#percentiles ~ p.hint").First.TextContentAsync(), StringComparison.OrdinalIgnoreCase);
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.Screenshots, "portfolio.png"), FullPage = true });

        // Sorted by name: alphabetical; then a region filter keeps its poles only.
        await page.ClickAsync("#ranking thead a:text('Name')");
        await page.WaitForURLAsync(u => u.Contains("sort=name", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var names = await page.Locator("#ranking tbody td:nth-child(2)").AllTextContentsAsync();
        Assert.Equal(names.OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList(), names);
        await page.SelectOptionAsync("select[name=region]", "Bourgogne-Franche-Comté"); // the form submits itself
        await page.WaitForURLAsync(u => u.Contains("region=Bourgogne", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var regions = await page.Locator("#ranking tbody td:nth-child(3)").AllTextContentsAsync();
        Assert.NotEmpty(regions);
        Assert.All(regions, r => Assert.Equal("Bourgogne-Franche-Comté", r));

        // The manager sees the consent it gave, and may withdraw it there.
        var manager = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        await manager.GotoAsync("/c/nuclear-valley/portfolios");
        Assert.Equal("yes", await manager.Locator("#consents tr[data-portfolio='france-poles-v']").GetAttributeAsync("data-consented"));
    }
}
