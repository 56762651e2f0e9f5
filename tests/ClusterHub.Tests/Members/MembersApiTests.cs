using System.Net;
using System.Text.Json;

namespace ClusterHub.Tests.Members;

public abstract class MembersApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private static object Member(string name, string type = "Sme", string? headcount = "30", string? dep = "71", string joined = "2015-03-01") =>
        new { name, type, headcount, departement = dep, joinedOn = joined, city = "Chalon-sur-Saône", contacts = new[] { new { fullName = "Ada Martin", email = "ada@example.org", consentToContact = "yes" } } };

    [Fact]
    public async Task A_manager_creates_a_member_whose_size_class_and_region_are_derived()
    {
        var c = await app.CreateClusterAsync("create-" + typeof(TApp).Name.ToLowerInvariant());
        var api = await app.CreateClientAsync("Manager", c.Slug);
        var created = await (await api.PostJson($"/api/v1/clusters/{c.Slug}/members", Member("Forges de Chalon"))).Json(HttpStatusCode.Created);
        var m = created.GetProperty("member");
        Assert.Equal("Small", m.GetProperty("sizeClass").GetString());
        Assert.Equal("27", m.GetProperty("region").GetString()); // département 71 is in Bourgogne-Franche-Comté
        Assert.Equal("Ada Martin", created.GetProperty("contacts")[0].GetProperty("fullName").GetString());
        Assert.Equal("Active", created.GetProperty("history")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_invalid_member_gets_a_validation_problem_naming_every_bad_field_and_nothing_is_stored()
    {
        var c = await app.CreateClusterAsync("invalid-" + typeof(TApp).Name.ToLowerInvariant());
        var api = await app.CreateClientAsync("Staff", c.Slug);
        var problem = await (await api.PostJson($"/api/v1/clusters/{c.Slug}/members", Member("", type: "Giant", headcount: "-3", dep: "999", joined: "2999-01-01"))).Problem(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "name", "type", "headcount", "departement", "joined_on" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        var list = await (await api.GetAsync($"/api/v1/clusters/{c.Slug}/members")).Json(HttpStatusCode.OK);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_list_filters_sorts_and_pages()
    {
        var c = await app.CreateClusterAsync("list-" + typeof(TApp).Name.ToLowerInvariant());
        var api = await app.CreateClientAsync("Manager", c.Slug);
        for (var i = 0; i < 7; i++)
            await (await api.PostJson($"/api/v1/clusters/{c.Slug}/members", Member($"Société {(char)('A' + i)}", type: i % 2 == 0 ? "Sme" : "University", dep: i < 4 ? "71" : "69"))).Json(HttpStatusCode.Created);

        var page2 = await (await api.GetAsync($"/api/v1/clusters/{c.Slug}/members?sort=-name&page=2&pageSize=3")).Json(HttpStatusCode.OK);
        Assert.Equal(7, page2.GetProperty("total").GetInt32());
        Assert.Equal(3, page2.GetProperty("pageCount").GetInt32());
        Assert.Equal(["Société D", "Société C", "Société B"], page2.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("name").GetString()));

        var sme = await (await api.GetAsync($"/api/v1/clusters/{c.Slug}/members?type=Sme&region=84")).Json(HttpStatusCode.OK);
        Assert.Equal(["Société E", "Société G"], sme.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("name").GetString()));

        var search = await (await api.GetAsync($"/api/v1/clusters/{c.Slug}/members?search=societe%20f")).Json(HttpStatusCode.OK);
        Assert.Equal("Société F", search.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal(1, search.GetProperty("total").GetInt32());

        var bad = await api.GetAsync($"/api/v1/clusters/{c.Slug}/members?type=Giant");
        await bad.Problem(HttpStatusCode.BadRequest);
    }

    private const string GoodCsv = """
        name,type,headcount,turnover_eur,departement,city,joined_on,status,status_since,contact_name,contact_email,contact_consent
        Usinage du Creusot,Sme,25,3000000,71,Le Creusot,2010-05-01,Active,,Léa Petit,lea@usinage.example,yes
        Université de Bourgogne,University,2800,,21,Dijon,2005-07-12,Active,,,,
        Vannes Rhône,MicroStartup,4,,69,Lyon,2012-01-01,Left,2018-06-30,,,
        """;

    [Fact]
    public async Task A_csv_import_creates_members_and_a_reimport_changes_nothing()
    {
        var c = await app.CreateClusterAsync("import-" + typeof(TApp).Name.ToLowerInvariant());
        var api = await app.CreateClientAsync("Staff", c.Slug);
        var first = await (await api.PostText($"/api/v1/clusters/{c.Slug}/members/import?fileName=members.csv", GoodCsv, "text/csv")).Json(HttpStatusCode.OK);
        Assert.Equal(3, first.GetProperty("created").GetInt32());

        var again = await (await api.PostText($"/api/v1/clusters/{c.Slug}/members/import?fileName=members.csv", GoodCsv, "text/csv")).Json(HttpStatusCode.OK);
        Assert.Equal((0, 0, 3), (again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()));
        var history = await app.WithDb((db, _) => Task.FromResult(db.MemberStatusChanges.Count(s => db.Members.Any(m => m.Id == s.MemberId && m.ClusterId == c.Id))));
        Assert.Equal(4, history); // three "joined" and one "Left"

        var changed = GoodCsv.Replace("Usinage du Creusot,Sme,25", "Usinage du Creusot,Sme,60", StringComparison.Ordinal);
        var third = await (await api.PostText($"/api/v1/clusters/{c.Slug}/members/import?fileName=members.csv", changed, "text/csv")).Json(HttpStatusCode.OK);
        Assert.Equal((0, 1, 2), (third.GetProperty("created").GetInt32(), third.GetProperty("updated").GetInt32(), third.GetProperty("unchanged").GetInt32()));
    }

    [Fact]
    public async Task A_bad_import_reports_every_error_with_row_and_column_and_writes_nothing()
    {
        var c = await app.CreateClusterAsync("badimport-" + typeof(TApp).Name.ToLowerInvariant());
        var api = await app.CreateClientAsync("Manager", c.Slug);
        const string csv = """
            name,type,headcount,departement,city,joined_on,national_id
            Bonne Entreprise,Sme,12,71,Mâcon,2011-01-01,
            ,Sme,12,71,Mâcon,2011-01-01,
            Mauvais Type,Spaceship,12,71,Mâcon,2011-13-01,
            Mauvais Siren,Sme,abc,71,Mâcon,2011-01-01,123456789
            Bonne Entreprise,Sme,12,71,Mâcon,2012-01-01,
            """;
        var report = await (await api.PostText($"/api/v1/clusters/{c.Slug}/members/import?fileName=bad.csv", csv, "text/csv")).Json(HttpStatusCode.UnprocessableEntity);
        var errors = report.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("file").GetString(), e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal(
            [("bad.csv", 3, "name"), ("bad.csv", 4, "type"), ("bad.csv", 4, "joined_on"), ("bad.csv", 5, "headcount"), ("bad.csv", 5, "national_id"), ("bad.csv", 6, "name")],
            errors);
        Assert.Contains("duplicates row 2", report.GetProperty("errors")[5].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDb((db, _) => Task.FromResult(db.Members.Count(m => m.ClusterId == c.Id))));
    }

    [Fact]
    public async Task A_json_import_takes_several_contacts_and_malformed_json_is_located()
    {
        var c = await app.CreateClusterAsync("json-" + typeof(TApp).Name.ToLowerInvariant());
        var api = await app.CreateClientAsync("Manager", c.Slug);
        const string json = """
            [{ "name": "Robotique Atome", "type": "Sme", "headcount": 40, "departement": "26", "city": "Pierrelatte", "joined_on": "2016-04-04",
               "contacts": [{ "name": "Jo Bernard", "email": "jo@ra.example", "consent": "yes" }, { "name": "Sam Roux", "role": "CTO" }] }]
            """;
        var ok = await (await api.PostText($"/api/v1/clusters/{c.Slug}/members/import", json, "application/json")).Json(HttpStatusCode.OK);
        Assert.Equal(1, ok.GetProperty("created").GetInt32());
        var id = (await (await api.GetAsync($"/api/v1/clusters/{c.Slug}/members")).Json(HttpStatusCode.OK)).GetProperty("items")[0].GetProperty("id").GetInt32();
        var details = await (await api.GetAsync($"/api/v1/clusters/{c.Slug}/members/{id}")).Json(HttpStatusCode.OK);
        Assert.Equal(2, details.GetProperty("contacts").GetArrayLength());
        Assert.Equal("84", details.GetProperty("member").GetProperty("region").GetString());

        var broken = await (await api.PostText($"/api/v1/clusters/{c.Slug}/members/import?fileName=broken.json", "[{\"name\": \"x\",\n \"type\": }]", "application/json")).Json(HttpStatusCode.UnprocessableEntity);
        var error = broken.GetProperty("errors")[0];
        Assert.Equal(("broken.json", 2), (error.GetProperty("file").GetString(), error.GetProperty("row").GetInt32()));
    }

    [Fact]
    public async Task An_export_imports_back_unchanged_in_csv_and_json()
    {
        var c = await app.CreateClusterAsync("roundtrip-" + typeof(TApp).Name.ToLowerInvariant());
        var api = await app.CreateClientAsync("Manager", c.Slug);
        await (await api.PostText($"/api/v1/clusters/{c.Slug}/members/import", GoodCsv, "text/csv")).Json(HttpStatusCode.OK);
        foreach (var (format, media) in new[] { ("csv", "text/csv"), ("json", "application/json") })
        {
            var export = await api.GetAsync($"/api/v1/clusters/{c.Slug}/members/export?format={format}");
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            var text = await export.Content.ReadAsStringAsync();
            var back = await (await api.PostText($"/api/v1/clusters/{c.Slug}/members/import", text, media)).Json(HttpStatusCode.OK);
            Assert.Equal((3, 3), (back.GetProperty("rows").GetInt32(), back.GetProperty("unchanged").GetInt32()));
        }
    }
}

public sealed class MembersApiOnSqlite(SqliteApplication app) : MembersApiTests<SqliteApplication>(app);
public sealed class MembersApiOnPostgres(PostgresApplication app) : MembersApiTests<PostgresApplication>(app);
