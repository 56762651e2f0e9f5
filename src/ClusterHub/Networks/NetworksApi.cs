using System.Text;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Jobs;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClusterHub.Networks;

public sealed record PlatformNetworkRequest(string? Source, string? Name);
public sealed record NetworkSourceRow(string Key, string Name);

/// <summary>The workspace's JSON API: networks (list, upload, from a platform source, delete), their jobs, results and layout.</summary>
public static class NetworksApi
{
    public static void MapNetworks(this RouteGroupBuilder cluster)
    {
        var networks = cluster.MapGroup("/networks").WithTags("Networks").RequirePermission(NetworkPermissions.Read);
        networks.MapGet("/", List);
        networks.MapGet("/sources", Sources);
        networks.MapPost("/", Upload).RequirePermission(NetworkPermissions.Run).DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(NetworkLimits.UploadBytes));
        networks.MapPost("/platform", FromPlatform).RequirePermission(NetworkPermissions.Run);
        networks.MapGet("/{networkId:int}", Get);
        networks.MapDelete("/{networkId:int}", Delete).RequirePermission(NetworkPermissions.Run);
        networks.MapGet("/{networkId:int}/jobs", Jobs);
        networks.MapPost("/{networkId:int}/jobs", StartJob).RequirePermission(NetworkPermissions.Run);
        networks.MapGet("/{networkId:int}/layout", Layout);
        var jobs = cluster.MapGroup("/jobs").WithTags("Networks").RequirePermission(NetworkPermissions.Read);
        jobs.MapGet("/{jobId:int}", Job);
        jobs.MapPost("/{jobId:int}/cancel", Cancel).RequirePermission(NetworkPermissions.Run);
        jobs.MapGet("/{jobId:int}/results", Results);
    }

    internal static string Actor(HttpContext http) => http.User.Identity?.Name ?? "user";

    /// <summary>The cluster's networks, newest first, paged.</summary>
    public static async Task<Ok<Page<NetworkRow>>> List(ClusterScope scope, ClusterDb db, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await NetworkWorkspace.ListAsync(db, scope.ClusterId, page, pageSize, ct));

    /// <summary>The platform's networks that can be taken into the workspace.</summary>
    public static Ok<List<NetworkSourceRow>> Sources(IEnumerable<INetworkSource> sources, Microsoft.Extensions.Localization.IStringLocalizer<Strings> strings) =>
        TypedResults.Ok(sources.Select(s => new NetworkSourceRow(s.Key, strings[s.NameResource].Value)).ToList());

    /// <summary>
    /// Uploads a network file as the request body: <c>?fileName=</c> names it and its extension the format (.csv edge list,
    /// .graphml, .gexf, .gml, .net, .json); <c>source</c>, <c>target</c>, <c>weight</c> name a CSV's columns, <c>directed</c> reads
    /// it as directed. A malformed file is refused whole (422, with file, line, column and reason); nothing is stored.
    /// </summary>
    public static async Task<Results<Created<NetworkRow>, ValidationProblem, ProblemHttpResult>> Upload(HttpRequest request, HttpContext http, ClusterScope scope, ClusterDb db, TimeProvider clock,
        string? fileName, string? name, string? source, string? target, string? weight, bool? directed, CancellationToken ct)
    {
        var result = await NetworkWorkspace.UploadAsync(db, scope.ClusterId, request.Body, fileName ?? "upload.csv", name,
            new EdgeColumns(source ?? "source", target ?? "target", weight ?? "weight"), directed ?? false, Actor(http), clock, ct);
        return result.Outcome switch
        {
            UploadOutcome.Stored => TypedResults.Created($"/api/v1/clusters/{scope.Slug}/networks/{result.Network!.Id}", result.Network),
            UploadOutcome.Invalid => TypedResults.ValidationProblem(result.Errors.ToProblemDictionary()),
            _ => Malformed(result.Error!),
        };
    }

    internal static ProblemHttpResult Malformed(LocatedError error) => TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
    {
        Status = StatusCodes.Status422UnprocessableEntity, Title = "Malformed network file", Detail = error.ToString(),
        Extensions = { ["error"] = error },
    });

    /// <summary>Takes a platform network (<c>source</c>: a key of <c>/networks/sources</c>) into the workspace as it is now.</summary>
    public static async Task<Results<Created<NetworkRow>, ValidationProblem>> FromPlatform(PlatformNetworkRequest request, HttpContext http, ClusterScope scope, ClusterDb db,
        IEnumerable<INetworkSource> sources, TimeProvider clock, CancellationToken ct)
    {
        var source = sources.FirstOrDefault(s => s.Key == request.Source);
        var errors = new List<FieldError>();
        if (source is null) errors.Add(new("source", InputText.Echo(request.Source), $"is not one of {string.Join(", ", sources.Select(s => s.Key))}"));
        var name = InputText.Blank(request.Name) ?? request.Source ?? "";
        if (InputText.Check(name, NetworkLimits.Name) is { } reason) errors.Add(new("name", InputText.Echo(name), reason));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemDictionary());
        var row = await NetworkWorkspace.FromSourceAsync(db, scope.ClusterId, source!, name, Actor(http), clock, ct);
        return TypedResults.Created($"/api/v1/clusters/{scope.Slug}/networks/{row.Id}", row);
    }

    public static async Task<Results<Ok<NetworkRow>, NotFound>> Get(int networkId, ClusterScope scope, ClusterDb db, CancellationToken ct) =>
        await NetworkWorkspace.FindAsync(db, scope.ClusterId, networkId, ct) is { } row ? TypedResults.Ok(row) : TypedResults.NotFound();

    /// <summary>Deletes a network with its jobs and results; 409 while one of its jobs is queued or running.</summary>
    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Delete(int networkId, ClusterScope scope, ClusterDb db, CancellationToken ct) =>
        await NetworkWorkspace.DeleteAsync(db, scope.ClusterId, networkId, ct) switch
        {
            DeleteOutcome.Deleted => TypedResults.NoContent(),
            DeleteOutcome.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Problem("A job on this network is queued or running: cancel it first.", statusCode: StatusCodes.Status409Conflict),
        };

    /// <summary>The network's jobs, newest first, paged.</summary>
    public static async Task<Results<Ok<Page<JobRow>>, NotFound>> Jobs(int networkId, ClusterScope scope, ClusterDb db, int? page, int? pageSize, CancellationToken ct) =>
        await NetworkWorkspace.FindAsync(db, scope.ClusterId, networkId, ct) is null ? TypedResults.NotFound()
            : TypedResults.Ok(await NetworkWorkspace.JobsAsync(db, scope.ClusterId, networkId, page, pageSize, ct));

    /// <summary>Starts a job on the network: <c>{"kind": "Metrics", "pivots": 256}</c>, <c>{"kind": "Communities", "method": "Leiden",
    /// "seed": 1, "resolution": 1}</c> or <c>{"kind": "Layout", "iterations": 100}</c>. 202 with the job; 429 beyond the cluster's limit.</summary>
    public static async Task<Results<Accepted<JobRow>, NotFound, ValidationProblem, ProblemHttpResult>> StartJob(int networkId, NetworkJobRequest request, HttpContext http, ClusterScope scope,
        ClusterDb db, JobQueue queue, CancellationToken ct)
    {
        var start = await NetworkWorkspace.StartJobAsync(db, queue, scope.ClusterId, networkId, request, Actor(http), ct);
        return start.Outcome switch
        {
            JobStartOutcome.Queued => TypedResults.Accepted($"/api/v1/clusters/{scope.Slug}/jobs/{start.Job!.Id}", start.Job),
            JobStartOutcome.NetworkNotFound => TypedResults.NotFound(),
            JobStartOutcome.Invalid => TypedResults.ValidationProblem(start.Errors.ToProblemDictionary()),
            _ => TypedResults.Problem($"The cluster already has {start.Limit} jobs queued or running; wait for one to finish or cancel one.", statusCode: StatusCodes.Status429TooManyRequests),
        };
    }

    /// <summary>A job: its state, progress and step, who started it and when, its parameters, why it failed.</summary>
    public static async Task<Results<Ok<JobRow>, NotFound>> Job(int jobId, ClusterScope scope, ClusterDb db, CancellationToken ct) =>
        await NetworkWorkspace.JobAsync(db, scope.ClusterId, jobId, ct) is { } job ? TypedResults.Ok(job) : TypedResults.NotFound();

    /// <summary>Cancels a queued or running job; nothing of its results is kept. 409 when it has already finished.</summary>
    public static async Task<Results<Ok<JobRow>, NotFound, ProblemHttpResult>> Cancel(int jobId, ClusterScope scope, ClusterDb db, JobQueue queue, CancellationToken ct)
    {
        var outcome = await NetworkWorkspace.CancelAsync(db, queue, scope.ClusterId, jobId, ct);
        if (outcome == CancelOutcome.NotFound) return TypedResults.NotFound();
        if (outcome == CancelOutcome.AlreadyFinished) return TypedResults.Problem("The job has already finished.", statusCode: StatusCodes.Status409Conflict);
        return TypedResults.Ok((await NetworkWorkspace.JobAsync(db, scope.ClusterId, jobId, ct))!);
    }

    /// <summary>A job's result: a page of its nodes (<c>search</c> finds a node by id or label), or with <c>?format=csv|gexf|graphml</c> the whole result as a file. 409 while it has none.</summary>
    public static async Task<IResult> Results(int jobId, HttpContext http, ClusterScope scope, ClusterDb db, string? format, string? search, int? page, int? pageSize, CancellationToken ct)
    {
        if (format is null || string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            var (outcome, result) = await NetworkWorkspace.ResultAsync(db, scope.ClusterId, jobId, search, page, pageSize, ct);
            return outcome switch
            {
                ResultOutcome.Found => TypedResults.Ok(result),
                ResultOutcome.NotFound => TypedResults.NotFound(),
                _ => NoResult(),
            };
        }
        if (NetworkWorkspace.ParseDownload(format) is not { } fmt)
            return TypedResults.Problem($"Unknown format '{format}': csv, gexf or graphml.", statusCode: StatusCodes.Status400BadRequest);
        var job = await NetworkWorkspace.JobAsync(db, scope.ClusterId, jobId, ct);
        if (job is null) return TypedResults.NotFound();
        if (!job.HasResult) return NoResult();
        http.Response.ContentType = fmt == NetworkWorkspace.DownloadFormat.Csv ? "text/csv; charset=utf-8" : "application/xml; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{NetworkWorkspace.DownloadName(jobId, job.Parameters?.Kind.ToString() ?? "result", fmt)}\"";
        // The writers write synchronously; a buffer first, since Kestrel refuses synchronous writes to the response.
        await using var buffer = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
            await NetworkWorkspace.WriteResultAsync(db, scope.ClusterId, jobId, fmt, writer, ct);
        buffer.Position = 0;
        http.Response.ContentLength = buffer.Length;
        await buffer.CopyToAsync(http.Response.Body, ct);
        return TypedResults.Empty;
    }

    private static ProblemHttpResult NoResult() =>
        TypedResults.Problem("The job has no result: it has not succeeded (yet).", statusCode: StatusCodes.Status409Conflict);

    /// <summary>
    /// The stored layout to draw (columns: ids, labels, x, y, size, communities, and edges as pairs of positions):
    /// every node with the <c>edges</c> heaviest ties (default 50,000), or <c>?summary=true</c> one node per community,
    /// or <c>?community=N</c> one community's nodes. 409 until a layout job has succeeded.
    /// </summary>
    public static async Task<Results<Ok<LayoutView>, NotFound, ProblemHttpResult>> Layout(int networkId, ClusterScope scope, ClusterDb db, bool? summary, int? community, int? edges, CancellationToken ct)
    {
        var (outcome, view) = await NetworkWorkspace.LayoutAsync(db, scope.ClusterId, networkId, summary ?? false, community, edges, ct);
        return outcome switch
        {
            ResultOutcome.Found => TypedResults.Ok(view),
            ResultOutcome.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Problem("The network has no layout yet: run a layout job.", statusCode: StatusCodes.Status409Conflict),
        };
    }
}
