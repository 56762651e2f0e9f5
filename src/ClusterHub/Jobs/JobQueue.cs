using System.Collections.Concurrent;
using System.Threading.Channels;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClusterHub.Jobs;

/// <summary>What <see cref="JobQueue"/> allows (configuration section <c>Jobs</c>).</summary>
public sealed class JobOptions
{
    /// <summary>Jobs of one cluster queued or running at once; one more is refused (<see cref="StartOutcome.LimitReached"/>).</summary>
    public int MaxLivePerCluster { get; set; } = 3;
    /// <summary>How often a running job's progress is written, and its cancellation by another process noticed.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}

/// <summary>
/// One kind of job. <see cref="RunAsync"/> reads what it needs, reports progress, and writes its results in one
/// transaction that ends with <see cref="JobRun.CompleteAsync"/>: a job cancelled meanwhile makes that call answer false
/// and the handler rolls back, so a cancelled job leaves nothing half-written.
/// </summary>
public interface IJobHandler
{
    string Kind { get; }
    Task RunAsync(JobRun run, CancellationToken ct);
}

/// <summary>A job being run: the job, a database scope of its own, the progress to report to.</summary>
public sealed class JobRun(Job job, ClusterDb db, IProgress<WorkProgress> progress, TimeProvider time)
{
    public Job Job { get; } = job;
    public ClusterDb Db { get; } = db;
    public IProgress<WorkProgress> Progress { get; } = progress;
    public TimeProvider Clock { get; } = time;

    /// <summary>
    /// Running → Succeeded, inside the handler's transaction; false when the job is no longer running (cancelled), in which
    /// case the handler must not commit. The conditional update takes the row's lock, so a cancellation racing it either
    /// comes first (this answers false) or finds the job finished.
    /// </summary>
    public async Task<bool> CompleteAsync(CancellationToken ct)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        return await Db.Jobs.Where(j => j.Id == Job.Id && j.State == JobState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Succeeded).SetProperty(j => j.Progress, 1.0)
                .SetProperty(j => j.Step, (string?)null).SetProperty(j => j.FinishedAt, now), ct) == 1;
    }
}

public enum StartOutcome { Queued, LimitReached, UnknownKind }
public sealed record JobStart(StartOutcome Outcome, Job? Job, int Limit);
public enum CancelOutcome { Cancelled, AlreadyFinished, NotFound }

/// <summary>
/// The one queue of long work: jobs are rows (<see cref="Job"/>) and their ids travel through a <see cref="Channel{T}"/>
/// that <see cref="JobRunner"/> reads, one job at a time (the engine's measures use every core already). A cluster
/// has at most <see cref="JobOptions.MaxLivePerCluster"/> jobs queued or running. Cancelling marks the row first (so a
/// job cancelled while queued never starts), then signals the running job's token; a job running in another process
/// (the CLI's) notices the mark at its next progress write.
/// </summary>
public sealed class JobQueue(IServiceScopeFactory scopes, IOptions<JobOptions> options, TimeProvider clock, IEnumerable<IJobHandler> handlers) : IDisposable
{
    public void Dispose() => gate.Dispose();

    private readonly Channel<int> channel = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<int, CancellationTokenSource> running = new();
    private readonly SemaphoreSlim gate = new(1, 1);

    internal ChannelReader<int> Reader => channel.Reader;

    public bool Knows(string kind) => handlers.Any(h => h.Kind == kind);

    /// <summary>Records a job and queues it (or, with <paramref name="enqueue"/> false, leaves it for the caller to <see cref="RunAsync"/>).</summary>
    public async Task<JobStart> StartAsync(ClusterDb db, int clusterId, string kind, int? subjectId, string parameters, string startedBy, CancellationToken ct, bool enqueue = true)
    {
        var limit = options.Value.MaxLivePerCluster;
        if (!Knows(kind)) return new(StartOutcome.UnknownKind, null, limit);
        Job job;
        await gate.WaitAsync(ct);
        try
        {
            var live = await db.Jobs.CountAsync(j => j.ClusterId == clusterId && (j.State == JobState.Queued || j.State == JobState.Running), ct);
            if (live >= limit) return new(StartOutcome.LimitReached, null, limit);
            job = new Job
            {
                ClusterId = clusterId, Kind = kind, SubjectId = subjectId, Parameters = parameters, State = JobState.Queued,
                StartedBy = startedBy.Length > JobLimits.StartedBy ? startedBy[..JobLimits.StartedBy] : startedBy, QueuedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Jobs.Add(job);
            await db.SaveChangesAsync(ct);
        }
        finally { gate.Release(); }
        if (enqueue) channel.Writer.TryWrite(job.Id);
        return new(StartOutcome.Queued, job, limit);
    }

    /// <summary>Cancels a queued or running job of the cluster.</summary>
    public async Task<CancelOutcome> CancelAsync(ClusterDb db, int clusterId, int jobId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Jobs.Where(j => j.Id == jobId && j.ClusterId == clusterId && (j.State == JobState.Queued || j.State == JobState.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Cancelled).SetProperty(j => j.FinishedAt, now), ct);
        if (changed == 1)
        {
            if (running.TryGetValue(jobId, out var cts)) await cts.CancelAsync();
            return CancelOutcome.Cancelled;
        }
        return await db.Jobs.AnyAsync(j => j.Id == jobId && j.ClusterId == clusterId, ct) ? CancelOutcome.AlreadyFinished : CancelOutcome.NotFound;
    }

    /// <summary>
    /// Jobs left queued or running by a process that stopped: nothing runs them any more, so they are marked failed
    /// (their results, written only at the end in one transaction, were never written). Run at start-up.
    /// </summary>
    public static Task<int> FailInterruptedAsync(ClusterDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Jobs.Where(j => j.State == JobState.Queued || j.State == JobState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Failed).SetProperty(j => j.FailureReason, Interrupted).SetProperty(j => j.FinishedAt, now), ct);
    }

