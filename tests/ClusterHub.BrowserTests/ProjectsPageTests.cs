using System.Net.Http.Json;
using System.Text.Json;
using ClusterHub.Demo;
using Microsoft.Playwright;

namespace ClusterHub.BrowserTests;

/// <summary>The proposal page: the moves a person may make are its buttons, and each one lands in the history.</summary>
public sealed class ProjectsPageTests(DemoSite site) : IClassFixture<DemoSite>
{
    /// <summary>A draft in the demo cluster, on an open call of the demo's FUI funder, coordinated by Sfarsteel with an SME and a lab.</summary>
    private async Task<int> DraftAsync()
    {
        var api = await site.App.CreateClientAsync("Manager", NuclearValleyDemo.Slug);
        var root = $"/api/v1/clusters/{NuclearValleyDemo.Slug}";
        async Task<JsonElement> Get(string url) => JsonDocument.Parse(await api.GetStringAsync(root + url)).RootElement.Clone();
        async Task<JsonElement> Post(string url, object body)
        {
            var response = await api.PostAsJsonAsync(root + url, body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, text);
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        var fui = (await Get("/funders")).EnumerateArray().First(f => f.GetProperty("kind").GetString() == "StateProgramme").GetProperty("id").GetInt32();
        var call = await Post("/calls", new
        {
            funderId = fui, title = "FUI call (browser test)", opensOn = "2020-01-01", closesOn = "2099-12-31", state = "Open", minPartners = 3, requiresSme = true,
            fundingRates = new[] { new { category = "LargeCompany", maxRatePercent = 25 }, new { category = "Sme", maxRatePercent = 45 }, new { category = "Research", maxRatePercent = 100 } },
        });
        int Member(JsonElement page, string type) => page.GetProperty("items").EnumerateArray().First(m => m.GetProperty("type").GetString() == type).GetProperty("id").GetInt32();
        var members = await Get("/members?pageSize=200");
        var proposal = await Post("/proposals", new
        {
            title = "Forged shells for small modular reactors", acronym = "SMR-FORGE", callId = call.GetProperty("call").GetProperty("id").GetInt32(),
            durationMonths = 36, trlStart = 4, trlTarget = 7,
            partners = new object[]
            {
                new { memberId = Member(members, "LargeCompany"), role = "Coordinator", budgetEur = 1_200_000m, requestedEur = 300_000m },
                new { memberId = Member(members, "Sme"), role = "Partner", budgetEur = 400_000m, requestedEur = 180_000m },
                new { memberId = Member(members, "ResearchOrganisation"), role = "Partner", budgetEur = 300_000m, requestedEur = 300_000m },
            },
        });
        return proposal.GetProperty("proposal").GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task A_proposal_is_walked_from_draft_to_certified_with_the_page_buttons()
    {
        var id = await DraftAsync();
        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        await page.GotoAsync($"/c/nuclear-valley/projects/{id}");
        Assert.Equal("Draft", (await page.TextContentAsync("#proposal-state"))!.Trim());
        Assert.Contains("meets every rule", await page.TextContentAsync("#eligibility"), StringComparison.Ordinal);
        Assert.Equal(3, await page.Locator("#consortium tbody tr").CountAsync());

        foreach (var (button, state) in new[] { ("#move-submit", "Submitted"), ("#move-start-review", "Under committee review"), ("#move-certify", "Certified") })
        {
            await page.ClickAsync(button);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.Equal(state, (await page.TextContentAsync("#proposal-state"))!.Trim());
        }
        // Only the next moves are offered: no certify on a certified proposal.
        Assert.Equal(0, await page.Locator("#move-certify").CountAsync());
        Assert.Equal(1, await page.Locator("#move-send-to-funder").CountAsync());
        var history = await page.Locator("#history tbody tr").AllTextContentsAsync();
        Assert.Equal(4, history.Count);
        Assert.Contains("Under committee review → Certified", history[^1], StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.Screenshots, "projects-proposal.png"), FullPage = true });

        // The list finds it by its acronym, and the funnel counts it this year.
        await page.GotoAsync("/c/nuclear-valley/projects?q=smr");
        Assert.Equal(1, await page.Locator("#proposals tbody tr").CountAsync());
        await page.GotoAsync("/c/nuclear-valley/projects/funnel");
        Assert.Equal("80", (await page.TextContentAsync("#funnel-2011 td:nth-child(2)"))!.Trim());
        Assert.Equal("34", (await page.TextContentAsync("#funnel-2011 td:nth-child(4)"))!.Trim());
        await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart('chart-funnel')");
        await page.WaitForTimeoutAsync(1200); // the chart's entry animation, for a still picture
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.Screenshots, "projects-funnel.png"), FullPage = true });
    }
}
