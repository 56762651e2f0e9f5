using System.Security.Claims;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Projects;

[RequirePermission(ProjectPermissions.Read)]
public sealed class DetailsModel(ClusterDb db, TimeProvider clock, IStringLocalizer<Strings> l) : PageModel
{
    public ProposalDetails Details { get; private set; } = null!;
    public string? Message { get; private set; }
    public IReadOnlyList<FailedRule> Refusals { get; private set; } = [];
    public ClusterScope Scope => HttpContext.ClusterScope();

    /// <summary>The reviews the caller may see (all for the secretariat, its own for a reviewer) and the weighted score.</summary>
    public ProposalReviews Reviews { get; private set; } = null!;
    public bool AssignedToMe { get; private set; }
    public bool ChairsCommittee { get; private set; }
    public List<(string Id, string Email)> Reviewers { get; private set; } = [];
    public List<string> Assigned { get; private set; } = [];

    /// <summary>The conflicts that refused the last assignment, with their evidence, and whom it was for (the chair's override form names it).</summary>
    public IReadOnlyList<ConflictEvidence> Conflicts { get; private set; } = [];
    public string? ConflictedUserId { get; private set; }
    public IReadOnlyList<Members.FieldError> ReviewErrors { get; private set; } = [];

    /// <summary>The funded project's follow-up, for a caller who reads it (null otherwise), and the refusal of the last act on it.</summary>
    public FollowUpView? FollowUp { get; private set; }
    public string? FollowUpMessage { get; private set; }
    public IReadOnlyList<Members.FieldError> FollowUpErrors { get; private set; } = [];

    /// <summary>The proposal's strategic area and activity domain, by code and name, those it has.</summary>
    public List<string> StrategyNames { get; private set; } = [];

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

    /// <summary>Assigns a reviewer through the API's operation: a conflict is shown with its evidence (409).</summary>
    [RequirePermission(ProjectPermissions.Assign)]
    public async Task<IActionResult> OnPostAssignAsync(int id, string? userId, CancellationToken ct) =>
        await AfterAssignAsync(id, userId, await Assignments.AssignAsync(db, Scope.ClusterId, id, userId, null, null, User.Identity?.Name ?? "user", clock.GetUtcNow().UtcDateTime, ct), ct);

    /// <summary>The chair of the proposal's committee assigns despite the conflicts, with a written reason.</summary>
    [RequirePermission(ProjectPermissions.OverrideConflicts)]
    public async Task<IActionResult> OnPostOverrideAsync(int id, string? userId, string? reason, CancellationToken ct) =>
        await AfterAssignAsync(id, userId, await Assignments.AssignAsync(db, Scope.ClusterId, id, userId, reason, User.FindFirstValue(ClaimTypes.NameIdentifier), User.Identity?.Name ?? "user", clock.GetUtcNow().UtcDateTime, ct), ct);

