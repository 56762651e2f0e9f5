using System.Reflection;
using ClusterHub.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ClusterHub.Web;

/// <summary>
/// A page handler may need more than its page: the dues page is open to observers, its renewal
/// handler to managers only. The handler declares it with an access attribute, checked here by the
/// same <see cref="AccessMiddleware.Decide"/> that checked the page's own rule.
/// </summary>
internal sealed class ClusterPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var rule = context.HandlerMethod?.MethodInfo.GetCustomAttributes().OfType<IAccessRule>().FirstOrDefault();
        if (rule is not null && AccessMiddleware.Decide(context.HttpContext, rule) is { } refusal)
        {
            context.Result = new StatusCodeResult(refusal.StatusCode);
            return;
        }
        await next();
    }
}

public static class ClusterPageExtensions
{
    /// <summary>The scope resolved by <see cref="AccessMiddleware"/>; only valid on <c>/c/{cluster}</c> pages.</summary>
    public static ClusterScope ClusterScope(this HttpContext http) =>
        http.Items[typeof(ClusterScope)] as ClusterScope ?? throw new InvalidOperationException("This page is not under /c/{cluster}.");

    public static ClusterScope? ClusterScopeOrNull(this HttpContext http) => http.Items[typeof(ClusterScope)] as ClusterScope;
}
