using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Competences;

/// <summary>The declarations, filtered by state and competence: the secretariat's validation queue.</summary>
[RequirePermission(CompetencePermissions.ReadDeclarations)]
[RequestSizeLimit(RequestLimits.ImportBodyBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimits.ImportBodyBytes)]
public sealed class DeclarationListModel(ClusterDb db, TimeProvider clock, IStringLocalizer<Strings> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public DeclarationFilter Filter { get; set; } = new();
    public Page<DeclarationRow> Result { get; private set; } = null!;
    public IReadOnlyList<CompetenceDto> Taxonomy { get; private set; } = [];
    public string? Message { get; private set; }
    public ImportReport? Report { get; private set; }
    public ClusterScope Scope => HttpContext.ClusterScope();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [RequirePermission(CompetencePermissions.Export)]
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (Export.ParseFormat(format) is not { } fmt) return BadRequest();
        await Export.SendAsync(Response, CompetenceFile.DownloadStem(Scope.Slug, CompetenceFileKind.Declarations), CompetenceFile.DeclarationTable,
            CompetenceFile.DeclarationRows(db, Scope.ClusterId), fmt, ct);
        return new EmptyResult();
    }

    /// <summary>The import template, as the API serves it.</summary>
    [RequirePermission(CompetencePermissions.Import)]
    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct)
    {
        await CompetenceFile.DeclarationTemplate.SendAsync(Response, ct);
        return new EmptyResult();
    }

    /// <summary>A CSV or xlsx file of declarations, all or nothing, by the import the API and the CLI run.</summary>
    [RequirePermission(CompetencePermissions.Import)]
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        Report = await ImportUpload.RunAsync(file, (bytes, name, format) =>
            CompetenceFile.ImportAsync(db, Scope.ClusterId, CompetenceFileKind.Declarations, bytes, name, format, User.Identity?.Name ?? "", clock.Today(), ct));
        if (!Report.Succeeded) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(ct);
        return Page();
    }

    [RequirePermission(CompetencePermissions.Validate)]
    public Task<IActionResult> OnPostValidateAsync(int declarationId, CancellationToken ct) => DecideAsync(declarationId, true, null, ct);

    [RequirePermission(CompetencePermissions.Validate)]
    public Task<IActionResult> OnPostRejectAsync(int declarationId, string? reason, CancellationToken ct) => DecideAsync(declarationId, false, reason, ct);

    private async Task<IActionResult> DecideAsync(int id, bool validate, string? reason, CancellationToken ct)
    {
        var outcome = await Declarations.DecideAsync(db, Scope.ClusterId, id, validate, reason, User.Identity?.Name ?? "", clock.Today(), ct);
        if (outcome == DecisionOutcome.NotFound) return NotFound();
        Message = l[$"Competences.Decision.{outcome}"];
        if (outcome == DecisionOutcome.AlreadyDecided) Response.StatusCode = StatusCodes.Status409Conflict;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Taxonomy = await CompetenceTaxonomy.ListAsync(db, Scope.ClusterId, ct);
        Result = await Declarations.PageAsync(db, Scope.ClusterId, CompetencesApi.OwnOnly(Scope, Filter with { MemberId = null }), ct);
    }

    public string PageUrl(int page) => QueryHelpers.AddQueryString($"/c/{Scope.Slug}/competences/declarations", new Dictionary<string, string?>
    {
        ["competence"] = Filter.Competence, ["state"] = Filter.State?.ToString(), ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(q => !string.IsNullOrEmpty(q.Value)));
}
