using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterHub.Members;

[RequirePermission(MemberPermissions.ReadProfile)]
public sealed class DetailsModel(ClusterDb db) : PageModel
{
    public MemberDetails Details { get; private set; } = null!;
    public ClusterScope Scope => HttpContext.ClusterScope();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var details = await MemberDetailsQuery.FindAsync(db, Scope.ClusterId, id, ct);
        if (details is null) return NotFound();
        if (!Scope.CanFor(MemberPermissions.ReadProfile, id)) return StatusCode(StatusCodes.Status403Forbidden);
        Details = details;
        return Page();
    }
}
