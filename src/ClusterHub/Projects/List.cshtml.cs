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
public sealed class ListModel(ClusterDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public ProposalFilter Filter { get; set; } = new();
    public Page<ProposalRow> Result { get; private set; } = null!;
    public List<CallRow> CallChoices { get; private set; } = [];
    public ClusterScope Scope => HttpContext.ClusterScope();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await ProposalQueries.PageAsync(db, Scope, User.FindFirstValue(ClaimTypes.NameIdentifier), Filter, ct);
        CallChoices = (await Calls.PageAsync(db, Scope.ClusterId, null, null, 1, Paging.MaxSize, ct)).Items.ToList();
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
