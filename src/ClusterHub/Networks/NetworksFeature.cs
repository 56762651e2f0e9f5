using ClusterHub.Accounts;
using ClusterHub.Cli;
using ClusterHub.Jobs;
using ClusterHub.Web;
using static ClusterHub.Accounts.ClusterRole;

namespace ClusterHub.Networks;

/// <summary>The permissions the network workspace owns.</summary>
public static class NetworkPermissions
{
    /// <summary>See the networks, their jobs, results and pictures: the secretariat and observers (the analysis is theirs to read).</summary>
    public const string Read = "networks.read";
    /// <summary>Upload or take in networks, delete them, start and cancel jobs: the secretariat (jobs use the server's cores).</summary>
    public const string Run = "networks.run";
}

/// <summary>
/// Network analysis of collaboration and governance networks: the <c>network</c> verbs over files, and the workspace per
/// cluster (<c>/c/{cluster}/networks</c>): networks from the platform or uploaded, the engine's jobs run in the background.
/// </summary>
public sealed class NetworksFeature : IFeature
{
    public IEnumerable<Permission> Permissions =>
    [
        Permission.Grant(NetworkPermissions.Read, Manager, Staff, Observer),
        Permission.Grant(NetworkPermissions.Run, Manager, Staff),
    ];

    public IEnumerable<NavigationEntry> Navigation => [new(70, "Nav.Networks", "/networks", NetworkPermissions.Read)];

    public void AddServices(IServiceCollection services)
    {
        foreach (var kind in Enum.GetValues<NetworkJobKind>()) services.AddSingleton<IJobHandler>(new NetworkJobHandler(kind));
        services.AddSingleton<INetworkSource, ProjectCollaborationSource>();
        services.AddSingleton<INetworkSource, Governance.GovernanceNetworkSource>();
    }

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder cluster) => cluster.MapNetworks();

    public void AddVerbs(CliVerbs verbs)
    {
        var network = NetworkCommands.Create(verbs.Out, verbs.Error);
        network.Subcommands.Add(NetworkJobCommands.Add(verbs.Out));
        network.Subcommands.Add(NetworkJobCommands.Create(verbs.Out, verbs.Error));
        verbs.Root.Subcommands.Add(network);
    }

    public Task SeedDemoAsync(Demo.DemoSeed seed, CancellationToken ct) => NetworksDemo.LoadAsync(seed, ct);
}
