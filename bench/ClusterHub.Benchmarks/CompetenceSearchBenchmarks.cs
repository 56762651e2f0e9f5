using BenchmarkDotNet.Attributes;
using ClusterHub.Competences;
using ClusterHub.Data;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Benchmarks;

/// <summary>
/// "Who can do X in region Y" on SQLite with 10,000 members × 200 competences (seeded, reproducible): every member
/// declares 10 competences at random levels (100,000 declarations, 90 % validated), and the search asks for one
/// competence in one region at level 2 or more, first page of 25 with the total. Each call opens a fresh DbContext,
/// as a request does. Target (issue 10): &lt; 10 ms.
/// </summary>
[MemoryDiagnoser]
public class CompetenceSearchBenchmarks
{
    [Params(10_000)]
    public int Members { get; set; }

    [Params(200)]
    public int Competences { get; set; }

    private const int PerMember = 10;
    private BenchDatabase database = null!;
    private DbContextOptions<SqliteClusterDb> options = null!;
    private int clusterId;

    [GlobalSetup]
    public void Setup()
    {
        database = new BenchDatabase();
        (options, clusterId) = (database.Options, database.ClusterId);
        using var db = database.Open();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var competences = Enumerable.Range(0, Competences).Select(i => new Competence { ClusterId = clusterId, Code = $"C{i:D3}", Name = $"Competence {i}", Domain = $"Domain {i % 12}", Order = i }).ToList();
        db.AddRange(competences);
        db.SaveChanges();

        var rng = new Random(42);
        var deps = FrenchGeography.RegionOfDepartement.Keys.ToArray();
        var members = new List<Member>(Members);
        for (var i = 0; i < Members; i++)
        {
            var dep = deps[rng.Next(deps.Length)];
            var m = new Member
            {
                ClusterId = clusterId, Name = $"Organisation {i:D5}", Type = MemberType.Sme, Departement = dep, Region = FrenchGeography.RegionOfDepartement[dep],
                JoinedOn = new DateOnly(2010, 1, 1), StatusSince = new DateOnly(2010, 1, 1), Status = rng.NextDouble() < 0.9 ? MemberStatus.Active : MemberStatus.Left,
            };
            m.Normalize();
            members.Add(m);
        }
        db.Members.AddRange(members);
        db.SaveChanges();
        foreach (var m in members)
            foreach (var c in Enumerable.Range(0, Competences).OrderBy(_ => rng.Next()).Take(PerMember))
                db.Add(new CompetenceDeclaration
                {
                    ClusterId = clusterId, MemberId = m.Id, CompetenceId = competences[c].Id, Level = rng.Next(1, 5), DeclaredOn = new DateOnly(2019, 1, 1),
                    State = rng.NextDouble() < 0.9 ? DeclarationState.Validated : DeclarationState.Declared, Certifications = rng.Next(3) == 0 ? "ISO 19443" : null,
                });
        db.SaveChanges();
    }

    [GlobalCleanup]
    public void Cleanup() => database.Delete();

    private static readonly CompetenceSearch InRegion = new() { Competence = "C042", Region = "84", MinLevel = 2, PageSize = 25 };
    private static readonly CompetenceSearch Certified = new() { Competence = "C117", MinLevel = 3, Certification = "19443", PageSize = 25 };

    [Benchmark(Description = "who can do X in region Y: competence + region + level ≥ 2, 25 rows with total")]
    public async Task<Page<SearchRow>?> CompetenceInRegion()
    {
        await using var db = new SqliteClusterDb(options);
        return await CompetenceMap.SearchAsync(db, clusterId, InRegion, default);
    }

    [Benchmark(Description = "who can do X: competence + level ≥ 3 + certification, 25 rows with total")]
    public async Task<Page<SearchRow>?> CompetenceWithCertification()
    {
        await using var db = new SqliteClusterDb(options);
        return await CompetenceMap.SearchAsync(db, clusterId, Certified, default);
    }
}
