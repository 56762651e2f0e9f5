using BenchmarkDotNet.Attributes;
using ClusterHub.Data;
using ClusterHub.Projects;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Benchmarks;

/// <summary>
/// The pipeline dashboard (<see cref="ProjectFunnel.ComputeAsync"/>: funnel by year, conversions, medians per state,
/// leverage by funder and area) on SQLite over 20,000 proposals and 200,000 moves, seeded. Target (issue 9): under 100 ms.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class ProjectFunnelBenchmarks
{
    [Params(20_000)]
    public int Proposals { get; set; }

    private BenchDatabase database = null!;
    private DbContextOptions<SqliteClusterDb> options = null!;
    private int clusterId;

    [GlobalSetup]
    public void Setup()
    {
        database = new BenchDatabase();
        (options, clusterId) = (database.Options, database.ClusterId);
        ProjectPipeline.Seed(database.File, clusterId, Proposals);
    }

    [GlobalCleanup]
    public void Cleanup() => database.Delete();

    [Benchmark(Description = "funnel dashboard, 20k proposals, 200k moves")]
    public async Task<ProjectFunnel.Report> Funnel()
    {
        await using var db = new SqliteClusterDb(options);
        return await ProjectFunnel.ComputeAsync(db, clusterId, default);
    }

    /// <summary>`funnel-parts`: the median time of each part of the dashboard (see <see cref="Medians"/>).</summary>
    public static int DescribeParts()
    {
        var bench = new ProjectFunnelBenchmarks { Proposals = 20_000 };
        bench.Setup();
        try
        {
            SqliteClusterDb Db() => new(bench.options);
            Medians.Print("whole dashboard", async () => { await using var db = Db(); await ProjectFunnel.ComputeAsync(db, bench.clusterId, default); });
            Medians.Print("funnel by year", async () => { await using var db = Db(); await ProjectFunnel.YearsAsync(db, bench.clusterId, null, default); });
            Medians.Print("one year (the indicators' read)", async () => { await using var db = Db(); await ProjectFunnel.YearsAsync(db, bench.clusterId, 2011, default); });
            Medians.Print("medians per state", async () => { await using var db = Db(); await ProjectFunnel.DurationsAsync(db, bench.clusterId, default); });
            Medians.Print("leverage", async () => { await using var db = Db(); await ProjectFunnel.LeverageAsync(db, bench.clusterId, null, default); });
            Medians.Print("leverage of one year", async () => { await using var db = Db(); await ProjectFunnel.LeverageAsync(db, bench.clusterId, 2011, default); });
        }
        finally { bench.Cleanup(); }
        return 0;
    }

    /// <summary>`funnel-db FILE`: a copy of the seeded database, to read the dashboard's query plans (EXPLAIN QUERY PLAN) in sqlite3.</summary>
    public static int WriteDatabase(string path)
    {
        var bench = new ProjectFunnelBenchmarks { Proposals = 20_000 };
        bench.Setup();
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Copy(bench.database.File, path, overwrite: true);
        }
        finally { bench.Cleanup(); }
        return 0;
    }
}
