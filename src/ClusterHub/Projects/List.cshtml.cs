using System.Security.Claims;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Projects;

[RequirePermission(ProjectPermissions.Read)]
[RequestSizeLimit(RequestLimits.ImportBodyBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimits.ImportBodyBytes)]
public sealed class ListModel(ClusterDb db) : PageModel
{
    /// <summary>The answer of the import form (the secretariat's), shown under it.</summary>
    public Members.ImportReport? Report { get; private set; }
    [BindProperty(SupportsGet = true)] public ProposalFilter Filter { get; set; } = new();
    public Page<ProposalRow> Result { get; private set; } = null!;
    public List<CallRow> CallChoices { get; private set; } = [];
    public ClusterScope Scope => HttpContext.ClusterScope();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await ProposalQueries.PageAsync(db, Scope, User.FindFirstValue(ClaimTypes.NameIdentifier), Filter, ct);
        CallChoices = (await Calls.PageAsync(db, Scope.ClusterId, null, null, 1, Paging.MaxSize, ct)).Items.ToList();
    }

    /// <summary>The import blank with the cluster's calls and strategy lists among the valid values, as the API serves it.</summary>
    [RequirePermission(ProjectPermissions.Import)]
    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct)
    {
        await (await ProjectImport.TemplateAsync(db, Scope.ClusterId, ct)).SendAsync(Response, ct);
        return new EmptyResult();
    }

    /// <summary>Past projects from a CSV or xlsx file: the same <see cref="ProjectImport"/> the API and the CLI run.</summary>
    [RequirePermission(ProjectPermissions.Import)]
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        Report = await Exchange.ImportUpload.RunAsync(file, (bytes, name, format) => ProjectImport.RunAsync(db, Scope.ClusterId, bytes, name, format, User.Identity?.Name ?? "user", ct));
        if (!Report.Succeeded) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await OnGetAsync(ct);
        return Page();
    }

    public string PageUrl(int page, string? sort)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Filter.Q, ["state"] = Filter.State?.ToString(), ["area"] = Filter.Area?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["call"] = Filter.Call?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["sort"] = sort, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString($"/c/{Scope.Slug}/projects", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }
}
