using ClusterHub.Accounts;
using ClusterHub.Cli;
using ClusterHub.Indicators;
using ClusterHub.Jobs;
using ClusterHub.Web;
using static ClusterHub.Accounts.ClusterRole;

namespace ClusterHub.Mapping;

/// <summary>The permissions cluster mapping owns.</summary>
public static class MappingPermissions
{
    /// <summary>See the datasets, definitions, maps and tables, and export them: every role (where the cluster is strong is no secret to its members).</summary>
    public const string Read = "mapping.read";
    /// <summary>Upload and delete datasets, write definitions and saved views: the secretariat.</summary>
    public const string Manage = "mapping.manage";
}

/// <summary>
/// Cluster mapping: location quotients, specialisation, shift-share and cluster strength from regional statistics — the
/// <c>map</c> verbs over files, and per cluster (<c>/c/{cluster}/mapping</c>) stored datasets, definitions, the map, the
/// table and the time chart, linked to the platform's cluster initiatives, and the mapping indicators.
/// </summary>
public sealed class MappingFeature : IFeature
{
    public IEnumerable<Permission> Permissions =>
    [
        Permission.Grant(MappingPermissions.Read, Manager, Staff, Reviewer, Observer, MemberRepresentative),
        Permission.Grant(MappingPermissions.Manage, Manager, Staff),
    ];

    public IEnumerable<NavigationEntry> Navigation => [new(75, "Nav.Mapping", "/mapping", MappingPermissions.Read)];

    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton<MappingTables>();
        services.AddSingleton<IJobHandler, MappingImportHandler>();
        services.AddSingleton<IIndicatorSource, MappingIndicators>();
    }

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder cluster) => cluster.MapMapping();

    public void AddVerbs(CliVerbs verbs) => verbs.Root.Subcommands.Add(MappingCommands.Create(verbs.Out, verbs.Error));

    public Task SeedDemoAsync(Demo.DemoSeed seed, CancellationToken ct) => MappingDemo.LoadAsync(seed, ct);
}
