using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.History;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ClusterHub.Members;

[RequirePermission(MemberPermissions.ReadProfile)]
public sealed class DetailsModel(ClusterDb db, TimeProvider clock, IStringLocalizer<Strings> l) : PageModel
{
    private const string NamesakeId = "Members.NamesakeId", NamesakeName = "Members.NamesakeName";

    public MemberDetails Details { get; private set; } = null!;
    public Page<ChangeRow>? Changes { get; private set; }
    public string? Message { get; private set; }
    public ClusterScope Scope => HttpContext.ClusterScope();
    [BindProperty(SupportsGet = true)] public int? ChangesPage { get; set; }

    public bool IsArchived { get; private set; }
    public string? ArchiveReason { get; private set; }

    /// <summary>Another member with the same name, when this one was just added (see <see cref="MemberDuplicates.NamesakesAsync"/>).</summary>
    public (int Id, string Name)? Namesake { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!Scope.CanFor(MemberPermissions.ReadProfile, id)) return StatusCode(StatusCodes.Status403Forbidden);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    [RequirePermission(MemberPermissions.EditRecords)]
    public Task<IActionResult> OnPostApproveAsync(int id, int requestId, CancellationToken ct) => DecideAsync(id, requestId, true, ct);

    [RequirePermission(MemberPermissions.EditRecords)]
    public Task<IActionResult> OnPostRejectAsync(int id, int requestId, CancellationToken ct) => DecideAsync(id, requestId, false, ct);

    [RequirePermission(MemberPermissions.EditRecords)]
    public async Task<IActionResult> OnPostArchiveAsync(int id, string? reason, CancellationToken ct) =>
        await ArchivedAsync(id, await MemberArchive.ArchiveAsync(db, Scope.ClusterId, id, reason, clock.Today(), ct), ct);

    [RequirePermission(MemberPermissions.EditRecords)]
    public async Task<IActionResult> OnPostRestoreAsync(int id, CancellationToken ct) =>
        await ArchivedAsync(id, await MemberArchive.RestoreAsync(db, Scope.ClusterId, id, ct), ct);

    private async Task<IActionResult> ArchivedAsync(int id, ArchiveOutcome outcome, CancellationToken ct)
    {
        if (outcome == ArchiveOutcome.NotFound) return NotFound();
        Message = l[$"Member.Archive.{outcome}"];
        if (outcome is not (ArchiveOutcome.Archived or ArchiveOutcome.Restored))
            Response.StatusCode = outcome == ArchiveOutcome.ReasonRequired ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

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
        var archive = await db.Members.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.ArchivedOn, m.ArchiveReason }).SingleAsync(ct);
        (IsArchived, ArchiveReason) = (archive.ArchivedOn is not null, archive.ArchiveReason);
        if (Scope.CanFor(MemberPermissions.ReadHistory, id))
            Changes = await HistoryQuery.PageAsync(db, Scope.ClusterId,
                new HistoryFilter { Subject = nameof(Member), SubjectId = id.ToString(System.Globalization.CultureInfo.InvariantCulture), Page = ChangesPage, PageSize = 20 }, ct);
        if (TempData[NamesakeId] is int namesakeId && TempData[NamesakeName] is string name) Namesake = (namesakeId, name);
        return true;
    }

    /// <summary>Carries a warning across the redirect after a save, to be shown once.</summary>
    public static void RememberNamesake(ITempDataDictionary tempData, MemberWarning warning)
    {
        tempData[NamesakeId] = warning.MemberId;
        tempData[NamesakeName] = warning.MemberName;
    }
}
