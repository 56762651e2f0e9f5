using System.Globalization;
using System.Text.Json;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Indicators;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Strategy;

/// <summary>The strategy at a glance: vision, lists, objectives, roadmap and the yearly reviews.</summary>
[RequirePermission(StrategyPermissions.Read)]
public sealed class IndexModel(ClusterDb db, IndicatorRegistry registry, StrategyPlanning planning, Reviews reviews, TimeProvider clock, IStringLocalizer<Strings> l) : PageModel
{
    public StrategyDto Strategy { get; private set; } = null!;
    public List<ReviewSummary> ReviewList { get; private set; } = [];
    public IReadOnlyList<IndicatorDefinition> Indicators { get; private set; } = [];
    public List<string> Errors { get; private set; } = [];
    public string ChartJson { get; private set; } = "{}";
    public int NextReviewYear { get; private set; }
    public ClusterScope Scope => HttpContext.ClusterScope();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [RequirePermission(StrategyPermissions.Manage)]
    public async Task<IActionResult> OnPostVisionAsync(string? vision, CancellationToken ct) =>
        await Done(await StrategyPlanning.SetVisionAsync(db, Scope.ClusterId, vision ?? "", ct), ct);

    /// <summary>A new objective; its targets typed as "2019=270; 2020=285".</summary>
    [RequirePermission(StrategyPermissions.Manage)]
    public async Task<IActionResult> OnPostObjectiveAsync(string? title, string? indicatorKey, string? areaCode, double? tolerancePercent, string? targets, CancellationToken ct)
    {
        var (parsed, parseErrors) = ParseTargets(targets);
        if (parseErrors.Count > 0) return await Done(parseErrors, ct);
        var (_, errors) = await planning.AddObjectiveAsync(db, Scope.ClusterId,
            new ObjectiveInput(title ?? "", indicatorKey ?? "", areaCode, null, null, tolerancePercent / 100, parsed), ct);
        return await Done(errors, ct);
    }

    [RequirePermission(StrategyPermissions.Manage)]
    public async Task<IActionResult> OnPostActionAsync(RoadmapAxis axis, string? title, string? owner, string? areaCode, DateOnly? startOn, DateOnly? dueOn,
        ActionStatus status, int progress, int? id, CancellationToken ct)
    {
        var (_, errors) = await StrategyPlanning.SaveActionAsync(db, Scope.ClusterId, id, new ActionInput(axis, title ?? "", owner, areaCode, startOn, dueOn, status, progress), ct);
        return await Done(errors, ct);
    }

    /// <summary>A new entry of one of the lists: <c>list</c> is areas, domains or stages.</summary>
    [RequirePermission(StrategyPermissions.Manage)]
    public async Task<IActionResult> OnPostEntryAsync(string? list, string? code, string? name, CancellationToken ct)
    {
        var input = new ListEntryInput(code ?? "", name ?? "", null, null);
        var edit = list switch
        {
            "areas" => (await StrategyListEdits.SaveAsync<StrategicArea>(db, Scope.ClusterId, null, input, ct)).Item1,
            "domains" => (await StrategyListEdits.SaveAsync<ActivityDomain>(db, Scope.ClusterId, null, input, ct)).Item1,
            "stages" => (await StrategyListEdits.SaveAsync<ValueChainStage>(db, Scope.ClusterId, null, input, ct)).Item1,
            _ => ListEdit.NotFound,
        };
        return edit switch
        {
            ListEdit.Done => Redirect($"/c/{Scope.Slug}/strategy"),
            ListEdit.NotFound => NotFound(),
            ListEdit.DuplicateCode => await Done([new("code", code, "is already used in the list")], ct),
            _ => await Done(StrategyListEdits.Validate(input), ct),
        };
    }

