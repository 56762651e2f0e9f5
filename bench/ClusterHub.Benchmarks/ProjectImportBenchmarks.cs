using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Members;
using ClusterHub.Projects;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Benchmarks;

/// <summary>
/// <c>import projects</c> on SQLite, the whole path (reading, checking every proposal, prepared inserts in one transaction):
/// 20,000 past proposals of four partners each (80,000 rows; three members and one non-member per proposal, states spread
/// over the workflow with their dated moves) into a cluster of 1,000 members, then the same file again (every proposal
/// already there). Each iteration gets a fresh database. Target (issue 9): seconds, not minutes.
/// </summary>
/// <remarks>Run with the job on the command line (see docs/performance.md): <c>--inProcess --warmupCount 1 --iterationCount 3 --invocationCount 1 --unrollFactor 1</c>.</remarks>
[MemoryDiagnoser]
public class ProjectImportBenchmarks
{
    [Params(20_000)]
    public int Proposals { get; set; }

    private const int Members = 1_000;
    private string csv = "";
    private string file = "";
    private DbContextOptions<SqliteClusterDb> options = null!;
    private int clusterId;

    [GlobalSetup]
    public void Setup()
    {
        csv = Path.Combine(Path.GetTempPath(), $"clusterhub-bench-projects-{Proposals}.csv");
        Write(csv, Proposals);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(csv);

    /// <summary>The file: seeded, so every run imports the same rows.</summary>
    public static void Write(string path, int proposals)
    {
        var random = new Random(9);
        var states = Enum.GetValues<ProposalState>();
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine(string.Join(',', ProjectImport.Columns));
        for (var p = 0; p < proposals; p++)
        {
            var state = states[random.Next(states.Length)];
            var at = new DateTime(2006, 1, 1).AddDays(random.Next(0, 13 * 365));
            var dates = new Dictionary<string, string>();
            string Day(DateTime d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var created = Day(at);
            foreach (var s in ProjectHistory.Path(state)) { at = at.AddDays(random.Next(5, 120)); dates[ProjectHistory.Column(s)] = Day(at); }
            var member = random.Next(Members); // three distinct members: member, member + 331, member + 662 (mod 1,000)
            for (var x = 0; x < 4; x++)
            {
                var cells = ProjectImport.Columns.Select(c => c switch
                {
                    "acronym" => $"P{p}", "title" => x == 0 ? $"Project {p}" : "", "state" => x == 0 ? state.ToString() : "", "strategic_area" => x == 0 ? "A1" : "",
                    "duration_months" => x == 0 ? "36" : "", "trl_start" => x == 0 ? "3" : "", "trl_target" => x == 0 ? "6" : "", "created_at" => x == 0 ? created : "",
                    "partner" => x == 3 ? $"Outside Lab {p}" : $"Member {(member + x * 331) % Members}", "partner_role" => x == 0 ? "Coordinator" : x == 3 ? "Subcontractor" : "Partner",
                    "partner_category" => x == 3 ? "Research" : "", "partner_budget_eur" => "100000", "partner_requested_eur" => "40000",
                    _ when x == 0 && dates.TryGetValue(c, out var d) => d,
                    _ => "",
                });
                writer.WriteLine(string.Join(',', cells));
            }
        }
    }

    [IterationSetup(Target = nameof(ImportIntoEmptyCluster))]
    public void FreshDatabase()
    {
        file = Path.Combine(Path.GetTempPath(), $"clusterhub-bench-projects-{Guid.NewGuid():N}.db");
        options = new DbContextOptionsBuilder<SqliteClusterDb>().UseSqlite($"Data Source={file}").Options;
        using var db = new SqliteClusterDb(options);
        db.Database.Migrate();
        var cluster = new Clusters.Cluster { Slug = "bench", Name = "Bench" };
        db.Clusters.Add(cluster);
        db.SaveChanges();
        clusterId = cluster.Id;
        db.StrategicAreas.Add(new Strategy.StrategicArea { ClusterId = clusterId, Code = "A1", Name = "Area", Order = 1 });
        for (var m = 0; m < Members; m++)
            db.Members.Add(new Member { ClusterId = clusterId, Name = $"Member {m}", NormalizedName = Names.Normalize($"Member {m}"), Type = MemberType.Sme, JoinedOn = new DateOnly(2005, 1, 1) });
        db.SaveChanges();
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

    [Benchmark(Description = "import 20k past projects (80k partner rows)")]
    public async Task<ImportReport> ImportIntoEmptyCluster()
    {
        await using var db = new SqliteClusterDb(options);
        await using var bytes = File.OpenRead(csv);
        return Checked(await ProjectImport.RunAsync(db, clusterId, bytes, "projects.csv", FileFormat.Csv, "bench", default), Proposals);
    }

    [Benchmark(Description = "re-import the same 20k (all already there)")]
    public async Task<ImportReport> ReimportUnchanged()
    {
        await using var db = new SqliteClusterDb(options);
        await using var bytes = File.OpenRead(csv);
        return Checked(await ProjectImport.RunAsync(db, clusterId, bytes, "projects.csv", FileFormat.Csv, "bench", default), 0);
    }

    private static ImportReport Checked(ImportReport report, int created) =>
        report.Succeeded && report.Created == created ? report
            : throw new InvalidOperationException($"import went wrong: {report.Created} created, {report.ErrorCount} errors, first: {(report.Errors.Count > 0 ? report.Errors[0] : null)}");
}
