using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClusterHub.Jobs;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Tests.Networks;

/// <summary>The network workspace through its API: uploads, jobs and their results, refusals, and one cluster apart from another.</summary>
public abstract class WorkspaceApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "NetworkData", name);

    private async Task<(string Slug, int ClusterId, HttpClient Manager)> ClusterAsync(string prefix)
    {
        var c = await app.CreateClusterAsync(prefix + "-" + Guid.NewGuid().ToString("N")[..8]);
        return (c.Slug, c.Id, await app.CreateClientAsync("Manager", c.Slug));
    }

    private static async Task<int> UploadAsync(HttpClient client, string slug, string fileName, string content, string query = "") =>
        (await (await client.PostAsync($"/api/v1/clusters/{slug}/networks?fileName={fileName}{query}", new StringContent(content, Encoding.UTF8, "text/plain")))
            .Json(HttpStatusCode.Created)).GetProperty("id").GetInt32();

    private static async Task<JsonElement> StartAsync(HttpClient client, string slug, int network, object request) =>
        await (await client.PostJson($"/api/v1/clusters/{slug}/networks/{network}/jobs", request)).Json(HttpStatusCode.Accepted);

    /// <summary>Polls the job until it has left the queue and ended (the queue runs in the application's background).</summary>
    private static async Task<JsonElement> FinishedAsync(HttpClient client, string slug, int job)
    {
        for (var i = 0; i < 600; i++)
        {
            var state = await (await client.GetAsync($"/api/v1/clusters/{slug}/jobs/{job}")).Json(HttpStatusCode.OK);
            if (state.GetProperty("state").GetString() is not ("Queued" or "Running")) return state;
            await Task.Delay(100);
        }
        throw new TimeoutException($"job {job} did not finish");
    }

    [Fact]
    public async Task Metrics_communities_and_layout_run_as_jobs_and_their_results_are_kept_with_their_parameters()
    {
        var (slug, _, manager) = await ClusterAsync("ws");
        var network = await UploadAsync(manager, slug, "florentine.csv", await File.ReadAllTextAsync(Data("florentine_edges.csv")), "&name=Florentine%20families");
        var listed = await (await manager.GetAsync($"/api/v1/clusters/{slug}/networks")).Json(HttpStatusCode.OK);
        var row = listed.GetProperty("items")[0];
        Assert.Equal(("Florentine families", 15, 20, "upload"), (row.GetProperty("name").GetString(), row.GetProperty("nodes").GetInt32(), row.GetProperty("edges").GetInt32(), row.GetProperty("origin").GetString()));

        var metrics = await StartAsync(manager, slug, network, new { kind = "Metrics" });
        var done = await FinishedAsync(manager, slug, metrics.GetProperty("id").GetInt32());
        Assert.Equal("Succeeded", done.GetProperty("state").GetString());
        Assert.Equal(1.0, done.GetProperty("progress").GetDouble());
        Assert.StartsWith("manager-", done.GetProperty("startedBy").GetString(), StringComparison.Ordinal);
        var jobId = done.GetProperty("id").GetInt32();

        var medici = await (await manager.GetAsync($"/api/v1/clusters/{slug}/jobs/{jobId}/results?search=medic")).Json(HttpStatusCode.OK);
        Assert.Equal(1, medici.GetProperty("nodes").GetProperty("total").GetInt32());
        var values = medici.GetProperty("nodes").GetProperty("items")[0].GetProperty("values");
        Assert.Equal(6, values.GetProperty("degree").GetDouble()); // networkx: florentine_families_graph().degree("Medici")
        Assert.Equal(0.521978, values.GetProperty("betweenness").GetDouble(), 5); // networkx betweenness_centrality, normalised
        var page = await (await manager.GetAsync($"/api/v1/clusters/{slug}/jobs/{jobId}/results?pageSize=10&page=2")).Json(HttpStatusCode.OK);
        Assert.Equal((15, 5), (page.GetProperty("nodes").GetProperty("total").GetInt32(), page.GetProperty("nodes").GetProperty("items").GetArrayLength()));

        var csv = await (await manager.GetAsync($"/api/v1/clusters/{slug}/jobs/{jobId}/results?format=csv")).Content.ReadAsStringAsync();
        Assert.StartsWith("node,degree,strength,betweenness,closeness,harmonic", csv, StringComparison.Ordinal);
        Assert.Equal(16, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var gexf = await (await manager.GetAsync($"/api/v1/clusters/{slug}/jobs/{jobId}/results?format=gexf")).Content.ReadAsStringAsync();
        Assert.Contains("<gexf", gexf, StringComparison.Ordinal);
        Assert.Contains("betweenness", gexf, StringComparison.Ordinal);
        var graphml = await (await manager.GetAsync($"/api/v1/clusters/{slug}/jobs/{jobId}/results?format=graphml")).Content.ReadAsStringAsync();
        Assert.Contains("<graphml", graphml, StringComparison.Ordinal);
        await (await manager.GetAsync($"/api/v1/clusters/{slug}/jobs/{jobId}/results?format=pdf")).Problem(HttpStatusCode.BadRequest);

        // No layout yet: the picture says so; then communities and a layout, and the page-sized views of both.
        await (await manager.GetAsync($"/api/v1/clusters/{slug}/networks/{network}/layout")).Problem(HttpStatusCode.Conflict);
        var communities = await FinishedAsync(manager, slug, (await StartAsync(manager, slug, network, new { kind = "Communities", method = "Louvain", seed = 3, resolution = 1.0 })).GetProperty("id").GetInt32());
        Assert.Equal("Succeeded", communities.GetProperty("state").GetString());
        var parameters = communities.GetProperty("parameters");
        Assert.Equal(("Communities", "Louvain", 3, 1.0), (parameters.GetProperty("kind").GetString(), parameters.GetProperty("method").GetString(), parameters.GetProperty("seed").GetInt32(), parameters.GetProperty("resolution").GetDouble()));
        var layout = await FinishedAsync(manager, slug, (await StartAsync(manager, slug, network, new { kind = "Layout", iterations = 50 })).GetProperty("id").GetInt32());
        Assert.Equal("Succeeded", layout.GetProperty("state").GetString());
        var view = await (await manager.GetAsync($"/api/v1/clusters/{slug}/networks/{network}/layout")).Json(HttpStatusCode.OK);
        Assert.Equal(15, view.GetProperty("ids").GetArrayLength());
        Assert.Equal(40, view.GetProperty("edges").GetArrayLength()); // 20 edges as pairs of positions
        Assert.All(view.GetProperty("x").EnumerateArray(), x => Assert.True(double.IsFinite(x.GetDouble())));
        var summary = await (await manager.GetAsync($"/api/v1/clusters/{slug}/networks/{network}/layout?summary=true")).Json(HttpStatusCode.OK);
        var communityCount = (await (await manager.GetAsync($"/api/v1/clusters/{slug}/jobs/{communities.GetProperty("id").GetInt32()}/results?pageSize=200")).Json(HttpStatusCode.OK))
            .GetProperty("nodes").GetProperty("items").EnumerateArray().Select(n => n.GetProperty("community").GetInt32()).Distinct().Count();
        Assert.Equal(communityCount, summary.GetProperty("ids").GetArrayLength());
        var drill = await (await manager.GetAsync($"/api/v1/clusters/{slug}/networks/{network}/layout?community=0")).Json(HttpStatusCode.OK);
        Assert.InRange(drill.GetProperty("ids").GetArrayLength(), 1, 14);

        var jobs = await (await manager.GetAsync($"/api/v1/clusters/{slug}/networks/{network}/jobs")).Json(HttpStatusCode.OK);
        Assert.Equal(3, jobs.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/v1/clusters/{slug}/networks/{network}")).StatusCode);
        await (await manager.GetAsync($"/api/v1/clusters/{slug}/jobs/{jobId}")).Problem(HttpStatusCode.NotFound);
        Assert.Equal(0, await app.WithDb(async (db, _) => await db.NetworkResultNodes.CountAsync(n => n.JobId == jobId)));
    }

    [Fact]
    public async Task A_malformed_upload_is_refused_whole_with_its_line_and_column_and_nothing_is_stored()
    {
        var (slug, _, manager) = await ClusterAsync("bad");
        var problem = await (await manager.PostAsync($"/api/v1/clusters/{slug}/networks?fileName=edges.csv",
            new StringContent("source,target,weight\na,b,1\nb,c,heavy\n", Encoding.UTF8, "text/csv"))).Problem(HttpStatusCode.UnprocessableEntity);
        var error = problem.GetProperty("error");
        Assert.Equal(("edges.csv", 3, "3"), (error.GetProperty("file").GetString(), error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString()));
        Assert.Contains("heavy", error.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var xml = await (await manager.PostAsync($"/api/v1/clusters/{slug}/networks?fileName=g.graphml",
            new StringContent("<graphml>\n<graph>\n<node id=\"a\">\n</graph>", Encoding.UTF8, "application/xml"))).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(4, xml.GetProperty("error").GetProperty("row").GetInt32());
        await (await manager.PostAsync($"/api/v1/clusters/{slug}/networks?fileName=empty.csv", new StringContent("source,target\n", Encoding.UTF8, "text/csv"))).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(0, (await (await manager.GetAsync($"/api/v1/clusters/{slug}/networks")).Json(HttpStatusCode.OK)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_refused_with_413_and_nothing_is_stored()
    {
        var (slug, _, manager) = await ClusterAsync("big");
        var body = new byte[(int)ClusterHub.Networks.NetworkLimits.UploadBytes + 1024];
        "source,target\n"u8.CopyTo(body);
        for (var i = 14; i < body.Length; i++) body[i] = (byte)(i % 2 == 0 ? 'a' : '\n');
        // Expect: 100-continue, as a careful client sends a big file: the refusal comes before the body.
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/clusters/{slug}/networks?fileName=big.csv") { Content = new ByteArrayContent(body) };
        request.Headers.ExpectContinue = true;
        // The server answers after the access check, which may take more than the default second on a busy machine.
        using var careful = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) }) { BaseAddress = manager.BaseAddress };
        careful.DefaultRequestHeaders.Authorization = manager.DefaultRequestHeaders.Authorization;
        var response = await careful.SendAsync(request);
        await response.Problem(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, (await (await manager.GetAsync($"/api/v1/clusters/{slug}/networks")).Json(HttpStatusCode.OK)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Bad_parameters_the_cluster_limit_and_roles_are_refused_and_another_cluster_sees_nothing()
    {
        var (slug, clusterId, manager) = await ClusterAsync("refuse");
        var network = await UploadAsync(manager, slug, "florentine.csv", await File.ReadAllTextAsync(Data("florentine_edges.csv")));
        var invalid = await (await manager.PostJson($"/api/v1/clusters/{slug}/networks/{network}/jobs", new { kind = "Metrics", pivots = 0, seed = -1 })).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["pivots", "seed"], invalid.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        await (await manager.PostJson($"/api/v1/clusters/{slug}/networks/{network}/jobs", new { pivots = 5 })).Problem(HttpStatusCode.BadRequest);

        var observer = await app.CreateClientAsync("Observer", slug);
        await (await observer.GetAsync($"/api/v1/clusters/{slug}/networks/{network}")).Json(HttpStatusCode.OK);
        await (await observer.PostJson($"/api/v1/clusters/{slug}/networks/{network}/jobs", new { kind = "Metrics" })).Problem(HttpStatusCode.Forbidden);
        var representative = await app.CreateClientAsync("Reviewer", slug);
        await (await representative.GetAsync($"/api/v1/clusters/{slug}/networks")).Problem(HttpStatusCode.Forbidden);

        // Three jobs live (held as running rows: the runner never sees them) fill the cluster's quota; a fourth is refused.
        var held = await app.WithDb(async (db, _) =>
        {
            var rows = Enumerable.Range(0, 3).Select(_ => new Job { ClusterId = clusterId, Kind = "network.metrics", SubjectId = network, Parameters = "{\"kind\":\"Metrics\",\"seed\":0}", State = JobState.Running, StartedBy = "test", QueuedAt = DateTime.UtcNow }).ToList();
            db.Jobs.AddRange(rows);
            await db.SaveChangesAsync();
            return rows.Select(r => r.Id).ToList();
        });
        await (await manager.PostJson($"/api/v1/clusters/{slug}/networks/{network}/jobs", new { kind = "Metrics" })).Problem(HttpStatusCode.TooManyRequests);
        await (await manager.DeleteAsync($"/api/v1/clusters/{slug}/networks/{network}")).Problem(HttpStatusCode.Conflict);

        // Another cluster's manager: the network and its jobs do not exist for it.
        var (otherSlug, _, otherManager) = await ClusterAsync("other");
        await (await otherManager.GetAsync($"/api/v1/clusters/{otherSlug}/networks/{network}")).Problem(HttpStatusCode.NotFound);
        await (await otherManager.GetAsync($"/api/v1/clusters/{otherSlug}/jobs/{held[0]}")).Problem(HttpStatusCode.NotFound);
        await (await otherManager.PostAsync($"/api/v1/clusters/{otherSlug}/jobs/{held[0]}/cancel", null)).Problem(HttpStatusCode.NotFound);
        await (await otherManager.GetAsync($"/api/v1/clusters/{slug}/networks")).Problem(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await otherManager.GetAsync($"/api/v1/clusters/{otherSlug}/networks")).Json(HttpStatusCode.OK)).GetProperty("total").GetInt32());

        // Cancelling one frees a place; cancelling it again is "already finished".
        var cancelled = await (await manager.PostAsync($"/api/v1/clusters/{slug}/jobs/{held[0]}/cancel", null)).Json(HttpStatusCode.OK);
        Assert.Equal("Cancelled", cancelled.GetProperty("state").GetString());
        await (await manager.PostAsync($"/api/v1/clusters/{slug}/jobs/{held[0]}/cancel", null)).Problem(HttpStatusCode.Conflict);
        await (await manager.GetAsync($"/api/v1/clusters/{slug}/jobs/{held[0]}/results")).Problem(HttpStatusCode.Conflict);
        await StartAsync(manager, slug, network, new { kind = "Metrics" });
    }

    [Fact]
    public async Task A_job_cancelled_while_it_runs_leaves_no_result_and_a_failing_job_says_why()
    {
        var (slug, _, manager) = await ClusterAsync("cancel");
        // A ring of 3,000 nodes with chords: 2,000 ForceAtlas2 iterations take far longer than the cancellation.
        var edges = new StringBuilder("source,target\n");
        for (var i = 0; i < 3000; i++) edges.Append(CultureInfo.InvariantCulture, $"n{i},n{(i + 1) % 3000}\nn{i},n{(i * 7 + 13) % 3000}\n");
        var network = await UploadAsync(manager, slug, "ring.csv", edges.ToString());
        var job = (await StartAsync(manager, slug, network, new { kind = "Layout", iterations = 2000 })).GetProperty("id").GetInt32();
        for (var i = 0; i < 300; i++)
        {
            var state = await (await manager.GetAsync($"/api/v1/clusters/{slug}/jobs/{job}")).Json(HttpStatusCode.OK);
            if (state.GetProperty("state").GetString() == "Running" && state.GetProperty("progress").GetDouble() > 0.02) break;
            await Task.Delay(50);
        }
        var cancelled = await (await manager.PostAsync($"/api/v1/clusters/{slug}/jobs/{job}/cancel", null)).Json(HttpStatusCode.OK);
        Assert.Equal("Cancelled", cancelled.GetProperty("state").GetString());
        var after = await FinishedAsync(manager, slug, job);
        Assert.Equal("Cancelled", after.GetProperty("state").GetString());
        Assert.False(after.GetProperty("hasResult").GetBoolean());
        await (await manager.GetAsync($"/api/v1/clusters/{slug}/jobs/{job}/results?format=csv")).Problem(HttpStatusCode.Conflict);
        Assert.Equal((0, 0), await app.WithDb(async (db, _) => (await db.NetworkResults.CountAsync(r => r.JobId == job), await db.NetworkResultNodes.CountAsync(n => n.JobId == job))));

        // The queue goes on with the next job; one that fails is marked so, with the reason in words.
        var directed = await UploadAsync(manager, slug, "arcs.csv", "source,target\na,b\nb,c\n", "&directed=true");
        var failed = await FinishedAsync(manager, slug, (await StartAsync(manager, slug, directed, new { kind = "Communities" })).GetProperty("id").GetInt32());
        Assert.Equal("Failed", failed.GetProperty("state").GetString());
        Assert.Contains("undirected", failed.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jobs_left_queued_or_running_by_a_stopped_process_are_marked_failed_at_start_up()
    {
        var (_, clusterId, _) = await ClusterAsync("restart");
        var ids = await app.WithDb(async (db, _) =>
        {
            var rows = new[] { JobState.Queued, JobState.Running, JobState.Succeeded }.Select(s => new Job { ClusterId = clusterId, Kind = "network.metrics", Parameters = "{}", State = s, StartedBy = "test", QueuedAt = DateTime.UtcNow }).ToList();
            db.Jobs.AddRange(rows);
            await db.SaveChangesAsync();
            return rows.Select(r => r.Id).ToList();
        });
        await app.WithDb(async (db, _) => await JobQueue.FailInterruptedAsync(db, TimeProvider.System, default));
        var states = await app.WithDb(async (db, _) => await db.Jobs.Where(j => ids.Contains(j.Id)).OrderBy(j => j.Id).Select(j => new { j.State, j.FailureReason }).ToListAsync());
        Assert.Equal([JobState.Failed, JobState.Failed, JobState.Succeeded], states.Select(s => s.State));
        Assert.Equal(JobQueue.Interrupted, states[0].FailureReason);
    }

    [Fact]
    public async Task The_projects_collaboration_network_ties_members_by_shared_proposals()
    {
        var (slug, _, manager) = await ClusterAsync("collab");
        async Task<int> Member(string name) => (await (await manager.PostJson($"/api/v1/clusters/{slug}/members",
            new { name, type = "Sme", headcount = "30", joinedOn = "2015-01-01" })).Json(HttpStatusCode.Created)).GetProperty("member").GetProperty("id").GetInt32();
        var (a, b, c) = (await Member("Alpha Forge"), await Member("Beta Welding"), await Member("Gamma Lab"));
        async Task Proposal(string acronym, params int[] partners) => await (await manager.PostJson($"/api/v1/clusters/{slug}/proposals", new
        {
            title = acronym + " project", acronym, durationMonths = 24, trlStart = 3, trlTarget = 6,
            partners = partners.Select((m, i) => new { memberId = m, role = i == 0 ? "Coordinator" : "Partner", budgetEur = 1000m, requestedEur = 0m }).ToArray(),
        })).Json(HttpStatusCode.Created);
        await Proposal("ONE", a, b);
        await Proposal("TWO", a, b, c);
        var sources = await (await manager.GetAsync($"/api/v1/clusters/{slug}/networks/sources")).Json(HttpStatusCode.OK);
        Assert.Contains("projects.collaboration", sources.EnumerateArray().Select(s => s.GetProperty("key").GetString()));
        var row = await (await manager.PostJson($"/api/v1/clusters/{slug}/networks/platform", new { source = "projects.collaboration" })).Json(HttpStatusCode.Created);
        Assert.Equal((3, 3, "projects.collaboration"), (row.GetProperty("nodes").GetInt32(), row.GetProperty("edges").GetInt32(), row.GetProperty("origin").GetString()));
        var job = await FinishedAsync(manager, slug, (await StartAsync(manager, slug, row.GetProperty("id").GetInt32(), new { kind = "Metrics" })).GetProperty("id").GetInt32());
        var alpha = (await (await manager.GetAsync($"/api/v1/clusters/{slug}/jobs/{job.GetProperty("id").GetInt32()}/results?search=alpha")).Json(HttpStatusCode.OK))
            .GetProperty("nodes").GetProperty("items")[0];
        Assert.Equal("Alpha Forge", alpha.GetProperty("label").GetString());
        Assert.Equal(3, alpha.GetProperty("values").GetProperty("strength").GetDouble()); // 2 proposals with Beta, 1 with Gamma
        await (await manager.PostJson($"/api/v1/clusters/{slug}/networks/platform", new { source = "events.attendance" })).Problem(HttpStatusCode.BadRequest);
    }
}

public sealed class WorkspaceApiOnSqlite(SqliteApplication app) : WorkspaceApiTests<SqliteApplication>(app);
public sealed class WorkspaceApiOnPostgres(PostgresApplication app) : WorkspaceApiTests<PostgresApplication>(app);
