using System.Security.Claims;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Projects;

/// <summary>A meeting: the agenda with each proposal's score, a decision per item (the proposal's workflow move), the minutes.</summary>
[RequirePermission(ProjectPermissions.ReadCommittees)]
public sealed class MeetingModel(ClusterDb db, TimeProvider clock, IStringLocalizer<Strings> l) : PageModel
{
    public MeetingDetails Meeting { get; private set; } = null!;
    public string? Message { get; private set; }
    public ClusterScope Scope => HttpContext.ClusterScope();

    public async Task<IActionResult> OnGetAsync(int meetingId, CancellationToken ct) => await LoadAsync(meetingId, ct) ? Page() : NotFound();

    [RequirePermission(ProjectPermissions.Decide)]
    public async Task<IActionResult> OnPostDecideAsync(int meetingId, int itemId, ProposalAction? decision, string? reason, CancellationToken ct)
    {
        var (outcome, transition, errors) = await Meetings.DecideAsync(db, Scope.ClusterId, meetingId, itemId, new DecisionInput(decision, reason),
            User.Identity?.Name ?? User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "user", clock.GetUtcNow().UtcDateTime, ct);
        switch (outcome)
        {
            case Meetings.DecideOutcome.Done: return Redirect($"/c/{Scope.Slug}/projects/meetings/{meetingId}");
            case Meetings.DecideOutcome.NotFound: return NotFound();
            case Meetings.DecideOutcome.Invalid:
                Message = string.Join(" ", errors.Select(e => $"{e.Field}: {l[e.Reason]}"));
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            case Meetings.DecideOutcome.AlreadyDecided:
                Message = l["Meetings.AlreadyDecided"];
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            default:
                Message = l[TransitionMessages.Key(transition!.Outcome)];
                Response.StatusCode = transition.Outcome is TransitionOutcome.NotAllowed or TransitionOutcome.Concurrent ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
                break;
        }
        return await LoadAsync(meetingId, ct) ? Page() : NotFound();
    }

    [RequirePermission(ProjectPermissions.ManageCommittees)]
    public async Task<IActionResult> OnPostMinutesAsync(int meetingId, string? minutes, CancellationToken ct)
    {
        var (found, errors) = await Meetings.SetMinutesAsync(db, Scope.ClusterId, meetingId, new MinutesInput(minutes), ct);
        if (!found) return NotFound();
        if (errors.Count == 0) return Redirect($"/c/{Scope.Slug}/projects/meetings/{meetingId}");
        Message = string.Join(" ", errors.Select(e => $"{e.Field}: {l[e.Reason]}"));
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await LoadAsync(meetingId, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int meetingId, CancellationToken ct)
    {
        if (await Meetings.FindAsync(db, Scope.ClusterId, meetingId, ct) is not { } m) return false;
        Meeting = m;
        return true;
    }
}
