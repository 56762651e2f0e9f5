using BenchmarkDotNet.Attributes;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Members;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Benchmarks;

/// <summary>
/// The member import on SQLite, the whole path (decoding, validation pass, batched writes in one transaction):
/// 100,000 new members into an empty cluster, and the same file again (every row matched, nothing written).
/// Each iteration gets a fresh database file, so one invocation per iteration. Targets (issue 8): under 5 s and
/// under 300 MB peak.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class MemberImportBenchmarks
{
    [Params(100_000)]
    public int Rows { get; set; }

    private string csv = "";
    private string file = "";
    private DbContextOptions<SqliteClusterDb> options = null!;
    private int clusterId;
    private static readonly DateOnly Today = new(2026, 11, 25);

    [GlobalSetup]
    public void Setup()
    {
        csv = Path.Combine(Path.GetTempPath(), $"clusterhub-bench-members-{Rows}.csv");
        MemberCsv.Write(csv, Rows);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(csv);

    [IterationSetup(Target = nameof(ImportIntoEmptyCluster))]
    public void FreshDatabase()
    {
        file = Path.Combine(Path.GetTempPath(), $"clusterhub-bench-import-{Guid.NewGuid():N}.db");
        options = new DbContextOptionsBuilder<SqliteClusterDb>().UseSqlite($"Data Source={file}").Options;
        using var db = new SqliteClusterDb(options);
        db.Database.Migrate();
        var cluster = new Clusters.Cluster { Slug = "bench", Name = "Bench" };
        db.Clusters.Add(cluster);
        db.SaveChanges();
        clusterId = cluster.Id;
    }

    [IterationSetup(Target = nameof(ReimportUnchanged))]
    public void ImportedOnce()
    {
        FreshDatabase();
        ImportIntoEmptyCluster().GetAwaiter().GetResult();
    }

    [IterationCleanup]
    public void DropDatabase()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(file);
    }

    [Benchmark(Description = "import 100k members into an empty cluster")]
    public async Task<ImportReport> ImportIntoEmptyCluster()
    {
        await using var db = new SqliteClusterDb(options);
        await using var bytes = File.OpenRead(csv);
        return Checked(await MemberImport.RunAsync(db, clusterId, bytes, "members.csv", FileFormat.Csv, Today, default), created: Rows);
    }

    [Benchmark(Description = "re-import the same 100k (all unchanged)")]
    public async Task<ImportReport> ReimportUnchanged()
    {
        await using var db = new SqliteClusterDb(options);
        await using var bytes = File.OpenRead(csv);
        return Checked(await MemberImport.RunAsync(db, clusterId, bytes, "members.csv", FileFormat.Csv, Today, default), created: 0);
    }

    private ImportReport Checked(ImportReport report, int created) =>
        report.Succeeded && report.Created == created && report.Rows == Rows ? report
            : throw new InvalidOperationException($"unexpected import: {report.Created} created, {report.ErrorCount} errors, first {(report.Errors.Count > 0 ? report.Errors[0] : null)}");
}
