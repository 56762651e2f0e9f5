using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Surveys;

/// <summary>The cluster's surveys, and a new one from a list of items (the secretariat).</summary>
[RequirePermission(SurveyPermissions.Read)]
public sealed class ListModel(ClusterDb db, TimeProvider clock, IStringLocalizer<Strings> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? P { get; set; }
    public Page<SurveySummary> Result { get; private set; } = null!;
    public List<string> Errors { get; private set; } = [];
    public string? Message { get; private set; }
    public ClusterScope Scope => HttpContext.ClusterScope();

    /// <summary>The form's values, kept when it is refused.</summary>
    public int NewYear { get; private set; }
    public string? NewTitle { get; private set; }
    public DateOnly NewClosesOn { get; private set; }
    public string? NewItems { get; private set; }
    public bool NewNamed { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today();
        NewYear = today.Year;
        NewClosesOn = today.AddDays(30);
        await LoadAsync(ct);
    }

    [RequirePermission(SurveyPermissions.Manage)]
    public async Task<IActionResult> OnPostCreateAsync(int year, string? title, DateOnly? closesOn, bool named, string? items, CancellationToken ct)
    {
        var (change, errors, survey) = await SurveyDesign.CreateAsync(db, Scope.ClusterId,
            new SurveyInput(year, title, closesOn, !named, SurveyDesign.ParseLines(items)), clock.GetUtcNow().UtcDateTime, ct);
        if (change == SurveyChange.Done) return Redirect($"/c/{Scope.Slug}/surveys/{survey!.Year}");
        (NewYear, NewTitle, NewClosesOn, NewItems, NewNamed) = (year, title, closesOn ?? clock.Today().AddDays(30), items, named);
        Errors = [.. errors.Select(e => $"{e.Field}: {l[e.Reason]}")];
        if (change != SurveyChange.Invalid) Message = l[SurveyChanges.Key(change)];
        Response.StatusCode = change == SurveyChange.Invalid ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) => Result = await SurveyQueries.Summaries(db, Scope.ClusterId).PageAsync(P, null, ct);

    public string PageUrl(int page) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/c/{Scope.Slug}/surveys?p={page}");
}
