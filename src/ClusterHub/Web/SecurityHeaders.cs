namespace ClusterHub.Web;

/// <summary>
/// Headers that tell the browser what a response may do, on every response (pages, API, static
/// files, error pages). Set when the response starts, so an exception handler that clears the
/// response does not take them away.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>
    /// Our pages: scripts and styles from our own files only, so an injected <c>&lt;script&gt;</c>
    /// or <c>onclick=</c> does not run. Pages pass data to scripts in <c>data-*</c> attributes or a
    /// <c>&lt;script type="application/json"&gt;</c> block, which is data and never executes.
    /// </summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The Scalar API reference (<c>/scalar/…</c>) is a third-party page that starts itself with an
    /// inline module script and styles its components inline, so it cannot run under
    /// <see cref="PagePolicy"/>. It gets inline script and style, and nothing else: it shows only our
    /// OpenAPI document (no member data), calls only this origin, and still cannot be framed or load
    /// plugins. Hashing its inline script instead would break at every Scalar upgrade. It does not get
    /// <c>'unsafe-eval'</c>: its validator (Zod) only probes <c>Function('')</c> and works without
    /// (the browser logs one refused eval).
    /// </summary>
    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static string PolicyFor(PathString path) => path.StartsWithSegments("/scalar") ? ApiReferencePolicy : PagePolicy;

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = PolicyFor(http.Request.Path);
            headers.XFrameOptions = "DENY"; // frame-ancestors for browsers that predate it
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return Task.CompletedTask;
        });
        return next(http);
    }
}
