using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace ClusterHub.Members;

[RequirePermission(MemberPermissions.ReadDirectory)]
public sealed class ListModel(ClusterDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public MemberFilter Filter { get; set; } = new();
    public Page<MemberRow> Result { get; private set; } = null!;
    public ClusterScope Scope => HttpContext.ClusterScope();

    public async Task OnGetAsync(CancellationToken ct) => Result = await MemberList.PageAsync(db, Scope.ClusterId, Filter, ct);

    /// <summary>Download of the filtered list in the import format: csv, json or xlsx, streamed as the API streams it.</summary>
    [RequirePermission(MemberPermissions.Export)]
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (Export.ParseFormat(format) is not { } fmt) return BadRequest();
        await Export.SendAsync(Response, MemberFile.DownloadStem(Scope.Slug), MemberFile.Table, MemberExport.Query(db, Scope.ClusterId, Filter), fmt, ct);
        return new EmptyResult();
    }

    public string PageUrl(int page, string? sort)
    {
        var query = new Dictionary<string, string?>
        {
            ["search"] = Filter.Search, ["type"] = Filter.Type?.ToString(), ["size"] = Filter.Size?.ToString(),
            ["region"] = Filter.Region, ["status"] = Filter.Status?.ToString(), ["archived"] = Filter.Archived == true ? "true" : null, ["sort"] = sort, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString($"/c/{Scope.Slug}/members", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }
}
