using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClusterHub.Competences;
using IndicatorValue = ClusterHub.Indicators.IndicatorValue;

namespace ClusterHub.Tests.Competences;

public abstract class CompetencesApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private static object Weld(string code = "WELD", int a1 = 3, object? version = null) => new
    {
        code, name = "Welding", domain = "Manufacturing", description = "Nuclear-grade welding",
        needs = new[] { new { area = "A1", level = a1 }, new { area = "a3", level = 2 } }, version,
    };

    [Fact]
    public async Task Managers_keep_the_taxonomy_with_the_level_each_area_needs_and_bad_entries_are_refused_with_their_fields()
    {
        var c = await CompetenceCluster.CreateAsync(app, "taxonomy");
        var created = await (await c.Manager.PostJson($"{c.Api}/competences", Weld())).Json(HttpStatusCode.Created);
        Assert.Equal("WELD", created.GetProperty("code").GetString());
        Assert.Equal(["A1=3", "A3=2"], created.GetProperty("needs").EnumerateArray().Select(n => $"{n.GetProperty("area").GetString()}={n.GetProperty("level").GetInt32()}"));
        var id = created.GetProperty("id").GetInt32();

        var duplicate = await (await c.Manager.PostJson($"{c.Api}/competences", Weld("weld"))).Problem(HttpStatusCode.Conflict);
        Assert.True(duplicate.GetProperty("errors").TryGetProperty("code", out _));

        var bad = await (await c.Manager.PostJson($"{c.Api}/competences", new
        {
            code = "NDT", name = "", domain = "Inspection", needs = new[] { new { area = "A9", level = 2 }, new { area = "A1", level = 5 } },
        })).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["name", "needs[0].area", "needs[1].level"], bad.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        var staff = await app.CreateClientAsync("Staff", c.Slug);
        await (await staff.PostJson($"{c.Api}/competences", Weld("MACH"))).Problem(HttpStatusCode.Forbidden);

        var updated = await (await c.Manager.PutAsJsonAsync($"{c.Api}/competences/{id}", Weld(a1: 4, version: created.GetProperty("version").GetInt32()))).Json(HttpStatusCode.OK);
        Assert.Equal(4, updated.GetProperty("needs")[0].GetProperty("level").GetInt32());
        await (await c.Manager.PutAsJsonAsync($"{c.Api}/competences/{id}", Weld(a1: 2, version: created.GetProperty("version").GetInt32()))).Problem(HttpStatusCode.Conflict); // stale copy

        var list = await (await staff.GetAsync($"{c.Api}/competences")).Json(HttpStatusCode.OK);
        Assert.Equal(4, list.EnumerateArray().Single().GetProperty("needs")[0].GetProperty("level").GetInt32());
    }

    [Fact]
    public async Task A_representative_declares_for_its_own_organisation_only_and_the_secretariat_validates_once()
    {
        var c = await CompetenceCluster.CreateAsync(app, "declare");
        await (await c.Manager.PostJson($"{c.Api}/competences", Weld())).Json(HttpStatusCode.Created);
        var rep = await app.CreateClientAsync("MemberRepresentative", c.Slug, "Sfarsteel");
        var own = c.Members["Sfarsteel"];

        var declared = await (await rep.PostJson($"{c.Api}/members/{own}/competences",
            new { competence = "weld", level = 3, certifications = "RCC-M ; ISO 19443,", references = "Steam generator shells", declaredOn = "2019-06-01" })).Json(HttpStatusCode.OK);
        Assert.Equal(("Declared", "RCC-M; ISO 19443"), (declared.GetProperty("state").GetString(), declared.GetProperty("certifications").GetString()));
        await (await rep.PostJson($"{c.Api}/members/{c.Members["Valinox"]}/competences", new { competence = "WELD", level = 2 })).Problem(HttpStatusCode.Forbidden);
        var invalid = await (await rep.PostJson($"{c.Api}/members/{own}/competences", new { competence = "SPACE", level = 7, declaredOn = "2999-01-01" })).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["competence", "declaredOn", "level"], invalid.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        var id = declared.GetProperty("id").GetInt32();
        await (await rep.PostAsync($"{c.Api}/competences/declarations/{id}/validate", null)).Problem(HttpStatusCode.Forbidden);
        var staff = await app.CreateClientAsync("Staff", c.Slug);
        var validated = await (await staff.PostAsync($"{c.Api}/competences/declarations/{id}/validate", null)).Json(HttpStatusCode.OK);
        Assert.Equal("Validated", validated.GetProperty("state").GetString());
        await (await c.Manager.PostJson($"{c.Api}/competences/declarations/{id}/reject", new { reason = "late" })).Problem(HttpStatusCode.Conflict);

        // The representative sees its own declarations only, and a change sends the declaration back to the secretariat.
        await (await c.Manager.PostJson($"{c.Api}/members/{c.Members["Valinox"]}/competences", new { competence = "WELD", level = 2 })).Json(HttpStatusCode.OK);
        var seen = await (await rep.GetAsync($"{c.Api}/competences/declarations")).Json(HttpStatusCode.OK);
        Assert.Equal(["Sfarsteel"], seen.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("memberName").GetString()));
        await (await rep.GetAsync($"{c.Api}/competences/declarations?memberId={c.Members["Valinox"]}")).Problem(HttpStatusCode.Forbidden);
        var again = await (await rep.PostJson($"{c.Api}/members/{own}/competences", new { competence = "WELD", level = 4 })).Json(HttpStatusCode.OK);
        Assert.Equal((id, "Declared", 4), (again.GetProperty("id").GetInt32(), again.GetProperty("state").GetString(), again.GetProperty("level").GetInt32()));

        var rejected = await (await staff.PostJson($"{c.Api}/competences/declarations/{id}/reject", new { reason = "no evidence of level 4" })).Json(HttpStatusCode.OK);
        Assert.Equal(("Rejected", "no evidence of level 4"), (rejected.GetProperty("state").GetString(), rejected.GetProperty("rejectionReason").GetString()));

        // Every step is in the change history, with who did it.
        var changes = await app.WithDb<List<string>>((db, _) => Task.FromResult(db.ChangeRecords
            .Where(r => r.Entity == nameof(CompetenceDeclaration) && r.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && r.Field == "State")
            .OrderBy(r => r.Id).Select(r => r.OldValue + "→" + r.NewValue).ToList()));
        Assert.Equal(["Declared→Validated", "Validated→Declared", "Declared→Rejected"], changes);

        await (await rep.DeleteAsync($"{c.Api}/members/{own}/competences/{declared.GetProperty("competenceId").GetInt32()}")).Json(HttpStatusCode.NoContent);
        var after = await (await c.Manager.GetAsync($"{c.Api}/members/{own}/competences")).Json(HttpStatusCode.OK);
        Assert.Equal(0, after.GetProperty("total").GetInt32());
    }

    /// <summary>
    /// WELD: A1 needs 3, held at 3+ by Sfarsteel (27) alone → single-actor dependence naming it.
    /// NDT: A1 needs 2, held by Forges Lyonnaises (84) and Soudure du Nord (32), nobody in the home region 27 → outside.
    /// ROBOT: A3 needs 4, best validated level 2 → no member; Valinox's level-4 claim is still only declared.
    /// MACH: A2 needs 2, held by Sfarsteel and Valinox (both 27) → covered. The member that left does not count.
    /// </summary>
    private static async Task<CompetenceCluster> MapAsync(ClusterHubApplication app, string prefix)
    {
        var c = await CompetenceCluster.CreateAsync(app, prefix);
        const string taxonomy = """
            code,name,domain,stage,description,needs
            WELD,Welding,Manufacturing,,,A1=3
            NDT,Non-destructive testing,Inspection,,,A1=2
            ROBOT,Robotics,Digital,,,A3=4
            MACH,Machining,Manufacturing,,,A2=2; A1=1
            """;
        await (await c.Manager.PostText($"{c.Api}/competences/taxonomy/import", taxonomy, "text/csv")).Json(HttpStatusCode.OK);
        const string declarations = """
            member,national_id,competence,level,certifications,references,declared_on,state
            Sfarsteel,,WELD,4,RCC-M; ISO 19443,,2018-03-01,Validated
            Forges Lyonnaises,,WELD,2,,,2018-03-01,Validated
            Forges Lyonnaises,,NDT,3,ISO 9712,,2018-03-01,Validated
            Soudure du Nord,,NDT,2,,,2019-03-01,Validated
            Valinox,,ROBOT,4,,,2019-03-01,Declared
            Soudure du Nord,,ROBOT,2,,,2019-03-01,Validated
            Sfarsteel,,MACH,3,ISO 9001,,2018-03-01,Validated
            Valinox,,MACH,2,EN 9100,,2018-03-01,Validated
            Partie Tôt,,WELD,4,,,2012-03-01,Validated
            """;
        var report = await (await c.Manager.PostText($"{c.Api}/competences/import", declarations, "text/csv")).Json(HttpStatusCode.OK);
        Assert.Equal(9, report.GetProperty("created").GetInt32());
        return c;
    }

    [Fact]
    public async Task The_gap_analysis_names_the_single_actor_the_missing_level_and_the_competence_held_only_outside_the_home_regions()
    {
        var c = await MapAsync(app, "gaps");
        var gaps = await (await c.Manager.GetAsync($"{c.Api}/competences/gaps")).Json(HttpStatusCode.OK);
        Assert.Equal(["27"], gaps.GetProperty("homeRegions").EnumerateArray().Select(r => r.GetString())); // not the partner association's region
        Assert.Equal((5, 4, 1), (gaps.GetProperty("needs").GetInt32(), gaps.GetProperty("met").GetInt32(), gaps.GetProperty("singleActor").GetInt32()));
        var found = gaps.GetProperty("gaps").EnumerateArray().Select(g => $"{g.GetProperty("kind").GetString()} {g.GetProperty("area").GetString()} {g.GetProperty("competence").GetString()} {g.GetProperty("memberName").GetString()}").ToList();
        Assert.Equal(["NoMember A3 ROBOT ", "SingleActor A1 WELD Sfarsteel", "OutsideHomeRegions A1 NDT "], found);
        Assert.Equal(2, gaps.GetProperty("gaps")[0].GetProperty("bestLevel").GetInt32());

        var heat = await (await c.Manager.GetAsync($"{c.Api}/competences/heatmap")).Json(HttpStatusCode.OK);
        Assert.Equal(["A1", "A2", "A3"], heat.GetProperty("areas").EnumerateArray().Select(a => a.GetProperty("code").GetString()));
        string Row(string code) => string.Join(" ", heat.GetProperty("competences").EnumerateArray().Single(r => r.GetProperty("code").GetString() == code)
            .GetProperty("cells").EnumerateArray().Select(x => $"{x.GetProperty("status").GetString()}:{x.GetProperty("holders").GetInt32()}"));
        Assert.Equal("SingleActor:1 NotNeeded:2 NotNeeded:2", Row("WELD"));
        Assert.Equal("Covered:2 Covered:2 NotNeeded:2", Row("MACH"));
        Assert.Equal("NotNeeded:1 NotNeeded:1 Gap:0", Row("ROBOT"));

        var coverage = await (await c.Manager.GetAsync($"{c.Api}/competences/coverage")).Json(HttpStatusCode.OK);
        var byRegion = coverage.EnumerateArray().ToDictionary(r => r.GetProperty("region").GetString()!, r => (r.GetProperty("members").GetInt32(), r.GetProperty("competences").GetInt32(), r.GetProperty("home").GetBoolean()));
        Assert.Equal((2, 2, true), byRegion["27"]);
        Assert.Equal((1, 2, false), byRegion["84"]);
        Assert.Equal((1, 2, false), byRegion["32"]);

        var rep = await app.CreateClientAsync("MemberRepresentative", c.Slug, "Sfarsteel");
        await (await rep.GetAsync($"{c.Api}/competences/gaps")).Problem(HttpStatusCode.Forbidden);
        var observer = await app.CreateClientAsync("Observer", c.Slug);
        await (await observer.GetAsync($"{c.Api}/competences/heatmap")).Json(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Who_can_do_it_where_filters_by_competence_region_level_and_certification_and_pages()
    {
        var c = await MapAsync(app, "search");
        var rep = await app.CreateClientAsync("MemberRepresentative", c.Slug, "Valinox"); // every member may look for partners
        async Task<List<string>> Names(string query) => [.. (await (await rep.GetAsync($"{c.Api}/competences/search?{query}")).Json(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Select(r => $"{r.GetProperty("memberName").GetString()}:{r.GetProperty("level").GetInt32()}")];
        Assert.Equal(["Sfarsteel:4", "Forges Lyonnaises:2"], await Names("competence=weld")); // best first; not the member that left
        Assert.Equal(["Sfarsteel:4"], await Names("competence=WELD&region=27"));
        Assert.Equal(["Forges Lyonnaises:3"], await Names("competence=NDT&minLevel=3"));
        Assert.Equal(["Forges Lyonnaises:3"], await Names("certification=iso 9712"));
        Assert.Equal(["Soudure du Nord:2"], await Names("competence=ROBOT"));
        Assert.Equal(["Valinox:4", "Soudure du Nord:2"], await Names("competence=ROBOT&includeUnvalidated=true"));
        var page2 = await (await rep.GetAsync($"{c.Api}/competences/search?pageSize=3&page=2")).Json(HttpStatusCode.OK);
        Assert.Equal((7, 2, 3), (page2.GetProperty("total").GetInt32(), page2.GetProperty("pageNumber").GetInt32(), page2.GetProperty("items").GetArrayLength()));
        await (await rep.GetAsync($"{c.Api}/competences/search?competence=SPACE")).Problem(HttpStatusCode.BadRequest);
        await (await rep.GetAsync($"{c.Api}/competences/search?minLevel=9")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_members_profile_is_set_against_the_profile_an_area_needs()
    {
        var c = await MapAsync(app, "profile");
        var profile = await (await c.Manager.GetAsync($"{c.Api}/members/{c.Members["Forges Lyonnaises"]}/competences/profile?area=A1")).Json(HttpStatusCode.OK);
        Assert.Equal((3, 1), (profile.GetProperty("needs").GetInt32(), profile.GetProperty("met").GetInt32()));
        Assert.Equal(["WELD 3 2 False", "NDT 2 3 True", "MACH 1 - False"], profile.GetProperty("lines").EnumerateArray().Select(l =>
            $"{l.GetProperty("competence").GetString()} {l.GetProperty("needed").GetInt32()} {(l.GetProperty("level").ValueKind == JsonValueKind.Null ? "-" : l.GetProperty("level").GetInt32())} {l.GetProperty("meets").GetBoolean()}"));
        await (await c.Manager.GetAsync($"{c.Api}/members/{c.Members["Valinox"]}/competences/profile?area=Z9")).Json(HttpStatusCode.NotFound);
        var rep = await app.CreateClientAsync("MemberRepresentative", c.Slug, "Valinox");
        await (await rep.GetAsync($"{c.Api}/members/{c.Members["Valinox"]}/competences/profile?area=A2")).Json(HttpStatusCode.OK);
        await (await rep.GetAsync($"{c.Api}/members/{c.Members["Sfarsteel"]}/competences/profile?area=A2")).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_bad_import_stores_nothing_and_locates_every_error_and_an_export_imports_back_unchanged()
    {
        var c = await MapAsync(app, "exchange");
        const string bad = """
            member,national_id,competence,level,certifications,references,declared_on,state
            Valinox,,WELD,3,,,2019-01-01,Declared
            Nobody,,WELD,3,,,,
            Valinox,,SPACE,3,,,,
            Valinox,,NDT,five,,,,
            Valinox,,NDT,2,,,01/02/2019,Maybe
            Valinox,,WELD,2,,,,
            """;
        var report = await (await c.Manager.PostText($"{c.Api}/competences/import?fileName=bad.csv", bad, "text/csv")).Json(HttpStatusCode.UnprocessableEntity);
        var errors = report.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("row").GetInt32()} {e.GetProperty("column").GetString()}").ToList();
        Assert.Equal(["3 member", "4 competence", "5 level", "6 declared_on", "6 state", "7 competence"], errors);
        Assert.All(report.GetProperty("errors").EnumerateArray(), e => Assert.Equal("bad.csv", e.GetProperty("file").GetString()));
        var valinox = await (await c.Manager.GetAsync($"{c.Api}/members/{c.Members["Valinox"]}/competences")).Json(HttpStatusCode.OK);
        Assert.Equal(2, valinox.GetProperty("total").GetInt32()); // the valid first row was not stored either

        var badTaxonomy = await (await c.Manager.PostText($"{c.Api}/competences/taxonomy/import", "code,name,domain,needs\nNEW,New,Digital,A1:3\n,Nameless,Digital,\n", "text/csv")).Json(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["2 needs", "3 code"], badTaxonomy.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("row").GetInt32()} {e.GetProperty("column").GetString()}"));
        await (await c.Manager.PostText($"{c.Api}/competences/taxonomy/import", "code,name\n", "text/csv")).Json(HttpStatusCode.UnprocessableEntity); // domain column missing

        var csv = await (await c.Manager.GetAsync($"{c.Api}/competences/export")).Content.ReadAsStringAsync();
        Assert.StartsWith("member,national_id,competence,level,certifications,references,declared_on,state", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        var again = await (await c.Manager.PostText($"{c.Api}/competences/import", csv, "text/csv")).Json(HttpStatusCode.OK);
        Assert.Equal((9, 0, 0, 9), (again.GetProperty("rows").GetInt32(), again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()));
        var taxonomy = await (await c.Manager.GetAsync($"{c.Api}/competences/taxonomy/export")).Content.ReadAsStringAsync();
        Assert.Contains("MACH,Machining,Manufacturing,,,A1=1; A2=2", taxonomy, StringComparison.Ordinal);
        var back = await (await c.Manager.PostText($"{c.Api}/competences/taxonomy/import", taxonomy, "text/csv")).Json(HttpStatusCode.OK);
        Assert.Equal(4, back.GetProperty("unchanged").GetInt32());

        var xlsx = await c.Manager.GetAsync($"{c.Api}/competences/export?format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        await (await c.Manager.GetAsync($"{c.Api}/competences/export?format=pdf")).Problem(HttpStatusCode.BadRequest);
        var observer = await app.CreateClientAsync("Observer", c.Slug);
        await (await observer.GetAsync($"{c.Api}/competences/export")).Problem(HttpStatusCode.Forbidden);
    }

    /// <summary>A workbook as a spreadsheet program saves it: typed cells (numbers, dates), not text.</summary>
    private static async Task<ByteArrayContent> XlsxAsync(string[] header, params object[][] rows)
    {
        using var bytes = new MemoryStream();
        await using (var sheet = await SpreadCheetah.Spreadsheet.CreateNewAsync(bytes))
        {
            await sheet.StartWorksheetAsync("Sheet1");
            await sheet.AddRowAsync([.. header.Select(h => new SpreadCheetah.Cell(h))]);
            foreach (var row in rows)
                await sheet.AddRowAsync([.. row.Select(v => v switch
                {
                    int i => new SpreadCheetah.Cell(i),
                    DateTime d => new SpreadCheetah.Cell(d),
                    _ => new SpreadCheetah.Cell((string)v),
                })]);
            await sheet.FinishAsync();
        }
        var content = new ByteArrayContent(bytes.ToArray());
        content.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return content;
    }

    [Fact]
    public async Task The_pages_import_declarations_and_taxonomy_files_all_or_nothing_for_those_allowed_only()
    {
        var c = await CompetenceCluster.CreateAsync(app, "page-import");
        var staff = await app.CreatePersonAsync("Staff", c.Slug);
        using var person = new WebSession(app.BaseAddress);
        Assert.True(await person.LogInAsync(staff.Email));
        var declarations = $"/c/{c.Slug}/competences/declarations";

        // Staff may import declarations but not the taxonomy (managers keep it).
        var refusedTaxonomy = await person.UploadAsync(declarations, $"/c/{c.Slug}/competences/taxonomy?handler=import", "taxonomy.csv", "code,name,domain\nWLD,Welding,Manufacturing\n");
        Assert.Equal(HttpStatusCode.Forbidden, refusedTaxonomy.StatusCode);
        Assert.Equal(0, await app.WithDb<int>((db, _) => Task.FromResult(db.Competences.Count(x => x.ClusterId == c.ClusterId))));

        using var manager = new WebSession(app.BaseAddress);
        var managerPerson = await app.CreatePersonAsync("Manager", c.Slug);
        Assert.True(await manager.LogInAsync(managerPerson.Email));
        var taxonomy = await manager.UploadAsync($"/c/{c.Slug}/competences/taxonomy", $"/c/{c.Slug}/competences/taxonomy?handler=import", "taxonomy.csv", "code,name,domain,needs\nWLD,Welding,Manufacturing,A1=3\n");
        Assert.Equal(HttpStatusCode.OK, taxonomy.StatusCode);
        Assert.Contains("id=\"import-result\"", await taxonomy.Content.ReadAsStringAsync());

        // A bad row refuses the whole file, with its row, column and reason on the page.
        var bad = await person.UploadAsync(declarations, declarations + "?handler=import", "bad.csv",
            "member,competence,level\nSfarsteel,WLD,3\nValinox,WLD,9\n");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("id=\"import-errors\"", html);
        Assert.Contains("<td>3</td><td>level</td><td>9</td>", html);
        Assert.Equal(0, await app.WithDb<int>((db, _) => Task.FromResult(db.CompetenceDeclarations.Count(d => d.Member!.ClusterId == c.ClusterId))));

        var good = await person.UploadAsync(declarations, declarations + "?handler=import", "good.csv", "member,competence,level\nSfarsteel,WLD,3\nValinox,WLD,2\n");
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(2, await app.WithDb<int>((db, _) => Task.FromResult(db.CompetenceDeclarations.Count(d => d.Member!.ClusterId == c.ClusterId))));
    }

    [Fact]
    public async Task An_xlsx_export_imports_back_unchanged_and_a_bad_sheet_is_refused_whole_with_its_rows()
    {
        var c = await MapAsync(app, "xlsx");
        foreach (var (export, import, unchanged) in new[] { ("competences/export", "competences/import", 9), ("competences/taxonomy/export", "competences/taxonomy/import", 4) })
        {
            var sheet = await (await c.Manager.GetAsync($"{c.Api}/{export}?format=xlsx")).Content.ReadAsByteArrayAsync();
            var content = new ByteArrayContent(sheet);
            content.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            var back = await (await c.Manager.PostAsync($"{c.Api}/{import}?fileName=back.xlsx", content)).Json(HttpStatusCode.OK);
            Assert.Equal((unchanged, 0, 0), (back.GetProperty("unchanged").GetInt32(), back.GetProperty("created").GetInt32(), back.GetProperty("updated").GetInt32()));
        }

        // Typed cells arrive as a CSV would hold them: a number level, a date declared_on.
        var good = await XlsxAsync(["member", "competence", "level", "declared_on"], ["Valinox", "MACH", 3, new DateTime(2019, 3, 1)]);
        var created = await (await c.Manager.PostAsync($"{c.Api}/competences/import?fileName=new.xlsx", good)).Json(HttpStatusCode.OK);
        Assert.Equal(1, created.GetProperty("updated").GetInt32() + created.GetProperty("created").GetInt32());

        var bad = await XlsxAsync(["member", "competence", "level"], ["Valinox", "WELD", 2], ["Nobody", "WELD", 3], ["Valinox", "NDT", "five"]);
        var report = await (await c.Manager.PostAsync($"{c.Api}/competences/import?fileName=bad.xlsx", bad)).Json(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["bad.xlsx 3 member", "bad.xlsx 4 level"], report.GetProperty("errors").EnumerateArray()
            .Select(e => $"{e.GetProperty("file").GetString()} {e.GetProperty("row").GetInt32()} {e.GetProperty("column").GetString()}"));
        var profile = await (await c.Manager.GetAsync($"{c.Api}/members/{c.Members["Valinox"]}/competences")).Json(HttpStatusCode.OK);
        Assert.DoesNotContain(profile.GetProperty("items").EnumerateArray(), d => d.GetProperty("competenceCode").GetString() == "WELD"); // the valid first row was not stored either

        var junk = new ByteArrayContent("this is no workbook"u8.ToArray());
        junk.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var refused = await (await c.Manager.PostAsync($"{c.Api}/competences/import?fileName=junk.xlsx", junk)).Json(HttpStatusCode.UnprocessableEntity);
        var error = refused.GetProperty("errors")[0];
        Assert.Equal("junk.xlsx", error.GetProperty("file").GetString());
        Assert.StartsWith("is not a readable xlsx workbook", error.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_indicators_count_coverage_and_single_actor_dependences_by_year_and_are_missing_without_needs()
    {
        var c = await MapAsync(app, "indicators");
        var source = new CompetenceIndicators();
        var (y2018, y2019) = await app.WithDb<(IReadOnlyList<IndicatorValue>, IReadOnlyList<IndicatorValue>)>(async (db, _) =>
            (await source.ComputeAsync(db, c.ClusterId, 2018, default), await source.ComputeAsync(db, c.ClusterId, 2019, default)));
        double? Value(IReadOnlyList<IndicatorValue> values, string key) => values.Single(v => v.Key == key).Value;
        // 2018: WELD (Sfarsteel alone), MACH×2 met; NDT only by Forges Lyonnaises (alone), ROBOT not. 2019: NDT gains Soudure du Nord.
        Assert.Equal(4 / 5.0, Value(y2018, CompetenceIndicators.Coverage));
        Assert.Equal(2, Value(y2018, CompetenceIndicators.SingleActorDependences));
        Assert.Equal(1, Value(y2019, CompetenceIndicators.SingleActorDependences));
        Assert.Equal(["needs=5", "met=4", "single_actor=1"], y2019[0].Inputs.Select(i => $"{i.Key}={i.Value}"));

        var empty = await CompetenceCluster.CreateAsync(app, "no-needs");
        var none = await app.WithDb<IReadOnlyList<IndicatorValue>>((db, _) => source.ComputeAsync(db, empty.ClusterId, 2019, default));
        Assert.All(none, v => Assert.Null(v.Value));
    }
}

public sealed class CompetencesApiOnSqlite(SqliteApplication app) : CompetencesApiTests<SqliteApplication>(app);
public sealed class CompetencesApiOnPostgres(PostgresApplication app) : CompetencesApiTests<PostgresApplication>(app);
