using System.Globalization;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Indicators;
using ClusterHub.Members;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Strategy;

/// <summary>A list entry as the API shows it.</summary>
public sealed record ListEntry(int Id, string Code, string Name, string? Description, int Order);
public sealed record ObjectiveDto(int Id, string Title, string? AreaCode, string IndicatorKey, int? BaselineYear, double? Baseline, double Tolerance, IReadOnlyList<TargetInput> Targets)
{
    public static ObjectiveDto From(Objective o, string? areaCode) =>
        new(o.Id, o.Title, areaCode, o.IndicatorKey, o.BaselineYear, o.Baseline, o.Tolerance, [.. o.Targets.OrderBy(t => t.Year).Select(t => new TargetInput(t.Year, t.Value))]);
}

public sealed record ActionDto(int Id, RoadmapAxis Axis, string Title, string? Owner, string? AreaCode, DateOnly? StartOn, DateOnly? DueOn, ActionStatus Status, int Progress)
{
    public static ActionDto From(RoadmapAction a, string? areaCode) => new(a.Id, a.Axis, a.Title, a.Owner, areaCode, a.StartOn, a.DueOn, a.Status, a.Progress);
}
public sealed record StrategyDto(string Vision, IReadOnlyList<ListEntry> Areas, IReadOnlyList<ListEntry> Domains, IReadOnlyList<ListEntry> Stages,
    IReadOnlyList<ObjectiveDto> Objectives, IReadOnlyList<ActionDto> Actions);
public sealed record VisionInput(string Vision);
public sealed record DecisionsInput(string Decisions);
public sealed record ReviewTargetInput(int ObjectiveId, int Year, double Value);
public sealed record ReviewSummary(int Year, string Title, DateOnly HeldOn, ReviewState State, int Met, int Near, int Missed, int Missing);
public sealed record ReviewDto(int Year, string Title, DateOnly HeldOn, ReviewState State, string Decisions, DateTime? ClosedAt, string? ClosedBy, bool Live,
    IReadOnlyList<ObjectiveStanding> Objectives, IReadOnlyList<IndicatorRow> Indicators)
{
    public static ReviewDto From(ReviewView v, CultureInfo culture) =>
        new(v.Review.Year, v.Review.Title, v.Review.HeldOn, v.Review.State, v.Review.Decisions, v.Review.ClosedAt, v.Review.ClosedBy, v.Live,
            v.Objectives, [.. v.Indicators.Select(r => IndicatorRow.From(r, culture))]);
}

public static class StrategyApi
{
    public static void MapStrategy(this RouteGroupBuilder cluster)
    {
        var strategy = cluster.MapGroup("/strategy").WithTags("Strategy").RequirePermission(StrategyPermissions.Read);
        strategy.MapGet("/", Overview);
        strategy.MapGet("/areas", (ClusterScope scope, ClusterDb db, CancellationToken ct) => List(db.StrategicAreas, scope, ct));
        strategy.MapGet("/domains", (ClusterScope scope, ClusterDb db, CancellationToken ct) => List(db.ActivityDomains, scope, ct));
        strategy.MapGet("/stages", (ClusterScope scope, ClusterDb db, CancellationToken ct) => List(db.ValueChainStages, scope, ct));
        MapList<StrategicArea>(strategy, "/areas");
        MapList<ActivityDomain>(strategy, "/domains");
        MapList<ValueChainStage>(strategy, "/stages");
        strategy.MapPut("/vision", SetVision).RequirePermission(StrategyPermissions.Manage);
        strategy.MapPost("/objectives", AddObjective).RequirePermission(StrategyPermissions.Manage);
        strategy.MapPost("/actions", (ActionInput input, ClusterScope scope, ClusterDb db, CancellationToken ct) => SaveAction(null, input, scope, db, ct))
            .RequirePermission(StrategyPermissions.Manage);
        strategy.MapPut("/actions/{id:int}", (int id, ActionInput input, ClusterScope scope, ClusterDb db, CancellationToken ct) => SaveAction(id, input, scope, db, ct))
            .RequirePermission(StrategyPermissions.Manage);

        var reviews = strategy.MapGroup("/reviews");
        reviews.MapGet("/", ListReviews);
        reviews.MapPost("/", OpenReview).RequirePermission(StrategyPermissions.Manage);
        reviews.MapGet("/{year:int}", Review);
        reviews.MapPut("/{year:int}/decisions", async (int year, DecisionsInput input, ClusterScope scope, ClusterDb db, CancellationToken ct) =>
            Answer(await Reviews.RecordDecisionsAsync(db, scope.ClusterId, year, input.Decisions ?? "", ct), year)).RequirePermission(StrategyPermissions.Manage);
        reviews.MapPut("/{year:int}/targets", async (int year, ReviewTargetInput input, ClusterScope scope, ClusterDb db, CancellationToken ct) =>
            Answer(await Reviews.SetTargetAsync(db, scope.ClusterId, year, input.ObjectiveId, input.Year, input.Value, ct), year)).RequirePermission(StrategyPermissions.Manage);
        reviews.MapPost("/{year:int}/close", async (int year, HttpContext http, ClusterScope scope, ClusterDb db, Reviews ops, CancellationToken ct) =>
            Answer(await ops.CloseAsync(db, scope.ClusterId, year, http.User.Identity?.Name ?? "user", ct), year)).RequirePermission(StrategyPermissions.Manage);
    }

