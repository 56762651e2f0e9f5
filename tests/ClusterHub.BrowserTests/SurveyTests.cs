using System.Text.RegularExpressions;
using ClusterHub.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ClusterHub.BrowserTests;

/// <summary>The demo's 2019 stakeholder survey, and a new survey sent and answered through its personal link.</summary>
public sealed partial class SurveyTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task The_2019_survey_shows_its_rate_its_means_as_a_chart_and_hides_the_small_member_types()
    {
        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        await page.GotoAsync("/c/nuclear-valley/surveys");
        await Assertions.Expect(page.Locator("#surveys tbody tr", new() { HasText = "Stakeholder survey 2019" })).ToContainTextAsync("Closed");
        await page.ClickAsync("#surveys a:text('2019')");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Matches(@"^\d+%$", (await page.TextContentAsync("#response-rate"))!.Trim());
        Assert.Equal(8, await page.Locator("#results tbody tr").CountAsync());
        Assert.Equal(8, await page.Locator("#results td.mean").CountAsync()); // every item has enough respondents overall
        Assert.True(await page.Locator("#results-by-type td.too-few").CountAsync() > 0); // the small member types do not
        Assert.True(await page.EvaluateAsync<bool>("() => !!Chart.getChart(document.getElementById('chart-survey'))"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.Screenshots, "survey-results.png"), FullPage = true });
    }

    [Fact]
    public async Task A_manager_creates_and_sends_a_survey_and_a_member_answers_it_once_through_the_link_in_its_language()
    {
        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync("/c/nuclear-valley/surveys");
        await page.FillAsync("#create-survey input[name=year]", "2020");
        await page.FillAsync("#create-survey input[name=title]", "Stakeholder survey 2020");
        await page.FillAsync("#create-survey textarea[name=items]",
            "cipm.framework.consensus | The strategy is agreed by the members. | La stratégie est partagée par les adhérents. | 전략은 회원들이 합의한다.\n"
            + "cipm.facilitator.effectiveness | The team is effective. | L'équipe est efficace.");
        await page.ClickAsync("#create-survey button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.EndsWith("/c/nuclear-valley/surveys/2020", page.Url, StringComparison.Ordinal);
        await page.ClickAsync("#send-form button");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.Locator("#survey-message")).ToContainTextAsync("Invited");

        // Areva's contact, in France, gets the French invitation; the link is in the outbox message.
        var body = await site.App.WithDb((db, _) => db.OutboxMessages.Where(m => m.Kind == ClusterHub.Outbox.MessageKind.SurveyInvitation && m.Recipient == "contact@areva.example")
            .OrderByDescending(m => m.Id).Select(m => m.Body).FirstAsync());
        var link = new Uri(SurveyLink().Match(body).Value);
        var respondent = await (await site.Browser.NewContextAsync(new() { BaseURL = site.App.BaseAddress, Locale = "en-GB" })).NewPageAsync();
        await respondent.GotoAsync(link.PathAndQuery);
        await Assertions.Expect(respondent.Locator("#survey-items tbody tr").First).ToContainTextAsync("La stratégie est partagée par les adhérents.");
        await respondent.Locator("#survey-items tbody tr").Nth(0).Locator("input[value='4']").CheckAsync();
        await respondent.Locator("#survey-items tbody tr").Nth(1).Locator("input[value='dk']").CheckAsync();
        await respondent.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.Screenshots, "survey-answer.png"), FullPage = true });
        await respondent.ClickAsync("#survey-form button[type=submit]");
        await Assertions.Expect(respondent.Locator("#survey-thanks")).ToBeVisibleAsync();
        await respondent.GotoAsync(link.PathAndQuery);
        await Assertions.Expect(respondent.Locator("#link-used")).ToBeVisibleAsync();

        await page.GotoAsync("/c/nuclear-valley/surveys/2020");
        await Assertions.Expect(page.Locator("#results tbody tr").First).ToContainTextAsync("too few responses");
    }

    [GeneratedRegex(@"https?://\S+/survey/[A-Za-z0-9_-]{43}")]
    private static partial Regex SurveyLink();
}
