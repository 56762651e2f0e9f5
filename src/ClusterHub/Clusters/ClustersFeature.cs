using System.Text.Json;
using System.Text.Json.Serialization;
using ClusterHub.Accounts;
using ClusterHub.Cli;
using ClusterHub.Data;
using ClusterHub.Demo;
using ClusterHub.Web;

namespace ClusterHub.Clusters;

/// <summary>Cluster initiatives on the platform: their registration and profile (offices, certifications).</summary>
public sealed class ClustersFeature : IFeature
{
    public const string ReadProfile = "clusters.profile.read";

    public IEnumerable<Permission> Permissions => [Permission.Grant(ReadProfile, Enum.GetValues<ClusterRole>())];

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder cluster) => api.MapClusters(cluster);

    public void AddVerbs(CliVerbs verbs) => verbs.Root.Subcommands.Add(ClusterCommands.Create(verbs.Out));

    /// <summary>Registers Nuclear Valley from <c>cluster.json</c>: its legal form, offices and state certifications.</summary>
    public async Task SeedDemoAsync(DemoSeed seed, CancellationToken ct)
    {
        var db = seed.Get<ClusterDb>();
        await using var file = File.OpenRead(seed.File("cluster.json"));
        var cluster = await JsonSerializer.DeserializeAsync<Cluster>(file, Json, ct) ?? throw new InvalidOperationException("cluster.json is empty");
        db.Clusters.Add(cluster);
        await db.SaveChangesAsync(ct);
        seed.ClusterId = cluster.Id;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
