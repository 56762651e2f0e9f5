using ClusterHub.Accounts;
using ClusterHub.Cli;

namespace ClusterHub.Web;

/// <summary>
/// A feature's one entry point: everything the application needs to know about a feature folder.
/// <see cref="ClusterHubApp.Features"/> lists them, in the order their demo steps run; every member
/// has a default, so a feature states only what it has.
/// </summary>
public interface IFeature
{
    /// <summary>The services its operations take (hosted services included).</summary>
    void AddServices(IServiceCollection services) { }

    /// <summary>
    /// Its JSON endpoints: <paramref name="api"/> is <c>/api/v1</c>, <paramref name="cluster"/> is
    /// <c>/api/v1/clusters/{cluster}</c>. Every endpoint or group declares its access rule.
    /// </summary>
    void MapApi(RouteGroupBuilder api, RouteGroupBuilder cluster) { }

    /// <summary>The permissions it owns and the roles they are granted to (see <see cref="PermissionTable"/>).</summary>
    IEnumerable<Permission> Permissions => [];

    /// <summary>Its entries in a cluster's navigation bar, shown to those who hold the entry's permission.</summary>
    IEnumerable<NavigationEntry> Navigation => [];

    /// <summary>Its command-line verbs.</summary>
    void AddVerbs(CliVerbs verbs) { }

    /// <summary>Its step of the Nuclear Valley demo.</summary>
    Task SeedDemoAsync(Demo.DemoSeed seed, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>
/// A link in a cluster's navigation bar: <c>/c/{slug}</c> followed by <paramref name="Path"/>. A path with
/// <c>{member}</c> names the organisation the user represents, and shows only to a member representative.
/// </summary>
public sealed record NavigationEntry(int Order, string LabelKey, string Path, string Permission)
{
    public const string RepresentedMember = "{member}";

    public bool IsFor(Accounts.ClusterScope scope) =>
        scope.Can(Permission) && (!Path.Contains(RepresentedMember, StringComparison.Ordinal) || scope.RepresentedMemberId is not null);

    public string Href(Accounts.ClusterScope scope) =>
        $"/c/{scope.Slug}{Path.Replace(RepresentedMember, scope.RepresentedMemberId?.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)}";
}
