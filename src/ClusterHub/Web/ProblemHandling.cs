using ClusterHub.Accounts;
using Microsoft.AspNetCore.Diagnostics;

namespace ClusterHub.Web;

/// <summary>Turns an <see cref="AccessRefusedException"/> into a 403 or 404 ProblemDetails.</summary>
internal sealed class AccessRefusedHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not AccessRefusedException refused) return false;
        context.Response.StatusCode = refused.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = refused.StatusCode, Title = refused.StatusCode == 404 ? "Not found" : "Forbidden", Detail = refused.Message },
        });
    }
}
