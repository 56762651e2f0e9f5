using System.Globalization;
using System.Text;
using ClusterHub.Analytics.Networks;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Jobs;
using ClusterHub.Members;
using ClusterHub.Web;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Networks;

public sealed record NetworkRow(int Id, string Name, string Origin, string? FileName, int Nodes, int Edges, bool Directed, bool Weighted, DateTime CreatedAt, string CreatedBy);
public sealed record JobRow(int Id, int? NetworkId, string Kind, JobState State, double Progress, string? Step, string? FailureReason,
    string StartedBy, DateTime QueuedAt, DateTime? StartedAt, DateTime? FinishedAt, NetworkJobParameters? Parameters, bool HasResult);
/// <summary>A node's values by column; a value that is not a finite number (the constraint of an isolated node) is null.</summary>
public sealed record ResultNodeRow(int Index, string Node, string? Label, int? Community, IReadOnlyDictionary<string, double?> Values);
public sealed record ResultPage(int JobId, int NetworkId, string Kind, IReadOnlyList<string> Columns, NetworkJobParameters Parameters, string? Summary, Page<ResultNodeRow> Nodes);

public enum UploadOutcome { Stored, Malformed, Invalid }
/// <summary>An upload's answer: the network stored, or the first located error of a malformed file (nothing stored), or field errors.</summary>
public sealed record UploadResult(UploadOutcome Outcome, NetworkRow? Network, LocatedError? Error, IReadOnlyList<FieldError> Errors);

public enum DeleteOutcome { Deleted, NotFound, JobsLive }
public enum JobStartOutcome { Queued, NetworkNotFound, Invalid, LimitReached }
public sealed record JobStartResult(JobStartOutcome Outcome, JobRow? Job, IReadOnlyList<FieldError> Errors, int Limit);
public enum ResultOutcome { Found, NotFound, NoResult }

/// <summary>Where a stored layout draws from, in columns (compact JSON for big graphs): node i is ids[i] at (x[i], y[i]).</summary>
public sealed record LayoutView(int LayoutJobId, int? CommunitiesJobId, bool Summary, int? Community, int TotalNodes, int TotalEdges,
    IReadOnlyList<string> Ids, IReadOnlyList<string?> Labels, IReadOnlyList<double> X, IReadOnlyList<double> Y, IReadOnlyList<double> Size,
    IReadOnlyList<int> Communities, IReadOnlyList<int> Edges);

/// <summary>
/// The network workspace's operations, the same for the API, the pages and the CLI: networks in (upload, platform
/// source), jobs started and followed through the platform's <see cref="JobQueue"/>, results read, paged and
/// downloaded, and the stored layout served for drawing. Every query is scoped to the caller's cluster: a network or
/// job of another cluster is not found.
/// </summary>
public static class NetworkWorkspace
{
    public const string UploadOrigin = "upload";

    /// <summary>Reads an uploaded network file (any format <c>network convert</c> reads) through the exchange kit's decoder and stores it, or refuses it whole.</summary>
    public static async Task<UploadResult> UploadAsync(ClusterDb db, int clusterId, Stream body, string fileName, string? name, EdgeColumns columns, bool directed,
        string actor, TimeProvider clock, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        fileName = Path.GetFileName(fileName ?? "");
        void Check(string field, string text, int max)
        {
            if (InputText.Blank(text) is null) errors.Add(new(field, text, "is required"));
            else if (InputText.Check(text, max) is { } reason) errors.Add(new(field, InputText.Echo(text), reason));
        }
        Check("fileName", fileName, NetworkLimits.FileName);
        var title = string.IsNullOrWhiteSpace(name) ? Path.GetFileNameWithoutExtension(fileName) : name.Trim();
        Check("name", title, NetworkLimits.Name);
        if (errors.Count > 0) return new(UploadOutcome.Invalid, null, null, errors);
        Network network;
        try
        {
            await using var text = await DecodedText.OpenAsync(body, fileName, ct);
            using var reader = text.OpenReader();
            network = NetworkFile.Read(reader, fileName, NetworkFile.FormatOf(fileName), columns, directed);
        }
        catch (MalformedFileException e) { return new(UploadOutcome.Malformed, null, e.Error, []); }
        if (network.Graph.Graph.NodeCount == 0)
            return new(UploadOutcome.Malformed, null, new LocatedError(fileName, 1, 1, null, "the file holds no node"), []);
        return new(UploadOutcome.Stored, await StoreAsync(db, clusterId, network, title, UploadOrigin, fileName, actor, clock, ct), null, []);
    }

