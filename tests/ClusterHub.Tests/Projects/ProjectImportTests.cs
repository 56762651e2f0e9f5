using System.Net;
using System.Net.Http.Headers;
using ClusterHub.Projects;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Tests.Projects;

/// <summary><c>import projects</c> through the API: the export reads back, history is dated, bad rows are located, re-imports add nothing.</summary>
public abstract class ProjectImportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private static Task<HttpResponseMessage> Import(ProjectsCluster c, string csv, HttpClient? client = null) =>
        (client ?? c.Manager).PostText($"{c.Api}/projects/import?fileName=projects.csv", csv, "text/csv");

    private static async Task<string> ExportAsync(ProjectsCluster c, string format = "csv") =>
        await (await c.Manager.GetAsync($"{c.Api}/proposals/export?format={format}")).Content.ReadAsStringAsync();

    /// <summary>The export's lines without the first column (the ids, which are the receiving cluster's own).</summary>
    private static string[] WithoutIds(string csv) =>
        [.. csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l[(l.IndexOf(',', StringComparison.Ordinal) + 1)..])];

    [Fact]
    public async Task What_export_projects_writes_imports_into_an_empty_cluster_and_exports_the_same_rows_in_csv_and_xlsx()
    {
        var source = await ProjectsCluster.CreateAsync(app, "roundtrip");
        var funded = await source.CreateProposalAsync(proposal: source.Proposal("FUNDED"));
        foreach (var move in new[] { "submit", "start-review", "certify", "send-to-funder", "fund" })
            await (await source.MoveAsync(funded, move)).Json(HttpStatusCode.OK);
        var rejected = await source.CreateProposalAsync(proposal: source.Proposal("REJECTED", partners:
        [
            new { memberId = (int?)source.Sfarsteel, name = (string?)null, category = (string?)null, role = "Coordinator", budgetEur = 500_000m, requestedEur = 100_000m },
            new { memberId = (int?)null, name = (string?)"CEA Saclay", category = (string?)"Research", role = "Subcontractor", budgetEur = 80_000.5m, requestedEur = 0m },
            new { memberId = (int?)source.Pme, name = (string?)null, category = (string?)null, role = "Partner", budgetEur = 400_000m, requestedEur = 180_000m },
            new { memberId = (int?)source.Lab, name = (string?)null, category = (string?)null, role = "Partner", budgetEur = 100_000m, requestedEur = 100_000m },
        ]));
        foreach (var (move, reason) in new[] { ("submit", (string?)null), ("start-review", null), ("reject", "Out of scope") })
            await (await source.MoveAsync(rejected, move, reason)).Json(HttpStatusCode.OK);
        await source.CreateProposalAsync(proposal: source.Proposal("DRAFT", withCall: false));
        var csv = await ExportAsync(source);
        Assert.Equal(11, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length); // a row per partner: 3 + 4 + 3, and the header

        var target = await ProjectsCluster.CreateAsync(app, "roundtrip-in");
        var report = await (await Import(target, csv)).Json(HttpStatusCode.OK);
        Assert.Equal((3, 3), (report.GetProperty("rows").GetInt32(), report.GetProperty("created").GetInt32()));
        Assert.Equal(WithoutIds(csv), WithoutIds(await ExportAsync(target)));

        // The consortium came back with its members matched by name and the non-member kept as one.
        var partners = await app.WithDb(async (db, _) => await db.ProposalPartners.Where(x => db.Proposals.Any(p => p.Id == x.ProposalId && p.Acronym == "REJECTED" && db.Clusters.Any(k => k.Id == p.ClusterId && k.Slug == target.Slug)))
            .OrderBy(x => x.Id).Select(x => new { x.Name, x.MemberId }).ToListAsync());
        Assert.Equal([target.Sfarsteel, null, target.Pme, target.Lab], partners.Select(p => p.MemberId));

        // The same file again adds nothing: every proposal is matched on its acronym and call.
        var again = await (await Import(target, csv)).Json(HttpStatusCode.OK);
        Assert.Equal((0, 3), (again.GetProperty("created").GetInt32(), again.GetProperty("unchanged").GetInt32()));

        // The xlsx export reads back too.
        var xlsx = await (await source.Manager.GetAsync($"{source.Api}/proposals/export?format=xlsx")).Content.ReadAsByteArrayAsync();
        var third = await ProjectsCluster.CreateAsync(app, "roundtrip-xlsx");
        using var body = new ByteArrayContent(xlsx);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var fromXlsx = await (await third.Manager.PostAsync($"{third.Api}/projects/import?fileName=projects.xlsx", body)).Json(HttpStatusCode.OK);
        Assert.Equal(3, fromXlsx.GetProperty("created").GetInt32());
        Assert.Equal(WithoutIds(csv), WithoutIds(await ExportAsync(third)));
    }

    private const string Header = "acronym,title,state,call,funder,strategic_area,duration_months,trl_start,trl_target,granted_eur,created_at,submitted_at,under_review_at,certified_at,submitted_to_funder_at,funded_at,partner,partner_role,partner_category,partner_budget_eur,partner_requested_eur";

    [Fact]
    public async Task A_project_imported_as_funded_in_2015_counts_in_the_funnel_in_the_years_of_its_moves()
    {
        var c = await ProjectsCluster.CreateAsync(app, "history");
        var csv = Header + "\n" +
            "OLD,Old forging line,Funded,FUI 30,FUI,Eco-manufacturing,36,3,6,450000,2014-11-03,2014-12-01,2015-01-05,2015-02-20,2015-03-01,2015-09-30,Sfarsteel,Coordinator,,1000000,300000\n" +
            "OLD,,,FUI 30,,,,,,,,,,,,,PME Usinage,Partner,,400000,150000\n";
        var report = await (await Import(c, csv)).Json(HttpStatusCode.OK);
        Assert.Equal(1, report.GetProperty("created").GetInt32());
        var moves = await app.WithDb(async (db, _) => await db.ProposalStateChanges.Where(m => db.Proposals.Any(p => p.Id == m.ProposalId && p.Acronym == "OLD" && db.Clusters.Any(k => k.Id == p.ClusterId && k.Slug == c.Slug)))
            .OrderBy(m => m.At).Select(m => new { m.From, m.To, m.At, m.Year, m.DaysInPrevious }).ToListAsync());
        Assert.Equal([null, ProposalState.Draft, ProposalState.Submitted, ProposalState.UnderReview, ProposalState.Certified, ProposalState.SubmittedToFunder], moves.Select(m => m.From));
        Assert.Equal([2014, 2014, 2015, 2015, 2015, 2015], moves.Select(m => m.Year));
        Assert.Equal([null, 28, 35, 46, 9, 213], moves.Select(m => m.DaysInPrevious));
        var proposal = await app.WithDb(async (db, _) => await db.Proposals.SingleAsync(p => p.Acronym == "OLD" && db.Clusters.Any(k => k.Id == p.ClusterId && k.Slug == c.Slug)));
        Assert.Equal((ProposalState.Funded, new DateTime(2015, 9, 30), 45_000_000L, c.AreaId), (proposal.State, proposal.StateSince, proposal.GrantedCents!.Value, proposal.StrategicAreaId!.Value));

        var funnel = await (await c.Manager.GetAsync($"{c.Api}/projects/funnel")).Json(HttpStatusCode.OK);
        var years = funnel.GetProperty("years").EnumerateArray().ToDictionary(y => y.GetProperty("year").GetInt32());
        Assert.Equal((1, 1, 0), (years[2014].GetProperty("workedOn").GetInt32(), years[2014].GetProperty("submitted").GetInt32(), years[2014].GetProperty("funded").GetInt32()));
        Assert.Equal((1, 1), (years[2015].GetProperty("certified").GetInt32(), years[2015].GetProperty("funded").GetInt32()));
    }

    [Fact]
    public async Task Bad_rows_are_located_and_nothing_is_imported()
    {
        var c = await ProjectsCluster.CreateAsync(app, "badrows");
        var csv = Header + "\n" +
            "GOOD,Good one,Draft,,,A1,24,3,6,,2019-01-01,,,,,,Sfarsteel,Coordinator,,1000,0\n" +      // row 2: valid
            "AREA,Unknown area,Draft,,,Z9,24,3,6,,2019-01-01,,,,,,Sfarsteel,Coordinator,,1000,0\n" +   // row 3
            "STATE,Bad state,Labelled,,,,24,3,6,,2019-01-01,,,,,,Sfarsteel,Coordinator,,1000,0\n" +    // row 4
            "ORDER,Dates out of order,Submitted,,,,24,3,6,,2019-05-01,2019-04-01,,,,,Sfarsteel,Coordinator,,1000,0\n" + // row 5
            "MISSING,Missing move,UnderReview,,,,24,3,6,,2019-05-01,2019-06-01,,,,,Sfarsteel,Coordinator,,1000,0\n" + // row 6
            "OFFPATH,Date off the path,Draft,,,,24,3,6,,2019-05-01,,,2019-07-01,,,Sfarsteel,Coordinator,,1000,0\n" + // row 7
            "NONMEMBER,Non-member without category,Draft,,,,24,3,6,,2019-05-01,,,,,,Sfarsteel,Coordinator,,1000,0\n" + // row 8
            "NONMEMBER,,,,,,,,,,,,,,,,Unknown Labs,Partner,,1000,0\n" +                                    // row 9
            "DIFFER,First title,Draft,,,,24,3,6,,2019-05-01,,,,,,Sfarsteel,Coordinator,,1000,0\n" +     // row 10
            "DIFFER,Second title,,,,,,,,,,,,,,,PME Usinage,Partner,,1000,2000\n" +                      // row 11: title differs, requested over budget
            "CALL,Unknown call,Draft,FUI 99,,,24,3,6,,2019-05-01,,,,,,Sfarsteel,Coordinator,,1000,0\n"; // row 12
        var report = await (await Import(c, csv)).Json(HttpStatusCode.UnprocessableEntity);
        var errors = report.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("value").GetString())).ToList();
        var all = string.Join("; ", errors);
        Assert.True(errors.Count > 0, string.Join("; ", errors));
        Assert.True(errors.Contains((3, "strategic_area", "Z9")), all);
        Assert.True(errors.Contains((4, "state", "Labelled")), all);
        Assert.True(errors.Contains((5, "submitted_at", "2019-04-01")), all);
        Assert.True(errors.Contains((6, "under_review_at", null)), all);
        Assert.True(errors.Contains((7, "certified_at", "2019-07-01")), all);
        Assert.True(errors.Contains((9, "partner_category", null)), all);
        Assert.True(errors.Contains((11, "title", "Second title")), all);
        Assert.True(errors.Contains((12, "call", "FUI 99")), all);
        Assert.All(report.GetProperty("errors").EnumerateArray(), e => Assert.Equal("projects.csv", e.GetProperty("file").GetString()));
        Assert.DoesNotContain(errors, e => e.Item1 == 2);
        Assert.Equal(0, await app.WithDb(async (db, _) => await db.Proposals.CountAsync(p => db.Clusters.Any(k => k.Id == p.ClusterId && k.Slug == c.Slug))));

        // An over-budget request is the consortium validator's, located on the partner's row.
        var over = Header + "\nOVER,Over budget,Draft,,,,24,3,6,,2019-05-01,,,,,,Sfarsteel,Coordinator,,1000,2000\n";
        var overErrors = (await (await Import(c, over)).Json(HttpStatusCode.UnprocessableEntity)).GetProperty("errors");
        Assert.Equal((2, "partner_requested_eur"), (overErrors[0].GetProperty("row").GetInt32(), overErrors[0].GetProperty("column").GetString()));

        // An unknown column, a missing required one, and JSON are refused whole.
        var columns = (await (await Import(c, "acronym,title,colour\nX,Y,red\n")).Json(HttpStatusCode.UnprocessableEntity)).GetProperty("errors");
        Assert.Contains(columns.EnumerateArray(), e => e.GetProperty("column").GetString() == "colour");
        Assert.Contains(columns.EnumerateArray(), e => e.GetProperty("column").GetString() == "partner_role");
        await (await c.Manager.PostText($"{c.Api}/projects/import", "[]", "application/json")).Json(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task The_template_lists_the_valid_values_and_only_the_secretariat_imports_in_its_own_cluster()
    {
        var c = await ProjectsCluster.CreateAsync(app, "importaccess");
        var template = await (await c.Manager.GetAsync($"{c.Api}/projects/import/template")).Content.ReadAsStringAsync();
        Assert.StartsWith("id,acronym,title,state,", template.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("# strategic_area: A1 = Eco-manufacturing | A2 = High-performance components", template, StringComparison.Ordinal);
        Assert.Contains("# call: FUI 30 (FUI)", template, StringComparison.Ordinal);
        Assert.Contains("OnTheMarket", template, StringComparison.Ordinal);

        var csv = Header + "\nX,Y,Draft,,,,24,3,6,,2019-05-01,,,,,,Sfarsteel,Coordinator,,1000,0\n";
        foreach (var role in new[] { "Observer", "Reviewer", "Funder" })
            await (await Import(c, csv, await app.CreateClientAsync(role, c.Slug))).Problem(HttpStatusCode.Forbidden);
        await (await Import(c, csv, await app.CreateClientAsync("MemberRepresentative", c.Slug, "Sfarsteel"))).Problem(HttpStatusCode.Forbidden);
        var other = await ProjectsCluster.CreateAsync(app, "importaccess-other");
        await (await other.Manager.PostText($"{c.Api}/projects/import", csv, "text/csv")).Problem(HttpStatusCode.NotFound);
        await (await Import(c, csv, await app.CreateClientAsync("Staff", c.Slug))).Json(HttpStatusCode.OK);
    }
}

public sealed class ProjectImportOnSqlite(SqliteApplication app) : ProjectImportTests<SqliteApplication>(app);
public sealed class ProjectImportOnPostgres(PostgresApplication app) : ProjectImportTests<PostgresApplication>(app);
