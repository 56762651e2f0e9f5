using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClusterHub.Analytics.Networks;
using ClusterHub.Data;
using ClusterHub.Jobs;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Networks;

public enum NetworkJobKind { Metrics, Communities, Layout }

/// <summary>A job asked for on a network: the kind and its options (the rest left out or null take their defaults).</summary>
/// <param name="Kind">Metrics, Communities or Layout.</param>
/// <param name="Pivots">Metrics: estimate betweenness, closeness and the path statistics from this many sources (null: exact).</param>
/// <param name="Seed">Seed of the pivots, of the community search, or of the layout's starting positions.</param>
/// <param name="Method">Communities: Leiden (default) or Louvain.</param>
/// <param name="Resolution">Communities: γ, above 1 smaller communities.</param>
/// <param name="Iterations">Layout: ForceAtlas2 iterations.</param>
public sealed record NetworkJobRequest(NetworkJobKind? Kind, int? Pivots = null, int? Seed = null, CommunityMethod? Method = null, double? Resolution = null, int? Iterations = null);

/// <summary>The parameters a job ran with, complete (defaults filled in), as stored on the job and shown beside its results.</summary>
public sealed record NetworkJobParameters(NetworkJobKind Kind, int? Pivots, int Seed, CommunityMethod? Method, double? Resolution, int? Iterations)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);
    public static NetworkJobParameters Parse(string json) => JsonSerializer.Deserialize<NetworkJobParameters>(json, Json)!;

    public static string JobKind(NetworkJobKind kind) => "network." + kind.ToString().ToLowerInvariant();

    /// <summary>The one validator of a job request (API, page, CLI): errors, or the complete parameters.</summary>
    public static (List<FieldError> Errors, NetworkJobParameters? Parameters) Validate(NetworkJobRequest request)
    {
        var errors = new List<FieldError>();
        string Text(object? v) => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "";
        if (request.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add(new("kind", Text(request.Kind), $"is not one of {string.Join(", ", Enum.GetNames<NetworkJobKind>())}"));
        if (request.Pivots is { } p && (p < 1 || p > MaxPivots)) errors.Add(new("pivots", Text(p), $"is not between 1 and {MaxPivots}"));
        if (request.Seed is { } s && s < 0) errors.Add(new("seed", Text(s), "is negative"));
        if (request.Method is { } m && !Enum.IsDefined(m)) errors.Add(new("method", Text(m), "is not Leiden or Louvain"));
        if (request.Resolution is { } r && !(r > 0 && r <= 100)) errors.Add(new("resolution", Text(r), "is not above 0 and at most 100"));
        if (request.Iterations is { } i && (i < 1 || i > MaxIterations)) errors.Add(new("iterations", Text(i), $"is not between 1 and {MaxIterations}"));
        if (errors.Count > 0) return (errors, null);
        var k = request.Kind!.Value;
        return (errors, new NetworkJobParameters(k, k == NetworkJobKind.Metrics ? request.Pivots : null, request.Seed ?? 0,
            k == NetworkJobKind.Communities ? request.Method ?? CommunityMethod.Leiden : null,
            k == NetworkJobKind.Communities ? request.Resolution ?? 1.0 : null,
            k == NetworkJobKind.Layout ? request.Iterations ?? DefaultIterations : null));
    }

    public const int MaxPivots = 100_000;
    public const int MaxIterations = 2_000;
    public const int DefaultIterations = 100;
}

