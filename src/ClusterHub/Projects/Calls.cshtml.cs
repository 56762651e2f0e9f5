using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterHub.Projects;

[RequirePermission(ProjectPermissions.ReadCalls)]
public sealed class CallsModel(ClusterDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public CallState? State { get; set; }
    [BindProperty(SupportsGet = true)] public int? P { get; set; }
    public Page<CallRow> Result { get; private set; } = null!;
    public List<FunderDto> Funders { get; private set; } = [];
    public ClusterScope Scope => HttpContext.ClusterScope();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await Calls.PageAsync(db, Scope.ClusterId, State, null, P, null, ct);
        Funders = await Calls.FundersAsync(db, Scope.ClusterId, ct);
    }

    public string PageUrl(int page) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/c/{Scope.Slug}/projects/calls?state={State}&p={page}");
}
