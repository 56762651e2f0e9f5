using ClusterHub.Accounts;

namespace ClusterHub.Web;

/// <summary>One area of the navigation bar, named by its resource key, with the entries this user may open.</summary>
public sealed record NavigationGroup(string LabelKey, IReadOnlyList<NavigationEntry> Entries);

/// <summary>
/// A cluster's navigation bar, filled by the features (<see cref="IFeature.Navigation"/>) and shown by area. An entry's
/// <see cref="NavigationEntry.Order"/> places it: the areas below are ranges of it, so a feature chooses its area by the
/// order it gives, and the bar needs no list of features.
/// </summary>
public static class Navigation
{
    private static readonly NavigationEntry[] Entries = [.. ClusterHubApp.Features.SelectMany(f => f.Navigation).OrderBy(e => e.Order)];

    /// <summary>The areas by the first order they take: the dashboard alone, members, money, strategy and assessment, projects, networks and maps, administration.</summary>
    private static readonly (int From, string LabelKey)[] Areas =
    [
        (0, "Nav.Area.Overview"), (20, "Nav.Area.Members"), (30, "Nav.Area.Money"), (35, "Nav.Area.Strategy"),
        (40, "Nav.Area.Projects"), (45, "Nav.Area.Networks"), (80, "Nav.Area.Administration"),
    ];

    /// <summary>The entries this user may open, in order.</summary>
    public static IEnumerable<NavigationEntry> For(ClusterScope scope) => Entries.Where(e => e.IsFor(scope));

    /// <summary>The same entries by area, areas with nothing for this user left out.</summary>
    public static IEnumerable<NavigationGroup> GroupsFor(ClusterScope scope) =>
        For(scope).GroupBy(e => Areas.Last(a => a.From <= e.Order).LabelKey).Select(g => new NavigationGroup(g.Key, [.. g]));
}
