using System.CommandLine;
using System.Globalization;
using System.Text;
using ClusterHub.Cli;
using ClusterHub.Data;
using ClusterHub.Jobs;

namespace ClusterHub.Networks;

/// <summary>
/// <c>network add</c> and <c>network job start|status|cancel|results</c>: the workspace's operations on the command line.
/// The CLI has no queue runner of its own, so <c>start</c> records the job and runs it in this process (its progress and
/// state are written as the server writes them, so the page follows it and can cancel it).
/// </summary>
public static class NetworkJobCommands
{
    private static readonly Option<int> JobOption = new("--job") { Required = true, Description = "Job id" };

    public static Command Add(TextWriter stdout)
    {
        var file = new Argument<FileInfo>("file") { Description = "Network file: .csv edge list, .graphml, .gexf, .gml, .net or .json" };
        var name = new Option<string?>("--name") { Description = "Name in the workspace (default: the file's name)" };
        var command = new Command("add", "Store a network file in a cluster's workspace") { file, name, CliVerbs.ClusterOption };
        command.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<ClusterDb>();
            var clusterId = await CliVerbs.ClusterIdAsync(db, parse, ct);
            var info = parse.GetValue(file)!;
            if (!info.Exists) throw new CliException($"{info.FullName}: file not found");
            await using var stream = info.OpenRead();
            var result = await NetworkWorkspace.UploadAsync(db, clusterId, stream, info.Name, parse.GetValue(name), new EdgeColumns(), false, db.Actor, sp.GetRequiredService<TimeProvider>(), ct);
            if (result.Outcome == UploadOutcome.Malformed) throw new CliException(result.Error!.ToString());
            if (result.Outcome == UploadOutcome.Invalid) throw new CliException(string.Join("; ", result.Errors.Select(e => $"{e.Field} {e.Reason}")));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"network {result.Network!.Id}: {result.Network.Nodes} nodes, {result.Network.Edges} edges"));
            return 0;
        }, ct));
        return command;
    }

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var networkId = new Option<int>("--network") { Required = true, Description = "Network id in the workspace" };
        var kind = new Option<NetworkJobKind>("--kind") { Required = true, Description = "Metrics, Communities or Layout" };
        var pivots = new Option<int?>("--pivots") { Description = "Metrics: estimate paths from this many sources" };
        var seed = new Option<int?>("--seed") { Description = "Seed of the pivots, the community search or the layout" };
        var method = new Option<CommunityMethod?>("--method") { Description = "Communities: Leiden or Louvain" };
        var resolution = new Option<double?>("--resolution") { Description = "Communities: γ" };
        var iterations = new Option<int?>("--iterations") { Description = "Layout: ForceAtlas2 iterations" };
        var start = new Command("start", "Start a job on a workspace network and run it here") { CliVerbs.ClusterOption, networkId, kind, pivots, seed, method, resolution, iterations };
        start.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<ClusterDb>();
            var clusterId = await CliVerbs.ClusterIdAsync(db, parse, ct);
            var queue = sp.GetRequiredService<JobQueue>();
            var request = new NetworkJobRequest(parse.GetValue(kind), parse.GetValue(pivots), parse.GetValue(seed), parse.GetValue(method), parse.GetValue(resolution), parse.GetValue(iterations));
            var started = await NetworkWorkspace.StartJobAsync(db, queue, clusterId, parse.GetValue(networkId), request, db.Actor, ct, enqueue: false);
            switch (started.Outcome)
            {
                case JobStartOutcome.NetworkNotFound: throw new CliException($"no network {parse.GetValue(networkId)} in this cluster");
                case JobStartOutcome.Invalid: throw new CliException(string.Join("; ", started.Errors.Select(e => $"{e.Field} {e.Reason}")));
                case JobStartOutcome.LimitReached: throw new CliException($"the cluster already has {started.Limit} jobs queued or running");
            }
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"job {started.Job!.Id} started"));
            await queue.RunAsync(started.Job.Id, ct);
            var job = (await NetworkWorkspace.JobAsync(db, clusterId, started.Job.Id, ct))!;
            stdout.WriteLine(Describe(job));
            return job.State == JobState.Succeeded ? 0 : 1;
        }, ct));

        var status = new Command("status", "A job's state and progress") { CliVerbs.ClusterOption, JobOption };
        status.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<ClusterDb>();
            var job = await NetworkWorkspace.JobAsync(db, await CliVerbs.ClusterIdAsync(db, parse, ct), parse.GetValue(JobOption), ct)
                ?? throw new CliException($"no job {parse.GetValue(JobOption)} in this cluster");
            stdout.WriteLine(Describe(job));
            return 0;
        }, ct));

        var cancel = new Command("cancel", "Cancel a queued or running job") { CliVerbs.ClusterOption, JobOption };
        cancel.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<ClusterDb>();
            var outcome = await NetworkWorkspace.CancelAsync(db, sp.GetRequiredService<JobQueue>(), await CliVerbs.ClusterIdAsync(db, parse, ct), parse.GetValue(JobOption), ct);
            if (outcome == CancelOutcome.NotFound) throw new CliException($"no job {parse.GetValue(JobOption)} in this cluster");
            if (outcome == CancelOutcome.AlreadyFinished) throw new CliException($"job {parse.GetValue(JobOption)} has already finished");
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"job {parse.GetValue(JobOption)} cancelled"));
            return 0;
        }, ct));

        var format = new Option<string>("--format") { DefaultValueFactory = _ => "csv", Description = "csv, gexf or graphml" };
        var results = new Command("results", "A job's result as a file") { CliVerbs.ClusterOption, JobOption, format, CliVerbs.OutputOption };
        results.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<ClusterDb>();
            var fmt = NetworkWorkspace.ParseDownload(parse.GetValue(format)) ?? throw new CliException($"unknown format '{parse.GetValue(format)}': csv, gexf or graphml");
            var target = parse.GetValue(CliVerbs.OutputOption);
            await using var writer = target is null ? null : new StreamWriter(target.FullName, false, new UTF8Encoding(false));
            var outcome = await NetworkWorkspace.WriteResultAsync(db, await CliVerbs.ClusterIdAsync(db, parse, ct), parse.GetValue(JobOption), fmt, (TextWriter?)writer ?? stdout, ct);
            return outcome switch
            {
                ResultOutcome.Found => 0,
                ResultOutcome.NotFound => throw new CliException($"no job {parse.GetValue(JobOption)} in this cluster"),
                _ => throw new CliException($"job {parse.GetValue(JobOption)} has no result: it has not succeeded"),
            };
        }, ct));
        return new Command("job", "Jobs on a cluster's workspace networks (metrics, communities, layout)") { start, status, cancel, results };
    }

    private static string Describe(JobRow job) =>
        FormattableString.Invariant($"job {job.Id} {job.Kind} on network {job.NetworkId}: {job.State}, {job.Progress:P0}")
        + (job.Step is { Length: > 0 } s ? " (" + s + ")" : "")
        + FormattableString.Invariant($", started by {job.StartedBy} at {job.QueuedAt:yyyy-MM-dd HH:mm:ss}Z")
        + (job.FinishedAt is { } f && job.StartedAt is { } st ? FormattableString.Invariant($", ran {(f - st).TotalSeconds:0.0} s") : "")
        + (job.FailureReason is { } r ? ": " + r : "");
}
