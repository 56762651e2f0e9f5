using BenchmarkDotNet.Attributes;
using ClusterHub.Assessment;
using ClusterHub.Data;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Benchmarks;

/// <summary>
/// The assessment on SQLite: 100 clusters × 5 years of the performance model (every indicator of the registry, the
/// judgements, the findings' facts, the stage; one context per cluster, clusters on both cores), target under 2 s; and one
/// report printed as PDF by Chromium, target under 5 s. 60 seeded members and a yearly review per cluster.
/// </summary>
[MemoryDiagnoser]
public class AssessmentBenchmarks
{
    [Params(100)]
    public int Clusters { get; set; }

    private BenchDatabase database = null!;
    private ServiceProvider services = null!;
    private List<Clusters.Cluster> clusters = [];
    private AssessmentReport report = null!;

    [GlobalSetup]
    public void Setup()
    {
        database = new BenchDatabase();
        var collection = new ServiceCollection();
        collection.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        collection.AddSingleton(TimeProvider.System);
        collection.AddLogging().AddLocalization();
        foreach (var feature in ClusterHubApp.Features) feature.AddServices(collection);
        services = collection.BuildServiceProvider();

        using var db = database.Open();
        var rng = new Random(42);
        var types = Enum.GetValues<MemberType>();
        var deps = FrenchGeography.RegionOfDepartement.Keys.ToArray();
        for (var c = 0; c < Clusters; c++)
        {
            var cluster = new Clusters.Cluster { Slug = $"c{c}", Name = $"Cluster {c}", FoundedOn = new DateOnly(2000 + rng.Next(15), 1, 1), Offices = [new() { City = "X", Region = "27" }] };
            db.Clusters.Add(cluster);
            db.SaveChanges();
            for (var i = 0; i < 60; i++)
            {
                var dep = deps[rng.Next(deps.Length)];
                var m = new Member
                {
                    ClusterId = cluster.Id, Name = $"Org {c}-{i}", Type = types[rng.Next(types.Length)], Headcount = rng.Next(1, 5000), Departement = dep,
                    Region = FrenchGeography.RegionOfDepartement[dep], City = "Ville", IsFoundingMember = i < 5,
                    JoinedOn = new DateOnly(2005 + rng.Next(15), 1 + rng.Next(12), 1 + rng.Next(28)), Status = MemberStatus.Active,
                };
                m.StatusSince = m.JoinedOn;
                m.Normalize();
                db.Members.Add(m);
            }
            foreach (var year in Enumerable.Range(2015, 4))
                db.StrategyReviews.Add(new Strategy.StrategyReview { ClusterId = cluster.Id, Year = year, HeldOn = new DateOnly(year, 8, 25), Title = "r", State = Strategy.ReviewState.Closed });
            db.SaveChanges();
            clusters.Add(cluster);
        }
        Instruments.EnsureShippedAsync(db, TimeProvider.System, default).GetAwaiter().GetResult();
        report = AssessAllAsync().GetAwaiter().GetResult()[0];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        services.Dispose();
        database.Delete();
    }

    [Benchmark(Description = "assess 100 clusters x 5 years (performance model)")]
    public async Task<List<AssessmentReport>> AssessAllAsync()
    {
        var results = new AssessmentReport[clusters.Count * 5];
        await Parallel.ForEachAsync(Enumerable.Range(0, clusters.Count), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (c, ct) =>
        {
            await using var db = database.Open();
            var assessments = new Assessments(services.GetRequiredService<Indicators.IndicatorRegistry>(), TimeProvider.System, services);
            var instrument = (await Instruments.LatestAsync(db, TimeProvider.System, clusters[c].Id, Instruments.Cipm, ct))!;
            for (var y = 0; y < 5; y++)
                results[c * 5 + y] = await assessments.ComputeAsync(db, clusters[c], 2015 + y, instrument, ct);
        });
        return [.. results];
    }

    [Benchmark(Description = "one report as PDF (Chromium, Korean)")]
    public async Task<byte[]> PdfAsync() =>
        await ReportOutput.RenderAsync(report, ReportFormat.Pdf, new System.Globalization.CultureInfo("ko"),
            services.GetRequiredService<IStringLocalizer<Strings>>(), services.GetRequiredService<ReportPdf>(), default);
}
