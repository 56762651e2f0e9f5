using System.Net;

namespace ClusterHub.Tests.Web;

/// <summary>Every list pages through one helper: a page past the end is the last page, under its own number.</summary>
public abstract class PagingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    [Fact]
    public async Task A_page_past_the_end_answers_the_last_page_under_its_own_number_in_every_list()
    {
        var c = await app.CreateClusterAsync("paging-" + typeof(TApp).Name.ToLowerInvariant());
        var api = await app.CreateClientAsync("Manager", c.Slug);
        await (await api.PostText($"/api/v1/clusters/{c.Slug}/members/import", "name,type,joined_on\nA,Sme,2010-01-01\nB,Sme,2010-01-01\nC,Sme,2010-01-01\n", "text/csv")).Json(HttpStatusCode.OK);

        // 21474837 × 200 overflows an int: the offset used to wrap and the first page came back labelled 21474837.
        var all = await (await api.GetAsync($"/api/v1/clusters/{c.Slug}/members?page=21474837&pageSize=200")).Json(HttpStatusCode.OK);
        Assert.Equal((1, 1, 3), (all.GetProperty("pageNumber").GetInt32(), all.GetProperty("pageCount").GetInt32(), all.GetProperty("items").GetArrayLength()));

        var last = await (await api.GetAsync($"/api/v1/clusters/{c.Slug}/members?page=2147483647&pageSize=2")).Json(HttpStatusCode.OK);
        Assert.Equal((2, "C"), (last.GetProperty("pageNumber").GetInt32(), last.GetProperty("items")[0].GetProperty("name").GetString()));

        var invoices = await (await api.GetAsync($"/api/v1/clusters/{c.Slug}/invoices?page=21474837&pageSize=200")).Json(HttpStatusCode.OK);
        Assert.Equal((1, 0), (invoices.GetProperty("pageNumber").GetInt32(), invoices.GetProperty("items").GetArrayLength()));

        var admin = await app.CreateClientAsync("admin");
        var clusters = await (await admin.GetAsync("/api/v1/clusters?page=21474837&pageSize=1")).Json(HttpStatusCode.OK);
        Assert.Equal(clusters.GetProperty("pageCount").GetInt32(), clusters.GetProperty("pageNumber").GetInt32());
        Assert.Equal(1, clusters.GetProperty("items").GetArrayLength());
    }
}

public sealed class PagingOnSqlite(SqliteApplication app) : PagingTests<SqliteApplication>(app);
public sealed class PagingOnPostgres(PostgresApplication app) : PagingTests<PostgresApplication>(app);
