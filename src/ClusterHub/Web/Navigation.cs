using ClusterHub.Accounts;

namespace ClusterHub.Web;

/// <summary>A cluster's navigation bar, filled by the features (<see cref="IFeature.Navigation"/>).</summary>
public static class Navigation
{
    private static readonly NavigationEntry[] Entries = [.. ClusterHubApp.Features.SelectMany(f => f.Navigation).OrderBy(e => e.Order)];

    /// <summary>The entries this user may open, in order.</summary>
    public static IEnumerable<NavigationEntry> For(ClusterScope scope) => Entries.Where(e => e.IsFor(scope));
}
