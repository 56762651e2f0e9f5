using System.Text.RegularExpressions;

namespace ClusterHub.Tests.Web;

/// <summary>
/// Pages over plain HTTP, as a browser behind a proxy would send them: cookies kept by hand (a
/// cookie container would drop a Secure cookie on http://, hiding what the server said), the
/// antiforgery token read from the form, and optionally <c>X-Forwarded-Proto: https</c>.
/// </summary>
public sealed partial class PageRequests(ClusterHubApplication app, bool https) : IDisposable
{
    private readonly HttpClient client = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseAddress) };
    private readonly Dictionary<string, string> cookies = [];

    /// <summary>Every Set-Cookie header received, whole (name=value; path=/; secure; …).</summary>
    public List<string> SetCookies { get; } = [];

    public string? Token { get; private set; }

    public async Task<HttpResponseMessage> GetAsync(string path)
    {
        var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path));
        var html = await response.Content.ReadAsStringAsync();
        if (TokenPattern().Match(html) is { Success: true } m) Token = m.Groups[1].Value;
        return response;
    }

    /// <summary>Posts a form with the antiforgery token of the last page read.</summary>
    public Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = Token ?? throw new InvalidOperationException("read a page with a form first");
        return SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) });
    }

    /// <summary>The Set-Cookie header that set <paramref name="name"/>, or null.</summary>
    public string? SetCookie(string name) => SetCookies.LastOrDefault(c => c.StartsWith(name + "=", StringComparison.Ordinal));

    public static bool IsSecure(string setCookie) =>
        setCookie.Split(';').Skip(1).Any(a => a.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase));

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (https) request.Headers.Add("X-Forwarded-Proto", "https");
        if (cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await client.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            SetCookies.Add(header);
            var pair = header.Split(';')[0].Split('=', 2);
            cookies[pair[0]] = pair[1];
        }
        return response;
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
