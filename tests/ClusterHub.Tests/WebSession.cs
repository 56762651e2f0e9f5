using System.Net;
using System.Text.RegularExpressions;

namespace ClusterHub.Tests;

/// <summary>
/// A person at a browser, without the browser: cookies kept, redirects not followed, forms posted
/// with the antiforgery token their page carries. For the pages' access rules and their forms.
/// </summary>
public sealed partial class WebSession(string baseAddress) : IDisposable
{
    private readonly HttpClient client = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
    {
        BaseAddress = new Uri(baseAddress),
        DefaultRequestHeaders = { { "Accept", "text/html" } },
    };

    public Task<HttpResponseMessage> GetAsync(string url) => client.GetAsync(url);

    /// <summary>Sends <c>Expect: 100-continue</c>, as browsers do not but curl does for large bodies: a body too large is refused by its length before it is sent.</summary>
    public bool ExpectContinue { set => client.DefaultRequestHeaders.ExpectContinue = value; }

    /// <summary>The page's HTML, asserting its status.</summary>
    public async Task<string> PageAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}");
        return body;
    }

    /// <summary>Opens <paramref name="pageUrl"/> for its antiforgery token, then posts <paramref name="fields"/> to <paramref name="postUrl"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, string postUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var form = fields.Append(new("__RequestVerificationToken", await TokenAsync(pageUrl)));
        return await client.PostAsync(postUrl, new FormUrlEncodedContent(form));
    }

    /// <summary>Opens <paramref name="pageUrl"/> for its antiforgery token, then uploads one file as an import form does (multipart, field <c>file</c>).</summary>
    public async Task<HttpResponseMessage> UploadAsync(string pageUrl, string postUrl, string fileName, string content)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await TokenAsync(pageUrl)), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content)), "file", fileName },
        };
        return await client.PostAsync(postUrl, form);
    }

    /// <summary>The antiforgery token of the form on <paramref name="pageUrl"/>.</summary>
    private async Task<string> TokenAsync(string pageUrl)
    {
        var html = await (await client.GetAsync(pageUrl)).Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(html);
        Assert.True(token.Success, $"{pageUrl} has no form with an antiforgery token");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    /// <summary>Logs in through the login page: true when it redirects onwards (success), false when it shows the form again.</summary>
    public async Task<bool> LogInAsync(string email, string password = ClusterHubApplication.Password)
    {
        var response = await SubmitAsync("/account/login", "/account/login", [new("Email", email), new("Password", password)]);
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
