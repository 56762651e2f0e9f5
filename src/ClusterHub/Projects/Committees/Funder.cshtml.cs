using System.Security.Claims;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterHub.Projects;

/// <summary>The certified proposals sent to the user's funder.</summary>
[RequirePermission(ProjectPermissions.ReadSentToFunder)]
public sealed class FunderModel(ClusterDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? P { get; set; }
    public Page<ProposalRow> Result { get; private set; } = null!;
    public ClusterScope Scope => HttpContext.ClusterScope();

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await FunderView.PageAsync(db, Scope, User.FindFirstValue(ClaimTypes.NameIdentifier), P, null, ct);

    public string PageUrl(int page) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/c/{Scope.Slug}/projects/funder?p={page}");
}
