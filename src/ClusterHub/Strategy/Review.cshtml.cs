using System.Globalization;
using System.Text.Json;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Strategy;

/// <summary>One yearly review: objectives against targets (live while open), decisions, new targets, closing, and every indicator with how it was computed.</summary>
[RequirePermission(StrategyPermissions.Read)]
public sealed class ReviewModel(ClusterDb db, Reviews reviews, IStringLocalizer<Strings> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    public ReviewView View { get; private set; } = null!;
    public string? Message { get; private set; }
    public string ChartJson { get; private set; } = "{}";
    public ClusterScope Scope => HttpContext.ClusterScope();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    [RequirePermission(StrategyPermissions.Manage)]
    public async Task<IActionResult> OnPostDecisionsAsync(string? decisions, CancellationToken ct) =>
        await Answer(await Reviews.RecordDecisionsAsync(db, Scope.ClusterId, Year, decisions ?? "", ct), ct);

    [RequirePermission(StrategyPermissions.Manage)]
    public async Task<IActionResult> OnPostTargetAsync(int objectiveId, int targetYear, double? value, CancellationToken ct) =>
        await Answer(value is { } v ? await Reviews.SetTargetAsync(db, Scope.ClusterId, Year, objectiveId, targetYear, v, ct) : ReviewChange.Invalid, ct);

    [RequirePermission(StrategyPermissions.Manage)]
    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct) =>
        await Answer(await reviews.CloseAsync(db, Scope.ClusterId, Year, User.Identity?.Name ?? "user", ct), ct);

    private async Task<IActionResult> Answer(ReviewChange change, CancellationToken ct)
    {
        if (change == ReviewChange.Done) return Redirect($"/c/{Scope.Slug}/strategy/reviews/{Year}");
        if (change == ReviewChange.NotFound) return NotFound();
        Message = l[$"Strategy.Change.{change}"];
        Response.StatusCode = change == ReviewChange.Invalid ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict;
        await LoadAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await reviews.ViewAsync(db, Scope.ClusterId, Year, ct) is not { } view) return false;
        View = view;
        // One target-against-actual chart per objective: the years it has a target or a recorded value.
        ChartJson = JsonSerializer.Serialize(new
        {
            locale = Format.Locale,
            target = l["Strategy.Target"].Value,
            actual = l["Strategy.Actual"].Value,
            objectives = view.Objectives.Select(o => new
            {
                id = o.ObjectiveId,
                share = o.Indicator.Unit == Indicators.IndicatorUnit.Share,
                labels = o.Years.Select(y => y.Year.ToString(CultureInfo.InvariantCulture)),
                targets = o.Years.Select(y => y.Target),
                actuals = o.Years.Select(y => y.Actual),
            }),
        }).Replace("</", "<\\/", StringComparison.Ordinal);
        return true;
    }
}
