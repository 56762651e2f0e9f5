using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClusterHub.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterHub.Tests.Projects;

/// <summary>
/// Reviewers' expertise beyond strategic areas: the competences a proposal needs (validated, shown, exported and imported), the
/// competences reviewers declare or get from their organisation, who edits whose, and the assignment suggestion they decide.
/// </summary>
public abstract class ExpertiseTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    /// <summary>A taxonomy of three competences: WELD (Welding), NDT (Non-destructive testing), FORGE (Forging).</summary>
    private static async Task TaxonomyAsync(ProjectsCluster c)
    {
        foreach (var (code, name) in new[] { ("WELD", "Welding"), ("NDT", "Non-destructive testing"), ("FORGE", "Forging") })
            await (await c.Manager.PostJson($"{c.Api}/competences", new { code, name, domain = "Manufacturing" })).Json(HttpStatusCode.Created);
    }

    private static object Partner(int memberId, string role) => new { memberId = (int?)memberId, name = (string?)null, category = (string?)null, role, budgetEur = 100_000m, requestedEur = 10_000m };

    /// <summary>A proposal on the cluster's first area, Sfarsteel and PME Usinage (not the lab, whose representative reviews), needing <paramref name="competences"/>.</summary>
    private static object Proposal(ProjectsCluster c, string acronym, int callId, string[]? competences) => new
    {
        title = "Proposal " + acronym, acronym, callId, strategicAreaId = c.AreaId, durationMonths = 24, trlStart = 3, trlTarget = 6,
        partners = new[] { Partner(c.Sfarsteel, "Coordinator"), Partner(c.Pme, "Partner") }, competences,
    };

    private static string[] Codes(JsonElement details) => [.. details.GetProperty("competences").EnumerateArray().Select(x => x.GetProperty("code").GetString()!).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task A_proposal_names_competences_of_its_clusters_taxonomy_and_a_bad_code_is_located()
    {
        var c = await ProjectsCluster.CreateAsync(app, "needs");
        await TaxonomyAsync(c);
        var other = await ProjectsCluster.CreateAsync(app, "needs-other");
        await (await other.Manager.PostJson($"{other.Api}/competences", new { code = "ROBOT", name = "Robotics", domain = "Digital" })).Json(HttpStatusCode.Created);

        // Codes in any case; a code named twice is one need.
        var created = await (await c.Manager.PostJson($"{c.Api}/proposals", Proposal(c, "NEEDS", c.CallId, ["weld", "NDT", "WELD"]))).Json(HttpStatusCode.Created);
        var id = created.GetProperty("proposal").GetProperty("id").GetInt32();
        Assert.Equal(["NDT", "WELD"], Codes(created));
        Assert.Equal("Welding", created.GetProperty("competences").EnumerateArray().Single(x => x.GetProperty("code").GetString() == "WELD").GetProperty("name").GetString());

        // An unknown code and another cluster's code: refused, located, nothing written.
        var bad = await (await c.Manager.PutAsJsonAsync($"{c.Api}/proposals/{id}", Proposal(c, "NEEDS", c.CallId, ["FORGE", "NOPE", "ROBOT"]))).Problem(HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.False(errors.TryGetProperty("competences[0]", out _));
        Assert.Contains("is not a competence of this cluster's taxonomy", errors.GetProperty("competences[1]")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("competences[2]", out _));
        Assert.Equal(["NDT", "WELD"], Codes(await c.GetAsync(id)));

        // Replaced by a new list; left as it is when the list is absent (a client that does not know it); cleared by an empty one.
        Assert.Equal(["FORGE"], Codes(await (await c.Manager.PutAsJsonAsync($"{c.Api}/proposals/{id}", Proposal(c, "NEEDS", c.CallId, ["FORGE"]))).Json(HttpStatusCode.OK)));
        Assert.Equal(["FORGE"], Codes(await (await c.Manager.PutAsJsonAsync($"{c.Api}/proposals/{id}", Proposal(c, "NEEDS", c.CallId, null))).Json(HttpStatusCode.OK)));
        Assert.Empty(Codes(await (await c.Manager.PutAsJsonAsync($"{c.Api}/proposals/{id}", Proposal(c, "NEEDS", c.CallId, []))).Json(HttpStatusCode.OK)));
        Assert.Equal(0, await app.WithDb(async (db, _) => await db.ProposalCompetences.CountAsync(x => x.ProposalId == id)));
    }

    [Fact]
    public async Task A_reviewer_edits_their_own_expertise_only_and_the_secretariat_anyones()
    {
        var c = await ProjectsCluster.CreateAsync(app, "expertise");
        await TaxonomyAsync(c);
        var ada = await app.CreatePersonAsync("Reviewer", c.Slug);
        var bob = await app.CreatePersonAsync("Reviewer", c.Slug);
        var observer = await app.CreatePersonAsync("Observer", c.Slug);
        string Url(TestPerson p) => $"{c.Api}/reviewers/{Uri.EscapeDataString(p.UserId)}/expertise";

        var own = await (await ada.Api.PutAsJsonAsync(Url(ada), new[] { new { competence = "weld", level = 4 }, new { competence = "NDT", level = 2 } })).Json(HttpStatusCode.OK);
        Assert.Equal([("NDT", 2), ("WELD", 4)], own.GetProperty("declared").EnumerateArray().Select(x => (x.GetProperty("code").GetString(), x.GetProperty("level").GetInt32())).OrderBy(x => x.Item1));
        // Another reviewer's: refused to read and to write, and nothing changes.
        await (await ada.Api.PutAsJsonAsync(Url(bob), new[] { new { competence = "WELD", level = 1 } })).Problem(HttpStatusCode.Forbidden);
        await (await ada.Api.GetAsync(Url(bob))).Problem(HttpStatusCode.Forbidden);
        await (await observer.Api.GetAsync(Url(ada))).Problem(HttpStatusCode.Forbidden);
        Assert.Equal(0, await app.WithDb(async (db, _) => await db.ReviewerExpertise.CountAsync(x => x.UserId == bob.UserId)));

        // The secretariat edits anyone's; bad lines are located.
        var invalid = await (await c.Manager.PutAsJsonAsync(Url(bob), new object[] { new { competence = "FORGE", level = 5 }, new { competence = "NOPE", level = 2 }, new { competence = "forge", level = 1 } })).Problem(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "[0].level", "[1].competence", "[2].competence" }) Assert.True(invalid.GetProperty("errors").TryGetProperty(field, out _), field);
        var set = await (await c.Manager.PutAsJsonAsync(Url(bob), new[] { new { competence = "FORGE", level = 3 } })).Json(HttpStatusCode.OK);
        Assert.Equal("FORGE", Assert.Single(set.GetProperty("declared").EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal(bob.Email, (await (await c.Manager.GetAsync(Url(bob))).Json(HttpStatusCode.OK)).GetProperty("reviewer").GetString());
        // A user who is no reviewer of the cluster has no expertise to edit.
        await (await c.Manager.GetAsync(Url(observer))).Problem(HttpStatusCode.NotFound);
        // An empty list clears.
        Assert.Empty((await (await ada.Api.PutAsJsonAsync(Url(ada), Array.Empty<object>())).Json(HttpStatusCode.OK)).GetProperty("declared").EnumerateArray());
    }

    [Fact]
    public async Task Competences_decide_which_reviewer_of_the_same_committee_gets_a_proposal_and_the_reviewers_own_level_wins_over_the_organisations()
    {
        var c = await ProjectsCluster.CreateAsync(app, "decide");
        await TaxonomyAsync(c);
        var welder = await app.CreatePersonAsync("Reviewer", c.Slug);
        var inspector = await app.CreatePersonAsync("Reviewer", c.Slug);
        // The third reviewer represents the lab, whose validated declarations say FORGE 4 and NDT 4; they declare NDT 1 themselves.
        var labReviewer = await app.CreatePersonAsync("Reviewer", c.Slug);
        await app.WithDb(async (_, sp) => { await sp.GetRequiredService<UserAdministration>().GrantAsync(labReviewer.Email, "MemberRepresentative", c.Slug, "Labo Matériaux", default); return 0; });
        await app.WithDb(async db =>
        {
            var clusterId = await db.Clusters.Where(k => k.Slug == c.Slug).Select(k => k.Id).SingleAsync();
            var ids = await db.Competences.Where(x => x.ClusterId == clusterId).ToDictionaryAsync(x => x.Code, x => x.Id);
            foreach (var (code, state) in new[] { ("FORGE", ClusterHub.Competences.DeclarationState.Validated), ("NDT", ClusterHub.Competences.DeclarationState.Validated), ("WELD", ClusterHub.Competences.DeclarationState.Declared) })
                db.Add(new ClusterHub.Competences.CompetenceDeclaration { ClusterId = clusterId, MemberId = c.Lab, CompetenceId = ids[code], Level = 4, State = state, DeclaredOn = new DateOnly(2020, 1, 1) });
            await db.SaveChangesAsync();
        });
        var committee = await (await c.Manager.PostJson($"{c.Api}/committees", new { name = "Components", strategicAreaId = c.AreaId })).Json(HttpStatusCode.Created);
        await (await c.Manager.PutAsJsonAsync($"{c.Api}/committees/{committee.GetProperty("committee").GetProperty("id").GetInt32()}/members",
            new[] { new { userId = welder.UserId, isChair = true }, new { userId = inspector.UserId, isChair = false }, new { userId = labReviewer.UserId, isChair = false } })).Json(HttpStatusCode.OK);
        await (await welder.Api.PutAsJsonAsync($"{c.Api}/reviewers/{welder.UserId}/expertise", new[] { new { competence = "WELD", level = 4 } })).Json(HttpStatusCode.OK);
        await (await inspector.Api.PutAsJsonAsync($"{c.Api}/reviewers/{inspector.UserId}/expertise", new[] { new { competence = "NDT", level = 3 } })).Json(HttpStatusCode.OK);
        await (await labReviewer.Api.PutAsJsonAsync($"{c.Api}/reviewers/{labReviewer.UserId}/expertise", new[] { new { competence = "NDT", level = 1 } })).Json(HttpStatusCode.OK);

        var call = (await (await c.Manager.PostJson($"{c.Api}/calls", new
        {
            funderId = c.FunderId, title = "Expertise call", opensOn = $"{DateTime.UtcNow.Year}-01-01", closesOn = "2099-12-31", state = "Open", minPartners = 1, requiresSme = false,
            fundingRates = new[] { new { category = "LargeCompany", maxRatePercent = 50 }, new { category = "Sme", maxRatePercent = 50 } },
        })).Json(HttpStatusCode.Created)).GetProperty("call").GetProperty("id").GetInt32();
        var weld = await c.CreateProposalAsync(proposal: Proposal(c, "WELDING", call, ["WELD"]));
        var ndt = await c.CreateProposalAsync(proposal: Proposal(c, "INSPECT", call, ["NDT"]));
        var forge = await c.CreateProposalAsync(proposal: Proposal(c, "FORGING", call, ["FORGE"]));
        foreach (var id in new[] { weld, ndt, forge }) await (await c.MoveAsync(id, "submit")).Json(HttpStatusCode.OK);

        // One reviewer per proposal, one proposal per reviewer: every reviewer shares the committee's area with every proposal, so
        // only the competences tell them apart (area 1 + level ÷ 4 of a needed competence).
        var s = await (await c.Manager.GetAsync($"{c.Api}/calls/{call}/assignment-suggestion?k=1&loadCap=1")).Json(HttpStatusCode.OK);
        var choices = s.GetProperty("choices").EnumerateArray().ToDictionary(x => x.GetProperty("proposalId").GetInt32());
        Assert.Equal(3, choices.Count);
        Assert.Equal((welder.UserId, 2.0), (choices[weld].GetProperty("userId").GetString(), choices[weld].GetProperty("score").GetDouble()));
        Assert.Equal((inspector.UserId, 1.75), (choices[ndt].GetProperty("userId").GetString(), choices[ndt].GetProperty("score").GetDouble()));
        // The lab's FORGE 4 (validated) reaches its representative; its own NDT 1 outweighs nothing, and the unvalidated WELD counts for nothing.
        Assert.Equal((labReviewer.UserId, 2.0), (choices[forge].GetProperty("userId").GetString(), choices[forge].GetProperty("score").GetDouble()));
        Assert.Equal(["area:A1", "comp:WELD"], choices[weld].GetProperty("why").EnumerateArray().Select(w => w.GetProperty("tag").GetString()));
        Assert.Equal(5.75, s.GetProperty("totalMatch").GetDouble(), 6);
        Assert.Equal("Welding", s.GetProperty("tagNames").GetProperty("comp:WELD").GetString());
        Assert.Equal("Eco-manufacturing", s.GetProperty("tagNames").GetProperty("area:A1").GetString());

        // The reviewer's own level wins over the organisation's: the lab reviewer's NDT weighs 1 ÷ 4, not the lab's 4 ÷ 4.
        var profile = await (await c.Manager.GetAsync($"{c.Api}/reviewers/{labReviewer.UserId}/expertise")).Json(HttpStatusCode.OK);
        Assert.Equal(["FORGE", "NDT"], profile.GetProperty("fromOrganisations").EnumerateArray().Select(x => x.GetProperty("code").GetString()).Order());
        var two = await (await c.Manager.GetAsync($"{c.Api}/calls/{call}/assignment-suggestion?k=3&loadCap=3")).Json(HttpStatusCode.OK);
        var labOnNdt = two.GetProperty("choices").EnumerateArray().Single(x => x.GetProperty("proposalId").GetInt32() == ndt && x.GetProperty("userId").GetString() == labReviewer.UserId);
        Assert.Equal(1.25, labOnNdt.GetProperty("score").GetDouble(), 6);
    }

    [Fact]
    public async Task The_competences_column_exports_and_imports_and_a_bad_code_is_located()
    {
        var source = await ProjectsCluster.CreateAsync(app, "comp-export");
        await TaxonomyAsync(source);
        await source.CreateProposalAsync(proposal: Proposal(source, "NEEDS", source.CallId, ["WELD", "NDT"]));
        await source.CreateProposalAsync(proposal: Proposal(source, "NONE", source.CallId, null));
        var csv = (await (await source.Manager.GetAsync($"{source.Api}/proposals/export?format=csv")).Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var column = Array.IndexOf(lines[0].Split(','), "competences");
        Assert.True(column >= 0, lines[0]);
        Assert.All(lines.Skip(1).Where(l => l.Contains(",NEEDS,", StringComparison.Ordinal)), l => Assert.Equal("NDT WELD", l.Split(',')[column]));

        var target = await ProjectsCluster.CreateAsync(app, "comp-import");
        await TaxonomyAsync(target);
        var report = await (await target.Manager.PostText($"{target.Api}/projects/import?fileName=projects.csv", csv, "text/csv")).Json(HttpStatusCode.OK);
        Assert.Equal(2, report.GetProperty("created").GetInt32());
        var imported = await app.WithDb(async (db, _) => await db.ProposalCompetences.Where(x => db.Proposals.Any(p => p.Id == x.ProposalId && p.Acronym == "NEEDS" && db.Clusters.Any(k => k.Id == p.ClusterId && k.Slug == target.Slug)))
            .Select(x => x.Competence!.Code).OrderBy(x => x).ToListAsync());
        Assert.Equal(["NDT", "WELD"], imported);
        var again = (await (await target.Manager.GetAsync($"{target.Api}/proposals/export?format=csv")).Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        Assert.Equal(lines.Skip(1).Select(l => l[(l.IndexOf(',', StringComparison.Ordinal) + 1)..]), again.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l[(l.IndexOf(',', StringComparison.Ordinal) + 1)..]));

        // A cluster whose taxonomy lacks NDT: the row, the column, the code and the reason; nothing imported.
        var bare = await ProjectsCluster.CreateAsync(app, "comp-bad");
        await (await bare.Manager.PostJson($"{bare.Api}/competences", new { code = "WELD", name = "Welding", domain = "Manufacturing" })).Json(HttpStatusCode.Created);
        var failed = await (await bare.Manager.PostText($"{bare.Api}/projects/import?fileName=projects.csv", csv, "text/csv")).Json(HttpStatusCode.UnprocessableEntity);
        var error = Assert.Single(failed.GetProperty("errors").EnumerateArray());
        Assert.Equal((2, "competences", "NDT", "is not a competence of this cluster's taxonomy"),
            (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString(), error.GetProperty("value").GetString(), error.GetProperty("reason").GetString()));
        Assert.Equal(0, await app.WithDb(async (db, _) => await db.Proposals.CountAsync(p => db.Clusters.Any(k => k.Id == p.ClusterId && k.Slug == bare.Slug))));
    }
}

public sealed class ExpertiseOnSqlite(SqliteApplication app) : ExpertiseTests<SqliteApplication>(app);
public sealed class ExpertiseOnPostgres(PostgresApplication app) : ExpertiseTests<PostgresApplication>(app);
