using ClusterHub.Accounts;
using ClusterHub.Web;
using static ClusterHub.Accounts.ClusterRole;

namespace ClusterHub.Finance;

public static class FinancePermissions
{
    /// <summary>
    /// The budget, its payers and measures: the secretariat and observers (funders read as observers: there is no funder
    /// role). Member representatives do not: the lines name what each payer gives.
    /// </summary>
    public const string Read = "finance.read";
    /// <summary>Budget lines, their import, and the secretariat's staff and cost.</summary>
    public const string Manage = "finance.manage";
}

/// <summary>The funding mix: the budget by source (dues from the dues ledger), public share, payer dependence, cost of the secretariat.</summary>
public sealed class FinanceFeature : IFeature
{
    public IEnumerable<Permission> Permissions =>
    [
        Permission.Grant(FinancePermissions.Read, Manager, Staff, Observer),
        Permission.Grant(FinancePermissions.Manage, Manager, Staff),
    ];

    public IEnumerable<NavigationEntry> Navigation => [new(32, "Nav.Finance", "/finance", FinancePermissions.Read)];

    public void AddServices(IServiceCollection services) => services.AddSingleton<Indicators.IIndicatorSource, FinanceIndicators>();

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder cluster) => cluster.MapFinance();

    public void AddVerbs(Cli.CliVerbs verbs) => verbs.Root.Subcommands.Add(FinanceCommands.Finance(verbs.Out));

    public Task SeedDemoAsync(Demo.DemoSeed seed, CancellationToken ct) => FinanceDemo.LoadAsync(seed, ct);
}
