using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Jobs;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ClusterHub.Mapping;

/// <summary>The mapping workspace's JSON API: datasets (list, upload as a job, delete, boundaries), their measures, series and exports, definitions and saved views.</summary>
public static class MappingApi
{
    public static void MapMapping(this RouteGroupBuilder cluster)
    {
        var mapping = cluster.MapGroup("/mapping").WithTags("Mapping").RequirePermission(MappingPermissions.Read);
        mapping.MapGet("/datasets", List);
        mapping.MapPost("/datasets", Upload).RequirePermission(MappingPermissions.Manage).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MappingLimits.UploadBytes));
        mapping.MapGet("/jobs/{jobId:int}", Job);
        mapping.MapGet("/datasets/{datasetId:int}", Get);
        mapping.MapDelete("/datasets/{datasetId:int}", Delete).RequirePermission(MappingPermissions.Manage);
        mapping.MapPut("/datasets/{datasetId:int}/boundaries", Boundaries).RequirePermission(MappingPermissions.Manage).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MappingLimits.BoundaryBytes));
        mapping.MapGet("/datasets/{datasetId:int}/measures", Measures);
        mapping.MapGet("/datasets/{datasetId:int}/export", ExportView);
        mapping.MapGet("/datasets/{datasetId:int}/regions/{region}/series", Series);
        mapping.MapGet("/datasets/{datasetId:int}/views", Views);
        mapping.MapPost("/datasets/{datasetId:int}/views", SaveView).RequirePermission(MappingPermissions.Manage);
        mapping.MapGet("/definitions", Definitions);
        mapping.MapPost("/definitions", CreateDefinition).RequirePermission(MappingPermissions.Manage);
        mapping.MapPost("/definitions/import", ImportDefinition).RequirePermission(MappingPermissions.Manage).DisableAntiforgery();
        mapping.MapGet("/definitions/{definitionId:int}", Definition);
        mapping.MapPut("/definitions/{definitionId:int}", UpdateDefinition).RequirePermission(MappingPermissions.Manage);
        mapping.MapDelete("/definitions/{definitionId:int}", DeleteDefinition).RequirePermission(MappingPermissions.Manage);
    }

    private static string Actor(HttpContext http) => http.User.Identity?.Name ?? "user";

    public static async Task<Ok<Page<DatasetRow>>> List(ClusterScope scope, ClusterDb db, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await MappingWorkspace.ListAsync(db, scope.ClusterId, page, pageSize, ct));

    /// <summary>
    /// Uploads a regional file (CSV or xlsx) as the request body: <c>?fileName=</c> and <c>name=</c>, and either <c>layout=Urssaf|Uscmp</c>
    /// or the columns by name (<c>region</c>, <c>industry</c>, <c>value</c>, with <c>{year}</c> for one column per year; <c>year</c>,
    /// <c>parent</c>, <c>regionName</c>). 202 with the import job: follow it at <c>/mapping/jobs/{id}</c>; a file with errors fails the
    /// job with them listed and stores nothing.
    /// </summary>
    public static async Task<Results<Accepted<MappingJobRow>, ValidationProblem, ProblemHttpResult>> Upload(HttpRequest request, HttpContext http, ClusterScope scope, ClusterDb db, JobQueue queue,
        string? fileName, string? name, string? source, string? regionCodes, string? industryCodes, RegionalLayout? layout, string? region, string? industry, string? value,
        string? year, string? parent, string? regionName, CancellationToken ct)
    {
        var start = await MappingWorkspace.StartUploadAsync(db, queue, scope.ClusterId, request.Body, fileName ?? "", new DatasetUpload(name, source, regionCodes, industryCodes,
            layout ?? RegionalLayout.None, region, industry, value, year, parent, regionName), Actor(http), ct);
        return start.Outcome switch
        {
            UploadStartOutcome.Queued => TypedResults.Accepted($"/api/v1/clusters/{scope.Slug}/mapping/jobs/{start.Job!.Id}", start.Job),
            UploadStartOutcome.Invalid => TypedResults.ValidationProblem(start.Errors.ToProblemDictionary()),
            _ => TypedResults.Problem($"The cluster already has {start.Limit} jobs queued or running; wait for one to finish.", statusCode: StatusCodes.Status429TooManyRequests),
        };
    }

    /// <summary>An import job: state, progress, the located errors of a failed file, the dataset a succeeded one stored.</summary>
    public static async Task<Results<Ok<MappingJobRow>, NotFound>> Job(int jobId, ClusterScope scope, ClusterDb db, CancellationToken ct) =>
        await MappingWorkspace.JobAsync(db, scope.ClusterId, jobId, ct) is { } job ? TypedResults.Ok(job) : TypedResults.NotFound();

    public static async Task<Results<Ok<DatasetRow>, NotFound>> Get(int datasetId, ClusterScope scope, ClusterDb db, CancellationToken ct) =>
        await MappingWorkspace.FindAsync(db, scope.ClusterId, datasetId, ct) is { } row ? TypedResults.Ok(row) : TypedResults.NotFound();

    /// <summary>Deletes a dataset with its cells and views; 204 also when it is not (or no longer) there: a DELETE is idempotent.</summary>
    public static async Task<NoContent> Delete(int datasetId, ClusterScope scope, ClusterDb db, MappingTables tables, CancellationToken ct)
    {
        await MappingWorkspace.DeleteAsync(db, tables, scope.ClusterId, datasetId, ct);
        return TypedResults.NoContent();
    }

    /// <summary>The map's boundaries: a built-in map (<c>?kind=us-states</c>, <c>us-counties</c>, <c>fr-departements</c>, <c>fr-regions</c>), <c>?kind=none</c>, or <c>?kind=geojson&amp;key=PROPERTY</c> with a GeoJSON FeatureCollection as the body.</summary>
    public static async Task<Results<NoContent, NotFound, ValidationProblem>> Boundaries(int datasetId, HttpRequest request, ClusterScope scope, ClusterDb db, string? kind, string? key, CancellationToken ct)
    {
        string? geoJson = null;
        if (kind == "geojson")
        {
            using var reader = new StreamReader(request.Body);
            geoJson = await reader.ReadToEndAsync(ct);
        }
        var (found, errors) = await MappingWorkspace.SetBoundariesAsync(db, scope.ClusterId, datasetId, kind, geoJson, key, ct);
        if (!found) return TypedResults.NotFound();
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors.ToProblemDictionary()) : TypedResults.NoContent();
    }

    private static MappingQuery Query(HttpRequest r, int? definition, string? subject, int? year, int? from, MappingBase? baseline, string? measure, string? sort, bool? descending) =>
        new(definition, subject, year, from, baseline ?? MappingBase.National, measure, sort, descending);

    /// <summary>
    /// A view's figures: <c>definition</c> (a definition's id; <c>subject</c> its cluster) or no definition (<c>subject</c> an industry
    /// code), <c>year</c>, <c>from</c> (growth's start), <c>base=National|Parent</c>, <c>measure</c> (the map's), <c>sort</c> and
    /// <c>descending</c>; a page of regions and every region's value of the measure.
    /// </summary>
    public static async Task<Results<Ok<MappingResult>, NotFound, ProblemHttpResult>> Measures(int datasetId, HttpRequest request, ClusterScope scope, ClusterDb db, MappingTables tables,
        int? definition, string? subject, int? year, int? from, [FromQuery(Name = "base")] MappingBase? baseline, string? measure, string? sort, bool? descending, int? page, int? pageSize, CancellationToken ct)
    {
        var (outcome, result, error) = await MappingFigures.QueryAsync(db, tables, scope.ClusterId, datasetId, Query(request, definition, subject, year, from, baseline, measure, sort, descending), page, pageSize, ct);
        return outcome switch
        {
            QueryOutcome.Found => TypedResults.Ok(result!),
            QueryOutcome.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest),
        };
    }

    /// <summary>Every region of a view as a file: <c>format=csv|json|xlsx</c>, the view's parameters as for <c>measures</c>.</summary>
    public static async Task<IResult> ExportView(int datasetId, HttpRequest request, HttpResponse response, ClusterScope scope, ClusterDb db, MappingTables tables, string? format,
        int? definition, string? subject, int? year, int? from, [FromQuery(Name = "base")] MappingBase? baseline, string? measure, string? sort, bool? descending, CancellationToken ct)
    {
        if (Export.ParseFormat(format ?? "csv") is not { } fmt) return Export.UnknownFormat(format);
        var (outcome, rows, error) = await MappingFigures.AllAsync(db, tables, scope.ClusterId, datasetId, Query(request, definition, subject, year, from, baseline, measure, sort, descending), ct);
        if (outcome == QueryOutcome.NotFound) return TypedResults.NotFound();
        if (rows is null) return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest);
        await Export.SendAsync(response, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"mapping-{datasetId}"), MappingFigures.ExportTable("mapping"), rows.ToAsyncEnumerable(), fmt, ct);
        return TypedResults.Empty;
    }

    /// <summary>One region's subject over the dataset's years (employment and LQ): the time chart.</summary>
    public static async Task<Results<Ok<RegionSeries>, NotFound, ProblemHttpResult>> Series(int datasetId, string region, HttpRequest request, ClusterScope scope, ClusterDb db, MappingTables tables,
        int? definition, string? subject, [FromQuery(Name = "base")] MappingBase? baseline, CancellationToken ct)
    {
        var (outcome, series, error) = await MappingFigures.SeriesAsync(db, tables, scope.ClusterId, datasetId, region, Query(request, definition, subject, null, null, baseline, null, null, null), ct);
        return outcome switch
        {
            QueryOutcome.Found => TypedResults.Ok(series!),
            QueryOutcome.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest),
        };
    }

    public static async Task<Ok<List<MappingWorkspace.ViewRow>>> Views(int datasetId, ClusterScope scope, ClusterDb db, CancellationToken ct) =>
        TypedResults.Ok(await MappingWorkspace.ViewsAsync(db, scope.ClusterId, datasetId, ct));

    public sealed record ViewInput(string? Name, int? Definition, string? Subject, int? Year, MappingBase? Base, string? Measure, string? Sort);

    public static async Task<Results<Created<MappingWorkspace.ViewRow>, ValidationProblem>> SaveView(int datasetId, ViewInput input, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        var (view, errors) = await MappingWorkspace.SaveViewAsync(db, scope.ClusterId, datasetId, input.Name,
            new MappingQuery(input.Definition, input.Subject, input.Year, null, input.Base ?? MappingBase.National, input.Measure, input.Sort), ct);
        return view is null ? TypedResults.ValidationProblem(errors.ToProblemDictionary()) : TypedResults.Created($"/api/v1/clusters/{scope.Slug}/mapping/datasets/{datasetId}/views", view);
    }

    public static async Task<Ok<List<DefinitionRow>>> Definitions(ClusterScope scope, ClusterDb db, CancellationToken ct) =>
        TypedResults.Ok(await MappingWorkspace.DefinitionsAsync(db, scope.ClusterId, ct));

    public static async Task<Results<Ok<DefinitionDetail>, NotFound>> Definition(int definitionId, ClusterScope scope, ClusterDb db, CancellationToken ct) =>
        await MappingWorkspace.DefinitionAsync(db, scope.ClusterId, definitionId, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    private static IResult Saved(DefinitionSave save, ClusterScope scope, bool created) => save.Outcome switch
    {
        MappingSave.Saved when created => TypedResults.Created($"/api/v1/clusters/{scope.Slug}/mapping/definitions/{save.Definition!.Id}", save.Definition),
        MappingSave.Saved => TypedResults.Ok(save.Definition),
        MappingSave.NotFound => TypedResults.NotFound(),
        MappingSave.Conflict => TypedResults.Problem("The definition was changed meanwhile: read it again.", statusCode: StatusCodes.Status409Conflict),
        _ => TypedResults.ValidationProblem(save.Errors.ToProblemDictionary()),
    };

    /// <summary>A new definition: <c>{"name": "nuclear", "codeSystem": "NAF rev. 2", "entries": [{"industry": "25.30Z", "cluster": "nuclear"}, …]}</c>.</summary>
    public static async Task<IResult> CreateDefinition(DefinitionInput input, HttpContext http, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct) =>
        Saved(await MappingWorkspace.SaveDefinitionAsync(db, scope.ClusterId, null, input, Actor(http), clock, ct), scope, created: true);

    /// <summary>Replaces a definition's name, code system and entries; with <c>version</c>, refused (409) when it changed meanwhile.</summary>
    public static async Task<IResult> UpdateDefinition(int definitionId, DefinitionInput input, HttpContext http, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct) =>
        Saved(await MappingWorkspace.SaveDefinitionAsync(db, scope.ClusterId, definitionId, input, Actor(http), clock, ct), scope, created: false);

    /// <summary>A definition from a file (CSV or xlsx, the request body; <c>?fileName=&amp;name=&amp;codeSystem=</c>): a malformed file is 422 with its located error.</summary>
    public static async Task<IResult> ImportDefinition(HttpRequest request, HttpContext http, ClusterScope scope, ClusterDb db, TimeProvider clock, string? fileName, string? name, string? codeSystem, CancellationToken ct)
    {
        var (entries, error) = await MappingWorkspace.ReadDefinitionFileAsync(request.Body, Path.GetFileName(fileName ?? "definition.csv"), ct);
        if (entries is null) return TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity, Title = "Malformed definition file", Detail = error!.ToString(), Extensions = { ["error"] = error },
        });
        return Saved(await MappingWorkspace.SaveDefinitionAsync(db, scope.ClusterId, null, new DefinitionInput(name, codeSystem, entries), Actor(http), clock, ct), scope, created: true);
    }

    /// <summary>Deletes a definition (its saved views keep their dataset, without the definition); 204 also when it is not there.</summary>
    public static async Task<NoContent> DeleteDefinition(int definitionId, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        await MappingWorkspace.DeleteDefinitionAsync(db, scope.ClusterId, definitionId, ct);
        return TypedResults.NoContent();
    }
}
