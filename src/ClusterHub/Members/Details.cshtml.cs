using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.History;
using Microsoft.Extensions.Localization;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterHub.Members;

[RequirePermission(MemberPermissions.ReadProfile)]
public sealed class DetailsModel(ClusterDb db, TimeProvider clock, IStringLocalizer<Strings> l) : PageModel
{
    public MemberDetails Details { get; private set; } = null!;
    public Page<ChangeRow>? Changes { get; private set; }
    public string? Message { get; private set; }
    public ClusterScope Scope => HttpContext.ClusterScope();
    [BindProperty(SupportsGet = true)] public int? ChangesPage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!Scope.CanFor(MemberPermissions.ReadProfile, id)) return StatusCode(StatusCodes.Status403Forbidden);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    [RequirePermission(MemberPermissions.EditRecords)]
    public Task<IActionResult> OnPostApproveAsync(int id, int requestId, CancellationToken ct) => DecideAsync(id, requestId, true, ct);

    [RequirePermission(MemberPermissions.EditRecords)]
    public Task<IActionResult> OnPostRejectAsync(int id, int requestId, CancellationToken ct) => DecideAsync(id, requestId, false, ct);

    private async Task<IActionResult> DecideAsync(int id, int requestId, bool approve, CancellationToken ct)
    {
        var outcome = await MemberEdits.DecideAsync(db, Scope.ClusterId, id, requestId, approve, User.Identity?.Name ?? "", clock.GetUtcNow().UtcDateTime, ct);
        if (outcome == DecisionOutcome.NotFound) return NotFound();
        Message = l[$"Member.Request.{outcome}"];
        if (outcome == DecisionOutcome.AlreadyDecided) Response.StatusCode = StatusCodes.Status409Conflict;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var details = await MemberDetailsQuery.FindAsync(db, Scope.ClusterId, id, ct);
        if (details is null) return false;
        Details = details;
        if (Scope.CanFor(MemberPermissions.ReadHistory, id))
            Changes = await HistoryQuery.PageAsync(db, Scope.ClusterId,
                new HistoryFilter { Subject = nameof(Member), SubjectId = id.ToString(System.Globalization.CultureInfo.InvariantCulture), Page = ChangesPage, PageSize = 20 }, ct);
        return true;
    }
}
