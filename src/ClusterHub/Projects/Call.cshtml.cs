using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterHub.Projects;

[RequirePermission(ProjectPermissions.ReadCalls)]
public sealed class CallModel(ClusterDb db) : PageModel
{
    public CallDetails Details { get; private set; } = null!;
    public ClusterScope Scope => HttpContext.ClusterScope();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await Calls.FindAsync(db, Scope.ClusterId, id, ct) is not { } call) return NotFound();
        Details = call;
        return Page();
    }
}
