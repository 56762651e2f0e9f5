namespace ClusterHub.Web;

public static class WebRequests
{
    /// <summary>The JSON API answers ProblemDetails; everything else is a page for a person.</summary>
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");
}
