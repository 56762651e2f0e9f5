using ClusterHub.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterHub.Tests.Platform;

/// <summary>
/// The walk over every route the running application serves: a route without a declared access rule
/// fails here, so a new endpoint or page cannot ship open by omission.
/// </summary>
public sealed class AccessRuleTests(SqliteApplication app) : IClassFixture<SqliteApplication>
{
    /// <summary>Every endpoint but the static files (the compiled wwwroot assets and their fallback, which carry no rule).</summary>
    public static IEnumerable<RouteEndpoint> Routes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null && !e.RoutePattern.RawText!.Contains(":file}", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not null || e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>() is not null
                || e.Metadata.Any(m => m is Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor));

    [Fact]
    public void Every_route_declares_who_may_use_it()
    {
        var routes = Routes(app.Services).ToList();
        Assert.True(routes.Count > 20, $"only {routes.Count} routes found: the walk is not seeing the application");
        var undeclared = routes.Where(e => e.Metadata.GetMetadata<IAccessRule>() is null).Select(e => e.RoutePattern.RawText).ToList();
        Assert.True(undeclared.Count == 0, "routes without an access rule: " + string.Join(", ", undeclared));
    }

    [Fact]
    public void Every_cluster_route_requires_a_cluster_permission_and_only_cluster_routes_do()
    {
        foreach (var e in Routes(app.Services))
        {
            var inCluster = e.RoutePattern.Parameters.Any(p => p.Name == "cluster");
            var rule = e.Metadata.GetMetadata<IAccessRule>();
            var permission = rule is RequirePermissionAttribute p ? PermissionTable.Find(p.Permission) : null;
            if (permission?.IsPortfolio == true) // a portfolio permission: held in the portfolio the route names, never in a cluster
                Assert.True(!inCluster && e.RoutePattern.Parameters.Any(x => x.Name == "portfolio"), $"{e.RoutePattern.RawText}: {permission.Name}");
            else
                Assert.True(inCluster == rule is RequirePermissionAttribute, $"{e.RoutePattern.RawText}: {rule?.GetType().Name}");
        }
    }

    private static readonly (string, Dictionary<string, string>)[] Languages =
        [("en", Web.ResourcesTests.Load("")), ("fr", Web.ResourcesTests.Load(".fr")), ("ko", Web.ResourcesTests.Load(".ko"))];

    [Fact]
    public void Every_declared_permission_is_granted_to_someone_and_described_in_three_languages()
    {
        foreach (var p in PermissionTable.All)
        {
            Assert.True(p.GrantedTo.Count + p.PortfolioGrantedTo.Count > 0, $"{p.Name} is granted to no role");
            foreach (var (culture, strings) in Languages)
                Assert.True(strings.ContainsKey("Permission." + p.Name), $"Permission.{p.Name} has no {culture} text");
        }
    }
}