    /// <summary>Adding, changing and removing entries of one list (managers); an entry still in use is not removed (409, with what uses it).</summary>
    private static void MapList<T>(RouteGroupBuilder strategy, string path) where T : StrategyListEntry, new()
    {
        var list = strategy.MapGroup(path).RequirePermission(StrategyPermissions.Manage);
        list.MapPost("/", async (ListEntryInput input, ClusterScope scope, ClusterDb db, CancellationToken ct) =>
            ListAnswer(await StrategyListEdits.SaveAsync<T>(db, scope.ClusterId, null, input, ct), input, created: $"/api/v1/clusters/{scope.Slug}/strategy{path}"));
        list.MapPut("/{entryId:int}", async (int entryId, ListEntryInput input, ClusterScope scope, ClusterDb db, CancellationToken ct) =>
            ListAnswer(await StrategyListEdits.SaveAsync<T>(db, scope.ClusterId, entryId, input, ct), input, created: null));
        list.MapDelete("/{entryId:int}", async (int entryId, ClusterScope scope, ClusterDb db, CancellationToken ct) =>
            await StrategyListEdits.RemoveAsync<T>(db, scope.ClusterId, entryId, ct) switch
            {
                (ListEdit.Done, _) => Results.NoContent(),
                (ListEdit.InUse, var usedBy) => Results.Problem(
                    $"The entry is still used by {string.Join(", ", usedBy.Select(u => $"{u.Count} {u.Kind}"))}; change or remove those first.",
                    statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["usedBy"] = usedBy }),
                _ => Results.NotFound(),
            });
    }

    private static IResult ListAnswer<T>((ListEdit Edit, T? Entry) result, ListEntryInput input, string? created) where T : StrategyListEntry => result switch
    {
        (ListEdit.Done, { } e) when created is not null => TypedResults.Created(created, new ListEntry(e.Id, e.Code, e.Name, e.Description, e.Order)),
        (ListEdit.Done, { } e) => TypedResults.Ok(new ListEntry(e.Id, e.Code, e.Name, e.Description, e.Order)),
        (ListEdit.NotFound, _) => TypedResults.NotFound(),
        (ListEdit.DuplicateCode, _) => TypedResults.Problem($"The list already has an entry with the code '{input.Code?.Trim()}'.", statusCode: StatusCodes.Status409Conflict),
        _ => TypedResults.ValidationProblem(StrategyListEdits.Validate(input).ToProblemDictionary()),
    };

    /// <summary>One of the cluster's lists, in its order.</summary>
    public static async Task<Ok<List<ListEntry>>> List<T>(IQueryable<T> list, ClusterScope scope, CancellationToken ct) where T : StrategyListEntry =>
        TypedResults.Ok(await StrategyLists.Entries(list, scope.ClusterId, ct));

    /// <summary>The whole strategy: vision, lists, objectives with their targets, roadmap.</summary>
    public static async Task<Ok<StrategyDto>> Overview(ClusterScope scope, ClusterDb db, CancellationToken ct) =>
        TypedResults.Ok(await StrategyLists.OverviewAsync(db, scope.ClusterId, ct));

    public static async Task<Results<Ok, ValidationProblem>> SetVision(VisionInput input, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        var errors = await StrategyPlanning.SetVisionAsync(db, scope.ClusterId, input.Vision ?? "", ct);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors.ToProblemDictionary()) : TypedResults.Ok();
    }

    public static async Task<Results<Created<ObjectiveDto>, ValidationProblem>> AddObjective(ObjectiveInput input, ClusterScope scope, ClusterDb db, StrategyPlanning planning, CancellationToken ct)
    {
        var (objective, errors) = await planning.AddObjectiveAsync(db, scope.ClusterId, input, ct);
        if (objective is null) return TypedResults.ValidationProblem(errors.ToProblemDictionary());
        // The area code was checked against the cluster's list by the operation: the answer needs no second read.
        return TypedResults.Created($"/api/v1/clusters/{scope.Slug}/strategy", ObjectiveDto.From(objective, objective.StrategicAreaId is null ? null : input.AreaCode!.Trim()));
    }

    private static async Task<Results<Ok<ActionDto>, NotFound, ValidationProblem>> SaveAction(int? id, ActionInput input, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        var (action, errors) = await StrategyPlanning.SaveActionAsync(db, scope.ClusterId, id, input, ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemDictionary());
        if (action is null) return TypedResults.NotFound();
        return TypedResults.Ok(ActionDto.From(action, action.StrategicAreaId is null ? null : input.AreaCode!.Trim()));
    }

    public static async Task<Ok<List<ReviewSummary>>> ListReviews(ClusterScope scope, ClusterDb db, CancellationToken ct) =>
        TypedResults.Ok(await StrategyLists.ReviewsAsync(db, scope.ClusterId, ct));

    public static async Task<Results<Created<ReviewDto>, ValidationProblem, ProblemHttpResult>> OpenReview(ReviewInput input, ClusterScope scope, ClusterDb db, Reviews ops, CancellationToken ct)
    {
        var errors = Reviews.Validate(input);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemDictionary());
        var (change, _) = await ops.OpenAsync(db, scope.ClusterId, input, ct);
        if (change == ReviewChange.AlreadyExists)
            return TypedResults.Problem($"The cluster already has a review for {input.Year}.", statusCode: StatusCodes.Status409Conflict);
        var view = await ops.ViewAsync(db, scope.ClusterId, input.Year, ct);
        return TypedResults.Created($"/api/v1/clusters/{scope.Slug}/strategy/reviews/{input.Year}", ReviewDto.From(view!, CultureInfo.CurrentUICulture));
    }

    /// <summary>A review: live indicators while it is open, its snapshot once closed.</summary>
    public static async Task<Results<Ok<ReviewDto>, NotFound>> Review(int year, ClusterScope scope, ClusterDb db, Reviews ops, CancellationToken ct) =>
        await ops.ViewAsync(db, scope.ClusterId, year, ct) is { } view ? TypedResults.Ok(ReviewDto.From(view, CultureInfo.CurrentUICulture)) : TypedResults.NotFound();

    private static IResult Answer(ReviewChange change, int year) => change switch
    {
        ReviewChange.Done => TypedResults.Ok(),
        ReviewChange.NotFound => TypedResults.NotFound(),
        ReviewChange.Closed => TypedResults.Problem($"The review of {year} is closed: its record cannot change.", statusCode: StatusCodes.Status409Conflict),
        ReviewChange.Conflict => TypedResults.Problem("Someone changed the review at the same time; reload and try again.", statusCode: StatusCodes.Status409Conflict),
        _ => TypedResults.Problem("The change is not valid: a year between 1950 and 2100, a finite number, decisions of at most 20,000 characters.", statusCode: StatusCodes.Status400BadRequest),
    };
}
