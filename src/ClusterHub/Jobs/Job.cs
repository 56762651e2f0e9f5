using ClusterHub.Clusters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterHub.Jobs;

/// <summary>Where a job is. Queued and Running are live; the other three are final and never change again.</summary>
public enum JobState { Queued, Running, Succeeded, Failed, Cancelled }

/// <summary>
/// A long piece of work run in the background (<see cref="JobQueue"/>): what it is (<see cref="Kind"/>, its
/// <see cref="Parameters"/> as JSON, the record it works on), who started it and when, where it is, and how it ended.
/// Its bookkeeping (progress, state) is written by conditional set-based updates, not tracked changes: the progress
/// moves several times a second and is no history.
/// </summary>
public sealed class Job
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    /// <summary>The handler that runs it (<see cref="IJobHandler.Kind"/>), e.g. <c>network.metrics</c>.</summary>
    public required string Kind { get; set; }
    /// <summary>The record it works on (a network's id), so that a feature finds its jobs.</summary>
    public int? SubjectId { get; set; }
    /// <summary>The parameters that make the result, as the handler reads them (JSON).</summary>
    public required string Parameters { get; set; }
    public JobState State { get; set; }
    /// <summary>0..1, and the step under way (<see cref="Web.WorkProgress"/>).</summary>
    public double Progress { get; set; }
    public string? Step { get; set; }
    /// <summary>Why it failed, in words (the handler's exception message, or "interrupted by a restart").</summary>
    public string? FailureReason { get; set; }
    /// <summary>Who started it: a user's e-mail or <c>cli:NAME</c>.</summary>
    public required string StartedBy { get; set; }
    public DateTime QueuedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }

    public bool IsLive => State is JobState.Queued or JobState.Running;
}

public static class JobLimits
{
    public const int Kind = 40;
    public const int Parameters = 4000;
    public const int Step = 200;
    public const int FailureReason = 2000;
    public const int StartedBy = 256;
}

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> b)
    {
        b.HasOne<Cluster>().WithMany().HasForeignKey(j => j.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.Property(j => j.Kind).HasMaxLength(JobLimits.Kind);
        b.Property(j => j.Parameters).HasMaxLength(JobLimits.Parameters);
        b.Property(j => j.Step).HasMaxLength(JobLimits.Step);
        b.Property(j => j.FailureReason).HasMaxLength(JobLimits.FailureReason);
        b.Property(j => j.StartedBy).HasMaxLength(JobLimits.StartedBy);
        b.HasIndex(j => new { j.ClusterId, j.State });
        b.HasIndex(j => new { j.ClusterId, j.SubjectId, j.Id });
        b.HasIndex(j => j.State);
    }
}
