using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Surveys;

public sealed record SurveyItemDto(string Key, string TextEn, string? TextFr, string? TextKo);
public sealed record SurveySummary(int Year, string Title, SurveyState State, bool Anonymous, DateOnly ClosesOn, int Items, int Invited, int Answered);
public sealed record SurveyDto(int Year, string Title, SurveyState State, bool Anonymous, DateOnly ClosesOn, DateTime CreatedAt, DateTime? SentAt, DateTime? ClosedAt,
    IReadOnlyList<SurveyItemDto> Items)
{
    public static SurveyDto From(Survey s) => new(s.Year, s.Title, s.State, s.Anonymous, s.ClosesOn, s.CreatedAt, s.SentAt, s.ClosedAt,
        [.. s.Items.OrderBy(i => i.Position).Select(i => new SurveyItemDto(i.Key, i.TextEn, i.TextFr, i.TextKo))]);
}

/// <summary>One group of an item as the API shows it: the figures, or <c>tooFew</c> with the count alone.</summary>
public sealed record GroupDto(MemberType? MemberType, int Respondents, int DontKnow, bool TooFew, double? Mean, double? StdDev, IReadOnlyList<int>? Counts)
{
    public static GroupDto From(GroupStat g) => new(g.MemberType, g.Respondents, g.DontKnow, g.TooFew, g.Mean, g.StdDev, g.Counts);
}
public sealed record ItemResultDto(string Key, string TextEn, GroupDto All, IReadOnlyList<GroupDto> ByType);
public sealed record RateDto(MemberType? MemberType, int Invited, int Answered, double? Rate)
{
    public static RateDto From(ResponseRate r) => new(r.MemberType, r.Invited, r.Answered, r.Rate);
}
public sealed record ResultsDto(int Year, string Title, SurveyState State, int MinRespondents, RateDto ResponseRate, IReadOnlyList<RateDto> ResponseRateByType, int Responses,
    IReadOnlyList<ItemResultDto> Items)
{
    public static ResultsDto From(SurveyReport r) => new(r.Survey.Year, r.Survey.Title, r.Survey.State, SurveyResults.MinRespondents, RateDto.From(r.Rate),
        [.. r.RateByType.Select(RateDto.From)], r.Responses,
        [.. r.Items.Select(i => new ItemResultDto(i.Key, i.Item.TextEn, GroupDto.From(i.All), [.. i.ByType.Select(GroupDto.From)]))]);
}

public static class SurveysApi
{
    public static void MapSurveys(this RouteGroupBuilder cluster)
    {
        var surveys = cluster.MapGroup("/surveys").WithTags("Surveys").RequirePermission(SurveyPermissions.Read);
        surveys.MapGet("/", List);
        surveys.MapPost("/", Create).RequirePermission(SurveyPermissions.Manage);
        surveys.MapGet("/{year:int}", Get);
        surveys.MapGet("/{year:int}/results", Results);
        surveys.MapPost("/{year:int}/send", Send).RequirePermission(SurveyPermissions.Manage);
        surveys.MapPost("/{year:int}/reminders", Remind).RequirePermission(SurveyPermissions.Manage);
        surveys.MapPost("/{year:int}/close", Close).RequirePermission(SurveyPermissions.Manage);
    }

    /// <summary>The cluster's surveys, newest year first, with their response counts.</summary>
    public static async Task<Ok<Page<SurveySummary>>> List(ClusterScope scope, ClusterDb db, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await SurveyQueries.Summaries(db, scope.ClusterId).PageAsync(page, pageSize, ct));

    /// <summary>Creates a questionnaire in draft from a list of Likert items (key, English text, optional French and Korean).</summary>
    public static async Task<Results<Created<SurveyDto>, ValidationProblem, ProblemHttpResult>> Create(SurveyInput input, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct)
    {
        var (change, errors, survey) = await SurveyDesign.CreateAsync(db, scope.ClusterId, input, clock.GetUtcNow().UtcDateTime, ct);
        if (change == SurveyChange.Invalid) return TypedResults.ValidationProblem(errors.ToProblemDictionary());
        if (change != SurveyChange.Done) return Problem(change);
        return TypedResults.Created($"/api/v1/clusters/{scope.Slug}/surveys/{survey!.Year}", SurveyDto.From(survey));
    }

