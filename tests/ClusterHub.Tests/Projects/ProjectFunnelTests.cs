using System.Net;
using System.Net.Http.Json;
using ClusterHub.Projects;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Tests.Projects;

/// <summary>The pipeline dashboard and the projects indicators, counted from the workflow's moves.</summary>
public abstract class ProjectFunnelTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private static readonly int ThisYear = DateTime.UtcNow.Year;

    [Fact]
    public async Task The_funnel_counts_each_stage_once_per_proposal_and_year_and_the_indicators_agree()
    {
        var c = await ProjectsCluster.CreateAsync(app, "funnel");
        var before = await (await c.Manager.GetAsync($"{c.Api}/indicators?year={ThisYear}")).Json(HttpStatusCode.OK);
        Assert.Equal(JsonValueKindNull, Value(before, ProjectIndicators.WorkedOn).ValueKind); // no pipeline here yet: missing, not zero

        var funded = await c.CreateProposalAsync(proposal: c.Proposal("FUNDED"));
        foreach (var a in new[] { "submit", "start-review", "certify", "send-to-funder" }) await (await c.MoveAsync(funded, a)).Json(HttpStatusCode.OK);
        await (await c.Manager.PostJson($"{c.Api}/proposals/{funded}/fund", new { grantedEur = 400_000m })).Json(HttpStatusCode.OK);
        var rejected = await c.CreateProposalAsync(proposal: c.Proposal("REJECTED"));
        foreach (var a in new[] { "submit", "start-review" }) await (await c.MoveAsync(rejected, a)).Json(HttpStatusCode.OK);
        await (await c.MoveAsync(rejected, "return", "again")).Json(HttpStatusCode.OK);
        foreach (var a in new[] { "submit", "start-review" }) await (await c.MoveAsync(rejected, a)).Json(HttpStatusCode.OK); // submitted twice: counted once
        await (await c.MoveAsync(rejected, "reject", "no")).Json(HttpStatusCode.OK);
        await c.CreateProposalAsync(proposal: c.Proposal("DRAFT")); // a draft is worked on too

        var funnel = await (await c.Manager.GetAsync($"{c.Api}/projects/funnel")).Json(HttpStatusCode.OK);
        var year = Assert.Single(funnel.GetProperty("years").EnumerateArray());
        Assert.Equal((ThisYear, 3, 2, 1, 1, 0), (year.GetProperty("year").GetInt32(), year.GetProperty("workedOn").GetInt32(), year.GetProperty("submitted").GetInt32(),
            year.GetProperty("certified").GetInt32(), year.GetProperty("funded").GetInt32(), year.GetProperty("completed").GetInt32()));
        var conversions = funnel.GetProperty("conversions").EnumerateArray().ToList();
        Assert.Equal(0.5, conversions[0].GetProperty("rate").GetDouble()); // certified / submitted
        Assert.Equal(1.0, conversions[1].GetProperty("rate").GetDouble()); // funded / certified
        Assert.Equal(JsonValueKindNull, conversions[3].GetProperty("rate").ValueKind); // on the market / completed: nothing completed
        // Budget 1.6 M€ on 400 k€ of public money: 4 euros per euro.
        Assert.Equal(4.0, funnel.GetProperty("total").GetProperty("perEuro").GetDouble());
        Assert.Equal("FUI", funnel.GetProperty("byFunder")[0].GetProperty("group").GetString());
        var submittedState = funnel.GetProperty("durations").EnumerateArray().Single(d => d.GetProperty("state").GetString() == "Submitted");
        Assert.Equal((3, 0.0), (submittedState.GetProperty("count").GetInt32(), submittedState.GetProperty("medianDays").GetDouble()));

        var indicators = await (await c.Manager.GetAsync($"{c.Api}/indicators?year={ThisYear}")).Json(HttpStatusCode.OK);
        Assert.Equal(3, Value(indicators, ProjectIndicators.WorkedOn).GetDouble());
        Assert.Equal(1, Value(indicators, ProjectIndicators.Certified).GetDouble());
        Assert.Equal(1, Value(indicators, ProjectIndicators.Funded).GetDouble());
        Assert.Equal(4.0, Value(indicators, ProjectIndicators.FundingLeveraged).GetDouble());
        var lastYear = await (await c.Manager.GetAsync($"{c.Api}/indicators?year={ThisYear - 1}")).Json(HttpStatusCode.OK);
        Assert.Equal(0, Value(lastYear, ProjectIndicators.WorkedOn).GetDouble()); // the pipeline runs here: a quiet year is a true zero
        Assert.Equal(JsonValueKindNull, Value(lastYear, ProjectIndicators.FundingLeveraged).ValueKind); // nothing granted: no ratio
    }

    [Fact]
    public async Task The_stages_the_database_keeps_agree_with_the_moves_whatever_wrote_them()
    {
        var c = await ProjectsCluster.CreateAsync(app, "funnel-moves");
        var first = await c.CreateProposalAsync(proposal: c.Proposal("MOVES1"));
        var second = await c.CreateProposalAsync(proposal: c.Proposal("MOVES2"));
        // Moves written straight to the table, as an import or a bulk insert does, over several years and every state.
        var random = new Random(7);
        var states = Enum.GetValues<ProposalState>();
        var (clusterId, reference, computed) = await app.WithDb(async (db, _) =>
        {
            var clusterId = await db.Proposals.Where(p => p.Id == first).Select(p => p.ClusterId).SingleAsync();
            for (var i = 0; i < 120; i++)
                db.ProposalStateChanges.Add(new ProposalStateChange
                {
                    ProposalId = i % 2 == 0 ? first : second, ClusterId = clusterId, To = states[random.Next(states.Length)],
                    At = new DateTime(2010 + random.Next(6), 1 + random.Next(12), 1, 0, 0, 0, DateTimeKind.Utc), Actor = "import",
                });
            await db.SaveChangesAsync();
            var moves = await db.ProposalStateChanges.Where(s => s.ClusterId == clusterId).Select(s => new { s.ProposalId, s.Year, s.To }).ToListAsync();
            int Distinct(int year, Func<ProposalState, bool> reached) => moves.Where(m => m.Year == year && reached(m.To)).Select(m => m.ProposalId).Distinct().Count();
            var reference = moves.Select(m => m.Year).Distinct().Order().Select(y => new ProjectFunnel.YearRow(y,
                Distinct(y, ProjectFunnel.Labelling.Contains), Distinct(y, s => s == ProposalState.Submitted), Distinct(y, s => s == ProposalState.Certified),
                Distinct(y, s => s == ProposalState.Funded), Distinct(y, s => s == ProposalState.Completed), Distinct(y, s => s == ProposalState.OnTheMarket))).ToList();
            return (clusterId, reference, await ProjectFunnel.YearsAsync(db, clusterId, null, default));
        });
        Assert.Equal(reference, computed);
        Assert.Equal(reference.Single(r => r.Year == 2012), Assert.Single(await app.WithDb((db, _) => ProjectFunnel.YearsAsync(db, clusterId, 2012, default))));
    }

    [Fact]
    public async Task The_leverage_follows_every_change_of_a_partners_budget_whatever_writes_it()
    {
        var c = await ProjectsCluster.CreateAsync(app, "funnel-budget");
        var first = await c.CreateProposalAsync(proposal: c.Proposal("BUDGET1"));
        // Edited through the API before it moves on: the coordinator's budget raised, the lab dropped (a partner deleted).
        var edited = c.Proposal("BUDGET1", partners: [
            new { memberId = (int?)c.Sfarsteel, name = (string?)null, category = (string?)null, role = "Coordinator", budgetEur = 1_500_000m, requestedEur = 300_000m },
            new { memberId = (int?)c.Pme, name = (string?)null, category = (string?)null, role = "Partner", budgetEur = 400_000m, requestedEur = 180_000m },
            new { memberId = (int?)null, name = (string?)"Atelier Extérieur", category = (string?)"Sme", role = "Partner", budgetEur = 100_000m, requestedEur = 45_000m },
        ]);
        await (await c.Manager.PutAsJsonAsync($"{c.Api}/proposals/{first}", edited)).Json(HttpStatusCode.OK);
        var second = await c.CreateProposalAsync(proposal: c.Proposal("BUDGET2"));
        foreach (var id in new[] { first, second })
        {
            foreach (var a in new[] { "submit", "start-review", "certify", "send-to-funder" }) await (await c.MoveAsync(id, a)).Json(HttpStatusCode.OK);
            await (await c.Manager.PostJson($"{c.Api}/proposals/{id}/fund", new { grantedEur = 500_000m })).Json(HttpStatusCode.OK);
        }
        var clusterId = await app.WithDb((db, _) => db.Proposals.Where(p => p.Id == first).Select(p => p.ClusterId).SingleAsync());
        await AgreesWithPartners(2_000_000m + 1_600_000m);

        // Written straight to the table, as a bulk edit would: a budget changed, a partner deleted, one added, one moved to the other proposal.
        await app.WithDb(async db =>
        {
            await db.ProposalPartners.Where(x => x.ProposalId == first && x.MemberId == c.Sfarsteel).ExecuteUpdateAsync(u => u.SetProperty(x => x.BudgetCents, 2_500_000_00L));
            await db.ProposalPartners.Where(x => x.ProposalId == second && x.MemberId == c.Lab).ExecuteDeleteAsync();
            db.ProposalPartners.Add(new ProposalPartner { ProposalId = second, Name = "Bureau d'études", Category = PartnerCategory.Sme, Role = PartnerRole.Subcontractor, BudgetCents = 30_000_00L });
            await db.SaveChangesAsync();
            await db.ProposalPartners.Where(x => x.ProposalId == first && x.Name == "Atelier Extérieur").ExecuteUpdateAsync(u => u.SetProperty(x => x.ProposalId, second));
        });
        await AgreesWithPartners(2_900_000m + 1_530_000m);

        // A proposal read before its partners changed, then saved whole (every column marked modified), leaves the kept total alone.
        await app.WithDb(async db =>
        {
            var proposal = await db.Proposals.AsNoTracking().SingleAsync(p => p.Id == first);
            await db.ProposalPartners.Where(x => x.ProposalId == first && x.MemberId == c.Pme).ExecuteUpdateAsync(u => u.SetProperty(x => x.BudgetCents, x => x.BudgetCents + 100_00L));
            proposal.Summary = "Saved whole";
            db.Proposals.Update(proposal);
            await db.SaveChangesAsync();
        });
        await AgreesWithPartners(2_900_100m + 1_530_000m);

        async Task AgreesWithPartners(decimal expectedEur)
        {
            var (leverage, reference, kept) = await app.WithDb(async (db, _) =>
            {
                var reference = await db.ProposalPartners.Where(x => x.ProposalId == first || x.ProposalId == second).SumAsync(x => x.BudgetCents);
                var kept = await db.Proposals.Where(p => p.ClusterId == clusterId).OrderBy(p => p.Id)
                    .Select(p => new { p.BudgetCents, Partners = p.Partners.Sum(x => x.BudgetCents) }).ToListAsync();
                return ((await ProjectFunnel.LeverageAsync(db, clusterId, null, default)).Total, reference, kept);
            });
            Assert.All(kept, k => Assert.Equal(k.Partners, k.BudgetCents));
            Assert.Equal(expectedEur, leverage.BudgetEur);
            Assert.Equal(ClusterHub.Dues.Money.Euros(reference), leverage.BudgetEur);
            Assert.Equal(1_000_000m, leverage.PublicEur);
            Assert.Equal((double)(expectedEur / 1_000_000m), leverage.PerEuro!.Value, 9);
        }
    }

    [Fact]
    public async Task The_medians_per_state_agree_with_the_middle_of_every_move_sorted()
    {
        var c = await ProjectsCluster.CreateAsync(app, "funnel-medians");
        var proposals = new[] { await c.CreateProposalAsync(proposal: c.Proposal("MED1")), await c.CreateProposalAsync(proposal: c.Proposal("MED2")) };
        // Moves written straight to the table with random days (many ties), so that states get odd and even counts.
        var random = new Random(11);
        var states = Enum.GetValues<ProposalState>();
        var (reference, computed) = await app.WithDb(async (db, _) =>
        {
            var clusterId = await db.Proposals.Where(p => p.Id == proposals[0]).Select(p => p.ClusterId).SingleAsync();
            for (var i = 0; i < 400; i++)
                db.ProposalStateChanges.Add(new ProposalStateChange
                {
                    ProposalId = proposals[i % 2], ClusterId = clusterId, From = states[random.Next(states.Length)], To = states[random.Next(states.Length)],
                    At = new DateTime(2015, 1, 1, 0, 0, 0, DateTimeKind.Utc), DaysInPrevious = random.Next(4) == 0 ? null : random.Next(0, 40), Actor = "import",
                });
            await db.SaveChangesAsync();
            var moves = await db.ProposalStateChanges.Where(s => s.ClusterId == clusterId && s.From != null && s.DaysInPrevious != null)
                .Select(s => new { State = s.From!.Value, Days = s.DaysInPrevious!.Value }).ToListAsync();
            var reference = moves.GroupBy(m => m.State).OrderBy(g => g.Key).Select(g =>
            {
                var days = g.Select(m => m.Days).Order().ToArray();
                var median = days.Length % 2 == 1 ? days[days.Length / 2] : (days[days.Length / 2 - 1] + days[days.Length / 2]) / 2.0;
                return new ProjectFunnel.StateDuration(g.Key, median, days.Length);
            }).ToList();
            return (reference, await ProjectFunnel.DurationsAsync(db, clusterId, default));
        });
        Assert.Contains(reference, r => r.Count % 2 == 0);
        Assert.Contains(reference, r => r.Count % 2 == 1);
        Assert.Contains(reference, r => r.MedianDays % 1 != 0); // an even count whose middle pair differs
        Assert.Equal(reference, computed);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    private static System.Text.Json.JsonElement Value(System.Text.Json.JsonElement rows, string key) =>
        rows.EnumerateArray().Single(r => r.GetProperty("key").GetString() == key).GetProperty("value");
}

public sealed class ProjectFunnelOnSqlite(SqliteApplication app) : ProjectFunnelTests<SqliteApplication>(app);
public sealed class ProjectFunnelOnPostgres(PostgresApplication app) : ProjectFunnelTests<PostgresApplication>(app);