    private async Task<IActionResult> AfterAssignAsync(int id, string? userId, AssignResult result, CancellationToken ct)
    {
        if (result.Outcome is AssignOutcome.Assigned or AssignOutcome.AlreadyAssigned) return Redirect($"/c/{Scope.Slug}/projects/{id}");
        if (result.Outcome == AssignOutcome.NotFound) return NotFound();
        Message = l[$"Projects.Assign.{result.Outcome}"];
        Conflicts = result.Conflicts ?? [];
        ConflictedUserId = userId;
        Response.StatusCode = result.Outcome switch
        {
            AssignOutcome.Conflicted => StatusCodes.Status409Conflict,
            AssignOutcome.NotChair => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        };
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>The assigned reviewer's scores (<c>score-{criterionId}</c> fields) and comments.</summary>
    [RequirePermission(ProjectPermissions.WriteReviews)]
    public async Task<IActionResult> OnPostReviewAsync(int id, string? comments, CancellationToken ct)
    {
        var scores = Request.Form.Keys.Where(k => k.StartsWith("score-", StringComparison.Ordinal))
            .Select(k => new ScoreInput(int.TryParse(k[6..], out var c) ? c : 0, int.TryParse(Request.Form[k], out var v) ? v : null)).ToList();
        var (outcome, errors) = await Projects.Reviews.SubmitAsync(db, Scope.ClusterId, id, User.FindFirstValue(ClaimTypes.NameIdentifier)!, new ReviewInput(scores, comments), clock.GetUtcNow().UtcDateTime, ct);
        if (outcome == ReviewOutcome.Saved) return Redirect($"/c/{Scope.Slug}/projects/{id}");
        if (outcome == ReviewOutcome.NotFound) return NotFound();
        ReviewErrors = outcome == ReviewOutcome.Invalid ? errors : [new("review", null, l[$"Reviews.{outcome}"])];
        Response.StatusCode = outcome == ReviewOutcome.NoGrid ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    [RequirePermission(ProjectPermissions.ManageFollowUp)]
    public async Task<IActionResult> OnPostMilestoneAsync(int id, string? title, DateOnly? dueOn, CancellationToken ct) =>
        await AfterFollowUpAsync(id, await FollowUpWork.AddMilestoneAsync(db, Scope, id, new(title, dueOn), ct), ct);

    [RequirePermission(ProjectPermissions.ManageFollowUp)]
    public async Task<IActionResult> OnPostDeliverableAsync(int id, string? title, DeliverableKind? kind, DateOnly? dueOn, CancellationToken ct) =>
        await AfterFollowUpAsync(id, await FollowUpWork.AddDeliverableAsync(db, Scope, id, new(title, kind, dueOn), ct), ct);

    [RequirePermission(ProjectPermissions.ManageFollowUp)]
    public async Task<IActionResult> OnPostMilestoneChangeAsync(int id, int milestoneId, string? title, DateOnly? dueOn, int? version, CancellationToken ct) =>
        await AfterFollowUpAsync(id, await FollowUpWork.ChangeMilestoneAsync(db, Scope, id, milestoneId, new(title, dueOn, version), ct), ct);

    [RequirePermission(ProjectPermissions.ManageFollowUp)]
    public async Task<IActionResult> OnPostMilestoneRemoveAsync(int id, int milestoneId, int? version, CancellationToken ct) =>
        await AfterFollowUpAsync(id, await FollowUpWork.RemoveMilestoneAsync(db, Scope, id, milestoneId, version, ct), ct);

    [RequirePermission(ProjectPermissions.ManageFollowUp)]
    public async Task<IActionResult> OnPostDeliverableChangeAsync(int id, int deliverableId, string? title, DeliverableKind? kind, DateOnly? dueOn, int? version, CancellationToken ct) =>
        await AfterFollowUpAsync(id, await FollowUpWork.ChangeDeliverableAsync(db, Scope, id, deliverableId, new(title, kind, dueOn, version), ct), ct);

    [RequirePermission(ProjectPermissions.ManageFollowUp)]
    public async Task<IActionResult> OnPostDeliverableRemoveAsync(int id, int deliverableId, int? version, CancellationToken ct) =>
        await AfterFollowUpAsync(id, await FollowUpWork.RemoveDeliverableAsync(db, Scope, id, deliverableId, version, ct), ct);

    [RequirePermission(ProjectPermissions.RecordProgress)]
    public async Task<IActionResult> OnPostMilestoneDoneAsync(int id, int milestoneId, int? version, CancellationToken ct) =>
        await AfterFollowUpAsync(id, await FollowUpWork.MarkDoneAsync(db, Scope, id, milestoneId, new(null, version), User.Identity?.Name ?? "user", clock.Today(), ct), ct);

    [RequirePermission(ProjectPermissions.RecordProgress)]
    public async Task<IActionResult> OnPostDeliveredAsync(int id, int deliverableId, int? version, CancellationToken ct) =>
        await AfterFollowUpAsync(id, await FollowUpWork.DeliverAsync(db, Scope, id, deliverableId, new(null, version), User.Identity?.Name ?? "user", clock.Today(), ct), ct);

    [RequirePermission(ProjectPermissions.RecordProgress)]
    public async Task<IActionResult> OnPostReportAsync(int id, DateOnly? periodStart, DateOnly? periodEnd, string? summary, CancellationToken ct) =>
        await AfterFollowUpAsync(id, await FollowUpWork.SubmitReportAsync(db, Scope, id, null, new(periodStart, periodEnd, summary), User.Identity?.Name ?? "user", clock.GetUtcNow().UtcDateTime, ct), ct);

    [RequirePermission(ProjectPermissions.ManageFollowUp)]
    public async Task<IActionResult> OnPostReportDecisionAsync(int id, int reportId, string? decision, string? note, int? version, CancellationToken ct) =>
        await AfterFollowUpAsync(id, await FollowUpWork.DecideReportAsync(db, Scope, id, reportId, decision == "accept", new(note, version), User.Identity?.Name ?? "user", clock.GetUtcNow().UtcDateTime, ct), ct);

    /// <summary>An outcome of the project (product, first sale, jobs, patent), recorded through the API's operation.</summary>
    [RequirePermission(ProjectPermissions.Decide)]
    public async Task<IActionResult> OnPostOutcomeAsync(int id, OutcomeKind kind, string? description, string? on, string? count, CancellationToken ct)
    {
        var text = new FormText();
        var input = new OutcomeInput(kind, description, text.Date("on", on), text.OptionalWhole("count", count));
        var (outcome, errors) = text.Errors.Count > 0 ? (ProjectOutcomes.AddOutcome.Invalid, text.Errors) : await ProjectOutcomes.AddAsync(db, Scope.ClusterId, id, input, ct);
        if (outcome == ProjectOutcomes.AddOutcome.Added) return Redirect($"/c/{Scope.Slug}/projects/{id}#outcomes");
        if (outcome == ProjectOutcomes.AddOutcome.NotFound) return NotFound();
        OutcomeErrors = errors;
        Response.StatusCode = outcome == ProjectOutcomes.AddOutcome.TooEarly ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public IReadOnlyList<Members.FieldError> OutcomeErrors { get; private set; } = [];

    /// <summary>A follow-up act's outcome on the page: back to the proposal when done, else its refusal with the API's status.</summary>
    private async Task<IActionResult> AfterFollowUpAsync(int id, FollowUpResult result, CancellationToken ct)
    {
        if (result.Outcome == FollowUpOutcome.Done) return Redirect($"/c/{Scope.Slug}/projects/{id}#follow-up");
        if (result.Outcome == FollowUpOutcome.NotFound) return NotFound();
        FollowUpMessage = l[$"FollowUp.Outcome.{result.Outcome}"];
        FollowUpErrors = result.Errors ?? [];
        Response.StatusCode = result.Outcome switch
        {
            FollowUpOutcome.Invalid => StatusCodes.Status400BadRequest,
            FollowUpOutcome.NotCoordinator => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status409Conflict,
        };
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var details = await ProposalQueries.FindAsync(db, Scope, userId, id, ct);
        if (details is null) return false;
        Details = details;
        StrategyNames = await db.StrategicAreas.AsNoTracking().Where(a => a.Id == details.Proposal.StrategicAreaId).Select(a => a.Code + " · " + a.Name)
            .Concat(db.ActivityDomains.AsNoTracking().Where(a => a.Id == details.ActivityDomainId).Select(a => a.Code + " · " + a.Name)).ToListAsync(ct);
        Reviews = await Projects.Reviews.ForProposalAsync(db, id, ProposalQueries.SeesAll(Scope) ? null : userId, ct);
        Assigned = await db.ReviewAssignments.AsNoTracking().Where(a => a.ProposalId == id)
            .Select(a => db.Users.Where(u => u.Id == a.UserId).Select(u => u.Email).FirstOrDefault() ?? a.UserId).ToListAsync(ct);
        AssignedToMe = userId is not null && await db.ReviewAssignments.AnyAsync(a => a.ProposalId == id && a.UserId == userId, ct);
        ChairsCommittee = await Committees.ChairsAsync(db, id, userId, ct);
        if (Scope.Can(ProjectPermissions.Assign)) Reviewers = await Committees.UsersAsync(db, Scope.ClusterId, ct);
        if (Scope.Can(ProjectPermissions.ReadFollowUp) && FollowUpWork.IsFollowed(details.Proposal.State))
            FollowUp = await FollowUpWork.ViewAsync(db, Scope, id, clock.Today(), ct);
        return true;
    }
}
