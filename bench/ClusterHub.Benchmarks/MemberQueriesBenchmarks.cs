using BenchmarkDotNet.Attributes;
using ClusterHub.Dashboard;
using ClusterHub.Data;
using ClusterHub.Dues;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterHub.Benchmarks;

/// <summary>
/// The hot read paths on SQLite with 10,000 members and 20,000 projects (seeded, reproducible): a filtered, sorted
/// page of 50 members, the dashboard aggregation and every registered indicator of a cluster-year. Each call opens a
/// fresh DbContext, as a request does. Targets: list &lt; 20 ms, dashboard &lt; 50 ms, every indicator of a cluster-year &lt; 200 ms.
/// </summary>
[MemoryDiagnoser]
public class MemberQueriesBenchmarks
{
    [Params(10_000)]
    public int Members { get; set; }

    /// <summary>Proposals seeded for the projects' indicators (see <see cref="ProjectPipeline"/>).</summary>
    public int Projects { get; set; } = 20_000;

    private BenchDatabase database = null!;
    private DbContextOptions<SqliteClusterDb> options = null!;
    private int clusterId;

    [GlobalSetup]
    public void Setup()
    {
        database = new BenchDatabase();
        (options, clusterId) = (database.Options, database.ClusterId);
        using var db = database.Open();

        var rng = new Random(42);
        var types = Enum.GetValues<MemberType>();
        var deps = FrenchGeography.RegionOfDepartement.Keys.ToArray();
        for (var i = 0; i < Members; i++)
        {
            var dep = deps[rng.Next(deps.Length)];
            var m = new Member
            {
                ClusterId = clusterId, Name = $"Organisation {i:D5}", Type = types[rng.Next(types.Length)], Headcount = rng.Next(1, 5000),
                Departement = dep, Region = FrenchGeography.RegionOfDepartement[dep], City = "Ville " + rng.Next(300),
                JoinedOn = new DateOnly(2005 + rng.Next(15), 1 + rng.Next(12), 1 + rng.Next(28)),
                Status = rng.NextDouble() < 0.9 ? MemberStatus.Active : MemberStatus.Left,
            };
            m.StatusSince = m.Status == MemberStatus.Active ? m.JoinedOn : m.JoinedOn.AddYears(2);
            m.Normalize();
            db.Members.Add(m);
        }
        db.SaveChanges();
        foreach (var year in new[] { 2018, 2019 })
        {
            db.DuesTiers.AddRange(types.Select(t => new DuesTier { ClusterId = clusterId, Year = year, MemberType = t, SizeClass = SizeClass.Unknown, AmountCents = 100_000 }));
            foreach (var s in Enum.GetValues<SizeClass>())
                db.DuesTiers.AddRange(types.Select(t => new DuesTier { ClusterId = clusterId, Year = year, MemberType = t, SizeClass = s, AmountCents = 50_000 + 10_000 * (int)s }).Where(t => t.SizeClass != SizeClass.Unknown));
        }
        db.SaveChanges();
        foreach (var year in new[] { 2018, 2019 })
            DuesLedger.RenewAsync(db, clusterId, year, new DateOnly(year, 1, 15), default).GetAwaiter().GetResult();
        db.ChangeTracker.Clear();
        // The scale for the indicators: 20,000 projects beside the 10,000 members.
        ProjectPipeline.Seed(database.File, clusterId, Projects);
    }

    [GlobalCleanup]
    public void Cleanup() => database.Delete();

    private static readonly MemberFilter SmeInRegion = new() { Type = MemberType.Sme, Region = "84", Status = MemberStatus.Active, Sort = "name", PageSize = 50 };
    private static readonly MemberFilter Search = new() { Search = "organisation 01", Sort = "-joined", PageSize = 50 };

    [Benchmark(Description = "member list: type+region+status filter, 50 rows")]
    public async Task<Page<MemberRow>> FilteredList()
    {
        await using var db = new SqliteClusterDb(options);
        return await MemberList.PageAsync(db, clusterId, SmeInRegion, default);
    }

    [Benchmark(Description = "member list: name search, 50 rows")]
    public async Task<Page<MemberRow>> SearchList()
    {
        await using var db = new SqliteClusterDb(options);
        return await MemberList.PageAsync(db, clusterId, Search, default);
    }

    /// <summary>Every registered indicator, as the application registers them (each feature's services), for one cluster-year.</summary>
    private static readonly IServiceProvider Services = FeatureServices();
    private readonly Indicators.IndicatorRegistry registry = Services.GetRequiredService<Indicators.IndicatorRegistry>();

    private static ServiceProvider FeatureServices()
    {
        var services = new ServiceCollection();
        foreach (var feature in ClusterHubApp.Features) feature.AddServices(services);
        return services.BuildServiceProvider();
    }

    /// <summary>`indicator-sources`: where the time of <see cref="AllIndicators"/> goes, the median of 15 runs of each
    /// feature's source on the same seeded database (a diagnostic beside the benchmark, not a replacement).</summary>
    public static int DescribeIndicators()
    {
        var bench = new MemberQueriesBenchmarks { Members = 10_000 };
        bench.Setup();
        try
        {
            foreach (var source in Services.GetServices<Indicators.IIndicatorSource>())
                Medians.Print(source.GetType().Name, async () =>
                {
                    await using var db = new SqliteClusterDb(bench.options);
                    await source.ComputeAsync(db, bench.clusterId, 2019, default);
                });
        }
        finally { bench.Cleanup(); }
        return 0;
    }

    [Benchmark(Description = "every registered indicator, one cluster-year")]
    public async Task<IReadOnlyList<Indicators.IndicatorReading>> AllIndicators()
    {
        await using var db = new SqliteClusterDb(options);
        return await registry.ComputeAsync(db, clusterId, 2019, default);
    }

    [Benchmark(Description = "dashboard aggregation")]
    public async Task<DashboardFigures> Dashboard()
    {
        await using var db = new SqliteClusterDb(options);
        return await ClusterDashboard.ComputeAsync(db, clusterId, default);
    }
}
