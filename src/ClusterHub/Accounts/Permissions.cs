using System.Collections.Frozen;

namespace ClusterHub.Accounts;

/// <summary>
/// Who may reach a route, declared where the route is declared: on an endpoint or its group
/// (<see cref="AccessRules"/>) or on a page model (as an attribute). <see cref="AccessMiddleware"/>
/// enforces it, once, before the handler or the page runs; a test walks every route and fails on
/// one that declares nothing.
/// </summary>
public interface IAccessRule;

/// <summary>
/// A permission in the cluster named by the route's <c>{cluster}</c> (or, for a portfolio permission, in the portfolio named
/// by <c>{portfolio}</c>): 404 without standing there, 403 without the permission.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequirePermissionAttribute(string permission) : Attribute, IAccessRule
{
    public string Permission { get; } = permission;
}

/// <summary>Any signed-in user (their own account, the list of their clusters).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SignedInAttribute : Attribute, IAccessRule;

/// <summary>The platform administrator only (registering clusters, administering users).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PlatformAdministratorAttribute : Attribute, IAccessRule;

/// <summary>Everyone, signed in or not (login, error pages, the language switch, the API description).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PublicAttribute : Attribute, IAccessRule, Microsoft.AspNetCore.Authorization.IAllowAnonymous;

public static class AccessRules
{
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission) where TBuilder : IEndpointConventionBuilder
    {
        _ = PermissionTable.Find(permission); // a typo fails at start-up, not at the first request
        return builder.WithMetadata(new RequirePermissionAttribute(permission));
    }

    public static TBuilder RequireSignedIn<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new SignedInAttribute());

    public static TBuilder RequirePlatformAdministrator<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PlatformAdministratorAttribute());

    public static TBuilder Public<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new PublicAttribute());
}

/// <summary>
/// One permission as a feature declares it: its name (<c>feature.subject.action</c>), the roles it is
/// granted to, and whether a member representative holds it for its own organisation only.
/// A portfolio permission (<see cref="ForPortfolio"/>) is held through a portfolio role in the portfolio named by the
/// route's <c>{portfolio}</c> instead of a cluster role: the same attribute, enforced by the same middleware.
/// </summary>
public sealed record Permission(string Name, IReadOnlyList<ClusterRole> GrantedTo, bool OwnOrganisationOnly = false)
{
    public string Feature => Name[..Name.IndexOf('.', StringComparison.Ordinal)];

    /// <summary>The portfolio roles that hold it; empty for a cluster permission.</summary>
    public IReadOnlyList<PortfolioRole> PortfolioGrantedTo { get; init; } = [];

    /// <summary>Whether it is held in a portfolio (<see cref="PortfolioScope"/>) rather than in a cluster.</summary>
    public bool IsPortfolio => PortfolioGrantedTo.Count > 0;

    public static Permission Grant(string name, params ClusterRole[] roles) => new(name, roles);

    /// <summary>A permission held in a portfolio by the portfolio roles given (and by the platform administrator).</summary>
    public static Permission ForPortfolio(string name, params PortfolioRole[] roles) => new(name, []) { PortfolioGrantedTo = roles };

    /// <summary>Granted to the secretariat roles given, and to a member representative for its own organisation.</summary>
    public static Permission GrantWithOwnOrganisation(string name, params ClusterRole[] roles) =>
        new(name, [.. roles, ClusterRole.MemberRepresentative], OwnOrganisationOnly: true);
}

/// <summary>
/// The one table of roles against permissions, made of what every feature declares
/// (<see cref="Web.IFeature.Permissions"/>). The platform administrator holds every permission in
/// every cluster. <c>/permissions</c> shows this table; <c>docs/permissions.md</c> is written from it.
/// </summary>
public static class PermissionTable
{
    private static readonly Lazy<FrozenDictionary<string, Permission>> Table = new(() =>
        Web.ClusterHubApp.Features.SelectMany(f => f.Permissions).ToFrozenDictionary(p => p.Name));

    public static IEnumerable<Permission> All => Table.Value.Values.OrderBy(p => p.Name, StringComparer.Ordinal);

    public static Permission Find(string name) =>
        Table.Value.GetValueOrDefault(name) ?? throw new InvalidOperationException($"No feature declares the permission '{name}'.");

    public static bool Grants(string permission, IReadOnlySet<ClusterRole> roles) => Find(permission).GrantedTo.Any(roles.Contains);

    public static bool Grants(string permission, IReadOnlySet<PortfolioRole> roles) => Find(permission).PortfolioGrantedTo.Any(roles.Contains);
}