    /// <summary>Stores what a platform source gives now, as a network of the workspace.</summary>
    public static async Task<NetworkRow> FromSourceAsync(ClusterDb db, int clusterId, INetworkSource source, string name, string actor, TimeProvider clock, CancellationToken ct)
    {
        var loaded = await source.LoadAsync(db, clusterId, ct);
        return await StoreAsync(db, clusterId, loaded.Network, name, source.Key, null, actor, clock, ct);
    }

    private static async Task<NetworkRow> StoreAsync(ClusterDb db, int clusterId, Network network, string name, string origin, string? fileName, string actor, TimeProvider clock, CancellationToken ct)
    {
        var g = network.Graph.Graph;
        var stored = new StoredNetwork
        {
            ClusterId = clusterId, Name = name.Length > NetworkLimits.Name ? name[..NetworkLimits.Name] : name, Origin = origin, FileName = fileName,
            Nodes = g.NodeCount, Edges = g.EdgeCount, Directed = g.IsDirected, Weighted = g.IsWeighted,
            Content = NetworkStore.Pack(network), CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = actor.Length > JobLimits.StartedBy ? actor[..JobLimits.StartedBy] : actor,
        };
        db.Networks.Add(stored);
        await db.SaveChangesAsync(ct);
        return Row(stored);
    }

    private static NetworkRow Row(StoredNetwork n) => new(n.Id, n.Name, n.Origin, n.FileName, n.Nodes, n.Edges, n.Directed, n.Weighted, n.CreatedAt, n.CreatedBy);

    /// <summary>The rows of the networks <paramref name="query"/> keeps, in its order (filter and order the entities: EF cannot translate either on a constructed row).</summary>
    private static IQueryable<NetworkRow> Rows(IQueryable<StoredNetwork> query) =>
        query.Select(n => new NetworkRow(n.Id, n.Name, n.Origin, n.FileName, n.Nodes, n.Edges, n.Directed, n.Weighted, n.CreatedAt, n.CreatedBy));

    public static Task<Page<NetworkRow>> ListAsync(ClusterDb db, int clusterId, int? page, int? pageSize, CancellationToken ct) =>
        Rows(db.Networks.AsNoTracking().Where(n => n.ClusterId == clusterId).OrderByDescending(n => n.Id)).PageAsync(page, pageSize, ct);

    public static Task<NetworkRow?> FindAsync(ClusterDb db, int clusterId, int networkId, CancellationToken ct) =>
        Rows(db.Networks.AsNoTracking().Where(n => n.ClusterId == clusterId && n.Id == networkId)).SingleOrDefaultAsync(ct);

    /// <summary>Deletes a network with its jobs and results; refused while one of its jobs is queued or running (cancel it first).</summary>
    public static async Task<DeleteOutcome> DeleteAsync(ClusterDb db, int clusterId, int networkId, CancellationToken ct)
    {
        var network = await db.Networks.Where(n => n.Id == networkId && n.ClusterId == clusterId).Select(n => new { n.Id }).SingleOrDefaultAsync(ct);
        if (network is null) return DeleteOutcome.NotFound;
        var jobs = db.Jobs.Where(j => j.ClusterId == clusterId && j.SubjectId == networkId && j.Kind.StartsWith("network."));
        if (await jobs.AnyAsync(j => j.State == JobState.Queued || j.State == JobState.Running, ct)) return DeleteOutcome.JobsLive;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await jobs.ExecuteDeleteAsync(ct); // results and their nodes go with their jobs (cascade)
        db.Networks.Remove(await db.Networks.SingleAsync(n => n.Id == networkId, ct));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return DeleteOutcome.Deleted;
    }