/// <summary>
/// Runs the workspace's jobs: loads the stored network, computes with the engine (progress through
/// <see cref="WorkProgress"/>), then writes the result and its nodes in one transaction that ends by completing the job.
/// </summary>
public sealed class NetworkJobHandler(NetworkJobKind kind) : IJobHandler
{
    public string Kind => NetworkJobParameters.JobKind(kind);

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        var db = run.Db;
        var parameters = NetworkJobParameters.Parse(run.Job.Parameters);
        run.Progress.Report(new WorkProgress("loading", 0));
        var content = await db.Networks.AsNoTracking().Where(n => n.Id == run.Job.SubjectId && n.ClusterId == run.Job.ClusterId)
            .Select(n => n.Content).SingleOrDefaultAsync(ct) ?? throw new InvalidOperationException("the network no longer exists");
        var network = NetworkStore.Unpack(content);
        var g = network.Graph.Graph;
        Dictionary<string, double[]> columns;
        int[]? community = null;
        object summary;
        switch (parameters.Kind)
        {
            case NetworkJobKind.Metrics:
            {
                var (s, c) = NetworkMetrics.Compute(network, new MetricsOptions(parameters.Pivots, parameters.Seed),
                    new Progress95(run.Progress));
                (columns, summary) = (c, s);
                break;
            }
            case NetworkJobKind.Communities:
            {
                if (g.IsDirected) throw new InvalidOperationException("communities are found in undirected networks; this one is directed");
                var options = new CommunityOptions { Seed = parameters.Seed, Resolution = parameters.Resolution ?? 1 };
                run.Progress.Report(new WorkProgress("communities", 0.02));
                var result = parameters.Method == CommunityMethod.Louvain ? Communities.Louvain(g, options) : Communities.Leiden(g, options, run.Progress.Step("communities", 0.02, 0.95));
                community = result.Community;
                columns = new() { ["community"] = [.. result.Community.Select(x => (double)x)] };
                summary = new { result.Count, result.Modularity, result.Levels };
                break;
            }
            default:
            {
                var (x, y) = ForceAtlas2.Layout(g, new ForceAtlas2Options { Iterations = parameters.Iterations ?? NetworkJobParameters.DefaultIterations, Seed = parameters.Seed },
                    run.Progress.Step("layout", 0.02, 0.95));
                columns = new() { ["x"] = x, ["y"] = y };
                summary = new { parameters.Iterations };
                break;
            }
        }
        run.Progress.Report(new WorkProgress("storing", 0.95));
        await StoreAsync(run, network, parameters.Kind, columns, community, JsonSerializer.Serialize(summary, NetworkJobParameters.Json), ct);
    }

    /// <summary>The result and every node in one transaction, completed with the job; a cancelled job rolls it all back.</summary>
    private static async Task StoreAsync(JobRun run, Network network, NetworkJobKind kind, Dictionary<string, double[]> columns, int[]? community, string summary, CancellationToken ct)
    {
        var db = run.Db;
        var labels = NetworkStore.Labels(network);
        var ids = network.Graph.Ids;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.NetworkResults.Add(new NetworkResult
        {
            JobId = run.Job.Id, NetworkId = run.Job.SubjectId!.Value, ClusterId = run.Job.ClusterId, Kind = kind.ToString(),
            Columns = string.Join(';', columns.Keys), Summary = summary.Length > NetworkLimits.Summary ? null : summary,
            CreatedAt = run.Clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        var values = columns.Values.ToArray();
        await using (var bulk = new BulkInsert<NetworkResultNode>(db))
        {
            var batch = new List<NetworkResultNode>(BulkInsert<NetworkResultNode>.RowsPerStatement);
            for (var v = 0; v < ids.Count; v++)
            {
                batch.Add(new NetworkResultNode
                {
                    JobId = run.Job.Id, Index = v, Node = Clip(ids[v])!, Label = Clip(labels?[v]), Community = community?[v],
                    Search = (Clip(ids[v]) + " " + Clip(labels?[v])).ToLowerInvariant(),
                    Values = string.Join(';', values.Select(c => c[v].ToString("R", CultureInfo.InvariantCulture))),
                });
                if (batch.Count == batch.Capacity)
                {
                    await bulk.InsertManyAsync(batch, ct);
                    batch.Clear();
                }
            }
            if (batch.Count > 0) await bulk.InsertManyAsync(batch, ct);
        }
        if (!await run.CompleteAsync(ct)) return; // cancelled meanwhile: the transaction rolls back as it is disposed
        await transaction.CommitAsync(ct);
    }

    private static string? Clip(string? text) => text is { Length: > NetworkLimits.Node } ? text[..NetworkLimits.Node] : text;

    /// <summary>The metrics' own progress (0..1 of the measures) within 2–95 % of the job.</summary>
    private sealed class Progress95(IProgress<WorkProgress> whole) : IProgress<WorkProgress>
    {
        public void Report(WorkProgress value) => whole.Report(value with { Fraction = 0.02 + 0.93 * value.Fraction });
    }
}
