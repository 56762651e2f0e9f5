using ClusterHub.Demo;
using Microsoft.Playwright;

namespace ClusterHub.BrowserTests;

/// <summary>The dues page: one year to open on, and a question before bulk or irreversible financial actions.</summary>
public sealed class DuesPageTests(DemoSite site) : IClassFixture<DemoSite>
{
    private static async Task<(string Tiers, string Renewal, string Invoices)> YearsShownAsync(IPage page) => (
        (await page.TextContentAsync("main h2:has-text('Dues tiers')"))!.Replace("Dues tiers", "", StringComparison.Ordinal).Trim(),
        await page.InputValueAsync("#renew-form input[name=year]"),
        await page.InputValueAsync("#invoice-filters input[name=year]"));

    [Fact]
    public async Task Tiers_renewal_and_invoices_open_on_the_same_year()
    {
        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        await page.GotoAsync("/c/nuclear-valley/dues");
        // The demo's tiers run to 2019: the latest year with tiers.
        Assert.Equal(("2019", "2019", "2019"), await YearsShownAsync(page));
        Assert.All(await page.Locator("#invoices tbody td:first-child").AllTextContentsAsync(), n => Assert.StartsWith("2019-", n, StringComparison.Ordinal));

        // A blank year in the filter is a choice: every year.
        await page.GotoAsync("/c/nuclear-valley/dues?year=");
        Assert.Equal("", await page.InputValueAsync("#invoice-filters input[name=year]"));

        // No tiers at all: this year, everywhere.
        var admin = await site.LogInAsync("admin@clusterhub.demo");
        await admin.GotoAsync("/c/other-cluster/dues");
        var thisYear = TimeProvider.System.GetUtcNow().Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((thisYear, thisYear, thisYear), await YearsShownAsync(admin));
    }

    [Fact]
    public async Task Renewing_everyone_and_writing_off_ask_first_and_do_nothing_when_declined()
    {
        var page = await site.LogInAsync(NuclearValleyDemo.ManagerEmail);
        await page.GotoAsync("/c/nuclear-valley/dues");
        var asked = new List<string>();
        var accept = false;
        page.Dialog += async (_, dialog) =>
        {
            asked.Add(dialog.Message);
            if (accept) await dialog.AcceptAsync(); else await dialog.DismissAsync();
        };
        var posts = 0;
        page.Request += (_, r) => { if (r.Method == "POST") posts++; };

        await page.ClickAsync("#renew-form button[type=submit]");
        await page.WaitForTimeoutAsync(500);
        Assert.Equal(0, posts);
        Assert.Equal("Renew every active member for 2019? Each one without a 2019 invoice gets one now.", Assert.Single(asked));
        Assert.Equal(0, await page.Locator("#dues-message").CountAsync());

        accept = true;
        await page.ClickAsync("#renew-form button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("2019: 0 members renewed, 270 already renewed.", await page.TextContentAsync("#dues-message"), StringComparison.Ordinal);

        // Writing off: the question names the invoice, the member and the amount.
        var row = page.Locator("#invoices tbody tr", new() { Has = page.Locator("button:text-is('Write off')") }).First;
        var number = (await row.Locator("td").First.TextContentAsync())!.Trim();
        var member = (await row.Locator("td").Nth(1).TextContentAsync())!.Trim();
        accept = false;
        posts = 0;
        await row.Locator("button:text-is('Write off')").ClickAsync();
        await page.WaitForTimeoutAsync(500);
        Assert.Equal(0, posts);
        Assert.Matches($@"^Write off invoice {number} \({System.Text.RegularExpressions.Regex.Escape(member)}, €[\d,.]+\)\? It will no longer be claimed\.$", asked[^1]);

        accept = true;
        await row.Locator("button:text-is('Write off')").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var written = page.Locator("#invoices tbody tr", new() { Has = page.Locator($"td:text-is('{number}')") });
        await Assertions.Expect(written).ToContainTextAsync("Written off");
        Assert.Equal("2019", await page.InputValueAsync("#invoice-filters input[name=year]")); // the list stays where it was
    }
}
