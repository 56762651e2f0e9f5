using System.Security.Claims;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterHub.Portfolios;

/// <summary>The portfolios the user may read; the platform administrator sees them all and creates them here.</summary>
[SignedIn]
public sealed class IndexModel(ClusterDb db, PortfolioAccess access) : PageModel
{
    public List<PortfolioSummary> Portfolios { get; private set; } = [];
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    public bool IsAdministrator => User.IsInRole(PlatformRoles.Administrator);

    public async Task OnGetAsync(CancellationToken ct) =>
        Portfolios = await PortfolioAccess.ListAsync(db, User.FindFirstValue(ClaimTypes.NameIdentifier), IsAdministrator, ct);

    [PlatformAdministrator]
    public async Task<IActionResult> OnPostCreateAsync(string? slug, string? name, string? description, CancellationToken ct)
    {
        var (outcome, created, errors) = await access.CreateAsync(db, new(slug, name, description), User.Identity?.Name ?? "user", ct);
        if (outcome == PortfolioOutcome.Done) return Redirect($"/portfolios/{created!.Slug}");
        Errors = outcome == PortfolioOutcome.AlreadyExists ? [new FieldError("slug", slug, "is taken by another portfolio")] : errors;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await OnGetAsync(ct);
        return Page();
    }
}
