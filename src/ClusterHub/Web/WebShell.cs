using System.Net;
using ClusterHub.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;

namespace ClusterHub.Web;

/// <summary>
/// What every request goes through before the features see it: the proxy in front of us, the
/// security headers, cookie security, the favicon.
/// </summary>
public static class WebShell
{
    /// <summary>
    /// Proxies trusted to say who the client is and whether it came over HTTPS
    /// (<c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c>): addresses under <c>ForwardedHeaders:KnownProxies</c>,
    /// CIDR ranges under <c>ForwardedHeaders:KnownNetworks</c>, each a list or one comma-separated
    /// value (environment: <c>ForwardedHeaders__KnownProxies=10.0.0.5</c>). Default: a proxy on this
    /// machine (loopback). Headers from anyone else are ignored, or any client could claim HTTPS or
    /// another address.
    /// </summary>
    public const string ProxiesKey = "ForwardedHeaders:KnownProxies", NetworksKey = "ForwardedHeaders:KnownNetworks";

    public static IServiceCollection AddWebShell(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            var proxies = List(configuration, ProxiesKey);
            var networks = List(configuration, NetworksKey);
            if (proxies.Count == 0 && networks.Count == 0) return; // the framework's default: loopback only
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var p in proxies) o.KnownProxies.Add(IPAddress.Parse(p));
            foreach (var n in networks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n));
        });
        // Secure when the request is HTTPS (as the proxy reports it), so a browser never sends them in
        // clear; plain HTTP on a developer's machine keeps working. SameAsRequest is the framework's
        // default for the sign-in cookie; it is said here for all three, the culture cookie in /culture.
        services.ConfigureAll<CookieAuthenticationOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.Configure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return services;
    }

    /// <summary>First in the pipeline: everything after it sees the client's scheme and address.</summary>
    public static WebApplication UseWebShell(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeaders>();
        // Browsers and crawlers ask for /favicon.ico whatever the page links; the icon is an SVG.
        app.MapGet("/favicon.ico", () => TypedResults.LocalRedirect("/favicon.svg", permanent: true)).Public().ExcludeFromDescription();
        return app;
    }

    private static List<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        return [.. section.GetChildren().Select(c => c.Value).Append(section.Value)
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
    }
}