    public static async Task<Results<Ok<SurveyDto>, NotFound>> Get(int year, ClusterScope scope, ClusterDb db, CancellationToken ct) =>
        await db.Surveys.AsNoTracking().Include(s => s.Items).SingleOrDefaultAsync(s => s.ClusterId == scope.ClusterId && s.Year == year, ct) is { } s
            ? TypedResults.Ok(SurveyDto.From(s)) : TypedResults.NotFound();

    /// <summary>Response rate, and mean and standard deviation per item and member type (groups under five respondents: <c>tooFew</c>). <c>?format=csv|json|xlsx</c> downloads the lines.</summary>
    public static async Task<IResult> Results(int year, string? format, HttpContext http, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        if (await SurveyResults.ComputeAsync(db, scope.ClusterId, year, ct) is not { } report) return TypedResults.NotFound();
        if (format is null) return TypedResults.Ok(ResultsDto.From(report));
        if (Export.ParseFormat(format) is not { } fmt) return Export.UnknownFormat(format);
        await Export.SendAsync(http.Response, SurveyResults.DownloadStem(scope.Slug, year), SurveyResults.Table, SurveyResults.Lines(report).ToAsyncEnumerable(), fmt, ct);
        return TypedResults.Empty;
    }

    /// <summary>Sends the survey: invites every active member not yet invited (its first consenting contact with an e-mail) with a personal link.</summary>
    public static async Task<Results<Ok<SendResult>, NotFound, ProblemHttpResult>> Send(int year, HttpContext http, IConfiguration configuration, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct) =>
        Answer(await SurveySending.SendAsync(db, scope.ClusterId, year, SiteAddress.Of(http.Request, configuration), clock.GetUtcNow().UtcDateTime, ct), r => r.Change);

    /// <summary>Reminds those who have not answered, with a fresh link; once a day at most per person, so running it twice a day sends nothing more.</summary>
    public static async Task<Results<Ok<RemindResult>, NotFound, ProblemHttpResult>> Remind(int year, HttpContext http, IConfiguration configuration, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct) =>
        Answer(await SurveySending.RemindAsync(db, scope.ClusterId, year, SiteAddress.Of(http.Request, configuration), clock.GetUtcNow().UtcDateTime, ct), r => r.Change);

    /// <summary>Closes the survey: its links stop working and its results are final.</summary>
    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Close(int year, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct) =>
        await SurveySending.CloseAsync(db, scope.ClusterId, year, clock.GetUtcNow().UtcDateTime, ct) switch
        {
            SurveyChange.Done => TypedResults.NoContent(),
            SurveyChange.NotFound => TypedResults.NotFound(),
            var change => Problem(change),
        };

    /// <summary>A round's result when it was done, else its refusal.</summary>
    private static Results<Ok<T>, NotFound, ProblemHttpResult> Answer<T>(T result, Func<T, SurveyChange> change) => change(result) switch
    {
        SurveyChange.Done => TypedResults.Ok(result),
        SurveyChange.NotFound => TypedResults.NotFound(),
        var refused => Problem(refused),
    };

    private static ProblemHttpResult Problem(SurveyChange change) =>
        TypedResults.Problem(SurveyChanges.English(change), statusCode: change == SurveyChange.ClosesInThePast ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict);
}

/// <summary>The refusals in words: English in the API and the CLI, <c>Surveys.Change.{outcome}</c> on the pages.</summary>
public static class SurveyChanges
{
    public static string Key(SurveyChange change) => $"Surveys.Change.{change}";

    public static string English(SurveyChange change) => change switch
    {
        SurveyChange.NotFound => "There is no survey for that year.",
        SurveyChange.AlreadyExists => "The cluster already has a survey for that year.",
        SurveyChange.NotDraft => "The survey has already been sent.",
        SurveyChange.NotOpen => "The survey is not open: send it first.",
        SurveyChange.AlreadyClosed => "The survey is closed.",
        SurveyChange.ClosesInThePast => "The survey's closing day has passed: its links would be expired.",
        SurveyChange.Concurrent => "Someone else changed the survey at the same time; try again.",
        _ => change.ToString(),
    };
}

public static class SurveyQueries
{
    public static IQueryable<SurveySummary> Summaries(ClusterDb db, int clusterId) =>
        db.Surveys.AsNoTracking().Where(s => s.ClusterId == clusterId).OrderByDescending(s => s.Year)
            .Select(s => new SurveySummary(s.Year, s.Title, s.State, s.Anonymous, s.ClosesOn, s.Items.Count,
                db.SurveyInvitations.Count(i => i.SurveyId == s.Id), db.SurveyInvitations.Count(i => i.SurveyId == s.Id && i.Answered)));
}
