using System.Globalization;
using BenchmarkDotNet.Attributes;
using ClusterHub.Data;
using ClusterHub.Projects;
using Microsoft.Data.Sqlite;
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

    /// <summary>Moves per proposal: 200,000 history rows for 20,000 proposals.</summary>
    private const int MovesEach = 10;

    private string file = "";
    private DbContextOptions<SqliteClusterDb> options = null!;
    private int clusterId;

    [GlobalSetup]
    public void Setup()
    {
        file = Path.Combine(Path.GetTempPath(), $"clusterhub-bench-funnel-{Guid.NewGuid():N}.db");
        options = new DbContextOptionsBuilder<SqliteClusterDb>().UseSqlite($"Data Source={file}").Options;
        using (var db = new SqliteClusterDb(options))
        {
            db.Database.Migrate();
            var cluster = new Clusters.Cluster { Slug = "bench", Name = "Bench" };
            db.Clusters.Add(cluster);
            db.SaveChanges();
            clusterId = cluster.Id;
        }
        using var conn = new SqliteConnection($"Data Source={file}");
        conn.Open();
        using var tx = conn.BeginTransaction();
        Exec(conn, tx, $"INSERT INTO Funders (ClusterId, Name, Kind, Version) VALUES ({clusterId}, 'FUI', 'StateProgramme', 0), ({clusterId}, 'Investors', 'PrivateInvestor', 0)");
        Exec(conn, tx, $"INSERT INTO FundingCalls (ClusterId, FunderId, Title, OpensOn, ClosesOn, State, RequiresSme, Version) VALUES ({clusterId}, 1, 'FUI', '2006-01-01', '2019-12-31', 'Results', 0, 0), ({clusterId}, 2, 'Seed', '2006-01-01', '2019-12-31', 'Results', 0, 0)");
        var random = new Random(2011);
        using var proposal = Command(conn, tx, "INSERT INTO Proposals (ClusterId, CallId, Title, Acronym, NormalizedTitle, DurationMonths, TrlStart, TrlTarget, State, CreatedAt, StateSince, GrantedCents, Version) VALUES ($c, $call, $t, $a, $t, 36, 3, 6, $s, $at, $at, $g, 0)", "$c", "$call", "$t", "$a", "$s", "$at", "$g");
        using var partner = Command(conn, tx, "INSERT INTO ProposalPartners (ProposalId, Name, Category, Role, BudgetCents, RequestedCents) VALUES ($p, 'P', 'Sme', 'Coordinator', $b, $r)", "$p", "$b", "$r");
        using var move = Command(conn, tx, "INSERT INTO ProposalStateChanges (ProposalId, ClusterId, \"From\", \"To\", At, DaysInPrevious, Actor) VALUES ($p, $c, $f, $t, $at, $d, 'bench')", "$p", "$c", "$f", "$t", "$at", "$d");
        ProposalState[] path = [ProposalState.Draft, ProposalState.Submitted, ProposalState.UnderReview, ProposalState.ReturnedForRevision, ProposalState.Submitted,
            ProposalState.UnderReview, ProposalState.Certified, ProposalState.SubmittedToFunder, ProposalState.Funded, ProposalState.Running];
        for (var i = 1; i <= Proposals; i++)
        {
            var at = new DateTime(2006 + random.Next(14), 1 + random.Next(12), 1 + random.Next(28), 0, 0, 0, DateTimeKind.Utc);
            var budget = random.Next(100_000, 2_000_000) * 100L;
            Run(proposal, clusterId, 1 + i % 2, $"Proposal {i}", $"P{i}", path[^1].ToString(), Text(at), budget / 3);
            Run(partner, i, budget, budget / 3);
            for (var m = 0; m < MovesEach; m++)
            {
                var days = random.Next(5, 200);
                Run(move, i, clusterId, m == 0 ? null : path[m - 1].ToString(), path[m].ToString(), Text(at), m == 0 ? null : days);
                at = at.AddDays(days);
            }
        }
        tx.Commit();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(file);
    }

    [Benchmark(Description = "funnel dashboard, 20k proposals, 200k moves")]
    public async Task<ProjectFunnel.Report> Funnel()
    {
        await using var db = new SqliteClusterDb(options);
        return await ProjectFunnel.ComputeAsync(db, clusterId, default);
    }

    private static string Text(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static void Exec(SqliteConnection conn, SqliteTransaction tx, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection conn, SqliteTransaction tx, string sql, params string[] names)
    {
        var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var n in names) cmd.Parameters.Add(new SqliteParameter { ParameterName = n });
        return cmd;
    }

    private static void Run(SqliteCommand cmd, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
        cmd.ExecuteNonQuery();
    }
}
