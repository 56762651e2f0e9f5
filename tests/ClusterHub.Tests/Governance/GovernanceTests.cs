using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClusterHub.Governance;
using ClusterHub.Networks;

namespace ClusterHub.Tests.Governance;

/// <summary>
/// The Nuclear Valley demo's governance network (samples/nuclear-valley/governance-*.csv) in a fresh cluster, loaded
/// through the API's import as the secretariat would, with the seven member organisations its actors name.
/// </summary>
public sealed record GovernanceCluster(string Slug, int ClusterId, HttpClient Manager)
{
    public string Api => $"/api/v1/clusters/{Slug}";

    public static string Repository(string path) => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../..", path));

    public static async Task<GovernanceCluster> CreateAsync(ClusterHubApplication app, string prefix, bool withNetwork = true)
    {
        var c = await app.CreateClusterAsync(prefix + "-" + Guid.NewGuid().ToString("N")[..8]);
        var manager = await app.CreateClientAsync("Manager", c.Slug);
        var cluster = new GovernanceCluster(c.Slug, c.Id, manager);
        if (!withNetwork) return cluster;
        const string members = """
            name,type,headcount,departement,city,joined_on
            Areva,LargeCompany,5200,71,Saint-Marcel,2005-07-12
            EDF,LargeCompany,9000,71,Chalon-sur-Saône,2005-07-12
            Sfarsteel,LargeCompany,420,71,Le Creusot,2005-07-12
            CEA,ResearchOrganisation,800,21,Valduc,2005-07-12
            Arts et Métiers ENSAM Cluny,EngineeringSchool,150,71,Cluny,2005-07-12
            Université de Bourgogne,University,3000,21,Dijon,2005-07-12
            IUT de Chalon-sur-Saône et du Creusot,TechnicalInstitute,200,71,Chalon-sur-Saône,2005-07-12
            """;
        await (await manager.PostText($"{cluster.Api}/members/import", members, "text/csv")).Json(HttpStatusCode.OK);
        foreach (var kind in new[] { "actors", "ties" })
        {
            var csv = await File.ReadAllTextAsync(Repository($"samples/nuclear-valley/governance-{kind}.csv"));
            await (await manager.PostText($"{cluster.Api}/governance/{kind}/import?fileName=governance-{kind}.csv", csv, "text/csv")).Json(HttpStatusCode.OK);
        }
        return cluster;
    }
}

