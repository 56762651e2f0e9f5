using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using DataExport = ClusterHub.Exchange.Export;

namespace ClusterHub.Competences;

public sealed record DecisionRequest(string? Reason);

public static class CompetencesApi
{
    public static void MapCompetences(this RouteGroupBuilder cluster)
    {
        var map = cluster.MapGroup("/competences").WithTags("Competences");
        map.MapGet("/", Taxonomy).RequirePermission(CompetencePermissions.Read);
        map.MapPost("/", Create).RequirePermission(CompetencePermissions.ManageTaxonomy);
        map.MapPut("/{competenceId:int}", Update).RequirePermission(CompetencePermissions.ManageTaxonomy);
        map.MapDelete("/{competenceId:int}", Delete).RequirePermission(CompetencePermissions.ManageTaxonomy);
        map.MapGet("/search", Search).RequirePermission(CompetencePermissions.Read);
        map.MapGet("/heatmap", Heat).RequirePermission(CompetencePermissions.Analyse);
        map.MapGet("/gaps", Gaps).RequirePermission(CompetencePermissions.Analyse);
        map.MapGet("/coverage", Coverage).RequirePermission(CompetencePermissions.Analyse);
        map.MapGet("/declarations", List).RequirePermission(CompetencePermissions.ReadDeclarations);
        map.MapPost("/declarations/{declarationId:int}/validate", (int declarationId, ClusterScope scope, ClusterDb db, HttpContext http, TimeProvider clock, CancellationToken ct) =>
            Decide(declarationId, true, null, scope, db, http, clock, ct)).RequirePermission(CompetencePermissions.Validate);
        map.MapPost("/declarations/{declarationId:int}/reject", (int declarationId, DecisionRequest? request, ClusterScope scope, ClusterDb db, HttpContext http, TimeProvider clock, CancellationToken ct) =>
            Decide(declarationId, false, request?.Reason, scope, db, http, clock, ct)).RequirePermission(CompetencePermissions.Validate);
        map.MapGet("/export", (HttpContext http, ClusterScope scope, ClusterDb db, string? format, CancellationToken ct) =>
            ExportAsync(http, scope, db, CompetenceFileKind.Declarations, format, ct)).RequirePermission(CompetencePermissions.Export);
        map.MapGet("/taxonomy/export", (HttpContext http, ClusterScope scope, ClusterDb db, string? format, CancellationToken ct) =>
            ExportAsync(http, scope, db, CompetenceFileKind.Taxonomy, format, ct)).RequirePermission(CompetencePermissions.Export);
        map.MapPost("/import", (HttpRequest request, ClusterScope scope, ClusterDb db, TimeProvider clock, string? fileName, CancellationToken ct) =>
            Import(request, scope, db, clock, CompetenceFileKind.Declarations, fileName, ct)).RequirePermission(CompetencePermissions.Import).DisableAntiforgery();
        map.MapPost("/taxonomy/import", (HttpRequest request, ClusterScope scope, ClusterDb db, TimeProvider clock, string? fileName, CancellationToken ct) =>
            Import(request, scope, db, clock, CompetenceFileKind.Taxonomy, fileName, ct)).RequirePermission(CompetencePermissions.ManageTaxonomy).DisableAntiforgery();
        map.MapGet("/import/template", (HttpContext http, CancellationToken ct) => CompetenceFile.DeclarationTemplate.SendAsync(http.Response, ct))
            .RequirePermission(CompetencePermissions.Import);

        var member = cluster.MapGroup("/members/{id:int}/competences").WithTags("Competences");
        member.MapGet("/", MemberDeclarations).RequirePermission(CompetencePermissions.ReadDeclarations);
        member.MapPost("/", Declare).RequirePermission(CompetencePermissions.EditDeclarations);
        member.MapDelete("/{competenceId:int}", Withdraw).RequirePermission(CompetencePermissions.EditDeclarations);
        member.MapGet("/profile", Profile).RequirePermission(CompetencePermissions.ReadDeclarations);
    }

    /// <summary>The cluster's competence taxonomy, each entry with the level each strategic area needs.</summary>
    public static async Task<Ok<IReadOnlyList<CompetenceDto>>> Taxonomy(ClusterScope scope, ClusterDb db, CancellationToken ct) =>
        TypedResults.Ok(await CompetenceTaxonomy.ListAsync(db, scope.ClusterId, ct));

    /// <summary>Adds a competence to the taxonomy (managers); 409 when its code is taken.</summary>
    public static async Task<Results<Created<CompetenceDto>, ValidationProblem, ProblemHttpResult, NotFound>> Create(CompetenceInput input, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        var result = await CompetenceTaxonomy.SaveAsync(db, scope.ClusterId, null, input, ct);
        return result.Outcome == TaxonomyOutcome.Saved
            ? TypedResults.Created($"/api/v1/clusters/{scope.Slug}/competences/{result.Competence!.Id}", result.Competence)
            : Refusal<Created<CompetenceDto>>(result);
    }

