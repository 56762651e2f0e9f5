using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Projects;

[RequirePermission(ProjectPermissions.ReadCalls)]
public sealed class CallsModel(ClusterDb db, IStringLocalizer<Strings> l) : PageModel
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

    /// <summary>The funder form as last sent, and why it was refused (its name taken, or missing).</summary>
    public string? FunderName { get; private set; }
    public FunderKind FunderKind { get; private set; }
    public string? FunderMessage { get; private set; }

    /// <summary>Adds a funder through the API's operation; a refusal is shown beside the form with its status.</summary>
    [RequirePermission(ProjectPermissions.ManageCalls)]
    public async Task<IActionResult> OnPostFunderAsync(string? name, FunderKind kind, CancellationToken ct)
    {
        var edit = await Calls.AddFunderAsync(db, Scope.ClusterId, new FunderInput(name, kind), ct);
        if (edit.Outcome == CallEditOutcome.Saved) return Redirect($"/c/{Scope.Slug}/projects/calls#funders");
        (FunderName, FunderKind) = (name, kind);
        FunderMessage = edit.Outcome == CallEditOutcome.Duplicate ? l["Projects.FunderTaken"] : l["Projects.FunderNameRequired"];
        Response.StatusCode = edit.Outcome == CallEditOutcome.Duplicate ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        await OnGetAsync(ct);
        return Page();
    }

    public string PageUrl(int page) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/c/{Scope.Slug}/projects/calls?state={State}&p={page}");
}