    public static async Task<JobStartResult> StartJobAsync(ClusterDb db, JobQueue queue, int clusterId, int networkId, NetworkJobRequest request, string actor, CancellationToken ct, bool enqueue = true)
    {
        if (!await db.Networks.AnyAsync(n => n.Id == networkId && n.ClusterId == clusterId, ct)) return new(JobStartOutcome.NetworkNotFound, null, [], 0);
        var (errors, parameters) = NetworkJobParameters.Validate(request);
        if (parameters is null) return new(JobStartOutcome.Invalid, null, errors, 0);
        var start = await queue.StartAsync(db, clusterId, NetworkJobParameters.JobKind(parameters.Kind), networkId, parameters.ToJson(), actor, ct, enqueue);
        return start.Outcome == StartOutcome.Queued
            ? new(JobStartOutcome.Queued, ToRow(start.Job!, false), [], start.Limit)
            : new(JobStartOutcome.LimitReached, null, [], start.Limit);
    }

    private static IQueryable<Job> NetworkJobs(ClusterDb db, int clusterId) =>
        db.Jobs.AsNoTracking().Where(j => j.ClusterId == clusterId && j.Kind.StartsWith("network."));

    public static async Task<Page<JobRow>> JobsAsync(ClusterDb db, int clusterId, int? networkId, int? page, int? pageSize, CancellationToken ct)
    {
        var query = NetworkJobs(db, clusterId);
        if (networkId is { } id) query = query.Where(j => j.SubjectId == id);
        var found = await query.OrderByDescending(j => j.Id)
            .Select(j => new { Job = j, HasResult = db.NetworkResults.Any(r => r.JobId == j.Id) }).PageAsync(page, pageSize, ct);
        return new Page<JobRow>([.. found.Items.Select(x => ToRow(x.Job, x.HasResult))], found.PageNumber, found.PageSize, found.Total);
    }

    public static async Task<JobRow?> JobAsync(ClusterDb db, int clusterId, int jobId, CancellationToken ct)
    {
        var found = await NetworkJobs(db, clusterId).Where(j => j.Id == jobId)
            .Select(j => new { Job = j, HasResult = db.NetworkResults.Any(r => r.JobId == j.Id) }).SingleOrDefaultAsync(ct);
        return found is null ? null : ToRow(found.Job, found.HasResult);
    }

    private static JobRow ToRow(Job j, bool hasResult) => new(j.Id, j.SubjectId, j.Kind, j.State, j.Progress, j.Step, j.FailureReason, j.StartedBy,
        j.QueuedAt, j.StartedAt, j.FinishedAt, TryParse(j.Parameters), hasResult);

    private static NetworkJobParameters? TryParse(string json)
    {
        try { return NetworkJobParameters.Parse(json); }
        catch (System.Text.Json.JsonException) { return null; }
    }

    public static async Task<CancelOutcome> CancelAsync(ClusterDb db, JobQueue queue, int clusterId, int jobId, CancellationToken ct) =>
        await NetworkJobs(db, clusterId).AnyAsync(j => j.Id == jobId, ct) ? await queue.CancelAsync(db, clusterId, jobId, ct) : CancelOutcome.NotFound;

