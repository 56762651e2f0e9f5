using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClusterHub.Members;
using ClusterHub.Web;

namespace ClusterHub.Tests.Members;

/// <summary>
/// What a member record may hold: every text field has a length the validator states and the database
/// column agrees with, numbers and dates stay in sane ranges, codes come from reference lists.
/// </summary>
public abstract class MemberLimitsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private static string Suffix => typeof(TApp).Name.ToLowerInvariant();
    private static readonly string Today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<(string Slug, HttpClient Api)> ClusterAsync(string name)
    {
        var c = await app.CreateClusterAsync($"{name}-{Suffix}");
        return (c.Slug, await app.CreateClientAsync("Manager", c.Slug));
    }

    private static Dictionary<string, object?> Valid(string name = "Forges de Chalon") => new()
    {
        ["name"] = name, ["type"] = "Sme", ["headcount"] = "30", ["departement"] = "71", ["joinedOn"] = "2015-03-01", ["city"] = "Chalon-sur-Saône",
    };

    private static async Task<JsonElement> ErrorsOf(HttpResponseMessage response) =>
        (await response.Problem(HttpStatusCode.BadRequest)).GetProperty("errors");

    [Theory]
    [InlineData("name", "name", MemberLimits.Name)]
    [InlineData("city", "city", MemberLimits.City)]
    [InlineData("region", "region", MemberLimits.Region)]
    [InlineData("sectorCodes", "sector_codes", MemberLimits.SectorCodes)]
    public async Task A_text_field_over_its_limit_is_refused_naming_the_field_and_the_limit(string property, string field, int limit)
    {
        var (slug, api) = await ClusterAsync("len-" + field.Replace('_', '-'));
        var body = Valid();
        body["country"] = "DE"; // free-text region abroad
        body["departement"] = null;
        body[property] = property == "sectorCodes" ? string.Join(' ', Enumerable.Repeat("25.11", limit / 6 + 1)) : new string('x', limit + 1);
        var errors = await ErrorsOf(await api.PostJson($"/api/v1/clusters/{slug}/members", body));
        var reason = Assert.Single(errors.GetProperty(field).EnumerateArray()).GetString();
        Assert.Equal($"is longer than {limit} characters", reason);
    }

    [Fact]
    public async Task A_value_at_the_limit_is_stored_whole_and_read_back_on_both_databases()
    {
        var (slug, api) = await ClusterAsync("len-at");
        var body = Valid(new string('N', MemberLimits.Name));
        body["country"] = "DE";
        body["departement"] = null;
        body["city"] = new string('é', MemberLimits.City);
        body["region"] = new string('R', MemberLimits.Region);
        body["contacts"] = new[] { new { fullName = new string('F', MemberLimits.ContactName), role = new string('r', MemberLimits.ContactRole), phone = new string('1', MemberLimits.ContactPhone),
            email = new string('e', MemberLimits.ContactEmail - "@example.org".Length) + "@example.org" } };
        var created = await (await api.PostJson($"/api/v1/clusters/{slug}/members", body)).Json(HttpStatusCode.Created);
        Assert.Equal(MemberLimits.City, created.GetProperty("member").GetProperty("city").GetString()!.Length);
        Assert.Equal(MemberLimits.ContactEmail, created.GetProperty("contacts")[0].GetProperty("email").GetString()!.Length);
    }

    [Fact]
    public async Task Contact_fields_over_their_limits_are_refused_by_name()
    {
        var (slug, api) = await ClusterAsync("len-contact");
        var body = Valid();
        body["contacts"] = new[] { new { fullName = new string('F', MemberLimits.ContactName + 1), role = new string('r', MemberLimits.ContactRole + 1),
            email = new string('e', MemberLimits.ContactEmail) + "@example.org", phone = new string('1', MemberLimits.ContactPhone + 1) } };
        var errors = await ErrorsOf(await api.PostJson($"/api/v1/clusters/{slug}/members", body));
        Assert.Equal(["contact_email", "contact_name", "contact_phone", "contact_role"], errors.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task Too_many_contacts_are_refused()
    {
        var (slug, api) = await ClusterAsync("many-contacts");
        var body = Valid();
        body["contacts"] = Enumerable.Range(0, MemberLimits.Contacts + 1).Select(i => new { fullName = $"Person {i}" }).ToArray();
        var errors = await ErrorsOf(await api.PostJson($"/api/v1/clusters/{slug}/members", body));
        Assert.Equal($"has more than {MemberLimits.Contacts} entries", errors.GetProperty("contacts")[0].GetString());
    }

    [Theory]
    [InlineData("name", "Forges\u0000de Chalon")]
    [InlineData("city", "Chalon\u0007")]
    [InlineData("name", "Forges \uFFFE")]
    [InlineData("city", "line\nbreak")]
    public async Task Control_characters_and_noncharacters_are_refused(string field, string value)
    {
        var (slug, api) = await ClusterAsync("ctl-" + field + "-" + (int)value[^1]);
        var body = Valid();
        body[field] = value;
        var errors = await ErrorsOf(await api.PostJson($"/api/v1/clusters/{slug}/members", body));
        Assert.Equal("contains a control character or an invalid character", errors.GetProperty(field)[0].GetString());
    }

    [Theory]
    [InlineData("headcount", "99999999999")]
    [InlineData("headcount", "10000001")]
    [InlineData("headcount", "-3")]
    [InlineData("turnoverEur", "99999999999999999999")]
    [InlineData("turnoverEur", "10000000000001")]
    [InlineData("turnoverEur", "-1")]
    public async Task Headcount_and_turnover_stay_within_their_ranges(string property, string value)
    {
        var (slug, api) = await ClusterAsync($"range-{property.ToLowerInvariant()}-{value.Length}{(value[0] == '-' ? "n" : "")}");
        var body = Valid();
        body[property] = value;
        var errors = await ErrorsOf(await api.PostJson($"/api/v1/clusters/{slug}/members", body));
        Assert.True(errors.TryGetProperty(property == "headcount" ? "headcount" : "turnover_eur", out _), errors.ToString());
    }

    [Theory]
    [InlineData("joinedOn", "0001-01-01", "joined_on")]
    [InlineData("joinedOn", "1899-12-31", "joined_on")]
    [InlineData("joinedOn", "9999-12-31", "joined_on")]
    [InlineData("statusSince", "2099-01-01", "status_since")]
    [InlineData("statusSince", "1800-01-01", "status_since")]
    public async Task Dates_stay_between_1900_and_today(string property, string value, string field)
    {
        var (slug, api) = await ClusterAsync($"date-{field.Replace('_', '-')}-{value[..4]}");
        var body = Valid();
        body["status"] = "Left";
        body[property] = value;
        var errors = await ErrorsOf(await api.PostJson($"/api/v1/clusters/{slug}/members", body));
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }

    [Fact]
    public async Task Dates_at_the_bounds_are_accepted()
    {
        var (slug, api) = await ClusterAsync("date-bounds");
        var body = Valid();
        body["joinedOn"] = "1900-01-01";
        body["status"] = "Left";
        body["statusSince"] = Today;
        await (await api.PostJson($"/api/v1/clusters/{slug}/members", body)).Json(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("XX", null, "country")]      // two letters, but no country
    [InlineData("EU", null, "country")]      // an exceptional reservation, not a country
    [InlineData("DE", "ZZ1", "nuts_code")]   // ZZ is no NUTS country
    [InlineData("DE", "FR10", "nuts_code")]  // a French region for a German member
    [InlineData("DE", "DE2!", "nuts_code")]
    [InlineData("DE", "DE1234", "nuts_code")]
    public async Task Country_and_nuts_codes_are_checked_against_reference_lists(string country, string? nuts, string field)
    {
        var (slug, api) = await ClusterAsync($"codes-{country.ToLowerInvariant()}-{(nuts ?? "none").ToLowerInvariant().Replace('!', 'x')}");
        var body = Valid();
        body["country"] = country;
        body["departement"] = null;
        body["nutsCode"] = nuts;
        var errors = await ErrorsOf(await api.PostJson($"/api/v1/clusters/{slug}/members", body));
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }

    [Theory]
    [InlineData("DE", "DE21")]
    [InlineData("GR", "EL30")]  // NUTS writes Greece EL
    [InlineData("GB", "UKI3")]  // and the United Kingdom UK
    [InlineData("IT", "ITC4")]
    [InlineData("NO", "NO0")]
    [InlineData("CA", null)]
    public async Task Real_countries_and_their_nuts_regions_are_accepted(string country, string? nuts)
    {
        var (slug, api) = await ClusterAsync($"codes-ok-{country.ToLowerInvariant()}");
        var body = Valid();
        body["country"] = country;
        body["departement"] = null;
        body["nutsCode"] = nuts;
        await (await api.PostJson($"/api/v1/clusters/{slug}/members", body)).Json(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_namesake_in_another_city_is_created_with_a_warning_and_one_in_the_same_city_is_a_duplicate()
    {
        var (slug, api) = await ClusterAsync("dup-name");
        var first = await (await api.PostJson($"/api/v1/clusters/{slug}/members", Valid("Forges de Chalon"))).Json(HttpStatusCode.Created);
        Assert.False(first.TryGetProperty("warnings", out _), "no warning on the first one");
        var firstId = first.GetProperty("member").GetProperty("id").GetInt32();

        // The same normalised name in the same city is the same organisation: refused (main's uniqueness rule).
        var same = await (await api.PostJson($"/api/v1/clusters/{slug}/members", Valid("  FORGES de  chalon "))).Problem(HttpStatusCode.Conflict);
        Assert.True(same.GetProperty("errors").TryGetProperty("name", out _));

        var elsewhere = Valid("  FORGES de  chalon ");
        elsewhere["departement"] = "21";
        elsewhere["city"] = "Dijon";
        var second = await (await api.PostJson($"/api/v1/clusters/{slug}/members", elsewhere)).Json(HttpStatusCode.Created);
        var warning = Assert.Single(second.GetProperty("warnings").EnumerateArray());
        Assert.Equal("name", warning.GetProperty("field").GetString());
        Assert.Equal("has the same name as another member of the cluster", warning.GetProperty("reason").GetString());
        Assert.Equal(firstId, warning.GetProperty("memberId").GetInt32());

        // Reading the member back carries no warning: it is about the request, not the record.
        var id = second.GetProperty("member").GetProperty("id").GetInt32();
        var read = await (await api.GetAsync($"/api/v1/clusters/{slug}/members/{id}")).Json(HttpStatusCode.OK);
        Assert.False(read.TryGetProperty("warnings", out _));
        var list = await (await api.GetAsync($"/api/v1/clusters/{slug}/members")).Json(HttpStatusCode.OK);
        Assert.Equal(2, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_database_columns_are_as_long_as_the_validator_allows()
    {
        var lengths = await app.WithDb((db, _) =>
        {
            int? Max<T>(string property) => db.Model.FindEntityType(typeof(T))!.FindProperty(property)!.GetMaxLength();
            return Task.FromResult(new Dictionary<string, (int?, int)>
            {
                ["Name"] = (Max<Member>(nameof(Member.Name)), MemberLimits.Name),
                ["NormalizedName"] = (Max<Member>(nameof(Member.NormalizedName)), MemberLimits.NormalizedName),
                ["NationalId"] = (Max<Member>(nameof(Member.NationalId)), MemberLimits.NationalId),
                ["Country"] = (Max<Member>(nameof(Member.Country)), 2),
                ["Region"] = (Max<Member>(nameof(Member.Region)), MemberLimits.Region),
                ["Departement"] = (Max<Member>(nameof(Member.Departement)), MemberLimits.Departement),
                ["NutsCode"] = (Max<Member>(nameof(Member.NutsCode)), MemberLimits.NutsCode),
                ["City"] = (Max<Member>(nameof(Member.City)), MemberLimits.City),
                ["SectorCodes"] = (Max<Member>(nameof(Member.SectorCodes)), MemberLimits.SectorCodes),
                ["FullName"] = (Max<MemberContact>(nameof(MemberContact.FullName)), MemberLimits.ContactName),
                ["Role"] = (Max<MemberContact>(nameof(MemberContact.Role)), MemberLimits.ContactRole),
                ["Email"] = (Max<MemberContact>(nameof(MemberContact.Email)), MemberLimits.ContactEmail),
                ["Phone"] = (Max<MemberContact>(nameof(MemberContact.Phone)), MemberLimits.ContactPhone),
                ["Reason"] = (Max<MemberStatusChange>(nameof(MemberStatusChange.Reason)), MemberLimits.StatusReason),
            });
        });
        Assert.All(lengths, l => Assert.True(l.Value.Item1 == l.Value.Item2, $"{l.Key}: column {l.Value.Item1}, validator {l.Value.Item2}"));
    }

    [Theory]
    [InlineData("search=%EF%BF%BE")] // U+FFFE: name normalisation used to throw on it
    [InlineData("search=a%00b")]     // U+0000: PostgreSQL refuses it even as a parameter
    [InlineData("region=%01")]
    public async Task A_filter_no_member_can_match_is_a_bad_request_not_a_crash(string query)
    {
        var (slug, api) = await ClusterAsync("filter-" + Math.Abs(query.GetHashCode(StringComparison.Ordinal)) % 100000);
        var problem = await (await api.GetAsync($"/api/v1/clusters/{slug}/members?{query}")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(InputText.Unreadable, problem.GetProperty("errors").GetProperty(query[..query.IndexOf('=', StringComparison.Ordinal)])[0].GetString());
        await (await api.GetAsync($"/api/v1/clusters/{slug}/members/export?{query}")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_undefined_enum_value_in_a_filter_is_a_bad_request()
    {
        var (slug, api) = await ClusterAsync("enum-filter");
        await (await api.GetAsync($"/api/v1/clusters/{slug}/members?type=999")).Problem(HttpStatusCode.BadRequest);
        await (await api.GetAsync($"/api/v1/clusters/{slug}/members?status=7")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_update_is_held_to_the_same_limits()
    {
        var (slug, api) = await ClusterAsync("len-update");
        var id = (await (await api.PostJson($"/api/v1/clusters/{slug}/members", Valid())).Json(HttpStatusCode.Created)).GetProperty("member").GetProperty("id").GetInt32();
        var body = Valid();
        body["city"] = new string('c', MemberLimits.City + 1);
        var errors = await ErrorsOf(await api.PutAsJsonAsync($"/api/v1/clusters/{slug}/members/{id}", body));
        Assert.True(errors.TryGetProperty("city", out _));
    }
}

public sealed class MemberLimitsOnSqlite(SqliteApplication app) : MemberLimitsTests<SqliteApplication>(app);
public sealed class MemberLimitsOnPostgres(PostgresApplication app) : MemberLimitsTests<PostgresApplication>(app);

/// <summary>The reference lists and the rules that need no database.</summary>
public class MemberReferenceListTests
{
    [Fact]
    public void The_iso_list_has_the_249_officially_assigned_codes()
    {
        Assert.Equal(249, Countries.Iso3166Alpha2.Count);
        Assert.True(Countries.Iso3166Alpha2.Contains("FR") && Countries.Iso3166Alpha2.Contains("KR"));
        Assert.False(Countries.Iso3166Alpha2.Contains("XK"), "RegionInfo knows Kosovo; ISO has not assigned it");
        Assert.False(Countries.Iso3166Alpha2.Contains("EU") || Countries.Iso3166Alpha2.Contains("UK"), "reserved, not assigned");
    }

    [Fact]
    public void Every_nuts_country_but_greece_and_the_uk_is_its_iso_country()
    {
        Assert.All(Countries.NutsCountries, n => Assert.True(Countries.Iso3166Alpha2.Contains(Countries.IsoOfNuts(n)), n));
        Assert.Equal("GR", Countries.IsoOfNuts("EL"));
        Assert.Equal("GB", Countries.IsoOfNuts("UK"));
    }

    [Fact]
    public void A_normalised_name_is_at_most_three_times_as_long_as_the_name()
    {
        // Hangul syllables decompose into up to three jamo that are letters, not marks: the column is sized for it.
        var worst = Enumerable.Range(0, 0x10000).Where(c => !char.IsSurrogate((char)c)).Max(c => Names.Normalize(((char)c).ToString()).Length);
        Assert.Equal(3, worst);
        Assert.Equal(MemberLimits.Name * 3, MemberLimits.NormalizedName);
    }

    [Fact]
    public void Normalising_never_throws_on_invalid_text()
    {
        Assert.Equal("A B", Names.Normalize("a\uFFFEb"));
        Assert.Equal("A B", Names.Normalize("a\uD800b"));
    }
}
