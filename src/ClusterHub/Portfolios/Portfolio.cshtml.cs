using System.Globalization;
using System.Text.Json;
using ClusterHub.Accounts;
using ClusterHub.Assessment;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Portfolios;

/// <summary>
/// A portfolio: the ranking (sortable, paged, filtered by year, instrument, region and sector), a radar per cluster of the
/// page, size against performance, one cluster's peer percentiles, the exports; the import for analysts and the grants
/// for the platform administrator.
/// </summary>
[RequestSizeLimit(RequestLimits.ImportBodyBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimits.ImportBodyBytes)]
[RequirePermission(PortfolioPermissions.Read)]
public sealed class PortfolioModel(ClusterDb db, PortfolioData data, PortfolioAccess access, TimeProvider clock, IStringLocalizer<Strings> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Instrument { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Desc { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Focus { get; set; }

    public PortfolioView View { get; private set; } = null!;
    public Page<PortfolioRow> Ranking { get; private set; } = null!;
    public PortfolioRow? FocusRow { get; private set; }
    public List<PercentileRow> Percentiles { get; private set; } = [];
    public List<GrantRow>? Grants { get; private set; }
    public ImportReport? Report { get; private set; }
    public IReadOnlyList<FieldError> GrantErrors { get; private set; } = [];
    public string ChartJson { get; private set; } = "{}";
    public PortfolioScope Scope => (PortfolioScope)HttpContext.Items[typeof(PortfolioScope)]!;
    public bool CanManage => Scope.Can(PortfolioPermissions.Manage);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!PortfolioRanking.IsSort(Sort)) Sort = null;
        if (Year is { } y && Years.Validate(y) is not null) Year = null;
        var view = await data.ViewAsync(db, Scope.PortfolioId, new(Year, Instrument, Region, Sector), ct)
            ?? await data.ViewAsync(db, Scope.PortfolioId, new(Year, null, Region, Sector), ct);
        View = view!;
        Year = View.Year;
        Instrument = View.InstrumentKey;
        Ranking = PortfolioData.Page(View, Sort, Desc, PageNumber, 12);
        var keys = View.Dimensions.Select(d => d.Key).ToList();
        FocusRow = View.Rows.FirstOrDefault(r => r.Key == Focus) ?? View.Rows.FirstOrDefault(r => r.Source == RowSource.Platform);
        if (FocusRow is not null) Percentiles = PortfolioRanking.Percentiles(FocusRow, View.Rows, keys);
        if (Scope.IsAdministrator) Grants = await PortfolioAccess.GrantsAsync(db, Scope.PortfolioId, ct);
        var c = CultureInfo.CurrentUICulture;
        double? Round(double? v) => v is { } x ? Math.Round(x, 1) : null;
        var medians = PortfolioRanking.Medians(View.Rows, keys);
        ChartJson = JsonSerializer.Serialize(new
        {
            locale = Format.Locale,
            dimensions = View.Dimensions.Select(d => d.Name.In(c)),
            rows = Ranking.Items.Select(r => new { name = r.Name, values = keys.Select(k => Round(r.Dimensions.GetValueOrDefault(k))) }),
            focus = FocusRow is null ? null : new
            {
                name = FocusRow.Name, values = keys.Select(k => Round(FocusRow.Dimensions.GetValueOrDefault(k))),
                median = keys.Select(k => Round(medians[k])), medianLabel = l["Portfolio.PeerMedian"].Value,
            },
            scatter = new
            {
                x = l["Portfolio.Size"].Value, y = l["Portfolio.Score"].Value,
                points = View.Rows.Where(r => r.Size is not null && r.Score is not null)
                    .Select(r => new { x = r.Size, y = Round(r.Score), label = r.Name, colour = r.Key == FocusRow?.Key ? "#e07b00" : null }),
            },
        });
        return Page();
    }

    /// <summary>A link to this page with the current filters and one change.</summary>
    public string Link(string? sort = null, bool? desc = null, int? page = null, string? focus = null)
    {
        var q = new List<string> { $"year={Year}", $"instrument={Uri.EscapeDataString(Instrument ?? "")}" };
        if (!string.IsNullOrEmpty(Region)) q.Add($"region={Uri.EscapeDataString(Region)}");
        if (!string.IsNullOrEmpty(Sector)) q.Add($"sector={Uri.EscapeDataString(Sector)}");
        var s = sort ?? Sort;
        if (!string.IsNullOrEmpty(s)) q.Add($"sort={Uri.EscapeDataString(s)}");
        if ((sort is null ? Desc : desc) is { } d) q.Add($"desc={(d ? "true" : "false")}");
        if (page is { } p) q.Add($"page={p}");
        if ((focus ?? FocusRow?.Key) is { } f) q.Add($"focus={Uri.EscapeDataString(f)}");
        return $"/portfolios/{Scope.Slug}?{string.Join('&', q)}";
    }

    /// <summary>The export's query: the same filters and sort.</summary>
    public string ExportLink(string format) =>
        $"/api/v1/portfolios/{Scope.Slug}/ranking/export?format={format}&year={Year}&instrument={Uri.EscapeDataString(Instrument ?? "")}"
        + (string.IsNullOrEmpty(Region) ? "" : $"&region={Uri.EscapeDataString(Region)}") + (string.IsNullOrEmpty(Sector) ? "" : $"&sector={Uri.EscapeDataString(Sector)}")
        + (string.IsNullOrEmpty(Sort) ? "" : $"&sort={Uri.EscapeDataString(Sort)}") + (Desc is { } d ? $"&desc={(d ? "true" : "false")}" : "");

    [RequirePermission(PortfolioPermissions.Manage)]
    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct)
    {
        var instrument = await Instruments.ShippedAsync(db, clock, Instrument ?? Instruments.Cipm, null, ct);
        if (instrument is null) return NotFound();
        await PortfolioFile.Template(InstrumentMapping.ToSpec(instrument)).SendAsync(Response, ct);
        return new EmptyResult();
    }

    [RequirePermission(PortfolioPermissions.Manage)]
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        var instrument = await Instruments.ShippedAsync(db, clock, Instrument ?? Instruments.Cipm, null, ct);
        if (file is null || file.Length == 0 || instrument is null)
            Report = new ImportReport("", 0, 0, 0, 0, [new LocatedError("", 0, file is null ? "file" : "instrument", null, file is null ? "no file was sent" : "unknown instrument")], 1);
        else
        {
            await using var bytes = file.OpenReadStream();
            Report = await PortfolioFile.ImportAsync(db, Scope.PortfolioId, instrument, bytes, file.FileName, MemberFile.FormatOf(file.FileName),
                User.Identity?.Name ?? "user", clock.GetUtcNow().UtcDateTime, ct);
        }
        if (!Report.Succeeded) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var status = Response.StatusCode;
        await OnGetAsync(ct);
        Response.StatusCode = status;
        return Page();
    }

    [PlatformAdministrator]
    public async Task<IActionResult> OnPostGrantAsync(string? email, string? role, CancellationToken ct)
    {
        var (outcome, errors) = await access.GrantAsync(db, Scope.PortfolioId, new(email, role), User.Identity?.Name ?? "user", ct);
        if (outcome == PortfolioOutcome.Done) return Redirect($"/portfolios/{Scope.Slug}#grants");
        GrantErrors = errors;
        await OnGetAsync(ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    [PlatformAdministrator]
    public async Task<IActionResult> OnPostRevokeAsync(string? userId, CancellationToken ct)
    {
        if (userId is not null) await PortfolioAccess.RevokeAsync(db, Scope.PortfolioId, userId, ct);
        return Redirect($"/portfolios/{Scope.Slug}#grants");
    }
}
