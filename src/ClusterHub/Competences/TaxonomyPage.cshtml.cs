using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Competences;

/// <summary>The taxonomy with the level each strategic area needs; managers add and edit entries here.</summary>
[RequirePermission(CompetencePermissions.Read)]
[RequestSizeLimit(RequestLimits.ImportBodyBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimits.ImportBodyBytes)]
public sealed class TaxonomyPageModel(ClusterDb db, IStringLocalizer<Strings> l, TimeProvider clock) : PageModel
{
    public IReadOnlyList<CompetenceDto> Taxonomy { get; private set; } = [];
    public AreaLists Lists { get; private set; } = null!;
    /// <summary>The entry in the form: <c>?edit=ID</c>, or a new one.</summary>
    [BindProperty(SupportsGet = true)] public int? Edit { get; set; }
    public CompetenceDto? Editing { get; private set; }
    public List<string> Errors { get; private set; } = [];
    public string? Message { get; private set; }
    public Members.ImportReport? Report { get; private set; }
    public ClusterScope Scope => HttpContext.ClusterScope();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [RequirePermission(CompetencePermissions.Export)]
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (Exchange.Export.ParseFormat(format) is not { } fmt) return BadRequest();
        await Exchange.Export.SendAsync(Response, CompetenceFile.DownloadStem(Scope.Slug, CompetenceFileKind.Taxonomy), CompetenceFile.TaxonomyTable,
            (await CompetenceTaxonomy.ListAsync(db, Scope.ClusterId, ct)).ToAsyncEnumerable(), fmt, ct);
        return new EmptyResult();
    }

    [RequirePermission(CompetencePermissions.ManageTaxonomy)]
    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct)
    {
        await CompetenceFile.TaxonomyTemplate.SendAsync(Response, ct);
        return new EmptyResult();
    }

    /// <summary>A CSV or xlsx taxonomy (codes, names, domains, stages, needs), all or nothing, by the import the API and the CLI run.</summary>
    [RequirePermission(CompetencePermissions.ManageTaxonomy)]
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        Report = await Exchange.ImportUpload.RunAsync(file, (bytes, name, format) =>
            CompetenceFile.ImportAsync(db, Scope.ClusterId, CompetenceFileKind.Taxonomy, bytes, name, format, User.Identity?.Name ?? "", clock.Today(), ct));
        if (!Report.Succeeded) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(ct);
        return Page();
    }

    [RequirePermission(CompetencePermissions.ManageTaxonomy)]
    public async Task<IActionResult> OnPostSaveAsync(int? id, string? code, string? name, string? domain, string? stage, string? description, int? version, CancellationToken ct)
    {
        Lists = await AreaLists.LoadAsync(db, Scope.ClusterId, ct);
        var needs = Lists.AreaRows.Select(a => (a.Code, Level: Request.Form[$"need-{a.Code}"].ToString()))
            .Where(n => n.Level.Length > 0).Select(n => new NeedInput(n.Code, int.TryParse(n.Level, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1)).ToList();
        var result = await CompetenceTaxonomy.SaveAsync(db, Scope.ClusterId, id, new CompetenceInput(code, name, domain, stage, description, null, needs, version), ct);
        if (result.Outcome == TaxonomyOutcome.NotFound) return NotFound();
        if (result.Outcome == TaxonomyOutcome.Saved) { Message = l["Competences.Saved"]; Edit = null; }
        else
        {
            Errors = result.Outcome is TaxonomyOutcome.Invalid or TaxonomyOutcome.Duplicate
                ? [.. result.Errors.Select(e => $"{l[$"Competences.Field.{e.Field.Split('[')[0]}"]}: {e.Value} {l[e.Reason]}")]
                : [l[$"Competences.Taxonomy.{result.Outcome}"]];
            Response.StatusCode = result.Outcome == TaxonomyOutcome.Invalid ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict;
            Edit = id;
        }
        await LoadAsync(ct);
        return Page();
    }

    [RequirePermission(CompetencePermissions.ManageTaxonomy)]
    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var outcome = await CompetenceTaxonomy.DeleteAsync(db, Scope.ClusterId, id, ct);
        if (outcome == TaxonomyOutcome.NotFound) return NotFound();
        if (outcome == TaxonomyOutcome.Saved) Message = l["Competences.Deleted"];
        else { Errors = [l[$"Competences.Taxonomy.{outcome}"]]; Response.StatusCode = StatusCodes.Status409Conflict; }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Lists = await AreaLists.LoadAsync(db, Scope.ClusterId, ct);
        Taxonomy = await CompetenceTaxonomy.ListAsync(db, Scope.ClusterId, ct);
        Editing = Taxonomy.FirstOrDefault(c => c.Id == Edit);
    }
}
