using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterHub.Projects;

/// <summary>The assignment suggestion of a call: the solver's total beside greedy's, why each reviewer, what is short, what conflicts kept away; accept creates them all.</summary>
[RequirePermission(ProjectPermissions.Assign)]
public sealed class AssignmentModel(ClusterDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int K { get; set; } = 3;
    [BindProperty(SupportsGet = true)] public int LoadCap { get; set; } = 10;
    public Suggestion? Suggestion { get; private set; }
    public IReadOnlyList<Members.FieldError> Errors { get; private set; } = [];
    public int? Created { get; private set; }
    public ClusterScope Scope => HttpContext.ClusterScope();

    public async Task<IActionResult> OnGetAsync(int id, int? created, CancellationToken ct)
    {
        Created = created;
        Errors = AssignmentSuggestion.Validate(new SuggestionRequest(K, LoadCap));
        if (Errors.Count > 0) { Response.StatusCode = StatusCodes.Status400BadRequest; return Page(); }
        Suggestion = await AssignmentSuggestion.ComputeAsync(db, Scope.ClusterId, id, K, LoadCap, clock.GetUtcNow().Year, ct);
        return Suggestion is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct)
    {
        Errors = AssignmentSuggestion.Validate(new SuggestionRequest(K, LoadCap));
        if (Errors.Count > 0) { Response.StatusCode = StatusCodes.Status400BadRequest; return Page(); }
        var (suggestion, created) = await AssignmentSuggestion.AcceptAsync(db, Scope.ClusterId, id, K, LoadCap, clock.GetUtcNow().UtcDateTime, ct);
        if (suggestion is null) return NotFound();
        return Redirect(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/c/{Scope.Slug}/projects/calls/{id}/assignment?k={K}&loadCap={LoadCap}&created={created}"));
    }
}