    /// <summary>Replaces a competence and its needs (managers); give <c>version</c> to refuse an edit made from an older copy.</summary>
    public static async Task<Results<Ok<CompetenceDto>, ValidationProblem, ProblemHttpResult, NotFound>> Update(int competenceId, CompetenceInput input, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        var result = await CompetenceTaxonomy.SaveAsync(db, scope.ClusterId, competenceId, input, ct);
        return result.Outcome == TaxonomyOutcome.Saved ? TypedResults.Ok(result.Competence!) : Refusal<Ok<CompetenceDto>>(result);
    }

    /// <summary>Deletes a competence nobody has declared (managers); 409 otherwise.</summary>
    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Delete(int competenceId, ClusterScope scope, ClusterDb db, CancellationToken ct) =>
        await CompetenceTaxonomy.DeleteAsync(db, scope.ClusterId, competenceId, ct) switch
        {
            TaxonomyOutcome.Saved => TypedResults.NoContent(),
            TaxonomyOutcome.NotFound => TypedResults.NotFound(),
            var other => TypedResults.Problem(CompetenceTaxonomy.English(other), statusCode: StatusCodes.Status409Conflict),
        };

    private static Results<T, ValidationProblem, ProblemHttpResult, NotFound> Refusal<T>(TaxonomyResult result) where T : IResult => result.Outcome switch
    {
        TaxonomyOutcome.NotFound => TypedResults.NotFound(),
        TaxonomyOutcome.Invalid => TypedResults.ValidationProblem(result.Errors.ToProblemDictionary()),
        TaxonomyOutcome.Duplicate => TypedResults.Problem(new HttpValidationProblemDetails(result.Errors.ToProblemDictionary())
            { Status = StatusCodes.Status409Conflict, Title = "Duplicate competence", Detail = CompetenceTaxonomy.English(result.Outcome) }),
        _ => TypedResults.Problem(CompetenceTaxonomy.English(result.Outcome), statusCode: StatusCodes.Status409Conflict),
    };

    /// <summary>"Who can do X in region Y": members holding a competence at a level or above, best first, paged.</summary>
    public static async Task<Results<Ok<Page<SearchRow>>, ValidationProblem>> Search(ClusterScope scope, ClusterDb db, [AsParameters] CompetenceSearch filter, CancellationToken ct)
    {
        if (filter.MinLevel is { } level && CompetenceRules.Level("minLevel", level) is { } error) return TypedResults.ValidationProblem(new[] { error }.ToProblemDictionary());
        return await CompetenceMap.SearchAsync(db, scope.ClusterId, filter, ct) is { } page
            ? TypedResults.Ok(page)
            : TypedResults.ValidationProblem(new[] { new FieldError("competence", filter.Competence, "is not a competence of the cluster's taxonomy") }.ToProblemDictionary());
    }

    /// <summary>Competences × strategic areas: the level each area needs and how many members meet it.</summary>
    public static async Task<Ok<HeatMap>> Heat(ClusterScope scope, ClusterDb db, CancellationToken ct) => TypedResults.Ok(await CompetenceMap.HeatMapAsync(db, scope.ClusterId, ct));

    /// <summary>Needs no member meets, needs one member alone meets (named), needs only members outside the home regions meet.</summary>
    public static async Task<Ok<GapAnalysis>> Gaps(ClusterScope scope, ClusterDb db, CancellationToken ct) => TypedResults.Ok(await CompetenceMap.GapsAsync(db, scope.ClusterId, ct));

    /// <summary>Per region: members with validated competences and how many of the taxonomy they cover.</summary>
    public static async Task<Ok<IReadOnlyList<RegionCoverage>>> Coverage(ClusterScope scope, ClusterDb db, CancellationToken ct) => TypedResults.Ok(await CompetenceMap.CoverageAsync(db, scope.ClusterId, ct));

    /// <summary>Declarations, filtered by member, competence and state, paged; a member representative sees its own organisation's.</summary>
    public static async Task<Ok<Page<DeclarationRow>>> List(ClusterScope scope, ClusterDb db, [AsParameters] DeclarationFilter filter, CancellationToken ct)
    {
        filter = OwnOnly(scope, filter);
        return TypedResults.Ok(await Declarations.PageAsync(db, scope.ClusterId, filter, ct));
    }

    /// <summary>A member representative, who holds the permission for its own organisation only, gets that organisation's rows.</summary>
    internal static DeclarationFilter OwnOnly(ClusterScope scope, DeclarationFilter filter)
    {
        if (filter.MemberId is { } m) { scope.DemandFor(CompetencePermissions.ReadDeclarations, m); return filter; }
        return scope.CanFor(CompetencePermissions.ReadDeclarations, 0) ? filter : filter with { MemberId = scope.RepresentedMemberId ?? -1 };
    }

    public static async Task<Results<Ok<Page<DeclarationRow>>, NotFound>> MemberDeclarations(int id, ClusterScope scope, ClusterDb db, int? page, int? pageSize, CancellationToken ct)
    {
        scope.DemandFor(CompetencePermissions.ReadDeclarations, id);
        if (!await MemberExists(db, scope.ClusterId, id, ct)) return TypedResults.NotFound();
        return TypedResults.Ok(await Declarations.PageAsync(db, scope.ClusterId, new DeclarationFilter { MemberId = id, Page = page, PageSize = pageSize }, ct));
    }

