using System.Globalization;
using ClusterHub.Accounts;
using ClusterHub.Assessment;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using DataExport = ClusterHub.Exchange.Export;

namespace ClusterHub.Portfolios;

/// <summary>A portfolio's view as the API gives it: the filters applied and offered, the dimensions, and one page of the ranking.</summary>
public sealed record RankingAnswer(string Portfolio, string Name, int Year, string Instrument, string? Region, string? Sector, IReadOnlyList<string> Dimensions,
    IReadOnlyList<int> Years, IReadOnlyList<string> Regions, IReadOnlyList<string> Sectors, bool Illustrative, Page<PortfolioRow> Ranking);

public sealed record PercentileAnswer(string Focus, string Name, int Year, string Instrument, int Peers, string Ties, IReadOnlyList<PercentileRow> Percentiles,
    IReadOnlyDictionary<string, double?> PeerMedians);

public static class PortfoliosApi
{
    public static void MapPortfolios(this RouteGroupBuilder api, RouteGroupBuilder cluster)
    {
        var all = api.MapGroup("/portfolios").WithTags("Portfolios");
        all.MapGet("/", List).RequireSignedIn();
        all.MapPost("/", Create).RequirePlatformAdministrator();
        all.MapGet("/{portfolio}/grants", Grants).RequirePlatformAdministrator();
        all.MapPost("/{portfolio}/grants", Grant).RequirePlatformAdministrator();
        all.MapDelete("/{portfolio}/grants/{userId}", Revoke).RequirePlatformAdministrator();

        var one = all.MapGroup("/{portfolio}").RequirePermission(PortfolioPermissions.Read);
        one.MapGet("/ranking", Ranking);
        one.MapGet("/ranking/export", ExportRanking);
        one.MapGet("/percentiles", Percentiles);
        one.MapGet("/import/template", Template).RequirePermission(PortfolioPermissions.Manage);
        one.MapPost("/import", Import).RequirePermission(PortfolioPermissions.Manage).DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(RequestLimits.ImportBodyBytes));
        one.MapDelete("/entries/{entryId:int}", DeleteEntry).RequirePermission(PortfolioPermissions.Manage);

