using BenchmarkDotNet.Attributes;
using ClusterHub.Analytics.Mapping;
using ClusterHub.Data;
using ClusterHub.Mapping;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Benchmarks;

/// <summary>
/// A mapping dataset's cells written to the database as the import job writes them (<see cref="MappingStore.WriteAsync"/>,
/// in one transaction): a seeded table of 1,000 regions × 100 industries × 10 years = 1,000,000 cells, 2 % of them
/// suppressed (stored as null), into a fresh SQLite file, and into a fresh PostgreSQL database when
/// <c>CLUSTERHUB_TEST_POSTGRES</c> names a server. Target (the web brief): a million rows in seconds. One invocation per
/// iteration (each gets a fresh database): run it in process, with the job on the command line (docs/performance.md).
/// </summary>
[MemoryDiagnoser]
public class MappingStoreBenchmarks
{
    [Params("sqlite", "postgresql")]
    public string Provider { get; set; } = "sqlite";

    private RegionalData data = null!;
    private HashSet<long> missing = [];
    private Func<ClusterDb> open = null!;
    private int datasetId;
    private string? sqliteFile;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        var builder = new RegionalTableBuilder();
        for (var y = 0; y < 10; y++)
            for (var r = 0; r < 1000; r++)
                for (var i = 0; i < 100; i++)
                {
                    var value = rng.NextDouble() < 0.02 ? double.NaN : Math.Round(rng.NextDouble() * 1000);
                    builder.Add(r.ToString("00000", System.Globalization.CultureInfo.InvariantCulture), i.ToString("0000", System.Globalization.CultureInfo.InvariantCulture), 2010 + y, value);
                    if (double.IsNaN(value)) missing.Add(MappingStore.CellKey(2010 + y, r, i));
                }
        data = new RegionalData(builder.Build(), null, 1_000_000, missing.Count);
    }

    [IterationSetup]
    public void FreshDatabase()
    {
        if (Provider == "sqlite")
        {
            sqliteFile = Path.Combine(Path.GetTempPath(), $"clusterhub-bench-mapping-{Guid.NewGuid():N}.db");
            var options = new DbContextOptionsBuilder<SqliteClusterDb>().UseSqlite($"Data Source={sqliteFile}").Options;
            open = () => new SqliteClusterDb(options);
        }
        else
        {
            var server = Environment.GetEnvironmentVariable("CLUSTERHUB_TEST_POSTGRES") ?? throw new InvalidOperationException("set CLUSTERHUB_TEST_POSTGRES to a server for the postgresql case");
            var options = new DbContextOptionsBuilder<PostgresClusterDb>().UseNpgsql($"{server};Database=bench_mapping_{Guid.NewGuid():N}").Options;
            open = () => new PostgresClusterDb(options);
        }
        using var db = open();
        db.Database.Migrate();
        var cluster = new Clusters.Cluster { Slug = "bench", Name = "Bench" };
        db.Clusters.Add(cluster);
        db.SaveChanges();
        var dataset = new MappingDataset { ClusterId = cluster.Id, Name = "bench", FileName = "bench.csv", Columns = "{}", CreatedBy = "bench" };
        db.MappingDatasets.Add(dataset);
        db.SaveChanges();
        datasetId = dataset.Id;
    }

    [IterationCleanup]
    public void Drop()
    {
        using (var db = open()) db.Database.EnsureDeleted();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Benchmark]
    public async Task<int> WriteMillionCells()
    {
        await using var db = open();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var written = await MappingStore.WriteAsync(db, datasetId, data, missing, null, default);
        await transaction.CommitAsync();
        return written;
    }
}
