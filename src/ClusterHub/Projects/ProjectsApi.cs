using System.Security.Claims;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Projects;

/// <summary>Why a move is made (required to return, reject or decline) and, with a funding decision, the public money granted.</summary>
public sealed record TransitionRequest(string? Reason, decimal? GrantedEur);
public sealed record AssignmentRequest(string? UserId);
public sealed record OutcomeInput(OutcomeKind Kind, string? Description, DateOnly On, int? Count);

public static class ProjectsApi
{
    public static void MapProjects(this RouteGroupBuilder cluster)
    {
        var funders = cluster.MapGroup("/funders").WithTags("Projects");
        funders.MapGet("/", Funders).RequirePermission(ProjectPermissions.ReadCalls);
        funders.MapPost("/", CreateFunder).RequirePermission(ProjectPermissions.ManageCalls);

        var calls = cluster.MapGroup("/calls").WithTags("Projects");
        calls.MapGet("/", ListCalls).RequirePermission(ProjectPermissions.ReadCalls);
        calls.MapGet("/{id:int}", GetCall).RequirePermission(ProjectPermissions.ReadCalls);
        calls.MapPost("/", CreateCall).RequirePermission(ProjectPermissions.ManageCalls);
        calls.MapPut("/{id:int}", UpdateCall).RequirePermission(ProjectPermissions.ManageCalls);

        var proposals = cluster.MapGroup("/proposals").WithTags("Projects");
        proposals.MapGet("/", ListProposals).RequirePermission(ProjectPermissions.Read);
        proposals.MapGet("/{id:int}", GetProposal).RequirePermission(ProjectPermissions.Read);
        proposals.MapPost("/", CreateProposal).RequirePermission(ProjectPermissions.Edit);
        proposals.MapPut("/{id:int}", UpdateProposal).RequirePermission(ProjectPermissions.Edit);
        // One route per move, each with its own rule: submitting is the consortium's, every other move the secretariat's.
        foreach (var action in Enum.GetValues<ProposalAction>())
            proposals.MapPost("/{id:int}/" + ActionPath(action), (int id, TransitionRequest? request, ClusterScope scope, ClusterDb db, HttpContext http, TimeProvider clock, CancellationToken ct) =>
                Transition(id, action, request, scope, db, http, clock, ct))
                .RequirePermission(action == ProposalAction.Submit ? ProjectPermissions.Edit : ProjectPermissions.Decide)
                .WithName("Proposal" + action);
        proposals.MapPost("/{id:int}/assignments", Assign).RequirePermission(ProjectPermissions.Assign);
        proposals.MapPost("/{id:int}/outcomes", AddOutcome).RequirePermission(ProjectPermissions.Decide);

        proposals.MapGet("/export", (HttpContext http, ClusterScope scope, ClusterDb db, string? format, CancellationToken ct) =>
            ExportAsync(http, $"{scope.Slug}-projects", ProjectFile.Table, ProjectFile.Query(db, scope.ClusterId, ct), format, ct)).RequirePermission(ProjectPermissions.Export);
        cluster.MapGet("/projects/participations", (HttpContext http, ClusterScope scope, ClusterDb db, string? format, CancellationToken ct) =>
            ExportAsync(http, $"{scope.Slug}-participations", ProjectFile.Participations, ProjectFile.ParticipationQuery(db, scope.ClusterId), format, ct))
            .WithTags("Projects").RequirePermission(ProjectPermissions.Export);
        cluster.MapPost("/projects/import", Import).WithTags("Projects").RequirePermission(ProjectPermissions.Import).DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(RequestLimits.ImportBodyBytes));
        cluster.MapGet("/projects/import/template", async (HttpContext http, ClusterScope scope, ClusterDb db, CancellationToken ct) =>
            await (await ProjectImport.TemplateAsync(db, scope.ClusterId, ct)).SendAsync(http.Response, ct)).WithTags("Projects").RequirePermission(ProjectPermissions.Import);
        cluster.MapGet("/projects/funnel", Funnel).WithTags("Projects").RequirePermission(ProjectPermissions.ReadDashboard);
    }

    /// <summary>
    /// Imports past projects from a CSV or xlsx body (<c>?fileName=</c>; xlsx by its content type or name), in the shape
    /// <c>export projects</c> writes: all or nothing; 422 with every located error (file, row, column, value, reason).
    /// </summary>
    public static async Task<Results<Ok<Members.ImportReport>, UnprocessableEntity<Members.ImportReport>>> Import(HttpRequest request, string? fileName, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        var name = fileName ?? "upload.csv";
        var format = request.ContentType switch
        {
            { } t when t.Contains("json", StringComparison.OrdinalIgnoreCase) => Exchange.FileFormat.Json,
            { } t when t.Contains("spreadsheetml", StringComparison.OrdinalIgnoreCase) => Exchange.FileFormat.Xlsx,
            _ => MemberFile.FormatOf(name),
        };
        var report = await ProjectImport.RunAsync(db, scope.ClusterId, request.Body, name, format, Actor(request.HttpContext), ct);
        return report.Succeeded ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
    }

    /// <summary>The path of a move: <c>StartReview</c> → <c>start-review</c>.</summary>
    public static string ActionPath(ProposalAction action) =>
        string.Concat(action.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string? UserId(HttpContext http) => http.User.FindFirstValue(ClaimTypes.NameIdentifier);

    private static string Actor(HttpContext http) => http.User.Identity?.Name ?? UserId(http) ?? "user";

    /// <summary>The cluster's funders.</summary>
    public static async Task<Ok<List<FunderDto>>> Funders(ClusterScope scope, ClusterDb db, CancellationToken ct) =>
        TypedResults.Ok(await Calls.FundersAsync(db, scope.ClusterId, ct));

    /// <summary>Adds a funder; 409 when the cluster has one of that name.</summary>
    public static async Task<Results<Created<FunderDto>, ValidationProblem, ProblemHttpResult>> CreateFunder(FunderInput input, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        var edit = await Calls.AddFunderAsync(db, scope.ClusterId, input, ct);
        return edit.Outcome switch
        {
            CallEditOutcome.Invalid => TypedResults.ValidationProblem(edit.Errors!.ToProblemDictionary()),
            CallEditOutcome.Duplicate => TypedResults.Problem($"The cluster already has a funder named '{input.Name!.Trim()}'.", statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.Created($"/api/v1/clusters/{scope.Slug}/funders/{edit.Id}", new FunderDto(edit.Id!.Value, input.Name!.Trim(), input.Kind)),
        };
    }

    /// <summary>Calls for proposals, latest closing first, filtered by state and funder, paged.</summary>
    public static async Task<Ok<Page<CallRow>>> ListCalls(ClusterScope scope, ClusterDb db, CallState? state, int? funder, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await Calls.PageAsync(db, scope.ClusterId, state, funder, page, pageSize, ct));

    /// <summary>One call with its eligibility rules.</summary>
    public static async Task<Results<Ok<CallDetails>, NotFound>> GetCall(int id, ClusterScope scope, ClusterDb db, CancellationToken ct) =>
        await Calls.FindAsync(db, scope.ClusterId, id, ct) is { } call ? TypedResults.Ok(call) : TypedResults.NotFound();

    public static async Task<Results<Created<CallDetails>, Ok<CallDetails>, NotFound, ValidationProblem, ProblemHttpResult>> CreateCall(CallInput input, ClusterScope scope, ClusterDb db, CancellationToken ct) =>
        await Answer(await Calls.SaveAsync(db, scope.ClusterId, null, input, ct), scope, db, ct);

    public static async Task<Results<Created<CallDetails>, Ok<CallDetails>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateCall(int id, CallInput input, ClusterScope scope, ClusterDb db, CancellationToken ct) =>
        await Answer(await Calls.SaveAsync(db, scope.ClusterId, id, input, ct), scope, db, ct, created: false);

    private static async Task<Results<Created<CallDetails>, Ok<CallDetails>, NotFound, ValidationProblem, ProblemHttpResult>> Answer(CallEdit edit, ClusterScope scope, ClusterDb db, CancellationToken ct, bool created = true)
    {
        switch (edit.Outcome)
        {
            case CallEditOutcome.NotFound: return TypedResults.NotFound();
            case CallEditOutcome.Invalid: return TypedResults.ValidationProblem(edit.Errors!.ToProblemDictionary());
            case CallEditOutcome.Stale: return TypedResults.Problem("Someone else changed this call at the same time; reload and try again.", statusCode: StatusCodes.Status409Conflict);
        }
        var details = (await Calls.FindAsync(db, scope.ClusterId, edit.Id!.Value, ct))!;
        return created ? TypedResults.Created($"/api/v1/clusters/{scope.Slug}/calls/{details.Call.Id}", details) : TypedResults.Ok(details);
    }

    /// <summary>The proposals the caller may see, searched, filtered by state, strategic area and call, sorted and paged.</summary>
    public static async Task<Ok<Page<ProposalRow>>> ListProposals(ClusterScope scope, ClusterDb db, HttpContext http, [AsParameters] ProposalFilter filter, CancellationToken ct) =>
        TypedResults.Ok(await ProposalQueries.PageAsync(db, scope, UserId(http), filter, ct));

    /// <summary>One proposal: consortium, eligibility against its call, state, the moves the caller may make, history.</summary>
    public static async Task<Results<Ok<ProposalDetails>, NotFound>> GetProposal(int id, ClusterScope scope, ClusterDb db, HttpContext http, CancellationToken ct) =>
        await ProposalQueries.FindAsync(db, scope, UserId(http), id, ct) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound();

    /// <summary>Creates a draft. A member representative creates proposals its organisation coordinates.</summary>
    public static async Task<Results<Created<ProposalDetails>, Ok<ProposalDetails>, NotFound, ValidationProblem, ProblemHttpResult>> CreateProposal(ProposalInput input, ClusterScope scope, ClusterDb db, HttpContext http, TimeProvider clock, CancellationToken ct) =>
        await Answer(await ProposalEdits.CreateAsync(db, scope, input, Actor(http), clock.GetUtcNow().UtcDateTime, ct), scope, db, http, created: true, ct);

    /// <summary>Replaces a draft's (or a returned proposal's) content; the coordinator's representative or the secretariat.</summary>
    public static async Task<Results<Created<ProposalDetails>, Ok<ProposalDetails>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateProposal(int id, ProposalInput input, ClusterScope scope, ClusterDb db, HttpContext http, CancellationToken ct) =>
        await Answer(await ProposalEdits.UpdateAsync(db, scope, UserId(http), id, input, ct), scope, db, http, created: false, ct);

    /// <summary>The answer to a create or an edit: the proposal (201 or 200), 404, 422 with the fields, 403 or 409 with the reason.</summary>
    private static async Task<Results<Created<ProposalDetails>, Ok<ProposalDetails>, NotFound, ValidationProblem, ProblemHttpResult>> Answer(ProposalEdit edit, ClusterScope scope, ClusterDb db, HttpContext http, bool created, CancellationToken ct)
    {
        switch (edit.Outcome)
        {
            case ProposalEditOutcome.NotFound: return TypedResults.NotFound();
            case ProposalEditOutcome.Invalid: return TypedResults.ValidationProblem(edit.FieldErrors.ToProblemDictionary());
            case ProposalEditOutcome.Forbidden: return TypedResults.Problem(edit.Refusal, statusCode: StatusCodes.Status403Forbidden);
            case ProposalEditOutcome.NotEditable or ProposalEditOutcome.Stale: return TypedResults.Problem(edit.Refusal, statusCode: StatusCodes.Status409Conflict);
        }
        var details = (await ProposalQueries.FindAsync(db, scope, UserId(http), edit.Id!.Value, ct))!;
        var location = $"/api/v1/clusters/{scope.Slug}/proposals/{details.Proposal.Id}";
        return created ? TypedResults.Created(location, details) : TypedResults.Ok(details);
    }

    /// <summary>
    /// Moves a proposal along the pipeline. 409: the move does not leave the current state, or someone moved it at the same
    /// time; 422: a reason is missing, or the proposal fails its call's rules (listed in <c>failedRules</c>).
    /// </summary>
    public static async Task<Results<Ok<ProposalDetails>, NotFound, ProblemHttpResult>> Transition(int id, ProposalAction action, TransitionRequest? request, ClusterScope scope, ClusterDb db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var target = await ProposalQueries.Visible(db, scope, UserId(http)).Where(p => p.Id == id).Select(p => new { p.CoordinatorMemberId }).SingleOrDefaultAsync(ct);
        if (target is null) return TypedResults.NotFound();
        if (action == ProposalAction.Submit && !ProposalQueries.CanEdit(scope, target.CoordinatorMemberId))
            return TypedResults.Problem("Only the coordinator's representative or the secretariat submits a proposal.", statusCode: StatusCodes.Status403Forbidden);
        if (request?.GrantedEur is < 0 or > ProposalValidation.MaxBudgetEur)
            return TypedResults.Problem($"grantedEur must be between 0 and {ProposalValidation.MaxBudgetEur:0}.", statusCode: StatusCodes.Status422UnprocessableEntity);
        var result = await ProposalWorkflow.TransitionAsync(db, scope.ClusterId, id, action, request?.Reason,
            request?.GrantedEur is { } g ? Dues.Money.Cents(g) : null, Actor(http), clock.GetUtcNow().UtcDateTime, ct);
        return result.Outcome switch
        {
            TransitionOutcome.Done => TypedResults.Ok((await ProposalQueries.FindAsync(db, scope, UserId(http), id, ct))!),
            TransitionOutcome.NotFound => TypedResults.NotFound(),
            TransitionOutcome.NotAllowed or TransitionOutcome.Concurrent => Refusal(result, action, StatusCodes.Status409Conflict),
            _ => Refusal(result, action, StatusCodes.Status422UnprocessableEntity),
        };
    }

    /// <summary>A refused move as ProblemDetails (outcome, state, failed rules): the proposal's routes and the meeting's decisions.</summary>
    internal static ProblemHttpResult Refusal(TransitionResult result, ProposalAction action, int status) =>
        TypedResults.Problem(TransitionMessages.English(result, action), statusCode: status, extensions: new Dictionary<string, object?>
        {
            ["outcome"] = result.Outcome.ToString(),
            ["state"] = result.From?.ToString(),
            ["failedRules"] = result.Failed,
        });

    /// <summary>
    /// Assigns a reviewer of the cluster to a proposal, after the conflict rules: a conflict answers 409 with its evidence
    /// (<c>conflicts</c>), which only the committee chair overrides (<c>…/assignments/override</c>). Idempotent.
    /// </summary>
    public static async Task<Results<Ok<ProposalDetails>, NotFound, ValidationProblem, ProblemHttpResult>> Assign(int id, AssignmentRequest request, ClusterScope scope, ClusterDb db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var result = await Assignments.AssignAsync(db, scope.ClusterId, id, request.UserId, null, null, Actor(http), clock.GetUtcNow().UtcDateTime, ct);
        return await CommitteesApi.AssignmentAnswer(result, id, scope, db, http, ct);
    }

    /// <summary>Records what a project brought: a product, a first sale, jobs created, a patent.</summary>
    public static async Task<Results<Ok<ProposalDetails>, NotFound, ValidationProblem, ProblemHttpResult>> AddOutcome(int id, OutcomeInput input, ClusterScope scope, ClusterDb db, HttpContext http, CancellationToken ct)
    {
        var (outcome, errors) = await ProjectOutcomes.AddAsync(db, scope.ClusterId, id, input, ct);
        return outcome switch
        {
            ProjectOutcomes.AddOutcome.NotFound => TypedResults.NotFound(),
            ProjectOutcomes.AddOutcome.TooEarly => TypedResults.Problem(ProjectOutcomes.TooEarly, statusCode: StatusCodes.Status409Conflict),
            ProjectOutcomes.AddOutcome.Invalid => TypedResults.ValidationProblem(errors.ToProblemDictionary()),
            _ => TypedResults.Ok((await ProposalQueries.FindAsync(db, scope, UserId(http), id, ct))!),
        };
    }

    /// <summary>A download through the exchange kit: <c>?format=csv</c> (default), <c>json</c> or <c>xlsx</c>.</summary>
    private static async Task<IResult> ExportAsync<T>(HttpContext http, string stem, Exchange.ExportTable<T> table, IAsyncEnumerable<T> rows, string? format, CancellationToken ct)
    {
        if (Exchange.Export.ParseFormat(format ?? "csv") is not { } fmt) return Exchange.Export.UnknownFormat(format);
        await Exchange.Export.SendAsync(http.Response, stem, table, rows, fmt, ct);
        return TypedResults.Empty;
    }

    /// <summary>The pipeline funnel by year, conversion rates, median days per state and the funding leveraged.</summary>
    public static async Task<Ok<ProjectFunnel.Report>> Funnel(ClusterScope scope, ClusterDb db, CancellationToken ct) =>
        TypedResults.Ok(await ProjectFunnel.ComputeAsync(db, scope.ClusterId, ct));
}
