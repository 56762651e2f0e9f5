using System.Security.Claims;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClusterHub.Projects;

/// <summary>A funded project's follow-up: <c>/api/v1/clusters/{cluster}/proposals/{id}/follow-up</c>, milestones, deliverables, reports.</summary>
public static class FollowUpApi
{
    public static void MapFollowUp(this RouteGroupBuilder cluster)
    {
        var p = cluster.MapGroup("/proposals/{id:int}").WithTags("Follow-up");
        p.MapGet("/follow-up", Get).RequirePermission(ProjectPermissions.ReadFollowUp);
        p.MapPost("/milestones", AddMilestone).RequirePermission(ProjectPermissions.ManageFollowUp);
        p.MapPost("/milestones/{milestoneId:int}/done", MarkDone).RequirePermission(ProjectPermissions.RecordProgress);
        p.MapPut("/milestones/{milestoneId:int}", (int id, int milestoneId, MilestoneInput input, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct) =>
            Replanned(FollowUpWork.ChangeMilestoneAsync(db, scope, id, milestoneId, input, ct), id, scope, db, clock, ct)).RequirePermission(ProjectPermissions.ManageFollowUp);
        p.MapDelete("/milestones/{milestoneId:int}", (int id, int milestoneId, int? version, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct) =>
            Replanned(FollowUpWork.RemoveMilestoneAsync(db, scope, id, milestoneId, version, ct), id, scope, db, clock, ct)).RequirePermission(ProjectPermissions.ManageFollowUp);
        p.MapPut("/deliverables/{deliverableId:int}", (int id, int deliverableId, DeliverableInput input, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct) =>
            Replanned(FollowUpWork.ChangeDeliverableAsync(db, scope, id, deliverableId, input, ct), id, scope, db, clock, ct)).RequirePermission(ProjectPermissions.ManageFollowUp);
        p.MapDelete("/deliverables/{deliverableId:int}", (int id, int deliverableId, int? version, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct) =>
            Replanned(FollowUpWork.RemoveDeliverableAsync(db, scope, id, deliverableId, version, ct), id, scope, db, clock, ct)).RequirePermission(ProjectPermissions.ManageFollowUp);
        p.MapPost("/deliverables", AddDeliverable).RequirePermission(ProjectPermissions.ManageFollowUp);
        p.MapPost("/deliverables/{deliverableId:int}/delivered", Deliver).RequirePermission(ProjectPermissions.RecordProgress);
        p.MapPost("/reports", SubmitReport).RequirePermission(ProjectPermissions.RecordProgress);
        p.MapPut("/reports/{reportId:int}", ResubmitReport).RequirePermission(ProjectPermissions.RecordProgress);
        p.MapPost("/reports/{reportId:int}/accept", (int id, int reportId, ReportDecisionInput input, ClusterScope scope, ClusterDb db, HttpContext http, TimeProvider clock, CancellationToken ct) =>
            Decide(id, reportId, true, input, scope, db, http, clock, ct)).RequirePermission(ProjectPermissions.ManageFollowUp).WithName("ReportAccept");
        p.MapPost("/reports/{reportId:int}/return", (int id, int reportId, ReportDecisionInput input, ClusterScope scope, ClusterDb db, HttpContext http, TimeProvider clock, CancellationToken ct) =>
            Decide(id, reportId, false, input, scope, db, http, clock, ct)).RequirePermission(ProjectPermissions.ManageFollowUp).WithName("ReportReturn");
    }

    private static string Actor(HttpContext http) => http.User.Identity?.Name ?? http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "user";

