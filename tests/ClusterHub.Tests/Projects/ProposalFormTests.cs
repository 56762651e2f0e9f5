using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Tests.Projects;

/// <summary>
/// The funder, call and proposal forms: the same operations as the API's, so what they save reads back through the API, what
/// they refuse is shown with its status and saves nothing, and who may use them is the API's rule.
/// </summary>
public abstract class ProposalFormTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private static IEnumerable<KeyValuePair<string, string>> Fields(params (string Key, string Value)[] fields) => fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value));

    /// <summary>A consortium as the form posts it: parallel lists, one entry per row, a blank row among them.</summary>
    private static (string, string)[] Consortium(params (int? Member, string? Name, string? Category, string Role, string Budget, string Requested)[] rows) =>
    [
        .. rows.Append((null, null, null, "Partner", "", "")).SelectMany(r => new (string, string)[]
        {
            ("Form.PartnerMember", r.Member?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""), ("Form.PartnerName", r.Name ?? ""),
            ("Form.PartnerCategory", r.Category ?? ""), ("Form.PartnerRole", r.Role), ("Form.PartnerBudget", r.Budget), ("Form.PartnerRequested", r.Requested),
        }),
    ];

    private static (string, string)[] Proposal(ProjectsCluster c, string acronym, params (string, string)[] consortium) =>
    [
        ("Form.Acronym", acronym), ("Form.Title", "Forged shells " + acronym), ("Form.CallId", c.CallId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Form.StrategicAreaId", c.AreaId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Form.DurationMonths", "30"), ("Form.TrlStart", "4"), ("Form.TrlTarget", "7"),
        ("Form.Summary", "Shells forged in one piece"), ("Form.ExpectedOutcomes", "A product"), .. consortium,
    ];

    private Task<int> ProposalCountAsync(string slug) =>
        app.WithDb((db, _) => db.Proposals.CountAsync(p => db.Clusters.Any(c => c.Id == p.ClusterId && c.Slug == slug)));

    [Fact]
    public async Task The_secretariat_adds_a_funder_opens_a_call_and_drafts_and_edits_a_proposal_through_the_forms()
    {
        var c = await ProjectsCluster.CreateAsync(app, "forms");
        var manager = await app.CreatePersonAsync("Manager", c.Slug);
        using var web = new WebSession(app.BaseAddress);
        Assert.True(await web.LogInAsync(manager.Email));
        var calls = $"/c/{c.Slug}/projects/calls";

        // A funder: added once; its name a second time is refused (409) and shown beside the form.
        Assert.Equal(HttpStatusCode.Redirect, (await web.SubmitAsync(calls, calls + "?handler=funder", Fields(("name", "Région AURA"), ("kind", "Region")))).StatusCode);
        var again = await web.SubmitAsync(calls, calls + "?handler=funder", Fields(("name", "Région AURA"), ("kind", "Region")));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("id=\"funder-refused\"", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var funders = await (await c.Manager.GetAsync($"{c.Api}/funders")).Json(HttpStatusCode.OK);
        var region = funders.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "Région AURA");
        Assert.Equal("Region", region.GetProperty("kind").GetString());

        // A call: closing before it opens and a rate that is not a number are both named, and nothing is saved.
        (string, string)[] call =
        [
            ("Form.FunderId", region.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Form.Title", "AURA R&D booster"),
            ("Form.OpensOn", "2026-01-01"), ("Form.ClosesOn", "2025-06-30"), ("Form.State", "Open"), ("Form.MinPartners", "2"), ("Form.RequiresSme", "true"),
            ("Form.MaxDurationMonths", "36"), ("Form.ConflictYears", "5"), ("Form.Rates[Sme]", "lots"), ("Form.Rates[Research]", "100"),
        ];
        var refused = await web.SubmitAsync(calls + "/edit", calls + "/edit", Fields(call));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("is not a whole number", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var fixedCall = call.Select(f => f.Item1 switch { "Form.ClosesOn" => (f.Item1, "2099-06-30"), "Form.Rates[Sme]" => (f.Item1, "45"), _ => f }).ToArray();
        var closesBeforeOpening = await web.SubmitAsync(calls + "/edit", calls + "/edit", Fields([.. fixedCall.Where(f => f.Item1 != "Form.ClosesOn"), ("Form.ClosesOn", "2025-06-30")]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, closesBeforeOpening.StatusCode);
        Assert.Contains("is before the opening date", await closesBeforeOpening.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single((await (await c.Manager.GetAsync($"{c.Api}/calls")).Json(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
        var saved = await web.SubmitAsync(calls + "/edit", calls + "/edit", Fields(fixedCall));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var callId = int.Parse(saved.Headers.Location!.ToString().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var opened = await (await c.Manager.GetAsync($"{c.Api}/calls/{callId}")).Json(HttpStatusCode.OK);
        Assert.Equal(("AURA R&D booster", 2, true, 5), (opened.GetProperty("call").GetProperty("title").GetString(), opened.GetProperty("minPartners").GetInt32(),
            opened.GetProperty("requiresSme").GetBoolean(), opened.GetProperty("conflictYears").GetInt32()));
        Assert.Equal(["Sme:45", "Research:100"], opened.GetProperty("fundingRates").EnumerateArray().Select(r => $"{r.GetProperty("category").GetString()}:{r.GetProperty("maxRatePercent").GetInt32()}"));

        // Editing the call through its form keeps what the form shows and changes what it is given.
        Assert.Contains("value=\"AURA R&amp;D booster\"", await web.PageAsync($"{calls}/edit/{callId}"), StringComparison.Ordinal);
        var closing = fixedCall.Select(f => f.Item1 == "Form.State" ? (f.Item1, "Closed") : f).ToArray();
        Assert.Equal(HttpStatusCode.Redirect, (await web.SubmitAsync($"{calls}/edit/{callId}", $"{calls}/edit/{callId}", Fields(closing))).StatusCode);
        Assert.Equal("Closed", (await (await c.Manager.GetAsync($"{c.Api}/calls/{callId}")).Json(HttpStatusCode.OK)).GetProperty("call").GetProperty("state").GetString());

        // A proposal: a budget that is not an amount and two coordinators are refused together; nothing is created.
        var edit = $"/c/{c.Slug}/projects/edit";
        var before = await ProposalCountAsync(c.Slug);
        var bad = await web.SubmitAsync(edit, edit, Fields(Proposal(c, "SHELL", Consortium(
            (c.Sfarsteel, null, null, "Coordinator", "1 000 000", "300 000"), (c.Pme, null, null, "Coordinator", "four hundred", "100")))));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var badPage = await bad.Content.ReadAsStringAsync();
        Assert.Contains("is not an amount in euros", badPage, StringComparison.Ordinal);
        Assert.Contains("value=\"four hundred\"", badPage, StringComparison.Ordinal); // what was typed is shown again, not lost
        var twoCoordinators = await web.SubmitAsync(edit, edit, Fields(Proposal(c, "SHELL", Consortium(
            (c.Sfarsteel, null, null, "Coordinator", "1 000 000", "300 000"), (c.Pme, null, null, "Coordinator", "400000", "100")))));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twoCoordinators.StatusCode);
        Assert.Contains("must name exactly one coordinator", await twoCoordinators.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await ProposalCountAsync(c.Slug));

        var created = await web.SubmitAsync(edit, edit, Fields(Proposal(c, "SHELL", Consortium(
            (c.Sfarsteel, null, null, "Coordinator", "1 000 000", "300 000"), (c.Pme, null, null, "Partner", "400000,50", "180000"),
            (c.Lab, null, null, "Partner", "200000", "200000"), (null, "Forges de Bourgogne", "MidSizeCompany", "Subcontractor", "50000", "0")))));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.ToString().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var draft = await c.GetAsync(id);
        Assert.Equal(("Draft", "SHELL", 1_650_000.5m, 4), (draft.GetProperty("proposal").GetProperty("state").GetString(), draft.GetProperty("proposal").GetProperty("acronym").GetString(),
            draft.GetProperty("budgetEur").GetDecimal(), draft.GetProperty("partners").GetArrayLength()));
        Assert.True(draft.GetProperty("eligible").GetBoolean());
        var outsider = draft.GetProperty("partners").EnumerateArray().Single(p => p.GetProperty("memberId").ValueKind == JsonValueKind.Null);
        Assert.Equal(("Forges de Bourgogne", "MidSizeCompany", "Subcontractor"), (outsider.GetProperty("name").GetString(), outsider.GetProperty("category").GetString(), outsider.GetProperty("role").GetString()));

        // The edit form shows the consortium as saved; a change of title is saved, its history kept.
        var form = await web.PageAsync($"{edit}/{id}");
        Assert.Contains("value=\"Forges de Bourgogne\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"400000.5\"", form, StringComparison.Ordinal);
        var renamed = Proposal(c, "SHELL2", Consortium((c.Sfarsteel, null, null, "Coordinator", "1000000", "300000"), (c.Pme, null, null, "Partner", "400000", "180000"), (c.Lab, null, null, "Partner", "200000", "200000")));
        Assert.Equal(HttpStatusCode.Redirect, (await web.SubmitAsync($"{edit}/{id}", $"{edit}/{id}", Fields(renamed))).StatusCode);
        Assert.Equal(("SHELL2", 3), ((await c.GetAsync(id)).GetProperty("proposal").GetProperty("acronym").GetString(), (await c.GetAsync(id)).GetProperty("partners").GetArrayLength()));

        // Once submitted, the form sends back to the proposal, and a post is refused (409) and changes nothing.
        await (await c.MoveAsync(id, "submit")).Json(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Redirect, (await web.GetAsync($"{edit}/{id}")).StatusCode);
        var late = await web.SubmitAsync(edit, $"{edit}/{id}", Fields(Proposal(c, "LATE", Consortium((c.Sfarsteel, null, null, "Coordinator", "1", "0")))));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("id=\"edit-refused\"", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("SHELL2", (await c.GetAsync(id)).GetProperty("proposal").GetProperty("acronym").GetString());
    }

    [Fact]
    public async Task The_form_names_the_competences_a_proposal_needs_from_the_clusters_taxonomy()
    {
        var c = await ProjectsCluster.CreateAsync(app, "formcomp");
        await app.WithDb(async (db, _) =>
        {
            var clusterId = db.Clusters.Single(x => x.Slug == c.Slug).Id;
            db.Competences.AddRange(
                new ClusterHub.Competences.Competence { ClusterId = clusterId, Code = "WELD", Name = "Welding", Domain = "Manufacturing" },
                new ClusterHub.Competences.Competence { ClusterId = clusterId, Code = "NDT", Name = "Non-destructive testing", Domain = "Quality" });
            await db.SaveChangesAsync();
            return 0;
        });
        var manager = await app.CreatePersonAsync("Manager", c.Slug);
        using var web = new WebSession(app.BaseAddress);
        Assert.True(await web.LogInAsync(manager.Email));
        var edit = $"/c/{c.Slug}/projects/edit";
        Assert.Contains("<option value=\"NDT\">NDT", await web.PageAsync(edit), StringComparison.Ordinal);
        var consortium = Consortium((c.Sfarsteel, null, null, "Coordinator", "100000", "0"));

        var unknown = await web.SubmitAsync(edit, edit, Fields([.. Proposal(c, "COMP", consortium), ("Form.Competences", "WELD"), ("Form.Competences", "PAINT")]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("is not a competence of this cluster", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await web.SubmitAsync(edit, edit, Fields([.. Proposal(c, "COMP", consortium), ("Form.Competences", "WELD"), ("Form.Competences", "NDT")]));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = int.Parse(saved.Headers.Location!.ToString().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(["NDT", "WELD"], (await c.GetAsync(id)).GetProperty("competences").EnumerateArray().Select(x => x.GetProperty("code").GetString()).Order());
        // The edit form shows them chosen; saving it without one removes that one.
        Assert.Contains("<option value=\"WELD\" selected=\"selected\">", await web.PageAsync($"{edit}/{id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await web.SubmitAsync($"{edit}/{id}", $"{edit}/{id}", Fields([.. Proposal(c, "COMP", consortium), ("Form.Competences", "NDT")]))).StatusCode);
        Assert.Equal(["NDT"], (await c.GetAsync(id)).GetProperty("competences").EnumerateArray().Select(x => x.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task The_secretariat_records_a_running_projects_outcomes_on_its_page_and_not_a_drafts()
    {
        var c = await ProjectsCluster.CreateAsync(app, "outcomes");
        var manager = await app.CreatePersonAsync("Manager", c.Slug);
        using var web = new WebSession(app.BaseAddress);
        Assert.True(await web.LogInAsync(manager.Email));
        var id = await c.CreateProposalAsync();
        var page = $"/c/{c.Slug}/projects/{id}";
        Assert.DoesNotContain("id=\"outcome-form\"", await web.PageAsync(page), StringComparison.Ordinal);
        var early = await web.SubmitAsync(page, page + "?handler=outcome", Fields(("kind", "Product"), ("description", "Forged shell"), ("on", "2024-05-01")));
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        foreach (var action in new[] { "submit", "start-review", "certify", "send-to-funder", "fund", "start" })
            await (await c.MoveAsync(id, action, "step")).Json(HttpStatusCode.OK);
        Assert.Contains("id=\"outcome-form\"", await web.PageAsync(page), StringComparison.Ordinal);
        var bad = await web.SubmitAsync(page, page + "?handler=outcome", Fields(("kind", "JobsCreated"), ("description", "Forge line"), ("on", "2024-05-01"), ("count", "a dozen")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("is not a whole number", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await c.GetAsync(id)).GetProperty("outcomes").GetArrayLength());
        var good = await web.SubmitAsync(page, page + "?handler=outcome", Fields(("kind", "JobsCreated"), ("description", "Forge line"), ("on", "2024-05-01"), ("count", "12")));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var recorded = (await c.GetAsync(id)).GetProperty("outcomes")[0];
        Assert.Equal(("JobsCreated", 12), (recorded.GetProperty("kind").GetString(), recorded.GetProperty("count").GetInt32()));

        // A representative reads the outcomes but records none.
        var rep = await app.CreatePersonAsync("MemberRepresentative", c.Slug, "Sfarsteel");
        using var repWeb = new WebSession(app.BaseAddress);
        Assert.True(await repWeb.LogInAsync(rep.Email));
        Assert.DoesNotContain("id=\"outcome-form\"", await repWeb.PageAsync(page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await repWeb.SubmitAsync(page, page + "?handler=outcome", Fields(("kind", "Product"), ("description", "x"), ("on", "2024-05-01")))).StatusCode);
    }

    [Fact]
    public async Task A_representative_drafts_for_its_own_organisation_only_and_others_may_not_open_the_forms()
    {
        var c = await ProjectsCluster.CreateAsync(app, "formrep");
        var rep = await app.CreatePersonAsync("MemberRepresentative", c.Slug, "Sfarsteel");
        using var web = new WebSession(app.BaseAddress);
        Assert.True(await web.LogInAsync(rep.Email));
        var edit = $"/c/{c.Slug}/projects/edit";

        // The blank form names its own organisation as coordinator.
        var blank = await web.PageAsync(edit);
        Assert.Matches($"<option value=\"{c.Sfarsteel}\" selected=\"selected\">Sfarsteel", blank);

        // Handing the coordination to another member is refused (403) and creates nothing.
        var before = await ProposalCountAsync(c.Slug);
        var foreign = await web.SubmitAsync(edit, edit, Fields(Proposal(c, "FOREIGN", Consortium((c.Pme, null, null, "Coordinator", "400000", "100000"), (c.Sfarsteel, null, null, "Partner", "100000", "0")))));
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(before, await ProposalCountAsync(c.Slug));
        var own = await web.SubmitAsync(edit, edit, Fields(Proposal(c, "OWN", Consortium((c.Sfarsteel, null, null, "Coordinator", "400000", "100000"), (c.Pme, null, null, "Partner", "100000", "0")))));
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);

        // A proposal another organisation coordinates is not the representative's to open in the form.
        var others = await c.CreateProposalAsync(proposal: c.Proposal("PME", partners:
        [
            new { memberId = (int?)c.Pme, name = (string?)null, category = (string?)null, role = "Coordinator", budgetEur = 100_000m, requestedEur = 0m },
        ]));
        Assert.Equal(HttpStatusCode.NotFound, (await web.GetAsync($"{edit}/{others}")).StatusCode); // not even visible to it
        Assert.Equal(HttpStatusCode.Forbidden, (await web.GetAsync($"/c/{c.Slug}/projects/calls/edit")).StatusCode);

        // An observer reads the dashboards but opens no form; a funder neither.
        foreach (var role in new[] { "Observer", "Funder" })
        {
            var person = await app.CreatePersonAsync(role, c.Slug);
            using var session = new WebSession(app.BaseAddress);
            Assert.True(await session.LogInAsync(person.Email));
            Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync(edit)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync($"/c/{c.Slug}/projects/calls/edit")).StatusCode);
        }
    }
}

public sealed class ProposalFormOnSqlite(SqliteApplication app) : ProposalFormTests<SqliteApplication>(app);
public sealed class ProposalFormOnPostgres(PostgresApplication app) : ProposalFormTests<PostgresApplication>(app);
