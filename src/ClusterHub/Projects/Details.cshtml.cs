using System.Security.Claims;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Projects;

[RequirePermission(ProjectPermissions.Read)]
public sealed class DetailsModel(ClusterDb db, TimeProvider clock, IStringLocalizer<Strings> l) : PageModel
{
    public ProposalDetails Details { get; private set; } = null!;
    public string? Message { get; private set; }
    public IReadOnlyList<FailedRule> Refusals { get; private set; } = [];
    public ClusterScope Scope => HttpContext.ClusterScope();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>One move of the workflow, by the same operation as the API; a refusal is shown with its reason and a 409/422 status.</summary>
    public async Task<IActionResult> OnPostMoveAsync(int id, ProposalAction action, string? reason, CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (await ProposalQueries.FindAsync(db, Scope, userId, id, ct) is not { } before) return NotFound();
        // The API routes' rules: submitting is the coordinator's or the secretariat's, every other move the secretariat's.
        if (action != ProposalAction.Submit) Scope.Demand(ProjectPermissions.Decide);
        else if (!ProposalQueries.CanEdit(Scope, before.Proposal.CoordinatorMemberId)) Scope.DemandFor(ProjectPermissions.Edit, before.Proposal.CoordinatorMemberId ?? 0);
        var result = await ProposalWorkflow.TransitionAsync(db, Scope.ClusterId, id, action, reason, null, User.Identity?.Name ?? "user", clock.GetUtcNow().UtcDateTime, ct);
        if (result.Outcome == TransitionOutcome.Done) return Redirect($"/c/{Scope.Slug}/projects/{id}");
        Message = l[TransitionMessages.Key(result.Outcome)];
        Refusals = result.Failed ?? [];
        Response.StatusCode = result.Outcome is TransitionOutcome.NotAllowed or TransitionOutcome.Concurrent ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var details = await ProposalQueries.FindAsync(db, Scope, User.FindFirstValue(ClaimTypes.NameIdentifier), id, ct);
        if (details is null) return false;
        Details = details;
        return true;
    }
}
