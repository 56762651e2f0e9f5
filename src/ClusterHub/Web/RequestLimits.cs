using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace ClusterHub.Web;

/// <summary>
/// How large a request body may be, decided here and nowhere else.
/// <list type="bullet">
/// <item>A file (an import API's body, a multipart upload): <see cref="ImportBodyBytes"/>, which the import endpoints and
/// pages declare (<c>[RequestSizeLimit(RequestLimits.ImportBodyBytes)]</c>); an import streams to a temporary file, so
/// its size costs no memory, and a file within the limit always gets the import's own answer (its located errors).</item>
/// <item>Fields (a JSON body an endpoint binds to a parameter, a page's url-encoded form): <see cref="JsonBodyBytes"/>;
/// a member with every field at its limit and twenty contacts is about 40 KB.</item>
/// <item>Any other body: Kestrel's default (30,000,000 bytes).</item>
/// </list>
/// A body over its limit fails when it is read, with the server's <see cref="Microsoft.AspNetCore.Http.BadHttpRequestException"/>,
/// which <see cref="BadRequestHandler"/> (or the minimal-API binder) answers as a 413 ProblemDetails that names the limit
/// (<see cref="ProblemHandling"/>); nothing is stored.
/// </summary>
public static class RequestLimits
{
    public const long ImportBodyBytes = 256L * 1024 * 1024;
    public const long JsonBodyBytes = 1024 * 1024;

    /// <summary>Sets each request's body limit from its endpoint; after routing, before anything reads the body.</summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var size = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (size is { IsReadOnly: false } && LimitFor(http) is { } limit) size.MaxRequestBodySize = limit;
        await next(http);
    });

    /// <summary>The body limit of this request, or null to leave the endpoint's own or the server's.</summary>
    public static long? LimitFor(HttpContext http)
    {
        var endpoint = http.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } declared) return declared.MaxRequestBodySize;
        var bindsJson = endpoint?.Metadata.GetOrderedMetadata<IAcceptsMetadata>()
            .Any(a => a.RequestType is not null && a.ContentTypes.Any(c => c.Contains("json", StringComparison.OrdinalIgnoreCase))) == true;
        return bindsJson || http.Request.HasFormContentType && !http.Request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
            ? JsonBodyBytes
            : null;
    }
}