    /// <summary>A page of a result's nodes in the network's order; <paramref name="search"/> finds a node by id or label (any case).</summary>
    public static async Task<(ResultOutcome, ResultPage?)> ResultAsync(ClusterDb db, int clusterId, int jobId, string? search, int? page, int? pageSize, CancellationToken ct)
    {
        var job = await JobAsync(db, clusterId, jobId, ct);
        if (job is null) return (ResultOutcome.NotFound, null);
        var result = await db.NetworkResults.AsNoTracking().SingleOrDefaultAsync(r => r.JobId == jobId && r.ClusterId == clusterId, ct);
        if (result is null) return (ResultOutcome.NoResult, null);
        var columns = result.Columns.Split(';');
        var nodes = db.NetworkResultNodes.AsNoTracking().Where(n => n.JobId == jobId);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            nodes = nodes.Where(n => n.Search.Contains(term));
        }
        var found = await nodes.OrderBy(n => n.Index).PageAsync(page, pageSize, ct);
        var rows = found.Items.Select(n => new ResultNodeRow(n.Index, n.Node, n.Label, n.Community, ValuesOf(columns, n.Values))).ToList();
        return (ResultOutcome.Found, new ResultPage(jobId, result.NetworkId, result.Kind, columns, job.Parameters!, result.Summary,
            new Page<ResultNodeRow>(rows, found.PageNumber, found.PageSize, found.Total)));
    }

    private static Dictionary<string, double?> ValuesOf(string[] columns, string values)
    {
        var parts = values.Split(';');
        var map = new Dictionary<string, double?>(columns.Length);
        for (var i = 0; i < columns.Length && i < parts.Length; i++)
            map[columns[i]] = double.Parse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture) is var v && double.IsFinite(v) ? v : null;
        return map;
    }

    public enum DownloadFormat { Csv, Gexf, GraphMl }

    public static DownloadFormat? ParseDownload(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "csv" => DownloadFormat.Csv,
        "gexf" => DownloadFormat.Gexf,
        "graphml" => DownloadFormat.GraphMl,
        _ => null,
    };

    /// <summary>
    /// Writes a result with the network's writers: CSV as <c>network metrics</c> prints it (node, then one column per
    /// measure), GEXF and GraphML as the network with the result's columns as node attributes (Gephi sizes by them).
    /// </summary>
    public static async Task<ResultOutcome> WriteResultAsync(ClusterDb db, int clusterId, int jobId, DownloadFormat format, TextWriter writer, CancellationToken ct)
    {
        var result = await db.NetworkResults.AsNoTracking().SingleOrDefaultAsync(r => r.JobId == jobId && r.ClusterId == clusterId, ct);
        if (result is null)
            return await NetworkJobs(db, clusterId).AnyAsync(j => j.Id == jobId, ct) ? ResultOutcome.NoResult : ResultOutcome.NotFound;
        var content = await db.Networks.AsNoTracking().Where(n => n.Id == result.NetworkId).Select(n => n.Content).SingleAsync(ct);
        var network = NetworkStore.Unpack(content);
        var names = result.Columns.Split(';');
        var columns = names.ToDictionary(c => c, _ => new double[network.Graph.Graph.NodeCount]);
        await foreach (var node in db.NetworkResultNodes.AsNoTracking().Where(n => n.JobId == jobId).OrderBy(n => n.Index).Select(n => new { n.Index, n.Values }).AsAsyncEnumerable().WithCancellation(ct))
        {
            var parts = node.Values.Split(';');
            for (var i = 0; i < names.Length; i++) columns[names[i]][node.Index] = double.Parse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        if (format == DownloadFormat.Csv) NetworkMetrics.WriteCsv(network, columns, writer);
        else NetworkFile.Write(NetworkMetrics.WithColumns(network, columns), writer, format == DownloadFormat.Gexf ? NetworkFormat.Gexf : NetworkFormat.GraphMl);
        await writer.FlushAsync(ct);
        return ResultOutcome.Found;
    }

    public static string DownloadName(int jobId, string kind, DownloadFormat format) =>
        string.Create(CultureInfo.InvariantCulture, $"network-job-{jobId}-{kind.ToLowerInvariant()}.{format.ToString().ToLowerInvariant()}");

    /// <summary>Above this many nodes the page first offers the community summary; below it draws every node.</summary>
    public const int SummaryAbove = 5_000;
    public const int DefaultEdges = 50_000;
    public const int MaxEdges = 1_000_000;

    /// <summary>
    /// The stored layout to draw: every node at its stored ForceAtlas2 position with its community (from the latest
    /// communities job), and the <paramref name="maxEdges"/> heaviest edges between them. With <paramref name="summary"/>,
    /// one node per community (at its members' centre, sized by their count) and the ties between communities summed;
    /// with <paramref name="community"/>, that community's nodes and the edges among them (the drill-down).
    /// Null when the network has no layout yet.
    /// </summary>
    public static async Task<(ResultOutcome, LayoutView?)> LayoutAsync(ClusterDb db, int clusterId, int networkId, bool summary, int? community, int? maxEdges, CancellationToken ct)
    {
        var content = await db.Networks.AsNoTracking().Where(n => n.Id == networkId && n.ClusterId == clusterId).Select(n => n.Content).SingleOrDefaultAsync(ct);
        if (content is null) return (ResultOutcome.NotFound, null);
        int? Latest(string kind) => db.NetworkResults.Where(r => r.NetworkId == networkId && r.Kind == kind).OrderByDescending(r => r.JobId).Select(r => (int?)r.JobId).FirstOrDefault();
        var layoutJob = Latest(nameof(NetworkJobKind.Layout));
        if (layoutJob is null) return (ResultOutcome.NoResult, null);
        var communitiesJob = Latest(nameof(NetworkJobKind.Communities));
        var network = NetworkStore.Unpack(content);
        var g = network.Graph.Graph;
        var n = g.NodeCount;
        var (x, y) = (new double[n], new double[n]);
        await foreach (var node in db.NetworkResultNodes.AsNoTracking().Where(r => r.JobId == layoutJob).Select(r => new { r.Index, r.Values }).AsAsyncEnumerable().WithCancellation(ct))
        {
            var parts = node.Values.Split(';');
            x[node.Index] = double.Parse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture);
            y[node.Index] = double.Parse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        var groups = new int[n];
        if (communitiesJob is not null)
            await foreach (var node in db.NetworkResultNodes.AsNoTracking().Where(r => r.JobId == communitiesJob).Select(r => new { r.Index, r.Community }).AsAsyncEnumerable().WithCancellation(ct))
                groups[node.Index] = node.Community ?? 0;
        var labels = NetworkStore.Labels(network);
        var edgesWanted = Math.Clamp(maxEdges ?? DefaultEdges, 0, MaxEdges);
        if (summary && communitiesJob is not null) return (ResultOutcome.Found, Summarise(layoutJob.Value, communitiesJob, g, x, y, groups, edgesWanted));

        var keep = Enumerable.Range(0, n).Where(v => community is null || groups[v] == community).ToArray();
        var position = new int[n];
        Array.Fill(position, -1);
        for (var i = 0; i < keep.Length; i++) position[keep[i]] = i;
        var edges = NetworkFile.Edges(g).Where(e => position[e.U] >= 0 && position[e.V] >= 0 && e.U != e.V)
            .OrderByDescending(e => e.W).Take(edgesWanted).SelectMany(e => new[] { position[e.U], position[e.V] }).ToList();
        return (ResultOutcome.Found, new LayoutView(layoutJob.Value, communitiesJob, false, community, n, g.EdgeCount,
            [.. keep.Select(v => network.Graph.Ids[v])], [.. keep.Select(v => labels?[v])], [.. keep.Select(v => Math.Round(x[v], 2))], [.. keep.Select(v => Math.Round(y[v], 2))],
            [.. keep.Select(v => Math.Round(Math.Sqrt(g.Degree(v) + 1), 2))], [.. keep.Select(v => groups[v])], edges));
    }

    private static LayoutView Summarise(int layoutJob, int? communitiesJob, Graph g, double[] x, double[] y, int[] groups, int edgesWanted)
    {
        var k = groups.Length == 0 ? 0 : groups.Max() + 1;
        var (sx, sy, count) = (new double[k], new double[k], new int[k]);
        for (var v = 0; v < groups.Length; v++) { sx[groups[v]] += x[v]; sy[groups[v]] += y[v]; count[groups[v]]++; }
        var ties = new Dictionary<(int, int), double>();
        foreach (var (u, v, w) in NetworkFile.Edges(g))
        {
            var (a, b) = (groups[u], groups[v]);
            if (a == b) continue;
            var key = a < b ? (a, b) : (b, a);
            ties[key] = ties.GetValueOrDefault(key) + w;
        }
        var ids = Enumerable.Range(0, k).Where(c => count[c] > 0).ToArray();
        var position = new int[k];
        for (var i = 0; i < ids.Length; i++) position[ids[i]] = i;
        var edges = ties.OrderByDescending(t => t.Value).Take(Math.Min(edgesWanted, 5_000)).SelectMany(t => new[] { position[t.Key.Item1], position[t.Key.Item2] }).ToList();
        return new LayoutView(layoutJob, communitiesJob, true, null, g.NodeCount, g.EdgeCount,
            [.. ids.Select(c => c.ToString(CultureInfo.InvariantCulture))], [.. ids.Select(c => (string?)string.Create(CultureInfo.InvariantCulture, $"{count[c]} nodes"))],
            [.. ids.Select(c => Math.Round(sx[c] / count[c], 2))], [.. ids.Select(c => Math.Round(sy[c] / count[c], 2))],
            [.. ids.Select(c => Math.Round(Math.Sqrt(count[c]), 2))], [.. ids], edges);
    }
}