        var consent = cluster.MapGroup("/portfolios").WithTags("Portfolios").RequirePermission(PortfolioPermissions.Consent);
        consent.MapGet("/", Consents);
        consent.MapPut("/{portfolio}/consent", (string portfolio, ClusterScope scope, ClusterDb db, PortfolioAccess access, HttpContext http, CancellationToken ct) =>
            SetConsent(portfolio, true, scope, db, access, http, ct));
        consent.MapDelete("/{portfolio}/consent", (string portfolio, ClusterScope scope, ClusterDb db, PortfolioAccess access, HttpContext http, CancellationToken ct) =>
            SetConsent(portfolio, false, scope, db, access, http, ct));
    }

    private static ProblemHttpResult Problem(string detail, int status = StatusCodes.Status400BadRequest) => TypedResults.Problem(detail, statusCode: status);
    private static string Actor(HttpContext http) => http.User.Identity?.Name ?? "user";

    /// <summary>The portfolios you may read (the platform administrator: all).</summary>
    public static async Task<Ok<List<PortfolioSummary>>> List(HttpContext http, ClusterDb db, CancellationToken ct) =>
        TypedResults.Ok(await PortfolioAccess.ListAsync(db, http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value,
            http.User.IsInRole(PlatformRoles.Administrator), ct));

    /// <summary>Creates a portfolio (<c>{"slug","name","description"}</c>); the platform administrator then grants roles in it.</summary>
    public static async Task<IResult> Create(PortfolioInput input, HttpContext http, ClusterDb db, PortfolioAccess access, CancellationToken ct)
    {
        var (outcome, portfolio, errors) = await access.CreateAsync(db, input, Actor(http), ct);
        return outcome switch
        {
            PortfolioOutcome.Done => TypedResults.Created($"/api/v1/portfolios/{portfolio!.Slug}", new { portfolio.Slug, portfolio.Name, portfolio.Description }),
            PortfolioOutcome.AlreadyExists => Problem($"A portfolio '{InputText.Echo(input.Slug)}' exists already.", StatusCodes.Status409Conflict),
            _ => TypedResults.ValidationProblem(errors.ToProblemDictionary()),
        };
    }

    private static Task<int?> IdAsync(ClusterDb db, string slug, CancellationToken ct) => PortfolioLimits.IsSlug(slug)
        ? db.Set<Portfolio>().Where(p => p.Slug == slug).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct) : Task.FromResult<int?>(null);

    private static ProblemHttpResult NoPortfolio(string slug) => Problem($"No portfolio '{InputText.Echo(slug)}'.", StatusCodes.Status404NotFound);

    /// <summary>Who holds a role in the portfolio.</summary>
    public static async Task<IResult> Grants(string portfolio, ClusterDb db, CancellationToken ct) =>
        await IdAsync(db, portfolio, ct) is { } id ? TypedResults.Ok(await PortfolioAccess.GrantsAsync(db, id, ct)) : NoPortfolio(portfolio);

    /// <summary>Grants a user (by e-mail) a role in the portfolio: <c>{"email","role":"Analyst|Viewer"}</c>; a second grant changes the role.</summary>
    public static async Task<IResult> Grant(string portfolio, GrantInput input, HttpContext http, ClusterDb db, PortfolioAccess access, CancellationToken ct)
    {
        if (await IdAsync(db, portfolio, ct) is not { } id) return NoPortfolio(portfolio);
        var (outcome, errors) = await access.GrantAsync(db, id, input, Actor(http), ct);
        return outcome switch
        {
            PortfolioOutcome.Done => TypedResults.Ok(),
            PortfolioOutcome.Conflict => Problem("Someone granted this user a role at the same time; reload and try again.", StatusCodes.Status409Conflict),
            _ => TypedResults.ValidationProblem(errors.ToProblemDictionary()),
        };
    }

    /// <summary>Removes a user's role in the portfolio (204 whether or not it was held).</summary>
    public static async Task<IResult> Revoke(string portfolio, string userId, ClusterDb db, CancellationToken ct)
    {
        if (await IdAsync(db, portfolio, ct) is not { } id) return NoPortfolio(portfolio);
        await PortfolioAccess.RevokeAsync(db, id, userId, ct);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The ranking for a year and an instrument: <c>?year=&amp;instrument=cipm|excellence&amp;region=&amp;sector=&amp;sort=score|name|size|region|coverage|dim:KEY&amp;desc=&amp;page=&amp;pageSize=</c>.
    /// Missing scores are null (never 0), are not ranked and sort last.
    /// </summary>
    public static async Task<IResult> Ranking(int? year, string? instrument, string? region, string? sector, string? sort, bool? desc, int? page, int? pageSize,
        PortfolioScope scope, ClusterDb db, PortfolioData data, CancellationToken ct)
    {
        if (!PortfolioRanking.IsSort(sort)) return Problem($"Unknown sort '{InputText.Echo(sort)}': {string.Join(", ", PortfolioRanking.SortKeys)} or dim:KEY.");
        var (view, problem) = await ViewAsync(scope, db, data, new(year, instrument, region, sector), ct);
        if (view is null) return problem!;
        return TypedResults.Ok(new RankingAnswer(view.Slug, view.Name, view.Year, view.InstrumentKey, region, sector, [.. view.Dimensions.Select(d => d.Key)],
            view.Years, view.Regions, view.Sectors, view.AnyIllustrative, PortfolioData.Page(view, sort, desc, page, pageSize)));
    }

    private static async Task<(PortfolioView?, ProblemHttpResult?)> ViewAsync(PortfolioScope scope, ClusterDb db, PortfolioData data, PortfolioQuery query, CancellationToken ct)
    {
        if (query.Year is { } y && Years.Validate(y) is { } bad) return (null, Problem($"{bad.Field} {bad.Reason}"));
        var view = await data.ViewAsync(db, scope.PortfolioId, query, ct);
        return view is null ? (null, Problem($"No instrument '{InputText.Echo(query.Instrument)}': {string.Join(", ", Instruments.Shipped.Select(s => s.Key))}.", StatusCodes.Status404NotFound)) : (view, null);
    }

    /// <summary>The whole filtered ranking as a file: <c>?format=csv|json|xlsx</c> and the ranking's filters and sort.</summary>
    public static async Task<IResult> ExportRanking(int? year, string? instrument, string? region, string? sector, string? sort, bool? desc, string? format,
        HttpContext http, PortfolioScope scope, ClusterDb db, PortfolioData data, CancellationToken ct)
    {
        if (DataExport.ParseFormat(format) is not { } fmt) return DataExport.UnknownFormat(format);
        if (!PortfolioRanking.IsSort(sort)) return Problem($"Unknown sort '{InputText.Echo(sort)}'.");
        var (view, problem) = await ViewAsync(scope, db, data, new(year, instrument, region, sector), ct);
        if (view is null) return problem!;
        await DataExport.SendAsync(http.Response, $"{scope.Slug}-{view.InstrumentKey}-{view.Year}", PortfolioFile.Table(view),
            PortfolioRanking.Sorted(view.Rows, sort, desc).ToAsyncEnumerable(), fmt, ct);
        return TypedResults.Empty;
    }

    /// <summary>
    /// One cluster (<c>?focus=platform:SLUG|imported:ID</c>) against the filtered peers: per dimension and overall, its
    /// percentile rank 100 × (below + ½ equal) ÷ n among the peers with a score (ties share the middle of their block;
    /// missing scores are left out of n, and the focus's own missing score has no percentile).
    /// </summary>
    public static async Task<IResult> Percentiles(string? focus, int? year, string? instrument, string? region, string? sector,
        PortfolioScope scope, ClusterDb db, PortfolioData data, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(focus)) return Problem("focus is required: platform:SLUG or imported:ID, a key of the ranking's rows.");
        var (view, problem) = await ViewAsync(scope, db, data, new(year, instrument, region, sector), ct);
        if (view is null) return problem!;
        var row = view.Rows.FirstOrDefault(r => r.Key == focus);
        if (row is null) return Problem($"No cluster '{InputText.Echo(focus)}' among the filtered rows of {view.Year}.", StatusCodes.Status404NotFound);
        var keys = view.Dimensions.Select(d => d.Key).ToList();
        return TypedResults.Ok(new PercentileAnswer(row.Key, row.Name, view.Year, view.InstrumentKey, view.Rows.Count, PortfolioText.Ties,
            PortfolioRanking.Percentiles(row, view.Rows, keys), PortfolioRanking.Medians(view.Rows, keys)));
    }

    /// <summary>The import blank for an instrument (<c>?instrument=cipm</c>): every valid column, an example row and notes.</summary>
    public static async Task<IResult> Template(string? instrument, HttpContext http, ClusterDb db, TimeProvider clock, CancellationToken ct)
    {
        var found = await Instruments.ShippedAsync(db, clock, instrument ?? Instruments.Cipm, null, ct);
        if (found is null) return Problem($"No instrument '{InputText.Echo(instrument)}'.", StatusCodes.Status404NotFound);
        await PortfolioFile.Template(InstrumentMapping.ToSpec(found)).SendAsync(http.Response, ct);
        return TypedResults.Empty;
    }

    /// <summary>
    /// Imports clusters off the platform from a CSV or xlsx body (<c>?fileName=&amp;instrument=cipm&amp;version=</c>): all or
    /// nothing; 422 with located errors (file, row, column, value, reason) when any row is invalid.
    /// </summary>
    public static async Task<IResult> Import(HttpRequest request, string? fileName, string? instrument, int? version, PortfolioScope scope, ClusterDb db,
        TimeProvider clock, CancellationToken ct)
    {
        var found = await Instruments.ShippedAsync(db, clock, instrument ?? Instruments.Cipm, version, ct);
        if (found is null) return Problem($"No instrument '{InputText.Echo(instrument ?? Instruments.Cipm)}'{(version is null ? "" : $" version {version}")}.", StatusCodes.Status404NotFound);
        var name = fileName ?? "upload.csv";
        var format = request.ContentType switch
        {
            { } t when t.Contains("json", StringComparison.OrdinalIgnoreCase) => FileFormat.Json,
            { } t when t.Contains("spreadsheetml", StringComparison.OrdinalIgnoreCase) => FileFormat.Xlsx,
            _ => MemberFile.FormatOf(name),
        };
        var report = await PortfolioFile.ImportAsync(db, scope.PortfolioId, found, request.Body, name, format, Actor(request.HttpContext), clock.GetUtcNow().UtcDateTime, ct);
        return report.Succeeded ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
    }

    /// <summary>Removes an imported cluster and its figures (204 whether or not it was there).</summary>
    public static async Task<NoContent> DeleteEntry(int entryId, PortfolioScope scope, ClusterDb db, CancellationToken ct)
    {
        var entry = await db.Set<PortfolioEntry>().Include(e => e.Years).SingleOrDefaultAsync(e => e.Id == entryId && e.PortfolioId == scope.PortfolioId, ct);
        if (entry is not null)
        {
            db.Remove(entry);
            db.ChangeReason = "imported cluster removed from the portfolio";
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.NoContent();
    }

    /// <summary>Every portfolio of the platform and whether this cluster consented to appear in it.</summary>
    public static async Task<Ok<List<ConsentState>>> Consents(ClusterScope scope, ClusterDb db, CancellationToken ct) =>
        TypedResults.Ok(await PortfolioAccess.ConsentsAsync(db, scope.ClusterId, ct));

    /// <summary>PUT consents (the portfolio then shows the cluster's assessment scores and headline figures), DELETE revokes; both idempotent.</summary>
    public static async Task<IResult> SetConsent(string portfolio, bool consent, ClusterScope scope, ClusterDb db, PortfolioAccess access, HttpContext http, CancellationToken ct) =>
        await access.ConsentAsync(db, scope.ClusterId, portfolio, consent, Actor(http), ct) switch
        {
            PortfolioOutcome.Done => TypedResults.NoContent(),
            PortfolioOutcome.NotFound => NoPortfolio(portfolio),
            _ => Problem("Someone changed this consent at the same time; reload and try again.", StatusCodes.Status409Conflict),
        };
}

public static class PortfolioText
{
    /// <summary>How ties are handled, stated wherever a percentile is shown.</summary>
    public const string Ties = "percentile = 100 × (peers below + ½ × peers equal, itself included) ÷ peers with a score; tied clusters share one percentile; missing scores are excluded";
}
