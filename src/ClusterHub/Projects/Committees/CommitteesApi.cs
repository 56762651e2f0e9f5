using System.Security.Claims;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Projects;

public sealed record OverrideRequest(string? UserId, string? Reason);
public sealed record FunderUserDto(int FunderId, string UserId);

/// <summary>Committees, grids, reviews, conflicts, the call's assignment suggestion, meetings, declarations, participation imports, the funder's view.</summary>
public static class CommitteesApi
{
    public static void MapCommittees(this RouteGroupBuilder cluster)
    {
        var committees = cluster.MapGroup("/committees").WithTags("Committees");
        committees.MapGet("/", List).RequirePermission(ProjectPermissions.ReadCommittees);
        committees.MapPost("/", Create).RequirePermission(ProjectPermissions.ManageCommittees);
        committees.MapGet("/{committeeId:int}", Get).RequirePermission(ProjectPermissions.ReadCommittees);
        committees.MapPut("/{committeeId:int}", Update).RequirePermission(ProjectPermissions.ManageCommittees);
        committees.MapPut("/{committeeId:int}/members", SetMembers).RequirePermission(ProjectPermissions.ManageCommittees);
        committees.MapPut("/{committeeId:int}/grid", SetGrid).RequirePermission(ProjectPermissions.ManageCommittees);
        committees.MapGet("/{committeeId:int}/meetings", ListMeetings).RequirePermission(ProjectPermissions.ReadCommittees);
        committees.MapPost("/{committeeId:int}/meetings", CreateMeeting).RequirePermission(ProjectPermissions.ManageCommittees);

        var meetings = cluster.MapGroup("/meetings").WithTags("Committees");
        meetings.MapGet("/{meetingId:int}", GetMeeting).RequirePermission(ProjectPermissions.ReadCommittees);
        meetings.MapPut("/{meetingId:int}/minutes", SetMinutes).RequirePermission(ProjectPermissions.ManageCommittees);
        meetings.MapPost("/{meetingId:int}/items/{itemId:int}/decision", Decide).RequirePermission(ProjectPermissions.Decide);

        var proposals = cluster.MapGroup("/proposals").WithTags("Committees");
        proposals.MapPost("/{id:int}/assignments/override", Override).RequirePermission(ProjectPermissions.OverrideConflicts);
        proposals.MapGet("/{id:int}/conflicts", Conflicts).RequirePermission(ProjectPermissions.Assign);
        proposals.MapGet("/{id:int}/reviews", GetReviews).RequirePermission(ProjectPermissions.Read);
        proposals.MapPut("/{id:int}/reviews/mine", SubmitReview).RequirePermission(ProjectPermissions.WriteReviews);

        var calls = cluster.MapGroup("/calls").WithTags("Committees");
        calls.MapGet("/{id:int}/assignment-suggestion", Suggest).RequirePermission(ProjectPermissions.Assign);
        calls.MapPost("/{id:int}/assignment-suggestion/accept", Accept).RequirePermission(ProjectPermissions.Assign);

        var reviewers = cluster.MapGroup("/reviewers").WithTags("Committees");
        reviewers.MapGet("/{userId}/expertise", GetExpertise).RequirePermission(ProjectPermissions.EditExpertise);
        reviewers.MapPut("/{userId}/expertise", SetExpertise).RequirePermission(ProjectPermissions.EditExpertise);

        var declarations = cluster.MapGroup("/declarations").WithTags("Committees");
        declarations.MapGet("/", Mine).RequirePermission(ProjectPermissions.Declare);
        declarations.MapPost("/conflicts", DeclareConflict).RequirePermission(ProjectPermissions.Declare);
        declarations.MapPost("/competitors", DeclareCompetitor).RequirePermission(ProjectPermissions.Declare);

        cluster.MapPost("/projects/participations/import", ImportParticipations).WithTags("Committees")
            .RequirePermission(ProjectPermissions.ImportParticipations).DisableAntiforgery();
        cluster.MapPost("/funders/{funderId:int}/users", LinkFunderUser).WithTags("Committees").RequirePermission(ProjectPermissions.ManageCalls);
        cluster.MapGet("/funder/proposals", FunderProposals).WithTags("Committees").RequirePermission(ProjectPermissions.ReadSentToFunder);
    }

