using ClusterHub.Accounts;
using ClusterHub.Web;
using static ClusterHub.Accounts.ClusterRole;

namespace ClusterHub.Strategy;

public static class StrategyPermissions
{
    /// <summary>The strategy, its lists, objectives and reviews: what everyone working with the cluster may read.</summary>
    public const string Read = "strategy.read";
    /// <summary>The vision, the lists, the roadmap, the objectives and the yearly review: the manager's.</summary>
    public const string Manage = "strategy.manage";
}

/// <summary>The cluster's strategy: vision, strategic areas, activity domains, value-chain stages, roadmap, objectives and the yearly review.</summary>
public sealed class StrategyFeature : IFeature
{
    public IEnumerable<Permission> Permissions =>
    [
        Permission.Grant(StrategyPermissions.Read, Manager, Staff, Observer, Reviewer, MemberRepresentative),
        Permission.Grant(StrategyPermissions.Manage, Manager),
    ];

    public void AddServices(IServiceCollection services) =>
        services.AddScoped<Reviews>().AddScoped<StrategyPlanning>().AddSingleton<Indicators.IIndicatorSource, StrategyIndicators>();

    public IEnumerable<NavigationEntry> Navigation => [new(35, "Nav.Strategy", "/strategy", StrategyPermissions.Read)];

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder cluster) => cluster.MapStrategy();

    public void AddVerbs(Cli.CliVerbs verbs) => verbs.Root.Subcommands.Add(StrategyCommands.Strategy(verbs.Out));

    public Task SeedDemoAsync(Demo.DemoSeed seed, CancellationToken ct) => StrategyDemo.LoadAsync(seed, ct);
}
