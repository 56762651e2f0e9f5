using System.Text;
using ClusterHub.Accounts;
using ClusterHub.Data;
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

    /// <summary>Download of the filtered list in the import format.</summary>
    [RequirePermission(MemberPermissions.Export)]
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var fmt = MemberFile.Parse(format);
        var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        await MemberFile.WriteAsync(MemberExport.Query(db, Scope.ClusterId, Filter), writer, fmt, ct);
        return File(Encoding.UTF8.GetBytes(writer.ToString()), MemberFile.ContentType(fmt), MemberFile.DownloadName(Scope.Slug, fmt));
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
