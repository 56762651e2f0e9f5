using System.Text.Json;
using ClusterHub.Demo;
using Microsoft.Playwright;

namespace ClusterHub.BrowserTests;

/// <summary>
/// The competence map on the Nuclear Valley demo: the heat map as Chart.js laid it out (one square per competence and
/// area, coloured by status) and the gap analysis naming the demo's single-actor dependences; the secretariat
/// validating a declaration in the browser.
/// </summary>
public sealed class CompetenceMapTests(DemoSite site) : IClassFixture<DemoSite>
{
    private const string Heat = """
        () => {
          const chart = Chart.getChart('chart-heat');
          const data = JSON.parse(document.getElementById('competences-data').textContent).heat;
          const points = chart.getDatasetMeta(0).data;
          return JSON.stringify({
            areas: chart.scales.x.ticks.map(t => String(t.label)),
            competences: chart.scales.y.ticks.map(t => String(t.label)),
            cells: data.cells.length,
            colours: chart.data.datasets[0].backgroundColor,
            statuses: data.cells.map(c => c.status),
            side: points.length ? points[0].options.radius * 2 : 0,
            inside: points.every(p => p.x >= chart.chartArea.left && p.x <= chart.chartArea.right && p.y >= chart.chartArea.top && p.y <= chart.chartArea.bottom),
          });
        }
        """;

    [Fact]
    public async Task The_heat_map_draws_every_competence_against_every_area_and_the_gaps_name_the_single_actors()
    {
        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        await page.GotoAsync("/c/nuclear-valley/competences");
        await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart('chart-heat')");
        var heat = JsonDocument.Parse(await page.EvaluateAsync<string>(Heat)).RootElement;
        Assert.Equal(["A1", "A2", "A3"], heat.GetProperty("areas").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(15, heat.GetProperty("competences").GetArrayLength()); // every label drawn, none skipped
        Assert.Equal(45, heat.GetProperty("cells").GetInt32());
        Assert.True(heat.GetProperty("side").GetDouble() > 10, "cells are squares big enough to read");
        Assert.True(heat.GetProperty("inside").GetBoolean());
        var colours = heat.GetProperty("colours").EnumerateArray().Select(c => c.GetString()).ToList();
        var statuses = heat.GetProperty("statuses").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.All(statuses.Zip(colours), p => Assert.Equal(p.First switch { "Gap" => "#c0392b", "SingleActor" => "#e07b00", "Covered" => "#2e8b57", _ => "#eceff1" }, p.Second));
        Assert.Contains("SingleActor", statuses);

        // The gap analysis names the members the cluster depends on alone.
        var single = await page.Locator("#gaps tr.gap-singleactor").AllInnerTextsAsync();
        Assert.Contains(single, row => row.Contains("Forging", StringComparison.Ordinal) && row.Contains("Sfarsteel", StringComparison.Ordinal));
        Assert.Contains(single, row => row.Contains("Digital simulation", StringComparison.Ordinal) && row.Contains("CEA", StringComparison.Ordinal));
        Assert.Contains(await page.Locator("#gaps tr.gap-nomember").AllInnerTextsAsync(), row => row.Contains("Robotics", StringComparison.Ordinal));
        Assert.Contains(await page.Locator("#gaps tr.gap-outsidehomeregions").AllInnerTextsAsync(), row => row.Contains("Metrology", StringComparison.Ordinal));
        await page.WaitForFunctionAsync("() => Chart.getChart('chart-coverage')");

        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.Screenshots, "competence-map.png"), FullPage = true });
    }

    [Fact]
    public async Task The_secretariat_validates_a_declaration_and_the_search_finds_it()
    {
        var page = await site.LogInAsync("staff@nuclear-valley.demo");
        await page.GotoAsync("/c/nuclear-valley/competences/declarations?state=Declared");
        var row = page.Locator("#declarations tbody tr").First;
        var member = await row.Locator("td").First.InnerTextAsync();
        var competence = await row.Locator("td").Nth(1).InnerTextAsync();
        await row.Locator("button.validate").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("validated", await page.Locator("#decision-message").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync("/c/nuclear-valley/competences/search");
        await page.SelectOptionAsync("#search-competence", new SelectOptionValue { Label = competence });
        await page.ClickAsync("#search-filters button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains(member, await page.Locator("#search-results").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_representative_declares_for_its_own_organisation_and_sees_its_profile_against_an_area()
    {
        var page = await site.LogInAsync("sfarsteel@nuclear-valley.demo");
        await page.GotoAsync("/c/nuclear-valley");
        await page.ClickAsync("nav >> text=Our competences");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("Forging", await page.Locator("#member-declarations").InnerTextAsync(), StringComparison.Ordinal);
        await page.SelectOptionAsync("#declare-form select[name=competence]", "ROBOT");
        await page.SelectOptionAsync("#declare-form select[name=level]", "2");
        await page.FillAsync("#declare-form input[name=certifications]", "ISO 9001");
        await page.ClickAsync("#declare-form button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("Robotics", await page.Locator("#member-declarations").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("A1", await page.Locator("#profile-area select").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Matches(@"\d+ of the \d+ needs", await page.Locator("#profile-summary").InnerTextAsync());

        var other = await page.GotoAsync("/c/nuclear-valley/members/1/competences"); // Areva's
        Assert.Equal(403, other!.Status);
    }
}
