using ClusterHub.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Benchmarks;

/// <summary>
/// A throwaway SQLite file at the current schema with one cluster ("bench", head office in region 27), for the suites
/// that read the database as a request does: each call opens a fresh context with <see cref="Open"/>.
/// </summary>
internal sealed class BenchDatabase
{
    public string File { get; } = Path.Combine(Path.GetTempPath(), $"clusterhub-bench-{Guid.NewGuid():N}.db");
    public DbContextOptions<SqliteClusterDb> Options { get; }
    public int ClusterId { get; }

    public BenchDatabase()
    {
        Options = new DbContextOptionsBuilder<SqliteClusterDb>().UseSqlite($"Data Source={File}").Options;
        using var db = Open();
        db.Database.Migrate();
        var cluster = new Clusters.Cluster { Slug = "bench", Name = "Bench", Offices = [new() { City = "Chalon-sur-Saône", Region = "27" }] };
        db.Clusters.Add(cluster);
        db.SaveChanges();
        ClusterId = cluster.Id;
    }

    public SqliteClusterDb Open() => new(Options);

    /// <summary>Deletes the file (a suite's GlobalCleanup); pooled connections would keep it open.</summary>
    public void Delete()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.File.Delete(File);
    }
}
