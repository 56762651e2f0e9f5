using System.Text.Json;
using ClusterHub.Demo;
using Microsoft.Playwright;

namespace ClusterHub.BrowserTests;

/// <summary>
/// The governance page on the Nuclear Valley demo: cytoscape draws the paper's network (every actor the page lists,
/// on a canvas), beside the measures table, the hub's position in words and the tie-strength chart.
/// </summary>
public sealed class GovernancePageTests(DemoSite site) : IClassFixture<DemoSite>
{
    private const string Drawn = """
        () => {
          const cy = window.governanceGraph;
          const data = JSON.parse(document.getElementById('governance-data').textContent);
          const box = document.getElementById('governance-graph').getBoundingClientRect();
          return JSON.stringify({
            nodes: cy.nodes().length, edges: cy.edges().length, expectedNodes: data.nodes.length, expectedEdges: data.edges.length,
            // every node laid out inside the box (fcose ran and fitted the graph)
            inside: cy.nodes().every(n => { const p = n.renderedPosition(); return p.x >= 0 && p.y >= 0 && p.x <= box.width && p.y <= box.height; }),
            hub: cy.nodes('[?hub]').map(n => n.data('label')),
            colours: [...new Set(cy.nodes().map(n => n.style('background-color')))].length,
          });
        }
        """;

    [Fact]
    public async Task The_governance_page_draws_the_demo_network_with_its_measures_and_the_hubs_position()
    {
        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await page.GotoAsync("/c/nuclear-valley/governance");
        await page.WaitForFunctionAsync("() => window.governanceGraph && window.Chart && Chart.getChart('chart-strengths')");
        Assert.True(await page.Locator("#governance-graph canvas").CountAsync() > 0, "cytoscape draws on a canvas");
        var drawn = JsonDocument.Parse(await page.EvaluateAsync<string>(Drawn)).RootElement;
        Assert.Equal(22, drawn.GetProperty("nodes").GetInt32()); // the 22 actors of samples/nuclear-valley/governance-actors.csv, all tied
        Assert.Equal(drawn.GetProperty("expectedEdges").GetInt32(), drawn.GetProperty("edges").GetInt32());
        Assert.True(drawn.GetProperty("inside").GetBoolean());
        Assert.Equal(["Nuclear Valley"], drawn.GetProperty("hub").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(6, drawn.GetProperty("colours").GetInt32()); // one colour per level

        Assert.Equal(22, await page.Locator("#governance-measures tbody tr").CountAsync());
        var summary = await page.Locator("#governance-summary li").AllInnerTextsAsync();
        Assert.Contains(summary, s => s.Contains("Nuclear Valley is the only coordinator between", StringComparison.Ordinal)
            && s.Contains("the sectoral and the local level", StringComparison.Ordinal));
        Assert.Contains(summary, s => s.Contains("constraint 0.", StringComparison.Ordinal));

        // Sorting the table by betweenness (twice: descending) puts the hub first.
        await page.ClickAsync("#governance-measures th:nth-child(4)");
        await page.ClickAsync("#governance-measures th:nth-child(4)");
        Assert.StartsWith("Nuclear Valley", await page.Locator("#governance-measures tbody tr").First.InnerTextAsync(), StringComparison.Ordinal);
        // Colouring by community repaints the nodes.
        await page.SelectOptionAsync("#graph-colour", "community");
        Assert.True(await page.Locator("#graph-legend .swatch").CountAsync() >= 2);
        await page.SelectOptionAsync("#graph-colour", "level");
        Assert.Empty(errors);

        await page.WaitForTimeoutAsync(1200); // the chart's entry animation, for a still picture
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.Screenshots, "governance.png"), FullPage = true });
    }
}
