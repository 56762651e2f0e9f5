using ClusterHub.Demo;
using Microsoft.Playwright;

namespace ClusterHub.BrowserTests;

/// <summary>The Table 1 report of Nuclear Valley in the browser: scores with their evidence, the stage, the findings, an analyst's judgement.</summary>
public sealed class AssessmentReportTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task The_2019_report_shows_table_1_the_findings_and_takes_a_judgement()
    {
        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        await page.GotoAsync("/c/nuclear-valley/assessment");
        Assert.Equal(["2015", "2016", "2017", "2018", "2019"], await page.Locator("#trend tbody td:first-child").AllTextContentsAsync());
        await page.ClickAsync("#trend a:text('2019')");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Contains("Assessment of Nuclear Valley in 2019", await page.TextContentAsync("h1"), StringComparison.Ordinal);
        // Table 1: the model's four components and their fifteen factors, each with what was observed, its evidence and a score.
        Assert.Equal(15, await page.Locator("table.table1 tbody tr").CountAsync());
        Assert.Equal(4, await page.Locator("table.table1 tbody th[scope=rowgroup]").CountAsync());
        var initiation = page.Locator("tr[data-factor='process.initiation_planning']");
        Assert.Contains("nine founding members", await initiation.TextContentAsync(), StringComparison.Ordinal);
        // The life-cycle stage with every rule it checked.
        Assert.False(string.IsNullOrWhiteSpace(await page.TextContentAsync("#lifecycle .stage")));
        Assert.Equal(12, await page.Locator("#lifecycle li").CountAsync());
        // Six findings: four from the demo's own data; the two that need the governance and finance branches say their evidence is missing.
        Assert.Equal(6, await page.Locator("#findings li.finding").CountAsync());
        Assert.True(await page.Locator("#findings li[data-state=Stated]").CountAsync() >= 4);
        Assert.Contains("forum of 9 founding members", await page.TextContentAsync("li[data-finding=initiation]"), StringComparison.Ordinal);
        Assert.True(await page.Locator("#changes tbody tr").CountAsync() >= 1); // what changed since 2018

        // An analyst's judgement: its text and author become the factor's evidence.
        var form = page.Locator("form.judgement[data-item='setting.factor_conditions']");
        await form.Locator("select[name=value]").SelectOptionAsync("3");
        await form.Locator("textarea[name=evidence]").FillAsync("Land is cheap but housing for engineers is short (interviews, 2019).");
        await form.Locator("button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var environment = page.Locator("tr[data-factor='setting.business_environment']");
        Assert.Contains("housing for engineers is short", await environment.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains(NuclearValleyDemo.ManagerEmail, await environment.TextContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.Screenshots, "assessment-report.png"), FullPage = true });

        // The same report in Korean, for an observer (who reads but does not judge).
        var korean = await site.LogInAsync("observer@nuclear-valley.demo", "ko-KR");
        await korean.GotoAsync("/c/nuclear-valley/assessment/2019");
        Assert.Contains("Nuclear Valley의 2019년 평가", await korean.TextContentAsync("h1"), StringComparison.Ordinal);
        Assert.Equal(0, await korean.Locator("#judge").CountAsync());
    }
}
