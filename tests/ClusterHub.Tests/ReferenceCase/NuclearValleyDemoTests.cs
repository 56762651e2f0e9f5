using System.Net;
using ClusterHub.Demo;

namespace ClusterHub.Tests.ReferenceCase;

/// <summary>The reference case: the demo must show the source paper's 2019 figures for Nuclear Valley.</summary>
/// <remarks>One class per provider, in parts by feature (the dashboard here, the pipeline and the finance beside): the demo is loaded once
/// for all of them by the fixture.</remarks>
public abstract partial class NuclearValleyDemoTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private readonly TApp app = app; // a field: the parts in the other files read it too

    [Fact]
    public async Task The_dashboard_shows_the_papers_2019_figures()
    {
        var api = await app.CreateClientAsync("Observer", NuclearValleyDemo.Slug);
        var d = await (await api.GetAsync($"/api/v1/clusters/{NuclearValleyDemo.Slug}/dashboard")).Json(HttpStatusCode.OK);

        var active = d.GetProperty("activeMembers").GetInt32();
        Assert.Equal(270, active);
        int Family(string f) => d.GetProperty("byFamily").EnumerateArray().Single(c => c.GetProperty("key").GetString() == f).GetProperty("members").GetInt32();
        Assert.Equal(85, Math.Round(100.0 * Family("Company") / active));
        Assert.Equal(15, Math.Round(100.0 * Family("EducationResearch") / active));
        Assert.Equal(["27", "84"], d.GetProperty("homeRegions").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(60, Math.Round(100.0 * d.GetProperty("activeInHomeRegions").GetInt32() / active));

        var growth = d.GetProperty("growth").EnumerateArray().ToList();
        Assert.Equal(2005, growth[0].GetProperty("year").GetInt32());
        Assert.Equal((2019, 270), (growth[^1].GetProperty("year").GetInt32(), growth[^1].GetProperty("activeAtYearEnd").GetInt32()));
        Assert.Equal([2016, 2017, 2018, 2019], d.GetProperty("dues").EnumerateArray().Select(y => y.GetProperty("year").GetInt32()));
        Assert.All(d.GetProperty("dues").EnumerateArray(), y => Assert.InRange(y.GetProperty("paidCents").GetInt64(), 1, y.GetProperty("invoicedCents").GetInt64() - 1));

        var profile = await (await api.GetAsync($"/api/v1/clusters/{NuclearValleyDemo.Slug}")).Json(HttpStatusCode.OK);
        Assert.Equal("Chalon-sur-Saône", profile.GetProperty("offices")[0].GetProperty("city").GetString());
        var founders = await (await api.GetAsync($"/api/v1/clusters/{NuclearValleyDemo.Slug}/members?pageSize=200&sort=joined")).Json(HttpStatusCode.OK);
        Assert.Equal(9, founders.GetProperty("items").EnumerateArray().Count(m => m.GetProperty("isFoundingMember").GetBoolean()));

        // The mapping step: the URSSAF Rouen table by commune and by département, the US states file, the nuclear
        // definition and the saved views.
        var datasets = await (await api.GetAsync($"/api/v1/clusters/{NuclearValleyDemo.Slug}/mapping/datasets")).Json(HttpStatusCode.OK);
        Assert.Equal(3, datasets.GetProperty("total").GetInt32());
        var byDepartement = datasets.GetProperty("items").EnumerateArray().Single(x => x.GetProperty("name").GetString() == ClusterHub.Mapping.MappingDemo.DepartementDataset);
        var urssaf = datasets.GetProperty("items").EnumerateArray().Single(x => x.GetProperty("name").GetString()!.StartsWith("URSSAF", StringComparison.Ordinal)
            && x.GetProperty("id").GetInt32() != byDepartement.GetProperty("id").GetInt32());
        Assert.Equal((2006, 2022, 218), (urssaf.GetProperty("firstYear").GetInt32(), urssaf.GetProperty("lastYear").GetInt32(), urssaf.GetProperty("regions").GetInt32()));
        var views = await (await api.GetAsync($"/api/v1/clusters/{NuclearValleyDemo.Slug}/mapping/datasets/{urssaf.GetProperty("id").GetInt32()}/views")).Json(HttpStatusCode.OK);
        Assert.Equal("Where is the nuclear cluster strong", views[0].GetProperty("name").GetString());
        var departementViews = await (await api.GetAsync($"/api/v1/clusters/{NuclearValleyDemo.Slug}/mapping/datasets/{byDepartement.GetProperty("id").GetInt32()}/views")).Json(HttpStatusCode.OK);
        Assert.Equal(ClusterHub.Mapping.MappingDemo.DepartementViewName, departementViews[0].GetProperty("name").GetString());

        // Loading again reuses what is there.
        await app.WithDb<int>(async (_, sp) => { await NuclearValleyDemo.LoadAsync(sp, TextWriter.Null, default); return 0; });
        Assert.Equal(298, await app.WithDb((db, _) => Task.FromResult(db.Members.Count())));
    }
}

public sealed class NuclearValleyDemoOnSqlite(SqliteDemoApplication app) : NuclearValleyDemoTests<SqliteDemoApplication>(app);
public sealed class NuclearValleyDemoOnPostgres(PostgresDemoApplication app) : NuclearValleyDemoTests<PostgresDemoApplication>(app);
