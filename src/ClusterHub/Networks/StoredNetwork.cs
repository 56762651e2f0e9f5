using ClusterHub.Clusters;
using ClusterHub.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterHub.Networks;

/// <summary>
/// A network of the workspace: uploaded from a file or taken from the platform (<see cref="INetworkSource"/>), kept as
/// it was read (<see cref="NetworkStore"/>: the graph and its node attributes, packed and compressed), so that every job
/// on it works on the same network.
/// </summary>
public sealed class StoredNetwork
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public required string Name { get; set; }
    /// <summary><c>upload</c>, or the key of the platform source it came from (<c>projects.collaboration</c>).</summary>
    public required string Origin { get; set; }
    /// <summary>The uploaded file's name, or null for a platform network.</summary>
    public string? FileName { get; set; }
    public int Nodes { get; set; }
    public int Edges { get; set; }
    public bool Directed { get; set; }
    public bool Weighted { get; set; }
    /// <summary><see cref="NetworkStore.Pack"/>'s bytes.</summary>
    public required byte[] Content { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>
/// What a succeeded job on a network produced, written with its nodes in the job's one final transaction: the columns
/// (per-node values, in the order of <see cref="NetworkResultNode.Values"/>), and the whole-network summary as JSON.
/// The parameters that made it are the job's (<see cref="Job.Parameters"/>).
/// </summary>
public sealed class NetworkResult
{
    public int JobId { get; set; }
    public int NetworkId { get; set; }
    public int ClusterId { get; set; }
    public required string Kind { get; set; }
    /// <summary>Column names separated by <c>;</c> (e.g. <c>degree;strength;betweenness</c>, or <c>x;y</c> for a layout).</summary>
    public required string Columns { get; set; }
    public string? Summary { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>One node's values in a result: its id and label as the network has them, its community (communities
/// jobs), and its values in the result's column order, written in invariant round-trip form separated by <c>;</c>.</summary>
public sealed class NetworkResultNode
{
    public long Id { get; set; }
    public int JobId { get; set; }
    public int Index { get; set; }
    public required string Node { get; set; }
    public string? Label { get; set; }
    public int? Community { get; set; }
    public required string Values { get; set; }
    /// <summary>Id and label in lower case (invariant), what the node search looks in: the same on both databases.</summary>
    public required string Search { get; set; }
}

public static class NetworkLimits
{
    public const int Name = 200;
    public const int Origin = 60;
    public const int FileName = 260;
    public const int Columns = 1000;
    public const int Summary = 4000;
    public const int Node = 400;
    public const int Values = 2000;
    /// <summary>A network file's largest upload: the CORDIS H2020 projection (796,670 edges) is 30 MB as an edge list.</summary>
    public const long UploadBytes = 64L * 1024 * 1024;
}

internal sealed class StoredNetworkConfiguration : IEntityTypeConfiguration<StoredNetwork>
{
    public void Configure(EntityTypeBuilder<StoredNetwork> b)
    {
        b.ToTable("Networks");
        b.HasOne<Cluster>().WithMany().HasForeignKey(n => n.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.Property(n => n.Name).HasMaxLength(NetworkLimits.Name);
        b.Property(n => n.Origin).HasMaxLength(NetworkLimits.Origin);
        b.Property(n => n.FileName).HasMaxLength(NetworkLimits.FileName);
        b.Property(n => n.CreatedBy).HasMaxLength(JobLimits.StartedBy);
        b.HasIndex(n => new { n.ClusterId, n.Id });
    }
}

internal sealed class NetworkResultConfiguration : IEntityTypeConfiguration<NetworkResult>
{
    public void Configure(EntityTypeBuilder<NetworkResult> b)
    {
        b.HasKey(r => r.JobId);
        b.Property(r => r.JobId).ValueGeneratedNever();
        b.HasOne<Job>().WithOne().HasForeignKey<NetworkResult>(r => r.JobId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StoredNetwork>().WithMany().HasForeignKey(r => r.NetworkId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.Kind).HasMaxLength(JobLimits.Kind);
        b.Property(r => r.Columns).HasMaxLength(NetworkLimits.Columns);
        b.Property(r => r.Summary).HasMaxLength(NetworkLimits.Summary);
        b.HasIndex(r => new { r.NetworkId, r.Kind });
    }
}

internal sealed class NetworkResultNodeConfiguration : IEntityTypeConfiguration<NetworkResultNode>
{
    public void Configure(EntityTypeBuilder<NetworkResultNode> b)
    {
        b.HasOne<NetworkResult>().WithMany().HasForeignKey(r => r.JobId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.Node).HasMaxLength(NetworkLimits.Node);
        b.Property(r => r.Label).HasMaxLength(NetworkLimits.Node);
        b.Property(r => r.Values).HasMaxLength(NetworkLimits.Values);
        b.Property(r => r.Search).HasMaxLength(2 * NetworkLimits.Node + 1);
        b.HasIndex(r => new { r.JobId, r.Index }).IsUnique();
    }
}