    private static Task<bool> MemberExists(ClusterDb db, int clusterId, int id, CancellationToken ct) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Members, m => m.Id == id && m.ClusterId == clusterId, ct);

    /// <summary>Declares a competence for a member (its representative, or the secretariat), or replaces its declaration; it then waits for validation.</summary>
    public static async Task<Results<Ok<DeclarationRow>, NotFound, ValidationProblem, ProblemHttpResult>> Declare(int id, DeclarationInput input, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct)
    {
        scope.DemandFor(CompetencePermissions.EditDeclarations, id);
        var result = await Declarations.DeclareAsync(db, scope.ClusterId, id, input, clock.Today(), ct);
        return result.Outcome switch
        {
            DeclareOutcome.Declared => TypedResults.Ok(result.Declaration!),
            DeclareOutcome.NotFound => TypedResults.NotFound(),
            DeclareOutcome.Invalid => TypedResults.ValidationProblem(result.Errors.ToProblemDictionary()),
            _ => TypedResults.Problem("Someone else changed this declaration at the same time; reload and try again.", statusCode: StatusCodes.Status409Conflict),
        };
    }

    /// <summary>Withdraws a member's declaration of a competence; answers 204 whether or not there was one.</summary>
    public static async Task<Results<NoContent, NotFound>> Withdraw(int id, int competenceId, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        scope.DemandFor(CompetencePermissions.EditDeclarations, id);
        if (!await MemberExists(db, scope.ClusterId, id, ct)) return TypedResults.NotFound();
        await Declarations.WithdrawAsync(db, scope.ClusterId, id, competenceId, ct);
        return TypedResults.NoContent();
    }

    /// <summary>A member's competences against the profile a strategic area needs (<c>?area=A1</c>).</summary>
    public static async Task<Results<Ok<MemberProfile>, NotFound, ValidationProblem>> Profile(int id, string? area, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        scope.DemandFor(CompetencePermissions.ReadDeclarations, id);
        if (string.IsNullOrWhiteSpace(area)) return TypedResults.ValidationProblem(new[] { new FieldError("area", null, "is required") }.ToProblemDictionary());
        return await CompetenceMap.ProfileAsync(db, scope.ClusterId, id, area, ct) is { } profile ? TypedResults.Ok(profile) : TypedResults.NotFound();
    }

    public static async Task<Results<Ok<DeclarationRow>, NotFound, ProblemHttpResult>> Decide(int declarationId, bool validate, string? reason, ClusterScope scope, ClusterDb db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await Declarations.DecideAsync(db, scope.ClusterId, declarationId, validate, reason, http.User.Identity?.Name ?? "", clock.Today(), ct);
        return outcome switch
        {
            DecisionOutcome.NotFound => TypedResults.NotFound(),
            DecisionOutcome.AlreadyDecided => TypedResults.Problem(Declarations.English(outcome), statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.Ok((await Declarations.FindAsync(db, scope.ClusterId, declarationId, ct))!),
        };
    }

    /// <summary>The declarations or the taxonomy in the import format: <c>?format=csv</c> (default), <c>json</c> or <c>xlsx</c>.</summary>
    public static async Task<IResult> ExportAsync(HttpContext http, ClusterScope scope, ClusterDb db, CompetenceFileKind kind, string? format, CancellationToken ct)
    {
        if (DataExport.ParseFormat(format) is not { } fmt) return DataExport.UnknownFormat(format);
        var stem = CompetenceFile.DownloadStem(scope.Slug, kind);
        if (kind == CompetenceFileKind.Taxonomy)
            await DataExport.SendAsync(http.Response, stem, CompetenceFile.TaxonomyTable, (await CompetenceTaxonomy.ListAsync(db, scope.ClusterId, ct)).ToAsyncEnumerable(), fmt, ct);
        else
            await DataExport.SendAsync(http.Response, stem, CompetenceFile.DeclarationTable, CompetenceFile.DeclarationRows(db, scope.ClusterId), fmt, ct);
        return TypedResults.Empty;
    }

    /// <summary>Imports a CSV sent as the body: all or nothing; 422 with located errors when any row is invalid.</summary>
    public static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>>> Import(HttpRequest request, ClusterScope scope, ClusterDb db, TimeProvider clock, CompetenceFileKind kind, string? fileName, CancellationToken ct)
    {
        var name = fileName ?? "upload.csv";
        var format = request.ContentType switch
        {
            { } t when t.Contains("json", StringComparison.OrdinalIgnoreCase) => FileFormat.Json,
            { } t when t.Contains("spreadsheetml", StringComparison.OrdinalIgnoreCase) => FileFormat.Xlsx,
            _ => MemberFile.FormatOf(name),
        };
        var report = await CompetenceFile.ImportAsync(db, scope.ClusterId, kind, request.Body, name, format, request.HttpContext.User.Identity?.Name ?? "", clock.Today(), ct);
        return report.Succeeded ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
    }
}
