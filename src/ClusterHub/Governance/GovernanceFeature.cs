using ClusterHub.Accounts;
using ClusterHub.Cli;
using ClusterHub.Web;
using static ClusterHub.Accounts.ClusterRole;

namespace ClusterHub.Governance;

/// <summary>The permissions the governance network owns.</summary>
public static class GovernancePermissions
{
    /// <summary>
    /// The actors, ties, the network with its measures and its files: the secretariat and observers. Not member
    /// representatives or reviewers: the ties record the cluster's agreements and the secretariat's judgement of their
    /// strength, which is the hub's business with its partners, not its members'. (No funder role exists yet; when it
    /// does, it should read this.)
    /// </summary>
    public const string Read = "governance.read";
    /// <summary>Adding, changing, deleting and importing actors and ties: the secretariat.</summary>
    public const string Manage = "governance.manage";
}

/// <summary>The governance network: actors at their levels, typed ties, the hub's position measured by the engine.</summary>
public sealed class GovernanceFeature : IFeature
{
    public IEnumerable<Permission> Permissions =>
    [
        Permission.Grant(GovernancePermissions.Read, Manager, Staff, Observer),
        Permission.Grant(GovernancePermissions.Manage, Manager, Staff),
    ];

    public IEnumerable<NavigationEntry> Navigation => [new(45, "Nav.Governance", "/governance", GovernancePermissions.Read)];

    public void AddServices(IServiceCollection services) => services.AddSingleton<Indicators.IIndicatorSource, GovernanceIndicators>();

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder cluster) => cluster.MapGovernance();

    public void AddVerbs(CliVerbs verbs) => verbs.Root.Subcommands.Add(GovernanceCommands.Create(verbs.Out));

    public Task SeedDemoAsync(Demo.DemoSeed seed, CancellationToken ct) => GovernanceDemo.LoadAsync(seed, ct);
}
