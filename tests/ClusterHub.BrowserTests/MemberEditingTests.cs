using System.Text.RegularExpressions;
using ClusterHub.Demo;
using Microsoft.Playwright;

namespace ClusterHub.BrowserTests;

/// <summary>Changes data, so it has a demo site of its own and the read-only page tests see the paper's figures.</summary>
public sealed partial class MemberEditingTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task The_clusters_page_pages_through_what_an_administrator_sees()
    {
        for (var i = 0; i < 30; i++) await site.App.CreateClusterAsync($"z-cluster-{i:00}");
        var page = await site.LogInAsync("admin@clusterhub.demo");
        await page.GotoAsync("/");
        var rows = page.Locator("main table tbody tr");
        Assert.Equal(25, await rows.CountAsync());
        Assert.Contains("Page 1 of 2", await page.TextContentAsync(".pager"), StringComparison.Ordinal);
        await page.ClickAsync(".pager a[rel=next]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.EndsWith("/?page=2", page.Url, StringComparison.Ordinal);
        // 30 + other-cluster + Nuclear Valley = 32 by name: seven on the second page, Nuclear Valley last.
        Assert.Equal(7, await rows.CountAsync());
        Assert.Equal("Nuclear Valley", (await rows.Last.Locator("td").First.TextContentAsync())?.Trim());
    }

    [Fact]
    public async Task Adding_a_member_shows_validation_errors_on_the_page_then_saves()
    {
        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        await page.GotoAsync("/c/nuclear-valley/members");
        await page.ClickAsync("#add-member");
        await page.FillAsync("input[name='Form.Departement']", "999");
        await page.ClickAsync("#save-member");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(await page.IsVisibleAsync("#form-errors"));
        Assert.Equal("is required", (await page.TextContentAsync("[data-field=name]"))?.Trim());
        Assert.Equal("is required", (await page.TextContentAsync("[data-field=joined_on]"))?.Trim());

        await page.FillAsync("input[name='Form.Name']", "Métrologie Bressane");
        await page.SelectOptionAsync("select[name='Form.Type']", "Sme");
        await page.FillAsync("input[name='Form.Departement']", "71");
        await page.FillAsync("input[name='Form.Headcount']", "18");
        await page.FillAsync("input[name='Form.JoinedOn']", "2020-02-03");
        await page.ClickAsync("#save-member");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Matches(MemberPage(), page.Url);
        Assert.Equal("Métrologie Bressane", (await page.TextContentAsync("h1"))?.Trim());
        Assert.Contains("Small", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_manager_records_a_payment_on_an_overdue_invoice()
    {
        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        await page.GotoAsync("/c/nuclear-valley/dues?status=Overdue");
        var overdue = page.Locator("#invoices tbody tr");
        var before = await overdue.CountAsync();
        Assert.True(before > 0, "the demo has overdue 2019 invoices");
        var number = (await overdue.First.Locator("td").First.TextContentAsync())!.Trim();
        await overdue.First.Locator("form[action*='handler=pay'] button").ClickAsync();
        await page.GotoAsync($"/c/nuclear-valley/dues?status=Paid&year={number[..4]}");
        Assert.Contains(number, await page.Locator("#invoices").TextContentAsync() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_issues_a_token_on_the_page_uses_it_on_the_api_and_revokes_it()
    {
        var page = await site.LogInAsync("staff@nuclear-valley.demo");
        await page.GotoAsync("/account/tokens");
        await page.FillAsync("#token-form input[name=name]", "spreadsheet");
        await page.ClickAsync("#token-form button[type=submit]");
        var token = (await page.TextContentAsync("#new-token code"))!.Trim();
        Assert.StartsWith("chp_", token, StringComparison.Ordinal);

        using var api = new HttpClient { BaseAddress = new Uri(site.App.BaseAddress) };
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await api.GetAsync("/api/v1/clusters/nuclear-valley/members?pageSize=1")).StatusCode);

        await page.ClickAsync("#tokens form[action*='handler=revoke'] button");
        await Assertions.Expect(page.Locator("#tokens tbody tr").First).ToContainTextAsync("Revoked");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/clusters/nuclear-valley/members?pageSize=1")).StatusCode);
    }

    [Fact]
    public async Task The_manager_edits_the_tier_table_and_a_bad_amount_saves_nothing()
    {
        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        await page.GotoAsync("/c/nuclear-valley/dues?tierYear=2020");
        var sme = page.Locator("input[name='tier-Sme-Small']");
        Assert.Equal("", await sme.InputValueAsync()); // no 2020 tiers in the demo
        await sme.FillAsync("850");
        await page.FillAsync("input[name='tier-University-Unknown']", "lots");
        await page.ClickAsync("#tiers-form button[type=submit]");
        Assert.True(await page.IsVisibleAsync("#tier-errors"));
        await page.GotoAsync("/c/nuclear-valley/dues?tierYear=2020");
        Assert.Equal("", await page.Locator("input[name='tier-Sme-Small']").InputValueAsync());

        await page.FillAsync("input[name='tier-Sme-Small']", "850");
        await page.FillAsync("input[name='tier-University-Unknown']", "1600");
        await page.ClickAsync("#tiers-form button[type=submit]");
        await Assertions.Expect(page.Locator("#dues-message")).ToContainTextAsync("2020");
        await page.GotoAsync("/c/nuclear-valley/dues?tierYear=2020");
        Assert.Equal("850", await page.Locator("input[name='tier-Sme-Small']").InputValueAsync());
        Assert.Equal("1600", await page.Locator("input[name='tier-University-Unknown']").InputValueAsync());
    }

    [Fact]
    public async Task The_upload_page_lists_every_error_of_a_bad_file_then_imports_a_good_one()
    {
        var page = await site.LogInAsync("staff@nuclear-valley.demo");
        await page.GotoAsync("/c/nuclear-valley/members/import");
        var bad = "name,type,departement,joined_on\nAtelier Neuf,Sme,71,2021-01-01\n,Sme,71,2021-01-01\nAtelier Faux,Robot,71,someday\n"u8.ToArray();
        await page.SetInputFilesAsync("#import-form input[type=file]", new FilePayload { Name = "bad.csv", MimeType = "text/csv", Buffer = bad });
        await page.ClickAsync("#import-form button[type=submit]");
        await Assertions.Expect(page.Locator("#import-result")).ToContainTextAsync("3");
        Assert.Equal(3, await page.Locator("#import-errors tbody tr").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.Screenshots, "member-import-errors.png"), FullPage = true }); // docs/guide/import-and-export.md

        var good = "name,type,departement,joined_on\nAtelier Neuf,Sme,71,2021-01-01\n"u8.ToArray();
        await page.SetInputFilesAsync("#import-form input[type=file]", new FilePayload { Name = "good.csv", MimeType = "text/csv", Buffer = good });
        await page.ClickAsync("#import-form button[type=submit]");
        await Assertions.Expect(page.Locator("#import-result")).ToContainTextAsync("1 created");
        await page.GotoAsync("/c/nuclear-valley/members?search=atelier");
        Assert.Equal(["Atelier Neuf"], (await page.Locator("#members tbody tr td:first-child a").AllTextContentsAsync()).Select(t => t.Trim()));
    }

    [Fact]
    public async Task The_upload_page_shows_the_first_thousand_errors_of_a_file_with_more_and_says_how_many_in_all()
    {
        var page = await site.LogInAsync("staff@nuclear-valley.demo");
        await page.GotoAsync("/c/nuclear-valley/members/import");
        await Assertions.Expect(page.Locator("#import-template")).ToHaveAttributeAsync("href", "?handler=template");
        var bad = new System.Text.StringBuilder("name,type,joined_on\n");
        for (var i = 0; i < 1_200; i++) bad.Append(System.Globalization.CultureInfo.InvariantCulture, $"Atelier {i},Robot,2021-01-01\n");
        await page.SetInputFilesAsync("#import-form input[type=file]", new FilePayload { Name = "many.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(bad.ToString()) });
        await page.ClickAsync("#import-form button[type=submit]");
        await Assertions.Expect(page.Locator("#import-result")).ToContainTextAsync("1,200");
        await Assertions.Expect(page.Locator("#import-errors-cut")).ToContainTextAsync("first 1,000 of 1,200");
        Assert.Equal(1_000, await page.Locator("#import-errors tbody tr").CountAsync());
    }

    [GeneratedRegex(@"/c/nuclear-valley/members/\d+$")]
    private static partial Regex MemberPage();
}