    /// <summary>Removes an entry of one of the lists, unless something still uses it (then says what).</summary>
    [RequirePermission(StrategyPermissions.Manage)]
    public async Task<IActionResult> OnPostRemoveEntryAsync(string? list, int id, CancellationToken ct)
    {
        var (edit, usedBy) = list switch
        {
            "areas" => await StrategyListEdits.RemoveAsync<StrategicArea>(db, Scope.ClusterId, id, ct),
            "domains" => await StrategyListEdits.RemoveAsync<ActivityDomain>(db, Scope.ClusterId, id, ct),
            "stages" => await StrategyListEdits.RemoveAsync<ValueChainStage>(db, Scope.ClusterId, id, ct),
            _ => (ListEdit.NotFound, []),
        };
        if (edit == ListEdit.NotFound) return NotFound();
        if (edit == ListEdit.Done) return Redirect($"/c/{Scope.Slug}/strategy");
        string Kind(string kind) => l["Entity." + kind] is { ResourceNotFound: false } named ? named.Value : kind;
        Errors = [l["Strategy.EntryInUse", string.Join(", ", usedBy.Select(u => $"{Kind(u.Kind)} × {u.Count}"))]];
        Response.StatusCode = StatusCodes.Status409Conflict;
        await LoadAsync(ct);
        return Page();
    }

    [RequirePermission(StrategyPermissions.Manage)]
    public async Task<IActionResult> OnPostReviewAsync(int year, DateOnly? heldOn, string? title, CancellationToken ct)
    {
        var input = new ReviewInput(year, heldOn ?? new DateOnly(year, 8, 31), title);
        var errors = Reviews.Validate(input);
        if (errors.Count > 0) return await Done(errors, ct);
        var (change, _) = await reviews.OpenAsync(db, Scope.ClusterId, input, ct);
        if (change == ReviewChange.AlreadyExists) return await Done([new("year", year.ToString(CultureInfo.InvariantCulture), "already has a review")], ct);
        return Redirect($"/c/{Scope.Slug}/strategy/reviews/{year}");
    }

    private async Task<IActionResult> Done(List<FieldError> errors, CancellationToken ct)
    {
        if (errors.Count == 0) return Redirect($"/c/{Scope.Slug}/strategy");
        Errors = [.. errors.Select(e => $"{e.Field}: {l[e.Reason]}")];
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(ct);
        return Page();
    }

    private static (List<TargetInput>, List<FieldError>) ParseTargets(string? text)
    {
        var targets = new List<TargetInput>();
        var errors = new List<FieldError>();
        foreach (var part in (text ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length == 2 && int.TryParse(pair[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                && double.TryParse(pair[1].Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                targets.Add(new TargetInput(year, value));
            else errors.Add(new("targets", part, "must read year=value, e.g. 2019=270"));
        }
        return (targets, errors);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Strategy = await StrategyLists.OverviewAsync(db, Scope.ClusterId, ct);
        Indicators = await registry.DefinitionsAsync(db, Scope.ClusterId, ct);
        ReviewList = await StrategyLists.ReviewsAsync(db, Scope.ClusterId, ct);
        NextReviewYear = ReviewList.Count > 0 ? ReviewList.Max(r => r.Year) + 1 : clock.GetUtcNow().Year;
        var closed = ReviewList.Where(r => r.State == ReviewState.Closed).OrderBy(r => r.Year).ToList();
        ChartJson = JsonSerializer.Serialize(new
        {
            locale = Format.Locale,
            reviews = closed.Count == 0 ? null : new
            {
                labels = closed.Select(r => r.Year.ToString(CultureInfo.InvariantCulture)),
                series = new[]
                {
                    new { label = l["TargetOutcome.Met"].Value, values = closed.Select(r => r.Met), colour = "#2e8b57" },
                    new { label = l["TargetOutcome.Near"].Value, values = closed.Select(r => r.Near), colour = "#e0a800" },
                    new { label = l["TargetOutcome.Missed"].Value, values = closed.Select(r => r.Missed), colour = "#c0392b" },
                    new { label = l["TargetOutcome.Missing"].Value, values = closed.Select(r => r.Missing), colour = "#7f8c8d" },
                },
            },
        }).Replace("</", "<\\/", StringComparison.Ordinal);
    }
}
