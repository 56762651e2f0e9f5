using System.Text.RegularExpressions;
using ClusterHub.Demo;
using Microsoft.Playwright;

namespace ClusterHub.BrowserTests;

/// <summary>Invites someone, so it has a demo site of its own.</summary>
public sealed partial class PeopleAndOutboxTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task The_manager_invites_someone_who_sets_a_password_from_the_link_in_the_outbox()
    {
        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        await page.GotoAsync("/c/nuclear-valley/people");
        // One row per person holding a role in the demo's cluster.
        var people = await site.App.WithDb<int>((db, _) =>
        {
            var cluster = db.Clusters.Single(c => c.Slug == NuclearValleyDemo.Slug).Id;
            return Task.FromResult(db.RoleGrants.Where(g => g.ClusterId == cluster).Select(g => g.UserId).Distinct().Count());
        });
        Assert.True(people >= 4, $"the demo has {people} accounts");
        Assert.Equal(people, await page.Locator("#people tbody tr").CountAsync());

        await page.FillAsync("#invite-form input[name=email]", "claire.martin@sfarsteel.example");
        await page.FillAsync("#invite-form input[name=displayName]", "Claire Martin");
        await page.SelectOptionAsync("#invite-form select[name=role]", "MemberRepresentative");
        await page.SelectOptionAsync("#invite-form select[name=memberId]", new SelectOptionValue { Label = "Sfarsteel" });
        await page.ClickAsync("#invite-form button[type=submit]");
        await Assertions.Expect(page.Locator("#people-message")).ToContainTextAsync("claire.martin@sfarsteel.example");
        var row = page.Locator("#people tr[data-email='claire.martin@sfarsteel.example']");
        await Assertions.Expect(row).ToContainTextAsync("Invited, no password yet");
        await Assertions.Expect(row).ToContainTextAsync("Sfarsteel");
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.Screenshots, "people.png"), FullPage = true });

        // Without mail configured, the invitation waits in the outbox, readable in full.
        await page.ClickAsync("#queued-message");
        await Assertions.Expect(page.Locator("#no-smtp")).ToBeVisibleAsync();
        var body = await page.TextContentAsync("#message-body") ?? "";
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.Screenshots, "outbox-message.png"), FullPage = true });
        var link = new Uri(WelcomeLink().Match(body).Value);

        var invited = await (await site.Browser.NewContextAsync(new() { BaseURL = site.App.BaseAddress, Locale = "en-GB" })).NewPageAsync();
        await invited.GotoAsync(link.PathAndQuery);
        await Assertions.Expect(invited.Locator("#welcome-email")).ToHaveTextAsync("claire.martin@sfarsteel.example");
        await invited.FillAsync("#welcome-form input[name=Password]", "Creusot-2026!");
        await invited.FillAsync("#welcome-form input[name=Confirm]", "Creusot-2026!");
        await invited.ClickAsync("#welcome-form button[type=submit]");
        await invited.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // A representative lands on the cluster's first page it may open: the member directory.
        Assert.EndsWith("/c/nuclear-valley/members", invited.Url, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"https?://\S+/account/welcome\?\S+")]
    private static partial Regex WelcomeLink();
}