public abstract class GovernanceTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private static string DataFile(string name) => GovernanceCluster.Repository($"tests/ClusterHub.Tests/Governance/Data/{name}");

    /// <summary>
    /// The engine's measures of the demo network against networkx 2.8.8's on the same network: the GraphML the API
    /// exports is the committed <c>nuclear-valley-governance.graphml</c> (regenerate both with CLUSTERHUB_WRITE_DOCS=1 and
    /// <c>/usr/bin/python3 bench/compare/governance.py</c>), and <c>governance-reference.json</c> holds what networkx computes
    /// from that file. Tolerance 1e-9: the same formulas summed in another order.
    /// </summary>
    [Fact]
    public async Task The_demo_network_measures_match_networkx_on_the_exported_graphml()
    {
        var c = await GovernanceCluster.CreateAsync(app, "gov-nx");
        var graphml = await (await c.Manager.GetAsync($"{c.Api}/governance/network/export?format=graphml")).Content.ReadAsStringAsync();
        if (Environment.GetEnvironmentVariable("CLUSTERHUB_WRITE_DOCS") == "1") await File.WriteAllTextAsync(DataFile("nuclear-valley-governance.graphml"), graphml);
        Assert.Equal(await File.ReadAllTextAsync(DataFile("nuclear-valley-governance.graphml")), graphml);

        using var reference = JsonDocument.Parse(await File.ReadAllTextAsync(DataFile("governance-reference.json")));
        var r = reference.RootElement;
        var network = await (await c.Manager.GetAsync($"{c.Api}/governance/network")).Json(HttpStatusCode.OK);
        var nodes = network.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("actor").GetProperty("label").GetString()!, n => n.GetProperty("actor"));
        Assert.Equal(r.GetProperty("nodes").GetInt32(), nodes.Count);
        foreach (var (measure, ours) in new[] { ("degree", "degree"), ("betweenness", "betweenness"), ("closeness", "closeness"),
                     ("constraint_weighted", "constraint"), ("effective_size_weighted", "effectiveSize") })
            foreach (var expected in r.GetProperty(measure).EnumerateObject())
                Assert.True(Math.Abs(expected.Value.GetDouble() - nodes[expected.Name].GetProperty(ours).GetDouble()) < 1e-9,
                    $"{measure} of {expected.Name}: networkx {expected.Value.GetDouble()}, ours {nodes[expected.Name].GetProperty(ours).GetDouble()}");

        // The hub's position comes out of the measures: the only actor tying the sectoral and the local level, ties mostly medium.
        var hub = network.GetProperty("hub");
        Assert.Equal("Nuclear Valley", hub.GetProperty("hub").GetProperty("label").GetString());
        var pairs = hub.GetProperty("soleCoordinator").EnumerateArray().Select(p => (p.GetProperty("first").GetString(), p.GetProperty("second").GetString())).ToList();
        Assert.Contains(("Sectoral", "Local"), pairs);
        Assert.DoesNotContain(("Regional", "Local"), pairs); // BFC funds the CUCM: the hub is not alone there
        var strengths = network.GetProperty("strengths");
        Assert.True(strengths.GetProperty("mediumShare").GetDouble() > 0.5);
        var summary = network.GetProperty("summary").EnumerateArray().Select(s => s.GetProperty("text").GetString()!).ToList();
        Assert.Contains(summary, s => s.StartsWith("Nuclear Valley is the only coordinator between", StringComparison.Ordinal) && s.Contains("the sectoral and the local level", StringComparison.Ordinal));
        Assert.Contains(summary, s => s.Contains(hub.GetProperty("hub").GetProperty("constraint").GetDouble().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        // The registry's figures are the same numbers.
        var values = await app.WithDb<IReadOnlyList<ClusterHub.Indicators.IndicatorValue>>((db, _) => new GovernanceIndicators().ComputeAsync(db, c.ClusterId, 2019, default));
        var byKey = values.ToDictionary(v => v.Key, v => v.Value);
        Assert.Equal(new GovernanceIndicators().Definitions.Select(d => d.Key).Order(StringComparer.Ordinal), byKey.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(hub.GetProperty("hub").GetProperty("degree").GetInt32(), byKey[GovernanceIndicators.HubDegree]);
        Assert.Equal(pairs.Count, byKey[GovernanceIndicators.HubSoleCoordinator]);
        Assert.Equal(byKey[GovernanceIndicators.HubDegree]!.Value - byKey[GovernanceIndicators.HubEffectiveSize]!.Value, byKey[GovernanceIndicators.HubRedundancy]!.Value, 12);
        Assert.Equal(1.0, byKey[GovernanceIndicators.WeakTieShare]!.Value + byKey[GovernanceIndicators.MediumTieShare]!.Value + byKey[GovernanceIndicators.StrongTieShare]!.Value, 12);
    }

    [Fact]
    public async Task The_network_as_of_a_year_keeps_the_ties_held_then_and_the_types_asked()
    {
        var c = await GovernanceCluster.CreateAsync(app, "gov-year");
        var in2010 = await (await c.Manager.GetAsync($"{c.Api}/governance/network?year=2010")).Json(HttpStatusCode.OK);
        var labels = in2010.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("actor").GetProperty("label").GetString()).ToList();
        Assert.DoesNotContain("GIFEN", labels); // founded in 2018
        Assert.Contains("SFEN", labels);
        var funding = await (await c.Manager.GetAsync($"{c.Api}/governance/network?types=Funding")).Json(HttpStatusCode.OK);
        Assert.All(funding.GetProperty("edges").EnumerateArray(), e => Assert.Equal("Funding", e.GetProperty("type").GetString()));
        var bad = await (await c.Manager.GetAsync($"{c.Api}/governance/network?year=1800&types=Friendship")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["types", "year"], bad.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var gexf = await (await c.Manager.GetAsync($"{c.Api}/governance/network/export?format=gexf&year=2019")).Content.ReadAsStringAsync();
        Assert.Contains("version=\"1.2\"", gexf, StringComparison.Ordinal);
        Assert.Contains("http://www.gexf.net/1.2draft", gexf, StringComparison.Ordinal);
        var in2019 = await (await c.Manager.GetAsync($"{c.Api}/governance/network?year=2019")).Json(HttpStatusCode.OK);
        using (var reader = new StringReader(gexf)) Assert.Equal(in2019.GetProperty("nodes").GetArrayLength(), NetworkFile.Read(reader, "n.gexf", NetworkFormat.Gexf).Graph.Graph.NodeCount);
        Assert.True(in2010.GetProperty("nodes").GetArrayLength() < in2019.GetProperty("nodes").GetArrayLength());
        await (await c.Manager.GetAsync($"{c.Api}/governance/network/export?format=pdf")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Actors_and_ties_are_validated_field_by_field_listed_with_search_and_sort_and_two_edits_of_one_version_give_one_409()
    {
        var c = await GovernanceCluster.CreateAsync(app, "gov-edit", withNetwork: false);
        var bad = await (await c.Manager.PostJson($"{c.Api}/governance/actors", new { name = "", level = "Galactic", kind = "Ministry", shortName = new string('x', 40) })).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["level", "name", "shortName"], bad.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var nv = await (await c.Manager.PostJson($"{c.Api}/governance/actors", new { name = "Nuclear Valley", shortName = "NV", level = "Cluster", kind = "Association" })).Json(HttpStatusCode.Created);
        var gifen = await (await c.Manager.PostJson($"{c.Api}/governance/actors", new { name = "GIFEN", level = "sectoral", kind = "association" })).Json(HttpStatusCode.Created);
        await (await c.Manager.PostJson($"{c.Api}/governance/actors", new { name = "Other", shortName = "NV", level = "Local", kind = "Region" })).Problem(HttpStatusCode.Conflict);
        await (await c.Manager.PostJson($"{c.Api}/governance/actors", new { name = "GIFEN", level = "Local", kind = "Region" })).Problem(HttpStatusCode.Conflict);
        var (nvId, gifenId) = (nv.GetProperty("id").GetInt32(), gifen.GetProperty("id").GetInt32());

        var badTie = await (await c.Manager.PostJson($"{c.Api}/governance/ties", new { fromActorId = nvId, toActorId = nvId, type = "Membership", fromYear = 2020, toYear = 2018, strength = 9, sourced = true })).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["source", "strength", "toActorId", "toYear"], badTie.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var tie = await (await c.Manager.PostJson($"{c.Api}/governance/ties", new { fromActorId = nvId, toActorId = gifenId, type = "PartnershipAgreement", fromYear = 2018, strength = 3 })).Json(HttpStatusCode.Created);
        // An undirected type: the same agreement the other way round is the same tie.
        await (await c.Manager.PostJson($"{c.Api}/governance/ties", new { fromActorId = gifenId, toActorId = nvId, type = "PartnershipAgreement" })).Problem(HttpStatusCode.Conflict);
        await (await c.Manager.PostJson($"{c.Api}/governance/ties", new { fromActorId = nvId, toActorId = gifenId, type = "Membership" })).Json(HttpStatusCode.Created);

        var sorted = await (await c.Manager.GetAsync($"{c.Api}/governance/actors?sort=-name&search=N")).Json(HttpStatusCode.OK);
        Assert.Equal(["Nuclear Valley", "GIFEN"], sorted.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        var ties = await (await c.Manager.GetAsync($"{c.Api}/governance/ties?search=gifen&sort=type&pageSize=1&page=2")).Json(HttpStatusCode.OK);
        Assert.Equal((2, "PartnershipAgreement"), (ties.GetProperty("total").GetInt32(), ties.GetProperty("items")[0].GetProperty("type").GetString()));

        // Two edits made from the same version: the database lets one through, the other is told it was too late.
        var tieId = tie.GetProperty("id").GetInt32();
        var version = tie.GetProperty("version").GetInt32();
        var staff = await app.CreateClientAsync("Staff", c.Slug);
        var answers = await Task.WhenAll(
            c.Manager.PutAsJsonAsync($"{c.Api}/governance/ties/{tieId}", new { fromActorId = nvId, toActorId = gifenId, type = "PartnershipAgreement", strength = 4, version }),
            staff.PutAsJsonAsync($"{c.Api}/governance/ties/{tieId}", new { fromActorId = nvId, toActorId = gifenId, type = "PartnershipAgreement", strength = 2, version }));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());

        // Deleting an actor deletes its ties, and the history has every change with its author.
        Assert.Equal(HttpStatusCode.NoContent, (await c.Manager.DeleteAsync($"{c.Api}/governance/actors/{gifenId}")).StatusCode);
        var left = await (await c.Manager.GetAsync($"{c.Api}/governance/ties")).Json(HttpStatusCode.OK);
        Assert.Equal(0, left.GetProperty("total").GetInt32());
        var history = await app.WithDb<List<string>>((db, _) => Task.FromResult(db.ChangeRecords
            .Where(r => r.ClusterId == c.ClusterId && (r.Entity == nameof(GovernanceTie) || r.Entity == nameof(GovernanceActor)))
            .Select(r => r.Entity + ":" + r.Kind.ToString()).ToList()));
        Assert.Contains("GovernanceTie:Deleted", history);
        Assert.Contains("GovernanceActor:Created", history);
    }

    [Fact]
    public async Task Observers_read_and_cannot_change_and_another_cluster_sees_nothing()
    {
        var c = await GovernanceCluster.CreateAsync(app, "gov-access");
        var observer = await app.CreateClientAsync("Observer", c.Slug);
        var actors = await (await observer.GetAsync($"{c.Api}/governance/actors")).Json(HttpStatusCode.OK);
        Assert.True(actors.GetProperty("total").GetInt32() > 20);
        await (await observer.PostJson($"{c.Api}/governance/actors", new { name = "X", level = "Local", kind = "Region" })).Problem(HttpStatusCode.Forbidden);
        var rep = await app.CreateClientAsync("MemberRepresentative", c.Slug, "EDF");
        await (await rep.GetAsync($"{c.Api}/governance/network")).Problem(HttpStatusCode.Forbidden);

        var other = await GovernanceCluster.CreateAsync(app, "gov-other", withNetwork: false);
        await (await other.Manager.GetAsync($"{c.Api}/governance/actors")).Problem(HttpStatusCode.NotFound);
        var own = await (await other.Manager.GetAsync($"{other.Api}/governance/network")).Json(HttpStatusCode.OK);
        Assert.Equal(0, own.GetProperty("nodes").GetArrayLength());
        Assert.Equal("NoHub", own.GetProperty("summary")[0].GetProperty("key").GetString());
        var someTie = (await (await c.Manager.GetAsync($"{c.Api}/governance/ties")).Json(HttpStatusCode.OK)).GetProperty("items")[0].GetProperty("id").GetInt32();
        // Another cluster's tie id in one's own cluster's address is not found, and nothing is changed.
        await (await other.Manager.PutAsJsonAsync($"{other.Api}/governance/ties/{someTie}", new { fromActorId = 1, toActorId = 2, type = "Funding" })).Problem(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await other.Manager.DeleteAsync($"{other.Api}/governance/ties/{someTie}")).StatusCode);
        Assert.Equal(someTie, (await (await c.Manager.GetAsync($"{c.Api}/governance/ties")).Json(HttpStatusCode.OK)).GetProperty("items")[0].GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task A_bad_import_is_refused_whole_with_each_error_located()
    {
        var c = await GovernanceCluster.CreateAsync(app, "gov-import", withNetwork: false);
        await (await c.Manager.PostText($"{c.Api}/governance/actors/import?fileName=a.csv", "name,short_name,level,kind\nNuclear Valley,NV,Cluster,Association\nGIFEN,GIFEN,Sectoral,Association\n", "text/csv")).Json(HttpStatusCode.OK);
        const string ties = "from,to,type,from_year,to_year,strength,source,sourced\n"
            + "NV,GIFEN,Membership,2018,,3,paper,yes\n"          // fine
            + "NV,CNI,Funding,,,3,,\n"                           // unknown actor
            + "NV,GIFEN,PartnershipAgreement,2018,2010,7,,maybe\n" // years reversed, strength, flag
            + "GIFEN,NV,Friendship,,,,,\n";                      // type
        var report = await (await c.Manager.PostText($"{c.Api}/governance/ties/import?fileName=ties.csv", ties, "text/csv")).Json(HttpStatusCode.UnprocessableEntity);
        var errors = report.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("row").GetInt32()}:{e.GetProperty("column").GetString()}").ToList();
        Assert.Equal(["3:to", "4:sourced", "5:type"], errors);
        var second = await (await c.Manager.PostText($"{c.Api}/governance/ties/import?fileName=ties.csv", ties.Replace(",maybe", ",no", StringComparison.Ordinal), "text/csv")).Json(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(second.GetProperty("errors").EnumerateArray(), e => e.GetProperty("row").GetInt32() == 4 && e.GetProperty("column").GetString() == "strength" && e.GetProperty("value").GetString() == "7");
        Assert.Contains(second.GetProperty("errors").EnumerateArray(), e => e.GetProperty("row").GetInt32() == 4 && e.GetProperty("column").GetString() == "to_year");
        var listed = await (await c.Manager.GetAsync($"{c.Api}/governance/ties")).Json(HttpStatusCode.OK);
        Assert.Equal(0, listed.GetProperty("total").GetInt32()); // the good first row was not written either

        // An export imports back unchanged.
        await (await c.Manager.PostText($"{c.Api}/governance/ties/import?fileName=ok.csv", "from,to,type,strength\nNV,GIFEN,Membership,3\n", "text/csv")).Json(HttpStatusCode.OK);
        var exported = await (await c.Manager.GetAsync($"{c.Api}/governance/ties/export?format=csv")).Content.ReadAsStringAsync();
        var again = await (await c.Manager.PostText($"{c.Api}/governance/ties/import?fileName=again.csv", exported.TrimStart('\uFEFF'), "text/csv")).Json(HttpStatusCode.OK);
        Assert.Equal((1, 0, 0), (again.GetProperty("unchanged").GetInt32(), again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32()));
    }
}

public sealed class GovernanceOnSqlite(SqliteApplication app) : GovernanceTests<SqliteApplication>(app);
public sealed class GovernanceOnPostgres(PostgresApplication app) : GovernanceTests<PostgresApplication>(app);
