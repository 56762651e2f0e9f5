using System.Net;
using System.Text.Json;

namespace ClusterHub.Tests.Projects;

/// <summary>A cluster with three members, a funder and an open call, and the helpers the project tests speak in.</summary>
public sealed record ProjectsCluster(string Slug, HttpClient Manager, int Sfarsteel, int Pme, int Lab, int FunderId, int CallId, int AreaId, int OtherAreaId)
{
    public string Api => $"/api/v1/clusters/{Slug}";

    public static async Task<ProjectsCluster> CreateAsync(ClusterHubApplication app, string prefix)
    {
        var c = await app.CreateClusterAsync(prefix + "-" + Guid.NewGuid().ToString("N")[..8]);
        var manager = await app.CreateClientAsync("Manager", c.Slug);
        const string csv = """
            name,type,headcount,joined_on,contact_name,contact_email,contact_consent
            Sfarsteel,LargeCompany,300,2005-07-12,Ada Martin,ada@sfarsteel.example,yes
            PME Usinage,Sme,30,2008-01-01,,,
            Labo Matériaux,ResearchOrganisation,,2006-01-01,,,
            """;
        var import = await (await manager.PostText($"/api/v1/clusters/{c.Slug}/members/import", csv, "text/csv")).Json(HttpStatusCode.OK);
        Assert.Equal(3, import.GetProperty("created").GetInt32());
        var members = await (await manager.GetAsync($"/api/v1/clusters/{c.Slug}/members?pageSize=10")).Json(HttpStatusCode.OK);
        int Id(string name) => members.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("name").GetString() == name).GetProperty("id").GetInt32();
        var funder = await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/funders", new { name = "FUI", kind = "StateProgramme" })).Json(HttpStatusCode.Created);
        var call = await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/calls", Call(funder.GetProperty("id").GetInt32()))).Json(HttpStatusCode.Created);
        // The Strategy feature's lists are the secretariat's configuration (no API writes them yet): two areas straight in the database.
        var areas = await app.WithDb(async (db, _) =>
        {
            var a1 = new ClusterHub.Strategy.StrategicArea { ClusterId = c.Id, Code = "A1", Name = "Eco-manufacturing", Order = 1 };
            var a2 = new ClusterHub.Strategy.StrategicArea { ClusterId = c.Id, Code = "A2", Name = "High-performance components", Order = 2 };
            db.StrategicAreas.AddRange(a1, a2);
            await db.SaveChangesAsync();
            return (a1.Id, a2.Id);
        });
        return new(c.Slug, manager, Id("Sfarsteel"), Id("PME Usinage"), Id("Labo Matériaux"), funder.GetProperty("id").GetInt32(), call.GetProperty("call").GetProperty("id").GetInt32(), areas.Item1, areas.Item2);
    }

    /// <summary>An FUI-like call: three partners, an SME among them, 36 months at most; large companies 30 %, SMEs 45 %, research 100 %.</summary>
    public static object Call(int funderId, string state = "Open", string closesOn = "2099-12-31") => new
    {
        funderId, title = "FUI 30", themes = "Nuclear manufacturing", opensOn = "2020-01-01", closesOn, state,
        minPartners = 3, requiresSme = true, maxDurationMonths = 36,
        fundingRates = new[] { new { category = "LargeCompany", maxRatePercent = 30 }, new { category = "Sme", maxRatePercent = 45 }, new { category = "Research", maxRatePercent = 100 } },
    };

    /// <summary>An eligible proposal coordinated by Sfarsteel (with its call unless <paramref name="withCall"/> is false).</summary>
    public object Proposal(string acronym = "FORGE", bool withCall = true, int duration = 24, object[]? partners = null, int? callId = null) => new
    {
        title = "Forged components for " + acronym, acronym, summary = "Large forged parts", callId = withCall ? callId ?? CallId : (int?)null,
        strategicAreaId = AreaId, durationMonths = duration, trlStart = 3, trlTarget = 6, expectedOutcomes = "A product",
        partners = partners ?? [
            new { memberId = (int?)Sfarsteel, name = (string?)null, category = (string?)null, role = "Coordinator", budgetEur = 1_000_000m, requestedEur = 300_000m },
            new { memberId = (int?)Pme, name = (string?)null, category = (string?)null, role = "Partner", budgetEur = 400_000m, requestedEur = 180_000m },
            new { memberId = (int?)Lab, name = (string?)null, category = (string?)null, role = "Partner", budgetEur = 200_000m, requestedEur = 200_000m },
        ],
    };

    public async Task<int> CreateProposalAsync(HttpClient? client = null, object? proposal = null)
    {
        var created = await (await (client ?? Manager).PostJson($"{Api}/proposals", proposal ?? Proposal())).Json(HttpStatusCode.Created);
        return created.GetProperty("proposal").GetProperty("id").GetInt32();
    }

    public Task<HttpResponseMessage> MoveAsync(int id, string action, string? reason = null, HttpClient? client = null) =>
        (client ?? Manager).PostJson($"{Api}/proposals/{id}/{action}", new { reason });

    public async Task<JsonElement> GetAsync(int id) => await (await Manager.GetAsync($"{Api}/proposals/{id}")).Json(HttpStatusCode.OK);
}
