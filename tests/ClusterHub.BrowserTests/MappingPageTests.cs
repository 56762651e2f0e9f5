using ClusterHub.Demo;
using Microsoft.Playwright;

namespace ClusterHub.BrowserTests;

/// <summary>
/// The mapping pages on the demo: the saved view "where is the nuclear cluster strong" over the real URSSAF table of the
/// Rouen zone (sorted by its columns, time chart drawn, exported), and the US states file drawn as a choropleth.
/// </summary>
public sealed class MappingPageTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task The_saved_nuclear_view_sorts_its_table_draws_its_time_chart_and_exports()
    {
        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        await page.GotoAsync($"/c/{NuclearValleyDemo.Slug}/mapping");
        Assert.Equal(3, await page.Locator("#datasets tbody tr").CountAsync());
        await page.ClickAsync("#datasets a:has-text('URSSAF salaried employment, Rouen')");
        await page.ClickAsync("#views a.view-link");
        await page.WaitForSelectorAsync("#regions tbody tr");
        // The saved view sorts by stars, most first.
        var stars = await page.Locator("#regions tbody tr td:nth-child(8)").AllTextContentsAsync();
        Assert.Equal(stars.OrderByDescending(s => s.Trim().Length), stars);
        Assert.Equal(1, await page.Locator("#no-map").CountAsync()); // communes: no packaged boundaries, said so
        Assert.True(await page.Locator("#mapping-series").CountAsync() == 1);

        // Sort by employment, then the other way round.
        await page.ClickAsync("#sort-employment");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var employment = Numbers(await page.Locator("#regions tbody tr td:nth-child(3)").AllTextContentsAsync());
        Assert.Equal(employment.OrderByDescending(x => x), employment);
        await page.ClickAsync("#sort-employment");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var ascending = Numbers(await page.Locator("#regions tbody tr td:nth-child(3)").AllTextContentsAsync());
        Assert.Equal(ascending.OrderBy(x => x), ascending);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-csv"));
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("region,name,parent,employment", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.True(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 2);
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-xlsx"));
        Assert.EndsWith(".xlsx", xlsx.SuggestedFilename, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_us_states_dataset_is_drawn_as_a_choropleth_of_the_chosen_measure()
    {
        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        await page.GotoAsync($"/c/{NuclearValleyDemo.Slug}/mapping");
        await page.ClickAsync("#datasets a:has-text('US states')");
        await page.WaitForSelectorAsync("#mapping-map[data-drawn=true]", new() { Timeout = 30_000 });
        Assert.InRange(int.Parse((await page.GetAttributeAsync("#mapping-map", "data-regions"))!, System.Globalization.CultureInfo.InvariantCulture), 40, 50); // states with the cluster
        await page.ClickAsync("#sort-lq");
        await page.WaitForSelectorAsync("#mapping-map[data-drawn=true]", new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.Screenshots, "mapping-us-states.png"), FullPage = true });
    }

    [Fact]
    public async Task The_departement_view_draws_the_french_departements_map_under_the_csp()
    {
        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        var refused = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) refused.Add(m.Text); };
        page.PageError += (_, e) => refused.Add(e);
        await page.GotoAsync($"/c/{NuclearValleyDemo.Slug}/mapping");
        await page.ClickAsync("#datasets a:has-text('by département')");
        await page.ClickAsync("#views a.view-link:has-text('départements')");
        await page.WaitForSelectorAsync("#mapping-map[data-drawn=true]", new() { Timeout = 30_000 });
        // The extract covers the Rouen employment zone only: one département (Seine-Maritime, 76) has figures.
        Assert.Equal("1", await page.GetAttributeAsync("#mapping-map", "data-regions"));
        Assert.Equal("76", (await page.Locator("#regions tbody tr td:first-child").First.TextContentAsync())!.Trim());
        // The vendored planar map was drawn: the canvas has painted pixels of more than one colour.
        var colours = await page.EvalOnSelectorAsync<int>("#mapping-map", @"c => {
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, seen = new Set();
            for (let k = 0; k < d.length; k += 4 * 97) if (d[k + 3] > 0) seen.add(d[k] + ',' + d[k + 1] + ',' + d[k + 2]);
            return seen.size; }");
        Assert.True(colours > 2, $"{colours} colours on the map");
        Assert.Empty(refused);
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.Screenshots, "mapping-fr-departements.png"), FullPage = true });
    }

    private static List<double> Numbers(IEnumerable<string> cells) =>
        [.. cells.Select(c => double.Parse(new string([.. c.Where(char.IsAsciiDigit)]), System.Globalization.CultureInfo.InvariantCulture))];
}
