using System.Text.Json;
using ClusterHub.Demo;
using ClusterHub.Projects;
using Microsoft.Playwright;

namespace ClusterHub.BrowserTests;

/// <summary>
/// Reviewers' expertise on the pages: a reviewer edits their own competences (their organisation's validated ones beside them),
/// and the review demo call's assignment page explains its choices with the names of the competences and areas matched.
/// </summary>
public sealed class ExpertisePageTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task A_reviewer_edits_their_expertise_and_the_assignment_page_names_the_competences_it_matched()
    {
        var page = await site.LogInAsync(CommitteesDemo.ArevaExpertEmail);
        await page.GotoAsync("/c/nuclear-valley/projects/committees");
        await page.ClickAsync("#expertise-link");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // The demo's own levels, and Areva's validated declarations beside them.
        Assert.Equal("4", await page.InputValueAsync("select[name='levels[FORGE]']"));
        Assert.Contains("Areva (4)", await page.Locator("#expertise tbody tr", new() { HasText = "Non-destructive testing" }).TextContentAsync(), StringComparison.Ordinal);
        await page.SelectOptionAsync("select[name='levels[ROBOT]']", "2");
        await page.ClickAsync("#edit-expertise button");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(await page.Locator("#expertise-saved").IsVisibleAsync());
        Assert.Equal("2", await page.InputValueAsync("select[name='levels[ROBOT]']"));
        Assert.Equal("4", await page.InputValueAsync("select[name='levels[FORGE]']"));

        var manager = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        var api = await site.App.CreateClientAsync("Manager", NuclearValleyDemo.Slug);
        var calls = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/clusters/{NuclearValleyDemo.Slug}/calls?pageSize=100&state=Closed")).RootElement;
        var call = calls.GetProperty("items").EnumerateArray().First(c => c.GetProperty("title").GetString() == CommitteesDemo.ReviewCallTitle).GetProperty("id").GetInt32();
        await manager.GotoAsync($"/c/nuclear-valley/projects/calls/{call}/assignment?k=1&loadCap=2");
        var choices = await manager.Locator("#assignment-choices tbody tr").AllTextContentsAsync();
        Assert.Equal(4, choices.Count);
        // The forging proposal goes to the Areva expert, for Forging (their own 4) — named, not coded.
        var forging = Assert.Single(choices, r => r.Contains("NV-REVIEW-1", StringComparison.Ordinal));
        Assert.Contains(CommitteesDemo.ArevaExpertEmail, forging, StringComparison.Ordinal);
        Assert.Contains("competence Forging (1 × 1)", forging, StringComparison.Ordinal);
        Assert.DoesNotContain("comp:", string.Join(" ", choices), StringComparison.Ordinal);
        await manager.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.Screenshots, "committees-assignment.png"), FullPage = true });
    }
}
