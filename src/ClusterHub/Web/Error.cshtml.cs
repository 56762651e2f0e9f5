using ClusterHub.Accounts;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterHub.Web;

/// <summary>
/// The page a person sees for a refusal or a missing page (status-code pages re-execute here);
/// it keeps the original status. The API answers ProblemDetails instead.
/// </summary>
[Public]
[IgnoreAntiforgeryToken] // a refused post is re-executed here as a post: its form may be the reason it was refused
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string TitleKey => Code switch { 403 => "Error.Forbidden", 404 => "Error.NotFound", 401 => "Error.Unauthorized", _ => "Error.Other" };
    public string TextKey => TitleKey + ".Text";

    public void OnGet(int code)
    {
        // Reached directly (not re-executed), the address itself is the missing page.
        Code = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null ? 404 : code;
        Response.StatusCode = Code;
    }

    /// <summary>
    /// The same page for a refused post (a form too large, a failed antiforgery check). The code comes from the
    /// route, not from binding: binding would read the very form that was refused.
    /// </summary>
    public void OnPost() => OnGet(int.TryParse(RouteData.Values["code"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : 400);
}
