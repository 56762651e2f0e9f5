using System.Net.Http.Json;
using System.Text.Json;
using ClusterHub.Demo;
using ClusterHub.Projects;
using Microsoft.Playwright;

namespace ClusterHub.BrowserTests;

/// <summary>
/// A proposal from draft to certified through a committee meeting, on the pages: a conflicted assignment is blocked with its
/// evidence, a free reviewer is assigned, the committee's meeting certifies it through the workflow.
/// </summary>
public sealed class CommitteePageTests(DemoSite site) : IClassFixture<DemoSite>
{
    private const string Root = $"/api/v1/clusters/{NuclearValleyDemo.Slug}";

    /// <summary>A draft on the first committee's area, coordinated by Areva (whose expert sits on the committee) with an SME and CEA.</summary>
    private async Task<int> DraftAsync()
    {
        var api = await site.App.CreateClientAsync("Manager", NuclearValleyDemo.Slug);
        async Task<JsonElement> Get(string url) => JsonDocument.Parse(await api.GetStringAsync(Root + url)).RootElement.Clone();
        async Task<JsonElement> Post(string url, object body)
        {
            var response = await api.PostAsJsonAsync(Root + url, body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, text);
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        var committee = (await Get("/committees")).GetProperty("items")[0];
        var fui = (await Get("/funders")).EnumerateArray().First(f => f.GetProperty("kind").GetString() == "StateProgramme").GetProperty("id").GetInt32();
        var call = await Post("/calls", new
        {
            funderId = fui, title = "FUI call (committee browser test)", opensOn = $"{DateTime.UtcNow.Year}-01-01", closesOn = "2099-12-31", state = "Open", minPartners = 3, requiresSme = true,
            fundingRates = new[] { new { category = "LargeCompany", maxRatePercent = 25 }, new { category = "Sme", maxRatePercent = 45 }, new { category = "Research", maxRatePercent = 100 } },
        });
        var members = await Get("/members?pageSize=200");
        int Named(string name) => members.GetProperty("items").EnumerateArray().First(m => m.GetProperty("name").GetString() == name).GetProperty("id").GetInt32();
        int Sme() => members.GetProperty("items").EnumerateArray().First(m => m.GetProperty("type").GetString() == "Sme").GetProperty("id").GetInt32();
        var proposal = await Post("/proposals", new
        {
            title = "Steam-generator shell forging for SMRs", acronym = "SMR-SHELL", callId = call.GetProperty("call").GetProperty("id").GetInt32(),
            strategicAreaId = committee.GetProperty("strategicAreaId").GetInt32(), durationMonths = 36, trlStart = 4, trlTarget = 7,
            partners = new object[]
            {
                new { memberId = Named("Areva"), role = "Coordinator", budgetEur = 1_200_000m, requestedEur = 300_000m },
                new { memberId = Sme(), role = "Partner", budgetEur = 400_000m, requestedEur = 180_000m },
                new { memberId = Named("CEA"), role = "Partner", budgetEur = 300_000m, requestedEur = 300_000m },
            },
        });
        return proposal.GetProperty("proposal").GetProperty("id").GetInt32();
    }

    private static async Task ClickAsync(IPage page, string selector)
    {
        await page.ClickAsync(selector);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    [Fact]
    public async Task A_proposal_goes_from_draft_to_certified_through_a_meeting_and_a_conflicted_assignment_shows_its_evidence()
    {
        var id = await DraftAsync();
        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        await page.GotoAsync($"/c/nuclear-valley/projects/{id}");
        await ClickAsync(page, "#move-submit");
        await ClickAsync(page, "#move-start-review");
        Assert.Equal("Under committee review", (await page.TextContentAsync("#proposal-state"))!.Trim());

        // Areva's expert: its own organisation coordinates the proposal. Blocked, with the evidence.
        await page.SelectOptionAsync("#assign-form select[name=userId]", new SelectOptionValue { Label = CommitteesDemo.ArevaExpertEmail });
        var refused = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#assign-form button"), r => r.Request.Method == "POST");
        Assert.Equal(409, refused.Status);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("the reviewer's organisation Areva is in the consortium", await page.TextContentAsync("#assignment-conflicts"), StringComparison.Ordinal);
        Assert.Equal("No reviewer assigned yet.", (await page.TextContentAsync("#assigned-reviewers"))!.Trim());
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.Screenshots, "committees-conflict.png"), FullPage = true });

        // The independent chair is free of conflict.
        await page.SelectOptionAsync("#assign-form select[name=userId]", new SelectOptionValue { Label = CommitteesDemo.ChairEmail });
        await ClickAsync(page, "#assign-form button");
        Assert.Equal(CommitteesDemo.ChairEmail, (await page.TextContentAsync("#assigned-reviewers"))!.Trim());

        // The committee meets: the proposal is on the new meeting's agenda, and the meeting certifies it.
        await page.GotoAsync("/c/nuclear-valley/projects/committees");
        await ClickAsync(page, "#committees tbody tr:first-child a");
        Assert.Equal(4, await page.Locator("#grid tbody tr").CountAsync());
        await page.FillAsync("#new-meeting input[name=on]", $"{DateTime.UtcNow.Year}-06-12");
        await ClickAsync(page, "#new-meeting button");
        var row = page.Locator("#agenda tbody tr", new() { HasText = "SMR-SHELL" });
        await row.Locator("select[name=decision]").SelectOptionAsync("Certify");
        await row.Locator("input[name=reason]").FillAsync("Strong consortium, clear market");
        await ClickAsync(page, $"#agenda tbody tr:has-text('SMR-SHELL') button");
        Assert.Contains("Certify", (await page.Locator("#agenda tbody tr", new() { HasText = "SMR-SHELL" }).TextContentAsync())!, StringComparison.Ordinal);
        await page.FillAsync("#minutes-form textarea", "Present: the chair and the experts.\nSMR-SHELL certified.");
        await ClickAsync(page, "#minutes-form button");
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.Screenshots, "committees-meeting.png"), FullPage = true });

        await page.GotoAsync($"/c/nuclear-valley/projects/{id}");
        Assert.Equal("Certified", (await page.TextContentAsync("#proposal-state"))!.Trim());
        var history = await page.Locator("#history tbody tr").AllTextContentsAsync();
        Assert.Contains("Under committee review → Certified", history[^1], StringComparison.Ordinal);
        Assert.Contains("Strong consortium, clear market", history[^1], StringComparison.Ordinal);
    }
}
