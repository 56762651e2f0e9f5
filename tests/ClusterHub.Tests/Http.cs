using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ClusterHub.Tests;

/// <summary>Assertions on HTTP answers that print the body when they fail.</summary>
public static class Http
{
    public static async Task<JsonElement> Json(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Every error answer is a ProblemDetails with the status repeated in its body.</summary>
    public static async Task<JsonElement> Problem(this HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Json(expected);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }

    public static Task<HttpResponseMessage> PostJson<T>(this HttpClient client, string url, T body) => client.PostAsJsonAsync(url, body);

    public static Task<HttpResponseMessage> PostText(this HttpClient client, string url, string text, string mediaType) =>
        client.PostAsync(url, new StringContent(text, System.Text.Encoding.UTF8, mediaType));
}