    private static string? UserId(HttpContext http) => http.User.FindFirstValue(ClaimTypes.NameIdentifier);

    private static string Actor(HttpContext http) => http.User.Identity?.Name ?? UserId(http) ?? "user";

    private static ValidationProblem Invalid(IEnumerable<FieldError> errors) => TypedResults.ValidationProblem(errors.ToProblemDictionary());

    /// <summary>The cluster's committees, by name, paged.</summary>
    public static async Task<Ok<Page<CommitteeRow>>> List(ClusterScope scope, ClusterDb db, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await Committees.Rows(db, scope.ClusterId).PageAsync(page, pageSize, ct));

    /// <summary>Creates a committee for a strategic area (members and grid come next).</summary>
    public static async Task<Results<Created<CommitteeDetails>, ValidationProblem>> Create(CommitteeInput input, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        var committee = new Committee { ClusterId = scope.ClusterId, Name = "" };
        var errors = await Committees.ApplyAsync(db, scope.ClusterId, input, committee, ct);
        if (errors.Count > 0) return Invalid(errors);
        db.Committees.Add(committee);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/clusters/{scope.Slug}/committees/{committee.Id}", (await Committees.FindAsync(db, scope.ClusterId, committee.Id, ct))!);
    }

    /// <summary>A committee with its members (chair first) and its scoring grid.</summary>
    public static async Task<Results<Ok<CommitteeDetails>, NotFound>> Get(int committeeId, ClusterScope scope, ClusterDb db, CancellationToken ct) =>
        await Committees.FindAsync(db, scope.ClusterId, committeeId, ct) is { } c ? TypedResults.Ok(c) : TypedResults.NotFound();

    /// <summary>Renames a committee or moves it to another strategic area.</summary>
    public static async Task<Results<Ok<CommitteeDetails>, NotFound, ValidationProblem, ProblemHttpResult>> Update(int committeeId, CommitteeInput input, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        var committee = await db.Committees.SingleOrDefaultAsync(c => c.Id == committeeId && c.ClusterId == scope.ClusterId, ct);
        if (committee is null) return TypedResults.NotFound();
        var errors = await Committees.ApplyAsync(db, scope.ClusterId, input, committee, ct);
        if (errors.Count > 0) return Invalid(errors);
        return await SaveAsync(db, scope, committeeId, ct);
    }