    /// <summary>The project's span, milestones (share done, overdue ones flagged), deliverables, reports, and what the caller may do.</summary>
    public static async Task<Results<Ok<FollowUpView>, NotFound>> Get(int id, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct) =>
        await FollowUpWork.ViewAsync(db, scope, id, clock.Today(), ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound();

    public static async Task<IResult> AddMilestone(int id, MilestoneInput input, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct) =>
        await Answer(await FollowUpWork.AddMilestoneAsync(db, scope, id, input, ct), id, scope, db, clock, true, ct);

    public static async Task<IResult> AddDeliverable(int id, DeliverableInput input, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct) =>
        await Answer(await FollowUpWork.AddDeliverableAsync(db, scope, id, input, ct), id, scope, db, clock, true, ct);

    public static async Task<IResult> MarkDone(int id, int milestoneId, ProgressInput? input, ClusterScope scope, ClusterDb db, HttpContext http, TimeProvider clock, CancellationToken ct) =>
        await Answer(await FollowUpWork.MarkDoneAsync(db, scope, id, milestoneId, input ?? new(null, null), Actor(http), clock.Today(), ct), id, scope, db, clock, ct);

    public static async Task<IResult> Deliver(int id, int deliverableId, ProgressInput? input, ClusterScope scope, ClusterDb db, HttpContext http, TimeProvider clock, CancellationToken ct) =>
        await Answer(await FollowUpWork.DeliverAsync(db, scope, id, deliverableId, input ?? new(null, null), Actor(http), clock.Today(), ct), id, scope, db, clock, ct);

    public static async Task<IResult> SubmitReport(int id, ReportInput input, ClusterScope scope, ClusterDb db, HttpContext http, TimeProvider clock, CancellationToken ct) =>
        await Answer(await FollowUpWork.SubmitReportAsync(db, scope, id, null, input, Actor(http), clock.GetUtcNow().UtcDateTime, ct), id, scope, db, clock, true, ct);

    /// <summary>Submits a returned report again, with its new period and summary.</summary>
    public static async Task<IResult> ResubmitReport(int id, int reportId, ReportInput input, ClusterScope scope, ClusterDb db, HttpContext http, TimeProvider clock, CancellationToken ct) =>
        await Answer(await FollowUpWork.SubmitReportAsync(db, scope, id, reportId, input, Actor(http), clock.GetUtcNow().UtcDateTime, ct), id, scope, db, clock, ct);

    private static async Task<IResult> Decide(int id, int reportId, bool accept, ReportDecisionInput input, ClusterScope scope, ClusterDb db, HttpContext http, TimeProvider clock, CancellationToken ct) =>
        await Answer(await FollowUpWork.DecideReportAsync(db, scope, id, reportId, accept, input, Actor(http), clock.GetUtcNow().UtcDateTime, ct), id, scope, db, clock, ct);

    /// <summary>
    /// An outcome as HTTP: the follow-up view (201 for a new row), 404, 400 with the fields, 403 for a partner that does not coordinate,
    /// 409 for the wrong state, a row already done or decided, or a lost race (<c>outcome</c> says which).
    /// </summary>
    /// <summary>A milestone or deliverable changed or removed: the follow-up view, or the refusal as every follow-up act gives it.</summary>
    private static async Task<IResult> Replanned(Task<FollowUpResult> act, int id, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct) =>
        await Answer(await act, id, scope, db, clock, ct);

    private static Task<IResult> Answer(FollowUpResult r, int id, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct)
        => Answer(r, id, scope, db, clock, false, ct);

    private static async Task<IResult> Answer(FollowUpResult r, int id, ClusterScope scope, ClusterDb db, TimeProvider clock, bool created, CancellationToken ct)
    {
        switch (r.Outcome)
        {
            case FollowUpOutcome.Done:
                var view = (await FollowUpWork.ViewAsync(db, scope, id, clock.Today(), ct))!;
                return created ? TypedResults.Created($"/api/v1/clusters/{scope.Slug}/proposals/{id}/follow-up", view) : TypedResults.Ok(view);
            case FollowUpOutcome.NotFound: return TypedResults.NotFound();
            case FollowUpOutcome.Invalid: return TypedResults.ValidationProblem(r.Errors!.ToProblemDictionary());
            default:
                return TypedResults.Problem(Messages[r.Outcome], statusCode: r.Outcome == FollowUpOutcome.NotCoordinator ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict,
                    extensions: new Dictionary<string, object?> { ["outcome"] = r.Outcome.ToString() });
        }
    }

    /// <summary>The refusals in English; the page translates <c>FollowUp.Outcome.{outcome}</c>.</summary>
    public static readonly IReadOnlyDictionary<FollowUpOutcome, string> Messages = new Dictionary<FollowUpOutcome, string>
    {
        [FollowUpOutcome.NotCoordinator] = "Only the coordinator's representative or the secretariat records a project's progress.",
        [FollowUpOutcome.WrongState] = "The project is not in a state that takes this: milestones and deliverables are planned while it is funded or running, progress is recorded while it runs, reports while it runs or after it completed.",
        [FollowUpOutcome.AlreadyDone] = "This is done already (the milestone done, the deliverable delivered, the report decided or not returned).",
        [FollowUpOutcome.Concurrent] = "Someone else acted on this at the same time; nothing of yours was written. Reload and check.",
    };
}
