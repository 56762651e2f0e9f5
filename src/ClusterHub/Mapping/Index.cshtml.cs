using System.Globalization;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Jobs;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Mapping;

/// <summary>The cluster's mapping workspace: its datasets, the imports under way (with their progress) or refused (with their errors), an upload with its columns by name, and the cluster definitions.</summary>
[RequestSizeLimit(MappingLimits.UploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MappingLimits.UploadBytes)]
[RequirePermission(MappingPermissions.Read)]
public sealed class IndexModel(ClusterDb db, JobQueue queue, TimeProvider clock, IStringLocalizer<Strings> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? P { get; set; }
    public Page<DatasetRow> Datasets { get; private set; } = null!;
    public List<MappingJobRow> Imports { get; private set; } = [];
    public List<DefinitionRow> Definitions { get; private set; } = [];
    public string? Error { get; private set; }
    public ClusterScope Scope => HttpContext.ClusterScope();
    public bool CanManage => Scope.Can(MappingPermissions.Manage);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Datasets = await MappingWorkspace.ListAsync(db, Scope.ClusterId, P, null, ct);
        Imports = await MappingWorkspace.RecentJobsAsync(db, Scope.ClusterId, ct);
        Definitions = await MappingWorkspace.DefinitionsAsync(db, Scope.ClusterId, ct);
    }

    /// <summary>The imports' progress as JSON, for the page's script to move their bars.</summary>
    public async Task<IActionResult> OnGetImportsAsync(CancellationToken ct) =>
        new JsonResult((await MappingWorkspace.RecentJobsAsync(db, Scope.ClusterId, ct)).Select(j => new { j.Id, State = j.State.ToString(), j.Progress, j.Step }));

    /// <summary>A regional file with its columns by name (or a layout), queued for import; the page follows its progress.</summary>
    [RequirePermission(MappingPermissions.Manage)]
    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, string? name, string? source, string? regionCodes, string? industryCodes, RegionalLayout layout,
        string? region, string? industry, string? value, string? year, string? parent, string? regionName, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return await Refused(l["Mapping.NoFile"], ct);
        await using var body = file.OpenReadStream();
        var start = await MappingWorkspace.StartUploadAsync(db, queue, Scope.ClusterId, body, file.FileName,
            new DatasetUpload(name, source, regionCodes, industryCodes, layout, region, industry, value, year, parent, regionName), User.Identity?.Name ?? "user", ct);
        return start.Outcome switch
        {
            UploadStartOutcome.Queued => Redirect(Self),
            UploadStartOutcome.LimitReached => await Refused(string.Format(CultureInfo.CurrentCulture, l["Networks.LimitReached"].Value, start.Limit), ct),
            _ => await Refused(string.Join("; ", start.Errors.Select(e => $"{e.Field}: {l[e.Reason]}")), ct),
        };
    }

    /// <summary>A new definition from the text box (one <c>code,cluster</c> a line) or from a file.</summary>
    [RequirePermission(MappingPermissions.Manage)]
    public async Task<IActionResult> OnPostDefinitionAsync(string? name, string? codeSystem, string? codes, IFormFile? file, CancellationToken ct)
    {
        List<DefinitionEntry> entries;
        if (file is { Length: > 0 })
        {
            await using var body = file.OpenReadStream();
            var (read, error) = await MappingWorkspace.ReadDefinitionFileAsync(body, file.FileName, ct);
            if (read is null) return await Refused(error!.ToString(), ct);
            entries = read;
        }
        else entries = MappingWorkspace.ParseEntries(codes, InputText.Blank(name));
        var save = await MappingWorkspace.SaveDefinitionAsync(db, Scope.ClusterId, null, new DefinitionInput(name, codeSystem, entries), User.Identity?.Name ?? "user", clock, ct);
        return save.Outcome == MappingSave.Saved ? Redirect(Self) : await Refused(string.Join("; ", save.Errors.Select(e => $"{e.Field} {e.Value}: {l[e.Reason]}")), ct);
    }

    private async Task<IActionResult> Refused(string error, CancellationToken ct)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await OnGetAsync(ct);
        return Page();
    }

    public string Self => $"/c/{Scope.Slug}/mapping";
    public string PageUrl(int page) => string.Create(CultureInfo.InvariantCulture, $"{Self}?p={page}");
}
