using ClusterHub.Accounts;
using ClusterHub.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ClusterHub.Web;

/// <summary>
/// For every page under <c>/c/{cluster}</c>: resolves the user's <see cref="ClusterScope"/> once,
/// answers 404 when the user has no standing in that cluster, and hands the scope to the page.
/// </summary>
internal sealed class ClusterPageFilter(ClusterDb db) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.RouteData.Values["cluster"] is string slug)
        {
            var scope = await ClusterScope.ResolveAsync(db, context.HttpContext.User, slug, context.HttpContext.RequestAborted);
            if (scope is null) { context.Result = new NotFoundResult(); return; }
            context.HttpContext.Items[typeof(ClusterScope)] = scope;
        }
        await next();
    }
}

public static class ClusterPageExtensions
{
    /// <summary>The scope resolved by <see cref="ClusterPageFilter"/>; only valid on <c>/c/{cluster}</c> pages.</summary>
    public static ClusterScope ClusterScope(this HttpContext http) =>
        http.Items[typeof(ClusterScope)] as ClusterScope ?? throw new InvalidOperationException("This page is not under /c/{cluster}.");

    public static ClusterScope? ClusterScopeOrNull(this HttpContext http) => http.Items[typeof(ClusterScope)] as ClusterScope;
}
