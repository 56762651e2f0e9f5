using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ClusterHub.Web;

/// <summary>
/// How large a request body may be, decided here and nowhere else.
/// <list type="bullet">
/// <item>A file (the import API's body, a multipart upload): <see cref="ImportBodyBytes"/>. Kestrel itself refuses
/// anything larger, before any endpoint runs.</item>
/// <item>Fields (a JSON body an endpoint binds to a parameter, a page's url-encoded form): <see cref="JsonBodyBytes"/>;
/// a member with every field at its limit and twenty contacts is about 40 KB.</item>
/// <item>An endpoint that declares its own limit (<c>[RequestSizeLimit]</c>, <c>[DisableRequestSizeLimit]</c>) keeps it.</item>
/// </list>
/// A body over its limit fails when it is read, with the server's <see cref="Microsoft.AspNetCore.Http.BadHttpRequestException"/>, which
/// <see cref="BadRequestHandler"/> answers as a 413 ProblemDetails; nothing is stored.
/// </summary>
public static class RequestLimits
{
    public const long ImportBodyBytes = 50 * 1024 * 1024;
    public const long JsonBodyBytes = 1024 * 1024;

    public static void Configure(KestrelServerOptions kestrel) => kestrel.Limits.MaxRequestBodySize = ImportBodyBytes;

    /// <summary>Sets each request's body limit from its endpoint; after routing, before anything reads the body.</summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var size = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (size is { IsReadOnly: false } && LimitFor(http) is { } limit) size.MaxRequestBodySize = Math.Min(limit, size.MaxRequestBodySize ?? long.MaxValue);
        await next(http);
    });

    /// <summary>The body limit of this request, or null for the server's (<see cref="ImportBodyBytes"/>).</summary>
    public static long? LimitFor(HttpContext http)
    {
        var endpoint = http.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is not null) return null; // routing applied the endpoint's own
        var bindsJson = endpoint?.Metadata.GetOrderedMetadata<IAcceptsMetadata>()
            .Any(a => a.RequestType is not null && a.ContentTypes.Any(c => c.Contains("json", StringComparison.OrdinalIgnoreCase))) == true;
        return bindsJson || http.Request.HasFormContentType && !http.Request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
            ? JsonBodyBytes
            : null;
    }
}
