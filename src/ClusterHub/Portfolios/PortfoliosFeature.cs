using ClusterHub.Accounts;
using ClusterHub.Web;
using static ClusterHub.Accounts.PortfolioRole;

namespace ClusterHub.Portfolios;

/// <summary>
/// The portfolio's permissions. Reading and managing are held in a portfolio (portfolio roles, granted by the platform
/// administrator); consenting is held in a cluster, by its manager, since the data shown is the cluster's.
/// </summary>
public static class PortfolioPermissions
{
    /// <summary>The ranking, charts, percentiles and export of a portfolio.</summary>
    public const string Read = "portfolio.read";
    /// <summary>Importing clusters off the platform into a portfolio and removing them.</summary>
    public const string Manage = "portfolio.manage";
    /// <summary>A cluster's consent to appear in a portfolio, and its revocation.</summary>
    public const string Consent = "portfolio.consent";
}

/// <summary>National portfolios: many clusters assessed side by side (issue 12).</summary>
public sealed class PortfoliosFeature : IFeature
{
    public IEnumerable<Permission> Permissions =>
    [
        Permission.ForPortfolio(PortfolioPermissions.Read, Analyst, Viewer),
        Permission.ForPortfolio(PortfolioPermissions.Manage, Analyst),
        Permission.Grant(PortfolioPermissions.Consent, ClusterRole.Manager),
    ];

    public IEnumerable<NavigationEntry> Navigation => [new(39, "Nav.Portfolios", "/portfolios", PortfolioPermissions.Consent)];

    public void AddServices(IServiceCollection services) => services.AddScoped<PortfolioData>().AddScoped<PortfolioAccess>();

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder cluster) => api.MapPortfolios(cluster);

    public void AddVerbs(Cli.CliVerbs verbs) => verbs.Root.Subcommands.Add(PortfolioCommands.Portfolio(verbs.Out));

    public Task SeedDemoAsync(Demo.DemoSeed seed, CancellationToken ct) => PortfolioDemo.LoadAsync(seed, ct);
}
