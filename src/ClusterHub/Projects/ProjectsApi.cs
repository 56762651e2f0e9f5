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
        var errors = Calls.ValidateFunder(input);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemDictionary());
        var name = input.Name!.Trim();
        if (await db.Funders.AnyAsync(f => f.ClusterId == scope.ClusterId && f.Name == name, ct))
            return TypedResults.Problem($"The cluster already has a funder named '{name}'.", statusCode: StatusCodes.Status409Conflict);
        var funder = new Funder { ClusterId = scope.ClusterId, Name = name, Kind = input.Kind };
        db.Funders.Add(funder);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (UniqueViolation.Is(e)) { return TypedResults.Problem($"The cluster already has a funder named '{name}'.", statusCode: StatusCodes.Status409Conflict); }
        return TypedResults.Created($"/api/v1/clusters/{scope.Slug}/funders/{funder.Id}", new FunderDto(funder.Id, funder.Name, funder.Kind));
    }

    /// <summary>Calls for proposals, latest closing first, filtered by state and funder, paged.</summary>
    public static async Task<Ok<Page<CallRow>>> ListCalls(ClusterScope scope, ClusterDb db, CallState? state, int? funder, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await Calls.PageAsync(db, scope.ClusterId, state, funder, page, pageSize, ct));

    /// <summary>One call with its eligibility rules.</summary>
    public static async Task<Results<Ok<CallDetails>, NotFound>> GetCall(int id, ClusterScope scope, ClusterDb db, CancellationToken ct) =>
        await Calls.FindAsync(db, scope.ClusterId, id, ct) is { } call ? TypedResults.Ok(call) : TypedResults.NotFound();

    public static async Task<Results<Created<CallDetails>, ValidationProblem>> CreateCall(CallInput input, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        var call = new FundingCall { ClusterId = scope.ClusterId, Title = "" };
        var errors = await Calls.ApplyAsync(db, scope.ClusterId, input, call, ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemDictionary());
        db.FundingCalls.Add(call);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/clusters/{scope.Slug}/calls/{call.Id}", (await Calls.FindAsync(db, scope.ClusterId, call.Id, ct))!);
    }

    public static async Task<Results<Ok<CallDetails>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateCall(int id, CallInput input, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        var call = await db.FundingCalls.Include(c => c.FundingRates).SingleOrDefaultAsync(c => c.Id == id && c.ClusterId == scope.ClusterId, ct);
        if (call is null) return TypedResults.NotFound();
        var errors = await Calls.ApplyAsync(db, scope.ClusterId, input, call, ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemDictionary());
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return TypedResults.Problem("Someone else changed this call at the same time; reload and try again.", statusCode: StatusCodes.Status409Conflict); }
        return TypedResults.Ok((await Calls.FindAsync(db, scope.ClusterId, id, ct))!);
    }

    /// <summary>The proposals the caller may see, searched, filtered by state, strategic area and call, sorted and paged.</summary>
    public static async Task<Ok<Page<ProposalRow>>> ListProposals(ClusterScope scope, ClusterDb db, HttpContext http, [AsParameters] ProposalFilter filter, CancellationToken ct) =>
        TypedResults.Ok(await ProposalQueries.PageAsync(db, scope, UserId(http), filter, ct));

    /// <summary>One proposal: consortium, eligibility against its call, state, the moves the caller may make, history.</summary>
    public static async Task<Results<Ok<ProposalDetails>, NotFound>> GetProposal(int id, ClusterScope scope, ClusterDb db, HttpContext http, CancellationToken ct) =>
        await ProposalQueries.FindAsync(db, scope, UserId(http), id, ct) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound();

    /// <summary>Creates a draft. A member representative creates proposals its organisation coordinates.</summary>
    public static async Task<Results<Created<ProposalDetails>, ValidationProblem, ProblemHttpResult>> CreateProposal(ProposalInput input, ClusterScope scope, ClusterDb db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var proposal = new Proposal { ClusterId = scope.ClusterId, Title = "", Acronym = "", State = ProposalState.Draft, CreatedAt = now, StateSince = now };
        var errors = await ProposalValidation.ApplyAsync(db, scope.ClusterId, input, proposal, ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemDictionary());
        if (!ProposalQueries.CanEdit(scope, proposal.CoordinatorMemberId))
            return TypedResults.Problem("A member representative creates proposals that its own organisation coordinates.", statusCode: StatusCodes.Status403Forbidden);
        proposal.StateChanges.Add(new ProposalStateChange { ClusterId = scope.ClusterId, To = ProposalState.Draft, At = now, Actor = Actor(http) });
        db.Proposals.Add(proposal);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/clusters/{scope.Slug}/proposals/{proposal.Id}", (await ProposalQueries.FindAsync(db, scope, UserId(http), proposal.Id, ct))!);
    }

    /// <summary>Replaces a draft's (or a returned proposal's) content; the coordinator's representative or the secretariat.</summary>
    public static async Task<Results<Ok<ProposalDetails>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateProposal(int id, ProposalInput input, ClusterScope scope, ClusterDb db, HttpContext http, CancellationToken ct)
    {
        var visible = await ProposalQueries.Visible(db, scope, UserId(http)).AnyAsync(p => p.Id == id, ct);
        var proposal = visible ? await db.Proposals.Include(p => p.Partners).Include(p => p.Competences).AsSplitQuery().SingleAsync(p => p.Id == id, ct) : null;
        if (proposal is null) return TypedResults.NotFound();
        if (!ProposalQueries.CanEdit(scope, proposal.CoordinatorMemberId))
            return TypedResults.Problem("Only the coordinator's representative or the secretariat edits a proposal.", statusCode: StatusCodes.Status403Forbidden);
        if (!ProposalWorkflow.IsEditable(proposal.State))
            return TypedResults.Problem($"A proposal in state {proposal.State} is no longer edited; only a draft or a returned proposal is.", statusCode: StatusCodes.Status409Conflict);
        var errors = await ProposalValidation.ApplyAsync(db, scope.ClusterId, input, proposal, ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemDictionary());
        if (!ProposalQueries.CanEdit(scope, proposal.CoordinatorMemberId))
            return TypedResults.Problem("A member representative cannot hand the coordination to another organisation.", statusCode: StatusCodes.Status403Forbidden);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return TypedResults.Problem("Someone else changed this proposal at the same time; reload and try again.", statusCode: StatusCodes.Status409Conflict); }
        return TypedResults.Ok((await ProposalQueries.FindAsync(db, scope, UserId(http), id, ct))!);
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
        var proposal = await db.Proposals.SingleOrDefaultAsync(p => p.Id == id && p.ClusterId == scope.ClusterId, ct);
        if (proposal is null) return TypedResults.NotFound();
        if (proposal.State is not (ProposalState.Running or ProposalState.Completed or ProposalState.OnTheMarket))
            return TypedResults.Problem($"A proposal in state {proposal.State} has no outcomes yet; a running, completed or marketed project does.", statusCode: StatusCodes.Status409Conflict);
        var errors = new List<FieldError>();
        var description = input.Description?.Trim();
        if (string.IsNullOrEmpty(description)) errors.Add(new("description", input.Description, "is required"));
        else if (description.Length > ProjectLimits.Name) errors.Add(new("description", description, $"is longer than {ProjectLimits.Name} characters"));
        if (input.Count is < 0 or > 1_000_000) errors.Add(new("count", input.Count?.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be between 0 and 1000000"));
        if (input.On.Year is < Years.Min or > Years.Max) errors.Add(new("on", input.On.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "is not a plausible date"));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemDictionary());
        db.ProjectOutcomes.Add(new ProjectOutcome { ProposalId = id, Kind = input.Kind, Description = description!, On = input.On, Count = input.Count });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await ProposalQueries.FindAsync(db, scope, UserId(http), id, ct))!);
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
