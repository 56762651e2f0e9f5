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

    [Fact]
    public async Task A_call_is_opened_and_a_proposal_drafted_in_the_forms_then_walked_to_certified()
    {
        var api = await site.App.CreateClientAsync("Manager", NuclearValleyDemo.Slug);
        var members = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/clusters/{NuclearValleyDemo.Slug}/members?pageSize=200")).RootElement;
        string Member(string type) => members.GetProperty("items").EnumerateArray().First(m => m.GetProperty("type").GetString() == type).GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        await page.GotoAsync("/c/nuclear-valley/projects/calls");
        await page.ClickAsync("#new-call");
        await page.FillAsync("#Form_Title", "FUI 31 (form test)");
        await page.FillAsync("#Form_OpensOn", "2020-01-01");
        await page.FillAsync("#Form_ClosesOn", "2099-12-31");
        await page.FillAsync("#Form_MinPartners", "3");
        await page.CheckAsync("#Form_RequiresSme");
        await page.FillAsync("input[name='Form.Rates[LargeCompany]']", "25");
        await page.FillAsync("input[name='Form.Rates[Sme]']", "45");
        await page.FillAsync("input[name='Form.Rates[Research]']", "100");
        await page.ClickAsync("#save-call");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("FUI 31 (form test)");
        var callId = page.Url.Split('/')[^1];

        await page.GotoAsync("/c/nuclear-valley/projects");
        await page.ClickAsync("#new-proposal");
        await page.FillAsync("#Form_Acronym", "SHELL-FORM");
        await page.FillAsync("#Form_Title", "Shells forged in one piece");
        await page.SelectOptionAsync("#Form_CallId", callId);
        await page.SelectOptionAsync("#Form_StrategicAreaId", new SelectOptionValue { Index = 1 });
        await page.FillAsync("#Form_DurationMonths", "30");
        Assert.Equal(2, await page.Locator("#partner-rows tr").CountAsync());
        await page.ClickAsync("#add-partner"); // a third row, added in the page
        var rows = page.Locator("#partner-rows tr");
        Assert.Equal(3, await rows.CountAsync());
        async Task Row(int i, string member, string role, string budget, string requested)
        {
            await rows.Nth(i).Locator("select[name='Form.PartnerMember']").SelectOptionAsync(member);
            await rows.Nth(i).Locator("select[name='Form.PartnerRole']").SelectOptionAsync(role);
            await rows.Nth(i).Locator("input[name='Form.PartnerBudget']").FillAsync(budget);
            await rows.Nth(i).Locator("input[name='Form.PartnerRequested']").FillAsync(requested);
        }
        await Row(0, Member("LargeCompany"), "Coordinator", "1 200 000", "300 000");
        await Row(1, Member("Sme"), "Coordinator", "400 000", "180 000");
        await Row(2, Member("ResearchOrganisation"), "Partner", "300 000", "300 000");
        await page.ClickAsync("#save-proposal");
        // Two coordinators: refused, the form shown again with what was typed.
        await Assertions.Expect(page.Locator("#form-errors")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-field=partners]")).ToContainTextAsync("coordinator");
        Assert.Equal("400 000", await page.Locator("#partner-rows tr").Nth(1).Locator("input[name='Form.PartnerBudget']").InputValueAsync());
        await page.Locator("#partner-rows tr").Nth(1).Locator("select[name='Form.PartnerRole']").SelectOptionAsync("Partner");
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.Screenshots, "projects-proposal-form.png"), FullPage = true }); // docs/guide/projects.md
        await page.ClickAsync("#save-proposal");

        await Assertions.Expect(page.Locator("#proposal-state")).ToHaveTextAsync("Draft");
        Assert.Contains("meets every rule", await page.TextContentAsync("#eligibility"), StringComparison.Ordinal);
        Assert.Equal(3, await page.Locator("#consortium tbody tr").CountAsync());
        foreach (var (button, state) in new[] { ("#move-submit", "Submitted"), ("#move-start-review", "Under committee review"), ("#move-certify", "Certified") })
        {
            await page.ClickAsync(button);
            await Assertions.Expect(page.Locator("#proposal-state")).ToHaveTextAsync(state);
        }
        Assert.Equal(0, await page.Locator("#edit-proposal").CountAsync()); // certified: no longer edited
    }

    [Fact]
    public async Task An_attachment_is_uploaded_listed_and_a_disguised_executable_refused_on_the_proposal_page()
    {
        var id = await DraftAsync();
        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        await page.GotoAsync($"/c/nuclear-valley/projects/{id}");
        await page.ClickAsync("#attachments-link a");
        await Assertions.Expect(page.Locator("#no-attachments")).ToBeVisibleAsync();

        var pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"u8.ToArray();
        await page.SetInputFilesAsync("#attachment-form input[type=file]", new FilePayload { Name = "SMR-FORGE application.pdf", MimeType = "application/pdf", Buffer = pdf });
        await page.ClickAsync("#attachment-submit");
        await Assertions.Expect(page.Locator("#attachment-done")).ToBeVisibleAsync();
        Assert.Equal(["SMR-FORGE application.pdf"], (await page.Locator("#attachments tbody tr td:first-child a").AllTextContentsAsync()).Select(t => t.Trim()));
        Assert.Equal("application/pdf", (await page.Locator("#attachments tbody tr td:nth-child(2)").TextContentAsync())!.Trim());

        byte[] exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, .. new byte[64]];
        await page.SetInputFilesAsync("#attachment-form input[type=file]", new FilePayload { Name = "budget.pdf", MimeType = "application/pdf", Buffer = exe });
        await page.ClickAsync("#attachment-submit");
        await Assertions.Expect(page.Locator("#attachment-refused")).ToContainTextAsync("not an accepted type");
        Assert.Equal(1, await page.Locator("#attachments tbody tr").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.Screenshots, "proposal-attachments.png"), FullPage = true }); // docs/guide/projects.md

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#attachments tbody tr td:first-child a"));
        Assert.Equal("SMR-FORGE application.pdf", download.SuggestedFilename);
    }

    [Fact]
    public async Task The_projects_list_imports_past_projects_and_shows_located_errors()
    {
        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        await page.GotoAsync("/c/nuclear-valley/projects");
        await Assertions.Expect(page.Locator("#import-template")).ToBeVisibleAsync();
        var bad = "acronym,title,state,created_at,submitted_at,partner,partner_role,partner_category,duration_months,trl_start,trl_target\nOLD-1,Old project,Submitted,2012-03-01,,Areva,Coordinator,LargeCompany,24,3,6\n"u8.ToArray();
        await page.SetInputFilesAsync("#import-form input[type=file]", new FilePayload { Name = "past.csv", MimeType = "text/csv", Buffer = bad });
        await page.ClickAsync("#import-form button[type=submit]");
        await Assertions.Expect(page.Locator("#import-errors")).ToContainTextAsync("submitted_at");
        var good = "acronym,title,state,created_at,submitted_at,partner,partner_role,partner_category,duration_months,trl_start,trl_target\nOLD-1,Old project,Submitted,2012-03-01,2012-04-02,Areva,Coordinator,LargeCompany,24,3,6\n"u8.ToArray();
        await page.SetInputFilesAsync("#import-form input[type=file]", new FilePayload { Name = "past.csv", MimeType = "text/csv", Buffer = good });
        await page.ClickAsync("#import-form button[type=submit]");
        await Assertions.Expect(page.Locator("#import-result")).ToContainTextAsync("1 created");
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.Screenshots, "project-import.png"), FullPage = true });
    }
}
