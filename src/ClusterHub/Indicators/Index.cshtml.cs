using System.Globalization;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Indicators;

/// <summary>
/// Every indicator of a year, computed and manual, with how each was obtained; the secretariat defines its manual
/// indicators here and records their values with written evidence.
/// </summary>
[RequirePermission(IndicatorPermissions.Read)]
public sealed class IndexModel(ClusterDb db, IndicatorRegistry registry, TimeProvider clock, IStringLocalizer<Strings> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public int ShownYear => Year ?? clock.GetUtcNow().Year - 1;
    public IReadOnlyList<IndicatorReading> Readings { get; private set; } = [];
    public IReadOnlyList<ManualIndicator> Manual { get; private set; } = [];
    public Dictionary<string, ManualIndicatorValue> ManualValues { get; private set; } = [];
    public List<string> Errors { get; private set; } = [];
    public ClusterScope Scope => HttpContext.ClusterScope();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Years.Validate(ShownYear) is not null) return NotFound();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (Export.ParseFormat(format) is not { } fmt || Years.Validate(ShownYear) is not null) return BadRequest();
        var rows = (await registry.ComputeAsync(db, Scope.ClusterId, ShownYear, ct)).Select(r => IndicatorRow.From(r, CultureInfo.CurrentUICulture));
        await Export.SendAsync(Response, $"{Scope.Slug}-indicators-{ShownYear}", IndicatorTable.Table, rows.ToAsyncEnumerable(), fmt, ct);
        return new EmptyResult();
    }

    [RequirePermission(IndicatorPermissions.Manage)]
    public async Task<IActionResult> OnPostDefineAsync(string? code, string? name, string? definition, IndicatorUnit unit, IndicatorDirection direction, CancellationToken ct)
    {
        var (_, _, errors) = await ManualIndicators.SaveAsync(db, Scope.ClusterId, null, new ManualIndicatorInput(code ?? "", name ?? "", definition ?? "", unit, direction), ct);
        return await Done(errors, ct);
    }

    [RequirePermission(IndicatorPermissions.Manage)]
    public async Task<IActionResult> OnPostRecordAsync(string? key, double? value, string? evidence, int? version, CancellationToken ct)
    {
        var (outcome, _, errors) = await ManualIndicators.RecordAsync(db, Scope.ClusterId, key ?? "", ShownYear, new ManualValueInput(value, evidence ?? "", version),
            User.Identity?.Name ?? "", clock.GetUtcNow(), ct);
        return outcome switch
        {
            ManualEdit.NotFound => NotFound(),
            ManualEdit.Stale => await Done([new("value", null, "was changed by someone else meanwhile; reload and try again")], ct, StatusCodes.Status409Conflict),
            _ => await Done(errors, ct),
        };
    }

    private async Task<IActionResult> Done(List<FieldError> errors, CancellationToken ct, int status = StatusCodes.Status422UnprocessableEntity)
    {
        if (errors.Count == 0) return Redirect($"/c/{Scope.Slug}/indicators?year={ShownYear}");
        Errors = [.. errors.Select(e => $"{e.Field}: {l[e.Reason]}")];
        Response.StatusCode = status;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Readings = await registry.ComputeAsync(db, Scope.ClusterId, ShownYear, ct);
        Manual = await ManualIndicators.ListAsync(db, Scope.ClusterId, ct);
        ManualValues = await ManualIndicators.ValuesAsync(db, Scope.ClusterId, ShownYear, ct);
    }
}
