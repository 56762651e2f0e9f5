using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace ClusterHub.Assessment;

/// <summary>The machine has no Chromium where the configuration says: the PDF cannot be printed.</summary>
public sealed class ChromiumMissingException(string path)
    : Exception($"No Chromium at '{path}': install it (apt-get install chromium) or set Assessment:Chromium to its path.")
{
    public string Path { get; } = path;
}

/// <summary>
/// The report as PDF: its HTML (<see cref="ReportHtml.Document"/>) printed by headless Chromium through PuppeteerSharp,
/// with the machine's Chromium (<c>Assessment:Chromium</c>, default <c>/usr/bin/chromium</c>; nothing is downloaded).
/// Korean needs a CJK font on the machine (Debian's fonts-noto-cjk): the report's styles name it first.
/// </summary>
public sealed class ReportPdf(IConfiguration configuration)
{
    public const string ChromiumKey = "Assessment:Chromium";
    public string ChromiumPath => configuration[ChromiumKey] is { Length: > 0 } p ? p : "/usr/bin/chromium";

    public async Task<byte[]> PrintAsync(string html, CancellationToken ct)
    {
        var path = ChromiumPath;
        if (!File.Exists(path)) throw new ChromiumMissingException(path);
        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            // The machine's network is closed: without these Chromium keeps trying to reach Google.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        }).WaitAsync(ct);
        await using var page = await browser.NewPageAsync().WaitAsync(ct);
        await page.SetContentAsync(html).WaitAsync(ct);
        return await page.PdfDataAsync(new PdfOptions
        {
            Format = PaperFormat.A4, Landscape = true, PrintBackground = true,
            MarginOptions = new MarginOptions { Top = "12mm", Bottom = "12mm", Left = "10mm", Right = "10mm" },
        }).WaitAsync(ct);
    }
}
