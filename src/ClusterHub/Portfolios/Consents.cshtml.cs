using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterHub.Portfolios;

/// <summary>A cluster's manager decides in which portfolios the cluster appears (its assessment scores and headline figures only).</summary>
[RequirePermission(PortfolioPermissions.Consent)]
public sealed class ConsentsModel(ClusterDb db, PortfolioAccess access) : PageModel
{
    public List<ConsentState> Portfolios { get; private set; } = [];
    public ClusterScope Scope => HttpContext.ClusterScope();

    public async Task OnGetAsync(CancellationToken ct) => Portfolios = await PortfolioAccess.ConsentsAsync(db, Scope.ClusterId, ct);

    public async Task<IActionResult> OnPostAsync(string? portfolio, bool consent, CancellationToken ct)
    {
        var outcome = await access.ConsentAsync(db, Scope.ClusterId, portfolio ?? "", consent, User.Identity?.Name ?? "user", ct);
        if (outcome == PortfolioOutcome.NotFound) return NotFound();
        return Redirect($"/c/{Scope.Slug}/portfolios");
    }
}
