using System.Net;
using ClusterHub.Demo;

namespace ClusterHub.Tests.ReferenceCase;

// The reference case: the demo's pipeline shows the source paper's 2011 figures, on the dashboard and as indicators.
public abstract partial class NuclearValleyDemoTests<TApp>
{
    [Fact]
    public async Task The_pipeline_shows_the_papers_2011_figures()
    {
        var observer = await app.CreateClientAsync("Observer", NuclearValleyDemo.Slug);
        var funnel = await (await observer.GetAsync($"/api/v1/clusters/{NuclearValleyDemo.Slug}/projects/funnel")).Json(HttpStatusCode.OK);
        var years = funnel.GetProperty("years").EnumerateArray().ToDictionary(y => y.GetProperty("year").GetInt32());
        Assert.Equal((80, 34), (years[2011].GetProperty("workedOn").GetInt32(), years[2011].GetProperty("certified").GetInt32()));
        Assert.Equal(2006, years.Keys.Min());
        Assert.True(years.Values.Sum(y => y.GetProperty("onTheMarket").GetInt32()) > 0, "some projects reach the market");
        Assert.True(funnel.GetProperty("total").GetProperty("perEuro").GetDouble() > 1, "a funded project's budget exceeds its public money");

        var indicators = await (await observer.GetAsync($"/api/v1/clusters/{NuclearValleyDemo.Slug}/indicators?year=2011")).Json(HttpStatusCode.OK);
        double Value(string key) => indicators.EnumerateArray().Single(r => r.GetProperty("key").GetString() == key).GetProperty("value").GetDouble();
        Assert.Equal((80, 34), (Value("projects.worked_on"), Value("projects.certified")));

        // Every demo proposal was filed eligible to its call, and the calls of the period are closed with results now.
        var manager = await app.CreateClientAsync("Manager", NuclearValleyDemo.Slug);
        var calls = await (await manager.GetAsync($"/api/v1/clusters/{NuclearValleyDemo.Slug}/calls?state=Open")).Json(HttpStatusCode.OK);
        Assert.Equal(0, calls.GetProperty("total").GetInt32());
    }
}

