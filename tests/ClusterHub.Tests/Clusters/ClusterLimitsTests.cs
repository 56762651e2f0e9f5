using System.Net;
using ClusterHub.Clusters;

namespace ClusterHub.Tests.Clusters;

/// <summary>A cluster registration holds the same kind of limits as a member: lengths, clean text, sane dates, a web address.</summary>
public abstract class ClusterLimitsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private static string Suffix => typeof(TApp).Name.ToLowerInvariant();

    [Theory]
    [InlineData("name", ClusterLimits.Name)]
    [InlineData("legalForm", ClusterLimits.LegalForm)]
    [InlineData("sector", ClusterLimits.Sector)]
    public async Task A_registration_field_over_its_limit_is_refused_by_name(string field, int limit)
    {
        var admin = await app.CreateClientAsync("admin");
        var body = new Dictionary<string, object?> { ["slug"] = $"long-{field.ToLowerInvariant()}-{Suffix}", ["name"] = "Long", [field] = new string('x', limit + 1) };
        var errors = (await (await admin.PostJson("/api/v1/clusters", body)).Problem(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal($"is longer than {limit} characters", errors.GetProperty(field)[0].GetString());
    }

    [Theory]
    [InlineData("website", "javascript:alert(1)")]
    [InlineData("website", "file:///etc/passwd")]
    [InlineData("foundedOn", "0001-01-01")]
    [InlineData("foundedOn", "2999-01-01")]
    [InlineData("name", "Nuclear\u0000Valley")]
    [InlineData("region", "2A")]
    public async Task A_registration_with_an_impossible_value_is_refused(string field, string value)
    {
        var admin = await app.CreateClientAsync("admin");
        var body = new Dictionary<string, object?> { ["slug"] = $"bad-{field.ToLowerInvariant()}-{Math.Abs(value.GetHashCode(StringComparison.Ordinal)) % 10000}-{Suffix}", ["name"] = "Bad", [field] = value };
        var errors = (await (await admin.PostJson("/api/v1/clusters", body)).Problem(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }

    [Fact]
    public async Task A_full_registration_within_the_limits_is_stored()
    {
        var admin = await app.CreateClientAsync("admin");
        var created = await (await admin.PostJson("/api/v1/clusters", new
        {
            slug = "full-" + Suffix, name = new string('N', ClusterLimits.Name), legalForm = "Association loi 1901", foundedOn = "2005-07-12",
            region = "27", sector = new string('s', ClusterLimits.Sector), website = "https://www.nuclearvalley.com",
        })).Json(HttpStatusCode.Created);
        Assert.Equal(ClusterLimits.Name, created.GetProperty("name").GetString()!.Length);
    }

    [Fact]
    public async Task The_database_columns_are_as_long_as_the_registration_allows()
    {
        var columns = await app.WithDb((db, _) =>
        {
            int? Max<T>(string p) => db.Model.FindEntityType(typeof(T))!.FindProperty(p)!.GetMaxLength();
            return Task.FromResult(new (string, int?, int)[]
            {
                ("Slug", Max<Cluster>(nameof(Cluster.Slug)), ClusterLimits.Slug),
                ("Name", Max<Cluster>(nameof(Cluster.Name)), ClusterLimits.Name),
                ("LegalForm", Max<Cluster>(nameof(Cluster.LegalForm)), ClusterLimits.LegalForm),
                ("Region", Max<Cluster>(nameof(Cluster.Region)), ClusterLimits.Region),
                ("Sector", Max<Cluster>(nameof(Cluster.Sector)), ClusterLimits.Sector),
                ("Website", Max<Cluster>(nameof(Cluster.Website)), ClusterLimits.Website),
                ("Office.City", Max<ClusterOffice>(nameof(ClusterOffice.City)), ClusterLimits.OfficeCity),
                ("Office.Region", Max<ClusterOffice>(nameof(ClusterOffice.Region)), ClusterLimits.Region),
                ("Certification.Label", Max<ClusterCertification>(nameof(ClusterCertification.Label)), ClusterLimits.CertificationLabel),
                ("Certification.Note", Max<ClusterCertification>(nameof(ClusterCertification.Note)), ClusterLimits.CertificationNote),
            });
        });
        Assert.All(columns, c => Assert.True(c.Item2 == c.Item3, $"{c.Item1}: column {c.Item2}, validator {c.Item3}"));
    }
}

public sealed class ClusterLimitsOnSqlite(SqliteApplication app) : ClusterLimitsTests<SqliteApplication>(app);
public sealed class ClusterLimitsOnPostgres(PostgresApplication app) : ClusterLimitsTests<PostgresApplication>(app);