    public const string Interrupted = "interrupted by a restart";

    /// <summary>Runs one queued job to its end: the runner calls it for each id it reads, the CLI for the job it started.</summary>
    public async Task RunAsync(int jobId, CancellationToken stopping)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClusterDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.Jobs.Where(j => j.Id == jobId && j.State == JobState.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Running).SetProperty(j => j.StartedAt, now), stopping) == 0)
            return; // cancelled while it waited
        var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId, stopping);
        db.Actor = job.StartedBy;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        running[jobId] = cts;
        var progress = new LatestProgress(cts.Token);
        try
        {
            var handler = handlers.FirstOrDefault(h => h.Kind == job.Kind) ?? throw new InvalidOperationException($"no handler for jobs of kind {job.Kind}");
            var work = Task.Run(() => handler.RunAsync(new JobRun(job, db, progress, clock), cts.Token), CancellationToken.None);
            await WatchAsync(jobId, work, progress, cts);
            await work;
            // A handler that returned without completing (it found the job cancelled) leaves the row as the canceller set it.
        }
        catch (Exception) when (cts.IsCancellationRequested)
        {
            if (stopping.IsCancellationRequested) await FinishAsync(jobId, JobState.Failed, "interrupted: the server stopped");
        }
        catch (Exception e)
        {
            await FinishAsync(jobId, JobState.Failed, Reason(e));
        }
        finally { running.TryRemove(jobId, out _); }
    }

    private static string Reason(Exception e)
    {
        var inner = e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerExceptions[0] : e;
        var text = inner.Message;
        return text.Length > JobLimits.FailureReason ? text[..JobLimits.FailureReason] : text;
    }

    /// <summary>While the work runs: writes its progress when it moved, and notices a cancellation made in another process.</summary>
    private async Task WatchAsync(int jobId, Task work, LatestProgress progress, CancellationTokenSource cts)
    {
        var written = new WorkProgress("", -1);
        while (!work.IsCompleted)
        {
            await Task.WhenAny(work, Task.Delay(options.Value.ProgressInterval, clock, CancellationToken.None));
            if (work.IsCompleted || cts.IsCancellationRequested) return;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ClusterDb>();
                var latest = progress.Latest;
                if (latest != written)
                {
                    var step = latest.Step.Length > JobLimits.Step ? latest.Step[..JobLimits.Step] : latest.Step;
                    var fraction = Math.Clamp(latest.Fraction, 0, 1);
                    var n = await db.Jobs.Where(j => j.Id == jobId && j.State == JobState.Running)
                        .ExecuteUpdateAsync(s => s.SetProperty(j => j.Progress, fraction).SetProperty(j => j.Step, step), CancellationToken.None);
                    written = latest;
                    if (n == 0) await cts.CancelAsync(); // no longer running: cancelled (here or elsewhere)
                }
                else if (!await db.Jobs.AnyAsync(j => j.Id == jobId && j.State == JobState.Running, CancellationToken.None))
                    await cts.CancelAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database busy for a moment (SQLite's writer lock held by the job's own final transaction): next tick.
            }
        }
    }

    private async Task FinishAsync(int jobId, JobState state, string reason)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClusterDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Jobs.Where(j => j.Id == jobId && j.State == JobState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, state).SetProperty(j => j.FailureReason, reason).SetProperty(j => j.FinishedAt, now), CancellationToken.None);
    }

    /// <summary>
    /// Keeps the last report; the engine reports from its workers. Once the job is cancelled, the next report throws,
    /// which stops the engine's measure between two sources (the engine takes progress, not a token, and stays pure).
    /// </summary>
    private sealed class LatestProgress(CancellationToken ct) : IProgress<WorkProgress>
    {
        private WorkProgress latest = new("", 0);
        public WorkProgress Latest { get { lock (this) return latest; } }
        public void Report(WorkProgress value)
        {
            ct.ThrowIfCancellationRequested();
            lock (this) latest = value;
        }
    }
}

/// <summary>Reads the queue and runs its jobs one after another; at start-up fails the jobs a previous process left behind.</summary>
internal sealed class JobRunner(JobQueue queue, IServiceScopeFactory scopes, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            try { await JobQueue.FailInterruptedAsync(scope.ServiceProvider.GetRequiredService<ClusterDb>(), clock, stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { } // no database yet (before `migrate`): nothing was left
        }
        await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken))
            await queue.RunAsync(id, stoppingToken);
    }
}

public static class JobServices
{
    /// <summary>The queue, its runner and its options: the platform's, for every feature that has long work.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JobOptions>(configuration.GetSection("Jobs"));
        services.AddSingleton<JobQueue>();
        services.AddHostedService<JobRunner>();
        return services;
    }
}
