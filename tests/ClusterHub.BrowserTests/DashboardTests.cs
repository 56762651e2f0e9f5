using System.Text.Json;
using ClusterHub.Demo;
using Microsoft.Playwright;

namespace ClusterHub.BrowserTests;

/// <summary>
/// The dashboard's charts as Chart.js laid them out: Chart.js draws on a canvas, so the tests read
/// the chart instances (<c>Chart.getChart</c>) beside the JSON block the page gave them.
/// </summary>
public sealed class DashboardTests(DemoSite site) : IClassFixture<DemoSite>
{
    /// <summary>Per chart: the labels sent, the category ticks left after layout, and the value axis's ticks.</summary>
    private const string Layout = """
        () => {
          const data = JSON.parse(document.getElementById('dashboard-data').textContent);
          const out = {};
          for (const name of ['type', 'region', 'size', 'growth', 'dues']) {
            const chart = Chart.getChart('chart-' + name);
            const horizontal = chart.options.indexAxis === 'y';
            const category = horizontal ? chart.scales.y : chart.scales.x;
            const value = horizontal ? chart.scales.x : chart.scales.y;
            out[name] = {
              sent: data[name].labels,
              drawn: category.ticks.map(t => String(t.label)),
              values: value.ticks.map(t => t.value),
              valueLabels: value.ticks.map(t => String(t.label)),
              horizontal,
            };
          }
          return JSON.stringify(out);
        }
        """;

    private static async Task<JsonElement> ChartsAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.Chart && ['type', 'region', 'size', 'growth', 'dues'].every(n => Chart.getChart('chart-' + n))");
        return JsonDocument.Parse(await page.EvaluateAsync<string>(Layout)).RootElement.Clone();
    }

    private static string[] Strings(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetString()!)];

    [Fact]
    public async Task Every_category_label_is_drawn_and_counts_are_whole_numbers()
    {
        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        await page.GotoAsync("/c/nuclear-valley");
        var charts = await ChartsAsync(page);

        Assert.Equal(10, charts.GetProperty("type").GetProperty("sent").GetArrayLength());   // Chart.js used to show 5 of them
        Assert.Equal(12, charts.GetProperty("region").GetProperty("sent").GetArrayLength()); // and 6 of these
        Assert.True(charts.GetProperty("type").GetProperty("horizontal").GetBoolean());
        Assert.True(charts.GetProperty("region").GetProperty("horizontal").GetBoolean());
        foreach (var chart in charts.EnumerateObject())
            Assert.Equal(Strings(chart.Value.GetProperty("sent")), Strings(chart.Value.GetProperty("drawn")));
        foreach (var name in new[] { "type", "region", "size", "growth" })
            Assert.All(charts.GetProperty(name).GetProperty("values").EnumerateArray(), v => Assert.Equal(Math.Round(v.GetDouble()), v.GetDouble()));

        // Euros from zero, whole, in the page's culture.
        var euros = Strings(charts.GetProperty("dues").GetProperty("valueLabels"));
        Assert.Equal("€0", euros[0]);
        Assert.All(euros, e => Assert.Matches(@"^€\d{1,3}(,\d{3})*$", e));

        await page.WaitForTimeoutAsync(1200); // the charts' entry animation, for a still picture
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.Screenshots, "dashboard-charts.png"), FullPage = true });
    }

    [Fact]
    public async Task The_euro_axis_reads_as_french_in_french()
    {
        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail, locale: "fr-FR");
        await page.GotoAsync("/c/nuclear-valley");
        var euros = Strings((await ChartsAsync(page)).GetProperty("dues").GetProperty("valueLabels"));
        Assert.Matches(@"^0\s€$", euros[0]);
        Assert.Matches(@"^\d{1,3}(\s\d{3})+\s€$", euros[^1]);
    }

    /// <summary>Small counts are where Chart.js drew 0.2 members and "€0 €0 €0 €1": two members, dues of zero.</summary>
    [Fact]
    public async Task A_small_cluster_gets_whole_number_axes_and_a_euro_axis_that_reads_at_zero()
    {
        var c = await site.App.CreateClusterAsync("tiny-cluster");
        var api = await site.App.CreateClientAsync("admin");
        const string members = "name,type,headcount,departement,joined_on\nForge Une,Sme,20,71,2010-01-01\nForge Deux,Sme,30,71,2011-01-01\n";
        (await api.PostAsync($"/api/v1/clusters/{c.Slug}/members/import", new StringContent(members, System.Text.Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
        (await api.PutAsync($"/api/v1/clusters/{c.Slug}/dues/tiers/2020", JsonContent("""[{ "memberType": "Sme", "sizeClass": "Small", "amountEur": 0 }]"""))).EnsureSuccessStatusCode();
        (await api.PostAsync($"/api/v1/clusters/{c.Slug}/dues/renewals", JsonContent("""{ "year": 2020 }"""))).EnsureSuccessStatusCode();

        var page = await site.LogInAsync("admin@clusterhub.demo");
        await page.GotoAsync($"/c/{c.Slug}");
        var charts = await ChartsAsync(page);
        foreach (var name in new[] { "type", "region", "size", "growth" })
        {
            var values = charts.GetProperty(name).GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToList();
            Assert.True(values.Count >= 2, name);
            Assert.All(values, v => Assert.Equal(Math.Round(v), v));
        }
        var euros = Strings(charts.GetProperty("dues").GetProperty("valueLabels"));
        Assert.Equal("€0", euros[0]);
        Assert.Equal(euros.Length, euros.Distinct().Count()); // no "€0" drawn three times over
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_new_clusters_dashboard_says_it_is_empty_instead_of_drawing_empty_charts()
    {
        // The platform administrator sees the demo's second cluster, which has no member, office or invoice.
        var page = await site.LogInAsync("admin@clusterhub.demo");
        await page.GotoAsync("/c/other-cluster");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Equal(0, await page.Locator("canvas").CountAsync());
        Assert.Equal(6, await page.Locator(".chart .empty").CountAsync());
        Assert.Equal("No active members to count yet.", (await page.TextContentAsync("#empty-type"))?.Trim());
        Assert.Equal("No dues invoiced yet.", (await page.TextContentAsync("#empty-dues"))?.Trim());
        Assert.Equal(0, await page.EvaluateAsync<int>("() => Chart.instances ? Object.keys(Chart.instances).length : 0"));

        var home = (await page.TextContentAsync("#card-home"))!;
        Assert.DoesNotContain("()", home, StringComparison.Ordinal);
        Assert.Contains("no office region recorded", home, StringComparison.Ordinal);
        Assert.All(await page.Locator(".card .value").AllTextContentsAsync(), v => Assert.False(string.IsNullOrWhiteSpace(v), "an empty card"));
        Assert.All(await page.Locator("main h1, main h2").AllTextContentsAsync(), h => Assert.False(string.IsNullOrWhiteSpace(h), "an empty heading"));
        Assert.Equal("No offices or certifications recorded.", (await page.TextContentAsync("#no-offices"))?.Trim());
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.Screenshots, "dashboard-empty.png"), FullPage = true });
    }
}
