using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClusterHub.Analytics.Mapping;
using ClusterHub.Exchange;
using ClusterHub.Indicators;
using ClusterHub.Mapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterHub.Tests.Mapping;

/// <summary>
/// The mapping workspace through its API and pages: uploads run as jobs and store every cell (missing as null), the
/// measures computed from the stored rows equal the engine's on the file, definitions are written and imported, bad
/// files are refused whole with located errors, indicators, and one cluster apart from another.
/// </summary>
public abstract class MappingWebTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "samples", "mapping", name);

    /// <summary>Three regions, two industries, two years; 2A's industry 01 is suppressed in 2020 ("s"), and a code keeps its leading zero.</summary>
    private const string Small = """
        region;industry;year;emp
        A;01;2020;10
        A;02;2020;30
        B;01;2020;30
        B;02;2020;30
        2A;01;2020;s
        2A;02;2020;20
        A;01;2021;20
        A;02;2021;30
        B;01;2021;30
        B;02;2021;30
        """;

    private async Task<(string Slug, int Id, HttpClient Manager)> ClusterAsync(string prefix)
    {
        var c = await app.CreateClusterAsync(prefix + "-" + Guid.NewGuid().ToString("N")[..8]);
        return (c.Slug, c.Id, await app.CreateClientAsync("Manager", c.Slug));
    }

    private static async Task<JsonElement> UploadAsync(HttpClient client, string slug, string fileName, HttpContent content, string query) =>
        await FinishedAsync(client, slug, (await (await client.PostAsync($"/api/v1/clusters/{slug}/mapping/datasets?fileName={fileName}&{query}", content))
            .Json(HttpStatusCode.Accepted)).GetProperty("id").GetInt32());

    private static async Task<JsonElement> FinishedAsync(HttpClient client, string slug, int job)
    {
        for (var i = 0; i < 600; i++)
        {
            var state = await (await client.GetAsync($"/api/v1/clusters/{slug}/mapping/jobs/{job}")).Json(HttpStatusCode.OK);
            if (state.GetProperty("state").GetString() is not ("Queued" or "Running")) return state;
            await Task.Delay(100);
        }
        throw new TimeoutException($"job {job} did not finish");
    }

    private static StringContent Text(string csv) => new(csv, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task An_upload_stores_every_cell_and_the_view_gives_the_hand_computed_measures()
    {
        var (slug, _, manager) = await ClusterAsync("map");
        var job = await UploadAsync(manager, slug, "small.csv", Text(Small), "name=Small&region=region&industry=industry&value=emp&year=year");
        Assert.Equal("Succeeded", job.GetProperty("state").GetString());
        var id = job.GetProperty("datasetId").GetInt32();
        var dataset = await (await manager.GetAsync($"/api/v1/clusters/{slug}/mapping/datasets/{id}")).Json(HttpStatusCode.OK);
        Assert.Equal((3, 2, 2020, 2021, 10, 1), (dataset.GetProperty("regions").GetInt32(), dataset.GetProperty("industries").GetInt32(), dataset.GetProperty("firstYear").GetInt32(),
            dataset.GetProperty("lastYear").GetInt32(), dataset.GetProperty("cells").GetInt32(), dataset.GetProperty("missingCells").GetInt32()));
        // The suppressed cell is a row with a null value, not a zero; codes are text as written.
        var (nulls, codes) = await app.WithDb(async (db, _) => (await db.MappingValues.CountAsync(v => v.DatasetId == id && v.Value == null),
            await db.MappingRegions.Where(r => r.DatasetId == id).OrderBy(r => r.Index).Select(r => r.Code).ToListAsync()));
        Assert.Equal(1, nulls);
        Assert.Equal(["A", "B", "2A"], codes);

        // Industry 01 in 2021 from 2020: A is (10/40)/(40/120) = 0.75 in 2020; in 2021 (20/50)/(50/110) = 0.88, growth 100 %.
        var view = await (await manager.GetAsync($"/api/v1/clusters/{slug}/mapping/datasets/{id}/measures?subject=01&year=2020&sort=lq&descending=false")).Json(HttpStatusCode.OK);
        var regions = view.GetProperty("regions").GetProperty("items");
        Assert.Equal(2, view.GetProperty("regions").GetProperty("total").GetInt32()); // 2A's cell is missing: no figures
        Assert.Equal(("A", 0.75, "B", 1.5), (regions[0].GetProperty("region").GetString(), regions[0].GetProperty("lq").GetDouble(),
            regions[1].GetProperty("region").GetString(), regions[1].GetProperty("lq").GetDouble()));
        Assert.Equal(40, regions[0].GetProperty("regionTotal").GetDouble());
        Assert.Equal(0.75, view.GetProperty("map").GetProperty("A").GetDouble(), 12); // the map's values: the measure (LQ by default)
        var growth = await (await manager.GetAsync($"/api/v1/clusters/{slug}/mapping/datasets/{id}/measures?subject=01&year=2021&from=2020&sort=region")).Json(HttpStatusCode.OK);
        var a = growth.GetProperty("regions").GetProperty("items")[0];
        Assert.Equal(1.0, a.GetProperty("growth").GetDouble(), 12);
        Assert.Equal(20.0 / 50 / (50.0 / 110), a.GetProperty("lq").GetDouble(), 12);

        // A definition aggregates industries: 01 and 02 together are each region's whole economy, LQ 1 everywhere.
        var definition = await (await manager.PostJson($"/api/v1/clusters/{slug}/mapping/definitions",
            new { name = "all", codeSystem = "test", entries = new[] { new { industry = "01", cluster = "all" }, new { industry = "0*", cluster = "all" } } })).Json(HttpStatusCode.Created);
        var all = await (await manager.GetAsync($"/api/v1/clusters/{slug}/mapping/datasets/{id}/measures?definition={definition.GetProperty("id").GetInt32()}&year=2020")).Json(HttpStatusCode.OK);
        Assert.All(all.GetProperty("regions").GetProperty("items").EnumerateArray(), r => Assert.Equal(1.0, r.GetProperty("lq").GetDouble(), 12));
        Assert.Equal(3, all.GetProperty("regions").GetProperty("total").GetInt32());

        // The time chart's series, the exports through the house's writers, bad parameters as problems.
        var series = await (await manager.GetAsync($"/api/v1/clusters/{slug}/mapping/datasets/{id}/regions/2A/series?subject=01")).Json(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, series.GetProperty("employment")[0].ValueKind);
        var csv = await (await manager.GetAsync($"/api/v1/clusters/{slug}/mapping/datasets/{id}/export?format=csv&subject=01&year=2020&sort=region")).Content.ReadAsStringAsync();
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("region,name,parent,employment,region_total,lq,", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        var xlsx = await manager.GetAsync($"/api/v1/clusters/{slug}/mapping/datasets/{id}/export?format=xlsx&subject=01&year=2020");
        Assert.Equal(Export.ContentType(FileFormat.Xlsx), xlsx.Content.Headers.ContentType?.MediaType);
        await (await manager.GetAsync($"/api/v1/clusters/{slug}/mapping/datasets/{id}/measures?subject=99")).Problem(HttpStatusCode.BadRequest);
        await (await manager.GetAsync($"/api/v1/clusters/{slug}/mapping/datasets/{id}/measures?year=1999")).Problem(HttpStatusCode.BadRequest);
        await (await manager.GetAsync($"/api/v1/clusters/{slug}/mapping/datasets/{id}/measures?base=Parent")).Problem(HttpStatusCode.BadRequest);

        // Another cluster sees none of it; deleting removes every cell.
        var (other, _, otherManager) = await ClusterAsync("other");
        await (await otherManager.GetAsync($"/api/v1/clusters/{other}/mapping/datasets/{id}")).Problem(HttpStatusCode.NotFound);
        await (await otherManager.GetAsync($"/api/v1/clusters/{other}/mapping/datasets/{id}/measures")).Problem(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/v1/clusters/{slug}/mapping/datasets/{id}")).StatusCode);
        Assert.Equal(0, await app.WithDb(async (db, _) => await db.MappingValues.CountAsync(v => v.DatasetId == id)));
    }

    [Fact]
    public async Task The_cells_stay_bound_to_their_dataset_after_an_import()
    {
        // On PostgreSQL the import drops the cells' foreign key for its COPY and adds it back (MappingStore): it must be there.
        var (slug, _, manager) = await ClusterAsync("fk");
        var first = (await UploadAsync(manager, slug, "small.csv", Text(Small), "name=Small&region=region&industry=industry&value=emp&year=year")).GetProperty("datasetId").GetInt32();
        var second = (await UploadAsync(manager, slug, "small.csv", Text(Small), "name=Again&region=region&industry=industry&value=emp&year=year")).GetProperty("datasetId").GetInt32();
        var left = await app.WithDb(async (db, _) =>
        {
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"MappingValues\" (\"DatasetId\", \"Year\", \"Region\", \"Industry\", \"Value\") VALUES (-1, 2020, 0, 0, 1)"));
            // A dataset deleted by the database itself (as a cluster's deletion cascades) takes its cells along.
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"MappingDatasets\" WHERE \"Id\" = {first}");
            return (await db.MappingValues.CountAsync(v => v.DatasetId == first), await db.MappingValues.CountAsync(v => v.DatasetId == second));
        });
        Assert.Equal((0, 10), left);
    }

    [Fact]
    public async Task A_file_with_errors_fails_its_job_with_located_errors_and_stores_nothing()
    {
        var (slug, clusterId, manager) = await ClusterAsync("bad");
        var job = await UploadAsync(manager, slug, "bad.csv", Text("region,industry,emp\nA,01,12\nA,02,-3\nB,01,lots\n"), "name=Bad&region=region&industry=industry&value=emp");
        Assert.Equal("Failed", job.GetProperty("state").GetString());
        var reason = job.GetProperty("failureReason").GetString()!;
        Assert.StartsWith("2 error(s)", reason, StringComparison.Ordinal);
        Assert.Contains("bad.csv: row 3, column emp ('-3'): a count cannot be negative", reason, StringComparison.Ordinal);
        Assert.Contains("bad.csv: row 4, column emp ('lots')", reason, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, job.GetProperty("datasetId").ValueKind);
        Assert.False(await app.WithDb(async (db, _) => await db.MappingDatasets.AnyAsync(d => d.ClusterId == clusterId)));

        var missingColumn = await UploadAsync(manager, slug, "cols.csv", Text("region,industry,emp\nA,01,1\n"), "name=Cols&region=commune&industry=industry&value=emp");
        Assert.Contains("no column 'commune' (columns: region, industry, emp)", missingColumn.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
        // The description is checked before anything is queued.
        var invalid = await (await manager.PostAsync($"/api/v1/clusters/{slug}/mapping/datasets?fileName=x.pdf&region=r", Text("x"))).Problem(HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("name", out _));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("fileName", out _));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("value", out _));
        var observer = await app.CreateClientAsync("Observer", slug);
        Assert.Equal(HttpStatusCode.Forbidden, (await observer.PostAsync($"/api/v1/clusters/{slug}/mapping/datasets?fileName=s.csv&name=S&region=region&industry=industry&value=emp", Text(Small))).StatusCode);
        await (await observer.GetAsync($"/api/v1/clusters/{slug}/mapping/datasets")).Json(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_urssaf_table_stored_gives_the_engines_figures_on_the_file_and_the_home_region_indicators()
    {
        var (slug, clusterId, manager) = await ClusterAsync("urssaf");
        using (var bytes = new ByteArrayContent(await File.ReadAllBytesAsync(Sample("urssaf-rouen-commune-ape.csv"))))
        {
            var job = await UploadAsync(manager, slug, "urssaf.csv", bytes, "name=Rouen&layout=Urssaf");
            Assert.Equal("Succeeded", job.GetProperty("state").GetString());
        }
        var list = await (await manager.GetAsync($"/api/v1/clusters/{slug}/mapping/datasets")).Json(HttpStatusCode.OK);
        var id = list.GetProperty("items")[0].GetProperty("id").GetInt32();
        await using (var definition = File.OpenRead(Sample("nuclear-cluster-naf.csv")))
            await (await manager.PostAsync($"/api/v1/clusters/{slug}/mapping/definitions/import?fileName=nuclear.csv&name=nuclear&codeSystem=NAF", new StreamContent(definition))).Json(HttpStatusCode.Created);
        var definitionId = (await (await manager.GetAsync($"/api/v1/clusters/{slug}/mapping/definitions")).Json(HttpStatusCode.OK))[0].GetProperty("id").GetInt32();

        // The engine on the file itself, as the CLI reads it.
        RegionalData file;
        using (var text = DecodedText.OpenFile(Sample("urssaf-rouen-commune-ape.csv"), "urssaf.csv"))
        using (var reader = text.OpenReader()) file = RegionalLayouts.Read(reader, "urssaf.csv", RegionalLayout.Urssaf).Data!;
        ClusterDefinition nuclear;
        using (var reader = new StreamReader(Sample("nuclear-cluster-naf.csv"))) nuclear = ClusterDefinitionFile.Read(reader, "nuclear.csv");
        var table = nuclear.Aggregate(file.Table);
        var y = table.YearIndex(2022);
        var lq = LocationQuotient.Compute(table, new LocationQuotientOptions { RegionBase = file.Parents });
        var stars = ClusterStrength.Stars(table, lq, y);
        var dataset = await (await manager.GetAsync($"/api/v1/clusters/{slug}/mapping/datasets/{id}")).Json(HttpStatusCode.OK);
        Assert.Equal(file.MissingCells, dataset.GetProperty("missingCells").GetInt32());
        Assert.Equal(file.Table.Values.Count(v => !double.IsNaN(v)) + file.MissingCells, dataset.GetProperty("cells").GetInt32());

        var view = await (await manager.GetAsync($"/api/v1/clusters/{slug}/mapping/datasets/{id}/measures?definition={definitionId}&subject=nuclear&year=2022&base=Parent&pageSize=200")).Json(HttpStatusCode.OK);
        var rows = view.GetProperty("regions").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(0, table.RegionCount).Count(r => !double.IsNaN(table[y, r, 0])), view.GetProperty("regions").GetProperty("total").GetInt32());
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var r = table.Regions.IndexOf(row.GetProperty("region").GetString()!);
            Assert.Equal(table[y, r, 0], row.GetProperty("employment").GetDouble());
            Assert.Equal(lq[table.Cell(y, r, 0)], row.GetProperty("lq").GetDouble(), 12);
            Assert.Equal(stars.Stars[r], row.GetProperty("stars").GetInt32());
        }
        // Sorted by LQ, largest first, and names kept from the file.
        var lqs = rows.Select(r => r.GetProperty("lq").GetDouble()).ToList();
        Assert.Equal(lqs.OrderByDescending(v => v), lqs);
        Assert.False(string.IsNullOrEmpty(rows[0].GetProperty("name").GetString()));

        // Indicators: no home region in Normandie (28) yet, so missing; with it, the LQ of the whole zone is 1 (it is the base).
        var indicators = await IndicatorsAsync(clusterId, 2022);
        Assert.Null(indicators[MappingIndicators.HomeLq].Value);
        await app.WithDb(async db => { (await db.Clusters.SingleAsync(c => c.Id == clusterId)).Region = "28"; await db.SaveChangesAsync(); });
        indicators = await IndicatorsAsync(clusterId, 2022);
        Assert.Equal(1.0, indicators[MappingIndicators.HomeLq].Value!.Value, 12);
        var employment = Enumerable.Range(0, table.RegionCount).Select(r => table[y, r, 0]).Where(v => !double.IsNaN(v)).Sum();
        Assert.Equal(employment, indicators[MappingIndicators.HomeEmployment].Value);
        Assert.Equal(2022, indicators[MappingIndicators.HomeLq].Inputs.Single(i => i.Key == "data_year").Value);
        Assert.Null((await IndicatorsAsync(clusterId, 2005))[MappingIndicators.HomeLq].Value); // no data that early

        // The pages: the workspace, the view with its table and map data, an export.
        var page = await app.CreatePageClientAsync("Observer", slug);
        var html = await page.GetStringAsync($"/c/{slug}/mapping/{id}?definition={definitionId}&subject=nuclear&year=2022&sort=stars");
        Assert.Contains("id=\"regions\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"mapping-data\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"upload-form\"", await page.GetStringAsync($"/c/{slug}/mapping"), StringComparison.Ordinal);
        var json = await page.GetStringAsync($"/c/{slug}/mapping/{id}?handler=export&format=json&definition={definitionId}&subject=nuclear&year=2022");
        Assert.Equal(view.GetProperty("regions").GetProperty("total").GetInt32(), JsonDocument.Parse(json).RootElement.GetArrayLength());
    }

    private Task<Dictionary<string, IndicatorValue>> IndicatorsAsync(int clusterId, int year) => app.WithDb(async (db, sp) =>
        (await sp.GetServices<IIndicatorSource>().OfType<MappingIndicators>().Single().ComputeAsync(db, clusterId, year, default)).ToDictionary(v => v.Key));

    [Fact]
    public async Task Definitions_are_written_checked_imported_and_guarded_against_concurrent_edits()
    {
        var (slug, _, manager) = await ClusterAsync("def");
        var created = await (await manager.PostJson($"/api/v1/clusters/{slug}/mapping/definitions",
            new { name = "metal", codeSystem = "NAF rev. 2", entries = new[] { new { industry = "25*", cluster = "metal" }, new { industry = "24.46Z", cluster = "nuclear" } } })).Json(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal(2, created.GetProperty("entries").GetArrayLength());
        var bad = await (await manager.PostJson($"/api/v1/clusters/{slug}/mapping/definitions", new { name = "", entries = new[] { new { industry = "*", cluster = "x" } } })).Problem(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("name", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("entries[1]", out _));
        await (await manager.PostJson($"/api/v1/clusters/{slug}/mapping/definitions", new { name = "metal", entries = new[] { new { industry = "01", cluster = "x" } } })).Problem(HttpStatusCode.BadRequest);
        var version = created.GetProperty("version").GetInt32();
        var updated = await (await manager.PutAsJsonAsync($"/api/v1/clusters/{slug}/mapping/definitions/{id}",
            new { name = "metal", version, entries = new[] { new { industry = "25*", cluster = "metal" } } })).Json(HttpStatusCode.OK);
        Assert.Equal(1, updated.GetProperty("entries").GetArrayLength());
        await (await manager.PutAsJsonAsync($"/api/v1/clusters/{slug}/mapping/definitions/{id}", new { name = "metal", version, entries = new[] { new { industry = "26*", cluster = "metal" } } }))
            .Problem(HttpStatusCode.Conflict);
        var malformed = await (await manager.PostAsync($"/api/v1/clusters/{slug}/mapping/definitions/import?fileName=d.csv&name=d", Text("code,label\n25,x\n"))).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("no column 'cluster'", malformed.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var (other, _, otherManager) = await ClusterAsync("def-other");
        await (await otherManager.GetAsync($"/api/v1/clusters/{other}/mapping/definitions/{id}")).Problem(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/v1/clusters/{slug}/mapping/definitions/{id}")).StatusCode);
        await (await manager.GetAsync($"/api/v1/clusters/{slug}/mapping/definitions/{id}")).Problem(HttpStatusCode.NotFound);
    }
}

public sealed class MappingWebOnSqlite(SqliteApplication app) : MappingWebTests<SqliteApplication>(app);
public sealed class MappingWebOnPostgres(PostgresApplication app) : MappingWebTests<PostgresApplication>(app);
