using ClusterHub.Accounts;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

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

/// <summary>
/// Turns the <see cref="BadHttpRequestException"/> the server throws while a body is read (too large for
/// <see cref="RequestLimits"/>: 413; malformed, cut short or too slow: its own 4xx) into a ProblemDetails with
/// that status, instead of the 500 an unhandled exception gets: it is the client's mistake, not the server's.
/// (A JSON body that minimal APIs bind meets the same exception in the binder, which answers its status code
/// itself; <see cref="ProblemHandling.Customize"/> then says why.)
/// </summary>
internal sealed class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || context.Response.HasStarted) return false;
        context.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = bad.StatusCode, Detail = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? null : bad.Message },
        });
    }
}

public static class ProblemHandling
{
    /// <summary>Every ProblemDetails the application writes passes here: a 413 says which limit the body went over.</summary>
    public static void Customize(ProblemDetailsOptions options) => options.CustomizeProblemDetails = context =>
    {
        if (context.ProblemDetails.Status != StatusCodes.Status413PayloadTooLarge || context.ProblemDetails.Detail is not null) return;
        var limit = context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        context.ProblemDetails.Detail = limit is null ? "The request body is too large."
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The request body is larger than the {limit} bytes this address accepts.");
    };
}
