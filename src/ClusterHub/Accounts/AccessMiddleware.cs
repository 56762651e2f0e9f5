using ClusterHub.Data;

namespace ClusterHub.Accounts;

/// <summary>
/// The one place a route's declared <see cref="IAccessRule"/> is enforced, after authentication and
/// before model binding, so a refused request reads no body and touches nothing. For a cluster
/// permission it resolves the <see cref="ClusterScope"/> once and hands it to the handler or page:
/// no standing in the cluster answers 404 (as if it did not exist), a role too weak 403. A portfolio permission
/// resolves the <see cref="PortfolioScope"/> of the route's <c>{portfolio}</c> the same way.
/// The API answers ProblemDetails; pages get the status and the HTML error page.
/// Page handlers that need more than the page (a manager's POST on a page staff can read) carry
/// their own attribute, checked by <see cref="Web.ClusterPageFilter"/> with <see cref="Decide"/>.
/// </summary>
public sealed class AccessMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, ClusterDb db)
    {
        var rule = http.GetEndpoint()?.Metadata.GetMetadata<IAccessRule>();
        if (rule is null) { await next(http); return; }
        if (rule is RequirePermissionAttribute p && PermissionTable.Find(p.Permission).IsPortfolio)
        {
            if (http.GetRouteValue("portfolio") is string key && await PortfolioScope.ResolveAsync(db, http.User, key, http.RequestAborted) is { } portfolio)
                http.Items[typeof(PortfolioScope)] = portfolio;
        }
        else if (rule is RequirePermissionAttribute && http.GetRouteValue("cluster") is string slug)
        {
            var scope = await ClusterScope.ResolveAsync(db, http.User, slug, http.RequestAborted);
            if (scope is not null) http.Items[typeof(ClusterScope)] = scope;
        }
        var refusal = Decide(http, rule);
        if (refusal is null) { await next(http); return; }
        await RefuseAsync(http, refusal);
    }

    /// <summary>Null when <paramref name="rule"/> lets the request through, else the refusal to answer.</summary>
    public static AccessRefusedException? Decide(HttpContext http, IAccessRule rule)
    {
        var signedIn = http.User.Identity?.IsAuthenticated == true;
        return rule switch
        {
            PublicAttribute => null,
            _ when !signedIn => new(StatusCodes.Status401Unauthorized, "Sign in first."),
            SignedInAttribute => null,
            PlatformAdministratorAttribute => http.User.IsInRole(PlatformRoles.Administrator) ? null
                : new(StatusCodes.Status403Forbidden, "Only a platform administrator may do this."),
            RequirePermissionAttribute p when PermissionTable.Find(p.Permission).IsPortfolio => http.Items[typeof(PortfolioScope)] is not PortfolioScope portfolio
                ? new(StatusCodes.Status404NotFound, $"No portfolio '{http.GetRouteValue("portfolio")}' is visible to you.")
                : portfolio.Can(p.Permission) ? null
                : new(StatusCodes.Status403Forbidden, $"Your role in the portfolio {portfolio.Name} does not allow this ({p.Permission})."),
            RequirePermissionAttribute p => http.Items[typeof(ClusterScope)] is not ClusterScope scope
                ? new(StatusCodes.Status404NotFound, $"No cluster '{http.GetRouteValue("cluster")}' is visible to you.")
                : scope.Can(p.Permission) ? null
                : new(StatusCodes.Status403Forbidden, $"Your role in {scope.Name} does not allow this ({p.Permission})."),
            _ => throw new InvalidOperationException($"Unknown access rule {rule.GetType().Name}."),
        };
    }

    public static async Task RefuseAsync(HttpContext http, AccessRefusedException refusal)
    {
        http.Response.StatusCode = refusal.StatusCode;
        if (!Web.WebRequests.IsApi(http.Request)) return; // the status code page renders the HTML page
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = refusal.StatusCode, Detail = refusal.Message },
        });
    }
}
