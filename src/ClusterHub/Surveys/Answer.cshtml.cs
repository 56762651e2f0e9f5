using ClusterHub.Accounts;
using ClusterHub.Data;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterHub.Surveys;

/// <summary>
/// The personal link's page, open to anyone who holds the link and to no one else: no account, the token is the only
/// key, and it reaches one invitation of one survey. An unknown, expired, used or closed link gets a page saying so,
/// never an error. The page opens in the invitation's language unless the person has chosen one.
/// </summary>
[Public]
public sealed class AnswerModel(ClusterDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    public LinkState State { get; private set; }
    public AnswerForm? Form { get; private set; }
    public bool Recorded { get; private set; }
    public bool Invalid { get; private set; }

    /// <summary>What the person chose, kept when a submission is refused.</summary>
    public Dictionary<int, string> Chosen { get; } = [];

    public const string DontKnow = "dk";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var view = await SurveyAnswers.OpenAsync(db, Token, clock.GetUtcNow().UtcDateTime, ct);
        (State, Form) = (view.State, view.Form);
        // The respondent's language, once: kept in the culture cookie, which the language switch then changes as anywhere.
        if (Form is not null && !Request.Cookies.ContainsKey(CookieRequestCultureProvider.DefaultCookieName)
            && !string.Equals(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, Form.Language, StringComparison.Ordinal))
        {
            Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(Form.Language)),
                new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps });
            return Redirect(Request.Path);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scores = new Dictionary<int, int?>();
        foreach (var (name, value) in Request.Form)
        {
            if (!name.StartsWith("item-", StringComparison.Ordinal)) continue;
            var text = value.ToString();
            if (!int.TryParse(name.AsSpan(5), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var itemId)) { Invalid = true; continue; }
            Chosen[itemId] = text;
            if (text.Length == 0) continue; // left blank: every item is optional
            if (text == DontKnow) scores[itemId] = null;
            else if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var score)) scores[itemId] = score;
            else Invalid = true;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var outcome = Invalid ? SubmitOutcome.Invalid : await SurveyAnswers.SubmitAsync(db, Token, scores, now, ct);
        var view = await SurveyAnswers.OpenAsync(db, Token, now, ct);
        (State, Form) = (view.State, view.Form);
        switch (outcome)
        {
            case SubmitOutcome.Recorded: Recorded = true; break;
            case SubmitOutcome.Invalid: Invalid = true; Response.StatusCode = StatusCodes.Status422UnprocessableEntity; break;
            case SubmitOutcome.Used: State = LinkState.Used; Response.StatusCode = StatusCodes.Status409Conflict; break;
            case SubmitOutcome.Closed: State = LinkState.Closed; Response.StatusCode = StatusCodes.Status409Conflict; break;
            case SubmitOutcome.Expired: State = LinkState.Expired; Response.StatusCode = StatusCodes.Status409Conflict; break;
            default: State = LinkState.Unknown; Response.StatusCode = StatusCodes.Status404NotFound; break;
        }
        return Page();
    }
}
