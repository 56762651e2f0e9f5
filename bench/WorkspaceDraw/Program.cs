// Opens a workspace network page in Debian's headless Chromium, signed in, and reports how long the page took to draw
// the stored layout with sigma: from the start of navigation to sigma's first render (networks.js sets
// data-since-navigation), and the drawing alone (layout JSON fetched, graph built, rendered: data-ms).
// Usage: WorkspaceDraw BASE_URL EMAIL PASSWORD PAGE_PATH [RUNS]
using System.Globalization;
using Microsoft.Playwright;

if (args.Length < 4)
{
    Console.Error.WriteLine("usage: WorkspaceDraw BASE_URL EMAIL PASSWORD PAGE_PATH [RUNS]");
    return 2;
}
var (baseUrl, email, password, path) = (args[0], args[1], args[2], args[3]);
var runs = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 5;
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = "/usr/bin/chromium", Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
var context = await browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
var page = await context.NewPageAsync();
await page.GotoAsync("/account/login");
await page.FillAsync("input[name=Email]", email);
await page.FillAsync("input[name=Password]", password);
await page.ClickAsync("button[type=submit]");
await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
var totals = new List<double>();
for (var run = 0; run <= runs; run++)
{
    await page.GotoAsync(path);
    await page.WaitForSelectorAsync("#graph[data-drawn=true]", new() { Timeout = 120_000 });
    var total = double.Parse((await page.GetAttributeAsync("#graph", "data-since-navigation"))!, CultureInfo.InvariantCulture);
    var drawing = await page.GetAttributeAsync("#graph", "data-ms");
    var nodes = await page.GetAttributeAsync("#graph", "data-nodes");
    Console.WriteLine($"{(run == 0 ? "warm-up" : "run " + run)}: {nodes} nodes, first drawing {total} ms after navigation (drawing {drawing} ms)");
    if (run > 0) totals.Add(total);
}
totals.Sort();
Console.WriteLine($"median {totals[totals.Count / 2]} ms, min {totals[0]} ms, max {totals[^1]} ms over {totals.Count} runs");
return 0;