    private static async Task<Results<Ok<CommitteeDetails>, NotFound, ValidationProblem, ProblemHttpResult>> SaveAsync(ClusterDb db, ClusterScope scope, int committeeId, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return TypedResults.Problem("Someone else changed this committee at the same time; reload and try again.", statusCode: StatusCodes.Status409Conflict); }
        catch (DbUpdateException e) when (UniqueViolation.Is(e)) { return TypedResults.Problem("Another committee has this name.", statusCode: StatusCodes.Status409Conflict); }
        return TypedResults.Ok((await Committees.FindAsync(db, scope.ClusterId, committeeId, ct))!);
    }

    /// <summary>Replaces the members: users of the cluster, each with its organisation (or none), exactly one chair.</summary>
    public static async Task<Results<Ok<CommitteeDetails>, NotFound, ValidationProblem, ProblemHttpResult>> SetMembers(int committeeId, List<CommitteeMemberInput>? input, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        var committee = await db.Committees.Include(c => c.Members).SingleOrDefaultAsync(c => c.Id == committeeId && c.ClusterId == scope.ClusterId, ct);
        if (committee is null) return TypedResults.NotFound();
        var errors = await Committees.ValidateMembersAsync(db, scope.ClusterId, input, ct);
        if (errors.Count > 0) return Invalid(errors);
        foreach (var gone in committee.Members.Where(m => input!.All(i => i.UserId != m.UserId)).ToList()) committee.Members.Remove(gone);
        foreach (var i in input!)
        {
            var seat = committee.Members.SingleOrDefault(m => m.UserId == i.UserId);
            if (seat is null) committee.Members.Add(seat = new CommitteeMember { UserId = i.UserId! });
            seat.MemberId = i.MemberId;
            seat.IsChair = i.IsChair;
        }
        committee.Version++;
        return await SaveAsync(db, scope, committeeId, ct);
    }

    /// <summary>Replaces the scoring grid: criteria with whole weights summing to 100. Reviews already given keep the grid they were scored on.</summary>
    public static async Task<Results<Ok<CommitteeDetails>, NotFound, ValidationProblem, ProblemHttpResult>> SetGrid(int committeeId, List<CriterionInput>? input, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        var committee = await db.Committees.Include(c => c.Criteria).SingleOrDefaultAsync(c => c.Id == committeeId && c.ClusterId == scope.ClusterId, ct);
        if (committee is null) return TypedResults.NotFound();
        var errors = Committees.ValidateGrid(input);
        if (errors.Count > 0) return Invalid(errors);
        var byName = committee.Criteria.ToDictionary(c => c.Name.ToUpperInvariant());
        committee.Criteria.RemoveAll(c => input!.All(i => !string.Equals(InputText.Blank(i.Name), c.Name, StringComparison.OrdinalIgnoreCase)));
        for (var n = 0; n < input!.Count; n++)
        {
            var name = InputText.Blank(input[n].Name)!;
            if (!byName.TryGetValue(name.ToUpperInvariant(), out var criterion)) committee.Criteria.Add(criterion = new ScoringCriterion { Name = name });
            criterion.Name = name;
            criterion.Weight = input[n].Weight!.Value;
            criterion.Order = n + 1;
        }
        committee.Version++;
        return await SaveAsync(db, scope, committeeId, ct);
    }

    /// <summary>A committee's meetings, latest first.</summary>
    public static async Task<Results<Ok<Page<MeetingRow>>, NotFound>> ListMeetings(int committeeId, ClusterScope scope, ClusterDb db, int? page, int? pageSize, CancellationToken ct) =>
        await db.Committees.AnyAsync(c => c.Id == committeeId && c.ClusterId == scope.ClusterId, ct)
            ? TypedResults.Ok(await Meetings.Rows(db, scope.ClusterId, q => q.Where(m => m.CommitteeId == committeeId).OrderByDescending(m => m.On).ThenByDescending(m => m.Id)).PageAsync(page, pageSize, ct))
            : TypedResults.NotFound();

    /// <summary>Schedules a meeting with its agenda of proposals.</summary>
    public static async Task<Results<Created<MeetingDetails>, NotFound, ValidationProblem>> CreateMeeting(int committeeId, MeetingInput input, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        var (meeting, errors) = await Meetings.CreateAsync(db, scope.ClusterId, committeeId, input, ct);
        if (errors.Count > 0) return Invalid(errors);
        if (meeting is null) return TypedResults.NotFound();
        return TypedResults.Created($"/api/v1/clusters/{scope.Slug}/meetings/{meeting.Id}", (await Meetings.FindAsync(db, scope.ClusterId, meeting.Id, ct))!);
    }

    /// <summary>A meeting: its agenda with each proposal's state, weighted score and decision, and the minutes.</summary>
    public static async Task<Results<Ok<MeetingDetails>, NotFound>> GetMeeting(int meetingId, ClusterScope scope, ClusterDb db, CancellationToken ct) =>
        await Meetings.FindAsync(db, scope.ClusterId, meetingId, ct) is { } m ? TypedResults.Ok(m) : TypedResults.NotFound();

    /// <summary>Writes the minutes.</summary>
    public static async Task<Results<Ok<MeetingDetails>, NotFound, ValidationProblem>> SetMinutes(int meetingId, MinutesInput input, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        var (found, errors) = await Meetings.SetMinutesAsync(db, scope.ClusterId, meetingId, input, ct);
        if (!found) return TypedResults.NotFound();
        if (errors.Count > 0) return Invalid(errors);
        return TypedResults.Ok((await Meetings.FindAsync(db, scope.ClusterId, meetingId, ct))!);
    }

    /// <summary>
    /// The committee's decision on one agenda item (Certify, Return, Reject): the proposal's own move, with its checks (409 when it
    /// does not leave the proposal's state or someone moved it meanwhile, 422 without a reason to return or reject).
    /// </summary>
    public static async Task<Results<Ok<MeetingDetails>, NotFound, ValidationProblem, ProblemHttpResult>> Decide(int meetingId, int itemId, DecisionInput input, ClusterScope scope, ClusterDb db,
        HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var (outcome, transition, errors) = await Meetings.DecideAsync(db, scope.ClusterId, meetingId, itemId, input, Actor(http), clock.GetUtcNow().UtcDateTime, ct);
        return outcome switch
        {
            Meetings.DecideOutcome.Invalid => Invalid(errors),
            Meetings.DecideOutcome.NotFound => TypedResults.NotFound(),
            Meetings.DecideOutcome.AlreadyDecided => TypedResults.Problem("The committee has already decided on this item.", statusCode: StatusCodes.Status409Conflict),
            Meetings.DecideOutcome.Refused => ProjectsApi.Refusal(transition!, input.Decision!.Value,
                transition!.Outcome is TransitionOutcome.NotAllowed or TransitionOutcome.Concurrent ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity),
            _ => TypedResults.Ok((await Meetings.FindAsync(db, scope.ClusterId, meetingId, ct))!),
        };
    }

    /// <summary>The result of an assignment as the API answers it: the proposal, or a ProblemDetails with the conflicts' evidence.</summary>
    public static async Task<Results<Ok<ProposalDetails>, NotFound, ValidationProblem, ProblemHttpResult>> AssignmentAnswer(AssignResult result, int id, ClusterScope scope, ClusterDb db, HttpContext http, CancellationToken ct) =>
        result.Outcome switch
        {
            AssignOutcome.Assigned or AssignOutcome.AlreadyAssigned => TypedResults.Ok((await ProposalQueries.FindAsync(db, scope, UserId(http), id, ct))!),
            AssignOutcome.NotFound => TypedResults.NotFound(),
            AssignOutcome.NotReviewer => Invalid([new FieldError("userId", null, Assignments.English(result))]),
            AssignOutcome.ReasonRequired => Invalid([new FieldError("reason", null, Assignments.English(result))]),
            AssignOutcome.NotChair => TypedResults.Problem(Assignments.English(result), statusCode: StatusCodes.Status403Forbidden),
            _ => TypedResults.Problem(Assignments.English(result), statusCode: StatusCodes.Status409Conflict, title: "Conflict of interest",
                extensions: new Dictionary<string, object?> { ["outcome"] = result.Outcome.ToString(), ["conflicts"] = result.Conflicts }),
        };

    /// <summary>The committee chair assigns a reviewer despite its conflicts, with a written reason recorded on the assignment and in the change history.</summary>
    public static async Task<Results<Ok<ProposalDetails>, NotFound, ValidationProblem, ProblemHttpResult>> Override(int id, OverrideRequest request, ClusterScope scope, ClusterDb db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (InputText.Required(request.Reason, ProjectLimits.Reason) is null) return Invalid([new FieldError("reason", InputText.Echo(request.Reason), "a written reason is required")]);
        if (await db.Proposals.AnyAsync(p => p.Id == id && p.ClusterId == scope.ClusterId, ct) && !await Committees.ChairsAsync(db, id, UserId(http), ct))
            return TypedResults.Problem(Assignments.English(new(AssignOutcome.NotChair)), statusCode: StatusCodes.Status403Forbidden);
        var result = await Assignments.AssignAsync(db, scope.ClusterId, id, request.UserId, request.Reason, UserId(http), Actor(http), clock.GetUtcNow().UtcDateTime, ct);
        return await AssignmentAnswer(result, id, scope, db, http, ct);
    }

    /// <summary>The conflicts a reviewer would have with this proposal, each with its evidence (empty: none).</summary>
    public static async Task<Results<Ok<IReadOnlyList<ConflictEvidence>>, NotFound, ValidationProblem>> Conflicts(int id, string? userId, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(userId)) return Invalid([new FieldError("userId", null, "is required")]);
        if (!await db.Proposals.AnyAsync(p => p.Id == id && p.ClusterId == scope.ClusterId, ct)) return TypedResults.NotFound();
        return TypedResults.Ok(await ReviewConflicts.CheckAsync(db, scope.ClusterId, id, userId, clock.GetUtcNow().Year, ct));
    }

    /// <summary>The proposal's weighted score and reviews: the secretariat sees all; an assigned reviewer its own.</summary>
    public static async Task<Results<Ok<ProposalReviews>, NotFound>> GetReviews(int id, ClusterScope scope, ClusterDb db, HttpContext http, CancellationToken ct)
    {
        if (!await ProposalQueries.Visible(db, scope, UserId(http)).AnyAsync(p => p.Id == id, ct)) return TypedResults.NotFound();
        return TypedResults.Ok(await Reviews.ForProposalAsync(db, id, ProposalQueries.SeesAll(scope) ? null : UserId(http), ct));
    }

    /// <summary>The caller's review of a proposal assigned to it: a score 0–10 for every criterion of the committee's grid, and comments.</summary>
    public static async Task<Results<Ok<ProposalReviews>, NotFound, ValidationProblem, ProblemHttpResult>> SubmitReview(int id, ReviewInput input, ClusterScope scope, ClusterDb db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var (outcome, errors) = await Reviews.SubmitAsync(db, scope.ClusterId, id, UserId(http)!, input, clock.GetUtcNow().UtcDateTime, ct);
        return outcome switch
        {
            ReviewOutcome.NotFound => TypedResults.NotFound(),
            ReviewOutcome.Invalid => Invalid(errors),
            ReviewOutcome.NotAssigned => Invalid([new FieldError("proposal", null, "is not assigned to you for review")]),
            ReviewOutcome.NoGrid => TypedResults.Problem("The proposal's strategic area has no committee with a scoring grid.", statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.Ok(await Reviews.ForProposalAsync(db, id, UserId(http), ct)),
        };
    }

    /// <summary>
    /// The engine's suggestion of reviewers for the call's proposals without any (<c>k</c> each, default 3; nobody over <c>loadCap</c>,
    /// default 10), its total match beside greedy's, why each reviewer was chosen, the proposals left short and the conflicts that kept reviewers away.
    /// </summary>
    public static async Task<Results<Ok<Suggestion>, NotFound, ValidationProblem>> Suggest(int id, int? k, int? loadCap, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct)
    {
        var request = new SuggestionRequest(k ?? 3, loadCap ?? 10);
        if (AssignmentSuggestion.Validate(request) is { Count: > 0 } errors) return Invalid(errors);
        return await AssignmentSuggestion.ComputeAsync(db, scope.ClusterId, id, request.K!.Value, request.LoadCap!.Value, clock.GetUtcNow().Year, ct) is { } s ? TypedResults.Ok(s) : TypedResults.NotFound();
    }

    /// <summary>Accepts the suggestion: computes it again and creates its assignments, with the reviewers' e-mails, in one transaction.</summary>
    public static async Task<Results<Ok<Suggestion>, NotFound, ValidationProblem>> Accept(int id, SuggestionRequest? request, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct)
    {
        var r = new SuggestionRequest(request?.K ?? 3, request?.LoadCap ?? 10);
        if (AssignmentSuggestion.Validate(r) is { Count: > 0 } errors) return Invalid(errors);
        var (suggestion, _) = await AssignmentSuggestion.AcceptAsync(db, scope.ClusterId, id, r.K!.Value, r.LoadCap!.Value, clock.GetUtcNow().UtcDateTime, ct);
        return suggestion is null ? TypedResults.NotFound() : TypedResults.Ok(suggestion);
    }

    private static ProblemHttpResult NotYours() =>
        TypedResults.Problem("A reviewer reads and edits their own expertise; the secretariat anyone's.", statusCode: StatusCodes.Status403Forbidden);

    /// <summary>A reviewer's expertise: their own declared competences, their organisations' validated ones, their committees' areas.</summary>
    public static async Task<Results<Ok<ReviewerExpertiseDto>, NotFound, ProblemHttpResult>> GetExpertise(string userId, ClusterScope scope, ClusterDb db, HttpContext http, CancellationToken ct)
    {
        if (!ExpertiseProfiles.MayEdit(scope, UserId(http), userId)) return NotYours();
        return await ExpertiseProfiles.FindAsync(db, scope.ClusterId, userId, ct) is { } e ? TypedResults.Ok(e) : TypedResults.NotFound();
    }

    /// <summary>Replaces a reviewer's own declared competences (<c>[{ competence: "WELD", level: 3 }]</c>; an empty list clears them).</summary>
    public static async Task<Results<Ok<ReviewerExpertiseDto>, NotFound, ValidationProblem, ProblemHttpResult>> SetExpertise(string userId, List<ExpertiseInput>? input, ClusterScope scope, ClusterDb db,
        HttpContext http, CancellationToken ct)
    {
        if (!ExpertiseProfiles.MayEdit(scope, UserId(http), userId)) return NotYours();
        var (outcome, errors) = await ExpertiseProfiles.SetAsync(db, scope.ClusterId, userId, input, ct);
        return outcome switch
        {
            ExpertiseOutcome.NotFound => TypedResults.NotFound(),
            ExpertiseOutcome.Invalid => Invalid(errors),
            _ => TypedResults.Ok((await ExpertiseProfiles.FindAsync(db, scope.ClusterId, userId, ct))!),
        };
    }

    /// <summary>The caller's declarations: conflicts and its organisation's competitors.</summary>
    public static async Task<Ok<DeclarationsDto>> Mine(ClusterScope scope, ClusterDb db, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await Declarations.MineAsync(db, scope.ClusterId, UserId(http)!, ct));

    /// <summary>Declares a conflict with a proposal or an organisation, with the reason.</summary>
    public static async Task<Results<Ok<DeclarationsDto>, ValidationProblem>> DeclareConflict(ConflictDeclarationInput input, ClusterScope scope, ClusterDb db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var errors = await Declarations.DeclareConflictAsync(db, scope.ClusterId, UserId(http)!, input, clock.GetUtcNow().UtcDateTime, ct);
        return errors.Count > 0 ? Invalid(errors) : TypedResults.Ok(await Declarations.MineAsync(db, scope.ClusterId, UserId(http)!, ct));
    }

    /// <summary>Declares a competitor of the caller's organisation (the secretariat: of any member, with <c>memberId</c>).</summary>
    public static async Task<Results<Ok<DeclarationsDto>, ValidationProblem>> DeclareCompetitor(CompetitorInput input, ClusterScope scope, ClusterDb db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var errors = await Declarations.DeclareCompetitorAsync(db, scope.ClusterId, UserId(http)!, ProposalQueries.SeesAll(scope), input, Actor(http), clock.GetUtcNow().UtcDateTime, ct);
        return errors.Count > 0 ? Invalid(errors) : TypedResults.Ok(await Declarations.MineAsync(db, scope.ClusterId, UserId(http)!, ct));
    }

    /// <summary>Imports participation data (<c>project_id, organisation_id, start_year, end_year</c>, CSV or xlsx) for the conflict rules: all or nothing, located errors.</summary>
    public static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>>> ImportParticipations(HttpRequest request, ClusterScope scope, ClusterDb db, string? fileName, CancellationToken ct)
    {
        var report = await ParticipationImport.ImportAsync(db, scope.ClusterId, request.Body, fileName ?? "participations.csv", ct);
        return report.Succeeded ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
    }

    /// <summary>The certified proposals sent to the caller's funder (a funder's user), and their course since; the secretariat sees every funder's.</summary>
    public static async Task<Ok<Page<ProposalRow>>> FunderProposals(ClusterScope scope, ClusterDb db, HttpContext http, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await FunderView.PageAsync(db, scope, UserId(http), page, pageSize, ct));

    /// <summary>Links a user holding the Funder role to a funder: it then sees the certified proposals sent to that funder.</summary>
    public static async Task<Results<Ok<FunderUserDto>, NotFound, ValidationProblem>> LinkFunderUser(int funderId, AssignmentRequest request, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        if (!await db.Funders.AnyAsync(f => f.Id == funderId && f.ClusterId == scope.ClusterId, ct)) return TypedResults.NotFound();
        var errors = await FunderView.LinkAsync(db, scope.ClusterId, funderId, request.UserId, ct);
        return errors.Count > 0 ? Invalid(errors) : TypedResults.Ok(new FunderUserDto(funderId, request.UserId!));
    }
}
