using ClusterHub.Demo;
using ClusterHub.Tests;
using Microsoft.Playwright;

namespace ClusterHub.BrowserTests;

/// <summary>The application with the Nuclear Valley demo on SQLite, and Debian's Chromium driven by Playwright.</summary>
public sealed class DemoSite : IAsyncLifetime
{
    public SqliteApplication App { get; } = new();
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright? playwright;

    /// <summary>Screenshots land here: tests/ClusterHub.BrowserTests/bin/…/screenshots.</summary>
    public static string Screenshots => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        await App.WithDb<int>(async (_, sp) => { await NuclearValleyDemo.LoadAsync(sp, TextWriter.Null, default); return 0; });
        await App.CreateClusterAsync("other-cluster");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            // The machine's network is closed: without these Chromium keeps trying to reach Google.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>A new browser context (its own cookies), logged in through the login page.</summary>
    public async Task<IPage> LogInAsync(string email, string locale = "en-GB")
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = App.BaseAddress, Locale = locale });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("input[name=Email]", email);
        await page.FillAsync("input[name=Password]", NuclearValleyDemo.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return page;
    }
}
