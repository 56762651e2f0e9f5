using ClusterHub.Demo;
using Microsoft.Playwright;

namespace ClusterHub.BrowserTests;

/// <summary>
/// The network workspace in the browser: the French part of the CORDIS H2020 network (2,316 organisations with a tie, 9,572 ties;
/// Data/SOURCE.md) uploaded, a layout job followed live, and the network drawn by sigma from the stored positions.
/// </summary>
public sealed class NetworkWorkspaceTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task A_layout_job_on_the_cordis_network_shows_its_progress_and_then_the_drawn_graph()
    {
        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        await page.GotoAsync($"/c/{NuclearValleyDemo.Slug}/networks");
        await page.SetInputFilesAsync("#upload-form input[type=file]", Path.Combine(AppContext.BaseDirectory, "Data", "cordis_h2020_fr.csv"));
        await page.FillAsync("#upload-form input[name=name]", "CORDIS H2020, French organisations");
        await page.ClickAsync("#upload-form button[type=submit]");
        await page.WaitForURLAsync("**/networks/*");
        Assert.Contains("2,316", await page.TextContentAsync("#network-summary"), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#no-layout").CountAsync());

        await page.FillAsync("#start-layout input[name=iterations]", "400");
        await page.ClickAsync("#start-layout button[type=submit]");
        await page.WaitForURLAsync("**/networks/*");
        // The job's row: queued or running, with its progress bar, which the page's script moves as the job reports.
        var row = page.Locator("#jobs tbody tr").First;
        Assert.Equal("true", await row.GetAttributeAsync("data-live"));
        Assert.Equal(1, await row.Locator("progress").CountAsync());
        await page.WaitForFunctionAsync("() => { const p = document.querySelector('#jobs tbody tr progress'); return p && p.value > 0 && p.value < 1; }",
            null, new() { Timeout = 180_000, PollingInterval = 50 });
        // When it ends the page reloads with the picture, drawn by sigma from the stored layout.
        await page.WaitForSelectorAsync("#graph[data-drawn=true]", new() { Timeout = 180_000 });
        Assert.Equal("Succeeded", await page.Locator("#jobs tbody tr .job-state").First.GetAttributeAsync("data-state"));
        Assert.Equal("2316", await page.GetAttributeAsync("#graph", "data-nodes"));
        Assert.True(await page.Locator("#graph canvas").CountAsync() > 0);

        // Metrics too: the table pages on the server and finds a node by its id.
        await page.ClickAsync("#start-metrics button[type=submit]");
        await page.WaitForURLAsync("**/networks/*");
        await page.WaitForSelectorAsync("#results", new() { Timeout = 180_000 });
        Assert.Equal(25, await page.Locator("#result-table tbody tr").CountAsync());
        var first = (await page.Locator("#result-table tbody tr td").First.TextContentAsync())!.Trim();
        await page.FillAsync("#node-search input[name=search]", first);
        await page.ClickAsync("#node-search button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(1, await page.Locator("#result-table tbody tr").CountAsync());
        await page.WaitForSelectorAsync("#graph[data-drawn=true]", new() { Timeout = 180_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.Screenshots, "network-workspace.png"), FullPage = true });
    }

    [Fact]
    public async Task The_demo_workspace_holds_the_project_consortia_with_their_results()
    {
        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        await page.GotoAsync($"/c/{NuclearValleyDemo.Slug}/networks");
        await page.ClickAsync("#networks a");
        await page.WaitForSelectorAsync("#graph[data-drawn=true]", new() { Timeout = 30_000 });
        Assert.Equal(3, await page.Locator("#jobs tbody tr").CountAsync());
        Assert.True(await page.Locator("#result-table tbody tr").CountAsync() > 0);
    }
}
