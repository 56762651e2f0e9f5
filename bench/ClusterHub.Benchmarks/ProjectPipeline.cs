using System.Globalization;
using ClusterHub.Projects;
using Microsoft.Data.Sqlite;

namespace ClusterHub.Benchmarks;

/// <summary>
/// A seeded (reproducible) project pipeline written straight into a bench database: two funders and calls, and
/// proposals that each went through ten moves (draft → … → running) between 2006 and 2019, one coordinator each. Raw
/// SQL in one transaction, because seeding 20,000 proposals and 200,000 moves through EF would take longer than the run.
/// </summary>
internal static class ProjectPipeline
{
    /// <summary>Moves per proposal: 200,000 history rows for 20,000 proposals.</summary>
    public const int MovesEach = 10;

    public static void Seed(string file, int clusterId, int proposals)
    {
        using var conn = new SqliteConnection($"Data Source={file}");
        conn.Open();
        using var tx = conn.BeginTransaction();
        Exec(conn, tx, $"INSERT INTO Funders (ClusterId, Name, Kind, Version) VALUES ({clusterId}, 'FUI', 'StateProgramme', 0), ({clusterId}, 'Investors', 'PrivateInvestor', 0)");
        Exec(conn, tx, $"INSERT INTO FundingCalls (ClusterId, FunderId, Title, OpensOn, ClosesOn, State, RequiresSme, Version) VALUES ({clusterId}, 1, 'FUI', '2006-01-01', '2019-12-31', 'Results', 0, 0), ({clusterId}, 2, 'Seed', '2006-01-01', '2019-12-31', 'Results', 0, 0)");
        var random = new Random(2011);
        using var proposal = Command(conn, tx, "INSERT INTO Proposals (ClusterId, CallId, Title, Acronym, NormalizedTitle, DurationMonths, TrlStart, TrlTarget, State, CreatedAt, StateSince, GrantedCents, Version) VALUES ($c, $call, $t, $a, $t, 36, 3, 6, $s, $at, $at, $g, 0)", "$c", "$call", "$t", "$a", "$s", "$at", "$g");
        using var partner = Command(conn, tx, "INSERT INTO ProposalPartners (ProposalId, Name, Category, Role, BudgetCents, RequestedCents) VALUES ($p, 'P', 'Sme', 'Coordinator', $b, $r)", "$p", "$b", "$r");
        using var move = Command(conn, tx, "INSERT INTO ProposalStateChanges (ProposalId, ClusterId, \"From\", \"To\", At, Year, DaysInPrevious, Actor) VALUES ($p, $c, $f, $t, $at, $y, $d, 'bench')", "$p", "$c", "$f", "$t", "$at", "$y", "$d");
        ProposalState[] path = [ProposalState.Draft, ProposalState.Submitted, ProposalState.UnderReview, ProposalState.ReturnedForRevision, ProposalState.Submitted,
            ProposalState.UnderReview, ProposalState.Certified, ProposalState.SubmittedToFunder, ProposalState.Funded, ProposalState.Running];
        for (var i = 1; i <= proposals; i++)
        {
            var at = new DateTime(2006 + random.Next(14), 1 + random.Next(12), 1 + random.Next(28), 0, 0, 0, DateTimeKind.Utc);
            var budget = random.Next(100_000, 2_000_000) * 100L;
            Run(proposal, clusterId, 1 + i % 2, $"Proposal {i}", $"P{i}", path[^1].ToString(), Text(at), budget / 3);
            Run(partner, i, budget, budget / 3);
            for (var m = 0; m < MovesEach; m++)
            {
                var days = random.Next(5, 200);
                Run(move, i, clusterId, m == 0 ? null : path[m - 1].ToString(), path[m].ToString(), Text(at), at.Year, m == 0 ? null : days);
                at = at.AddDays(days);
            }
        }
        tx.Commit();
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
