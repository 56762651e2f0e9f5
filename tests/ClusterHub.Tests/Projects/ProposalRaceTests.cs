using System.Net;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Tests.Projects;

/// <summary>Real parallel requests against the real server: a proposal under review is decided once, whoever races for it.</summary>
public abstract class ProposalRaceTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    [Fact]
    public async Task Ten_certifications_and_ten_rejections_at_once_decide_the_proposal_once()
    {
        var c = await ProjectsCluster.CreateAsync(app, "race");
        var id = await c.CreateProposalAsync();
        await (await c.MoveAsync(id, "submit")).Json(HttpStatusCode.OK);
        await (await c.MoveAsync(id, "start-review")).Json(HttpStatusCode.OK);
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => app.CreateClientAsync(i % 2 == 0 ? "Manager" : "Staff", c.Slug)));
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            c.MoveAsync(id, i % 2 == 0 ? "certify" : "reject", "decision " + i, clients[i % 4])));
        var statuses = responses.Select(r => r.StatusCode).ToList();

        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) == 1, string.Join(", ", statuses));
        Assert.Equal(19, statuses.Count(s => s == HttpStatusCode.Conflict));
        foreach (var loser in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            Assert.Contains((await loser.Problem(HttpStatusCode.Conflict)).GetProperty("outcome").GetString(), new[] { "Concurrent", "NotAllowed" });
        var (changes, records, messages) = await app.WithDb(async (db, _) => (
            await db.ProposalStateChanges.CountAsync(s => s.ProposalId == id && (s.To == ClusterHub.Projects.ProposalState.Certified || s.To == ClusterHub.Projects.ProposalState.Rejected)),
            await db.ChangeRecords.CountAsync(r => r.Entity == "Proposal" && r.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && r.Field == "State"),
            await db.OutboxMessages.CountAsync(m => m.Kind == ClusterHub.Outbox.MessageKind.ProjectDecision && m.ClusterId != null && m.Subject.Contains(c.Slug))));
        Assert.Equal(1, changes);   // the losers wrote no move,
        Assert.Equal(3, records);   // no history beyond submit, review and the one decision,
        Assert.Equal(1, messages);  // and mailed nothing.
    }
}

public sealed class ProposalRaceOnSqlite(SqliteApplication app) : ProposalRaceTests<SqliteApplication>(app);
public sealed class ProposalRaceOnPostgres(PostgresApplication app) : ProposalRaceTests<PostgresApplication>(app);
