using System.Globalization;
using System.Text.Json;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Mapping;

/// <summary>
/// One dataset: choose a definition's cluster (or an industry), a year and a base; the regions' table (sortable, paged),
/// the choropleth of the chosen measure, the chosen region's time chart, exports, saved views, the map's boundaries.
/// </summary>
[RequestSizeLimit(MappingLimits.BoundaryBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MappingLimits.BoundaryBytes)]
[RequirePermission(MappingPermissions.Read)]
public sealed class DatasetModel(ClusterDb db, MappingTables tables, IStringLocalizer<Strings> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public int DatasetId { get; set; }
    [BindProperty(SupportsGet = true)] public int? View { get; set; }
    [BindProperty(SupportsGet = true)] public int? Definition { get; set; }
    [BindProperty(SupportsGet = true)] public string? Subject { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "base")] public MappingBase Base { get; set; }
    [BindProperty(SupportsGet = true)] public string? Measure { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Desc { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public int? P { get; set; }

    public DatasetRow Dataset { get; private set; } = null!;
    public MappingResult? Result { get; private set; }
    public RegionSeries? Series { get; private set; }
    public List<DefinitionRow> Definitions { get; private set; } = [];
    public List<MappingWorkspace.ViewRow> Views { get; private set; } = [];
    public string? Error { get; private set; }
    public string ChartJson { get; private set; } = "{}";
    public ClusterScope Scope => HttpContext.ClusterScope();
    public bool CanManage => Scope.Can(MappingPermissions.Manage);
    public string Self => string.Create(CultureInfo.InvariantCulture, $"/c/{Scope.Slug}/mapping/{DatasetId}");

    public MappingQuery Query => new(Definition, Subject, Year, From, Base, Measure, Sort, Desc);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await MappingWorkspace.FindAsync(db, Scope.ClusterId, DatasetId, ct) is not { } dataset) return false;
        Dataset = dataset;
        Definitions = await MappingWorkspace.DefinitionsAsync(db, Scope.ClusterId, ct);
        Views = await MappingWorkspace.ViewsAsync(db, Scope.ClusterId, DatasetId, ct);
        if (View is { } v && Views.FirstOrDefault(x => x.Id == v) is { } saved)
            (Definition, Subject, Year, Base, Measure, Sort) = (saved.DefinitionId, saved.Subject, saved.Year, saved.Base, saved.Measure, saved.Sort);
        var (outcome, result, error) = await MappingFigures.QueryAsync(db, tables, Scope.ClusterId, DatasetId, Query, P, 50, ct);
        if (outcome == QueryOutcome.NotFound) return false;
        (Result, Error) = (result, error);
        if (Result is not null)
        {
            // The chosen region, or the first of the table: its time chart.
            var region = Region ?? (Result.Regions.Items.Count > 0 ? Result.Regions.Items[0].Region : null);
            if (region is not null) Series = (await MappingFigures.SeriesAsync(db, tables, Scope.ClusterId, DatasetId, region, Query with { Definition = Definition, Subject = Result.Subject }, ct)).Series;
            ChartJson = JsonSerializer.Serialize(new
            {
                locale = Format.Locale,
                measure = Result.Measure,
                measureLabel = l["Mapping.Measure." + Result.Measure].Value,
                values = Result.Map,
                geo = Dataset.Map is null ? null : MappingWorkspace.BuiltInMaps.TryGetValue(Dataset.Map, out var builtIn) ? builtIn : Self + "?handler=geo",
                kind = Dataset.Map,
                key = Dataset.Map == "geojson" ? (await MappingWorkspace.BoundariesAsync(db, Scope.ClusterId, DatasetId, ct)).Key : null,
                series = Series is null ? null : new
                {
                    labels = Series.Years.Select(y => y.ToString(CultureInfo.InvariantCulture)),
                    series = new[] { new { label = l["Mapping.Measure.employment"].Value, values = Series.Employment } },
                },
                lqSeries = Series is null ? null : new
                {
                    labels = Series.Years.Select(y => y.ToString(CultureInfo.InvariantCulture)),
                    series = new[] { new { label = l["Mapping.Measure.lq"].Value, values = Series.Lq } },
                },
            });
        }
        return true;
    }

    /// <summary>The uploaded boundaries (GeoJSON) for the map's script.</summary>
    public async Task<IActionResult> OnGetGeoAsync(CancellationToken ct) =>
        (await MappingWorkspace.BoundariesAsync(db, Scope.ClusterId, DatasetId, ct)).Boundaries is { } geo && !MappingWorkspace.BuiltInMaps.ContainsKey(geo)
            ? Content(geo, "application/geo+json") : NotFound();

    /// <summary>Every region of the view as a file, through the house's export writers.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (Export.ParseFormat(format ?? "csv") is not { } fmt) return BadRequest();
        var (outcome, rows, _) = await MappingFigures.AllAsync(db, tables, Scope.ClusterId, DatasetId, Query, ct);
        if (outcome == QueryOutcome.NotFound) return NotFound();
        if (rows is null) return BadRequest();
        await Export.SendAsync(Response, string.Create(CultureInfo.InvariantCulture, $"mapping-{DatasetId}"), MappingFigures.ExportTable("mapping"), rows.ToAsyncEnumerable(), fmt, ct);
        return new EmptyResult();
    }

    [RequirePermission(MappingPermissions.Manage)]
    public async Task<IActionResult> OnPostViewAsync(string? name, CancellationToken ct)
    {
        var (view, errors) = await MappingWorkspace.SaveViewAsync(db, Scope.ClusterId, DatasetId, name, Query, ct);
        if (view is not null) return Redirect(string.Create(CultureInfo.InvariantCulture, $"{Self}?view={view.Id}"));
        return await Refused(string.Join("; ", errors.Select(e => $"{e.Field}: {l[e.Reason]}")), ct);
    }

    [RequirePermission(MappingPermissions.Manage)]
    public async Task<IActionResult> OnPostBoundariesAsync(string? kind, string? key, IFormFile? file, CancellationToken ct)
    {
        string? geo = null;
        if (kind == "geojson" && file is { Length: > 0 })
        {
            using var reader = new StreamReader(file.OpenReadStream());
            geo = await reader.ReadToEndAsync(ct);
        }
        var (found, errors) = await MappingWorkspace.SetBoundariesAsync(db, Scope.ClusterId, DatasetId, kind, geo, key, ct);
        if (!found) return NotFound();
        return errors.Count == 0 ? Redirect(Self) : await Refused(string.Join("; ", errors.Select(e => $"{e.Field}: {l[e.Reason]}")), ct);
    }

    [RequirePermission(MappingPermissions.Manage)]
    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct) =>
        await MappingWorkspace.DeleteAsync(db, tables, Scope.ClusterId, DatasetId, ct) ? Redirect($"/c/{Scope.Slug}/mapping") : NotFound();

    private async Task<IActionResult> Refused(string error, CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        if (!await LoadAsync(ct)) return NotFound();
        Error = error;
        return Page();
    }

    /// <summary>This view's address with some of its parameters changed.</summary>
    public string Link(string? sort = null, bool? desc = null, int? page = null, string? region = null, string? handler = null, string? format = null)
    {
        var r = Result;
        var q = new List<string>();
        void Add(string k, object? v) { if (v is not null) q.Add(k + "=" + Uri.EscapeDataString(Convert.ToString(v, CultureInfo.InvariantCulture)!)); }
        Add("handler", handler); Add("format", format);
        Add("definition", Definition); Add("subject", r?.Subject ?? Subject); Add("year", r?.Year ?? Year); Add("from", From);
        Add("base", Base); Add("measure", r?.Measure ?? Measure); Add("sort", sort ?? r?.Sort ?? Sort);
        Add("desc", (desc ?? r?.Descending ?? Desc)?.ToString().ToLowerInvariant()); Add("region", region ?? Region); Add("p", page);
        return Self + "?" + string.Join("&", q);
    }

    /// <summary>A column header's link: sorted by it, the other way round when it already is.</summary>
    public string SortLink(string column) => Link(sort: column, desc: Result?.Sort == column ? !Result.Descending : column is not ("region" or "name" or "lq_rank" or "rank"), page: 1);

    public string PageUrl(int page) => Link(page: page);
}
