using System.Net;
using System.Text.Json;
using ClusterHub.Demo;

namespace ClusterHub.Tests.ReferenceCase;

// The demo's budget gives the paper's funding mix when computed: 40 % public (10 % state, 30 % regions), 12 staff.
public abstract partial class NuclearValleyDemoTests<TApp>
{
    [Fact]
    public async Task Every_demo_year_is_40_percent_public_10_state_30_regions_with_12_staff()
    {
        var api = await app.CreateClientAsync("Observer", NuclearValleyDemo.Slug);
        foreach (var year in new[] { 2016, 2017, 2018, 2019 })
        {
            var rows = (await (await api.GetAsync($"/api/v1/clusters/{NuclearValleyDemo.Slug}/indicators?year={year}")).Json(HttpStatusCode.OK))
                .EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("value"));
            // Computed from the ledger's dues and the typed lines; the amounts are whole euros, so the shares hold to a thousandth.
            Assert.Equal(0.40, rows["finance.public_share"].GetDouble(), 3);
            Assert.Equal(0.10, rows["finance.state_share"].GetDouble(), 3);
            Assert.Equal(0.30, rows["finance.regions_share"].GetDouble(), 3);
            Assert.Equal(12, rows["finance.staff"].GetDouble());
            Assert.True(rows["finance.top3_payer_share"].GetDouble() < 0.5, $"{year}: the three largest payers give half the budget or more");
        }
        var report = await (await api.GetAsync($"/api/v1/clusters/{NuclearValleyDemo.Slug}/finance/2019")).Json(HttpStatusCode.OK);
        var payers = report.GetProperty("payers").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("Région Auvergne-Rhône-Alpes", payers);
        Assert.Contains("EDF", payers);
        Assert.Equal(JsonValueKind.Number, report.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "Dues").GetProperty("actualEur").ValueKind);
    }
}

