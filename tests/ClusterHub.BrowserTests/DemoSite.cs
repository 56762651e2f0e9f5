using ClusterHub.Demo;
using ClusterHub.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ClusterHub.BrowserTests;

/// <summary>
/// The Nuclear Valley demo (and a second, empty cluster) loaded once per test process into a SQLite file that each
/// class's <see cref="DemoSite"/> copies: loading the whole demo for every class was most of the browser tests' time.
/// The classes still never share a database.
/// </summary>
internal static class DemoTemplate
{
    private static readonly Lazy<Task<string>> File = new(async () =>
    {
        var file = SqliteApplication.NewFile();
        await using (var app = ClusterHub.Web.ClusterHubApp.Build(["--Logging:LogLevel:Default=Warning"], SqliteApplication.ConnectionTo(file)))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ClusterHub.Data.ClusterDb>();
            await ClusterHub.Data.Database.MigrateAsync(db, default);
            await NuclearValleyDemo.LoadAsync(scope.ServiceProvider, TextWriter.Null, default);
            db.Clusters.Add(new ClusterHub.Clusters.Cluster { Slug = "other-cluster", Name = "Cluster other-cluster", Region = "27" });
            await db.SaveChangesAsync();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => System.IO.File.Delete(file);
        return file;
    });

    public static Task<string> FileAsync() => File.Value;
}

/// <summary>The application with the Nuclear Valley demo on SQLite, and Debian's Chromium driven by Playwright.</summary>
public sealed class DemoSite : IAsyncLifetime
{
    public SqliteApplication App { get; } = new() { Template = DemoTemplate.FileAsync };
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright? playwright;

    /// <summary>Screenshots land here: tests/ClusterHub.BrowserTests/bin/…/screenshots.</summary>
    public static string Screenshots => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
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
