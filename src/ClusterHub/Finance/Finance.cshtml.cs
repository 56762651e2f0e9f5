using System.Globalization;
using System.Text.Json;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Indicators;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Finance;

/// <summary>The funding mix of a year: planned and actual by source, the measures with their definitions, charts, the budget lines and the secretariat.</summary>
[RequirePermission(FinancePermissions.Read)]
public sealed class FinanceModel(ClusterDb db, TimeProvider clock, IStringLocalizer<Strings> l) : PageModel
{
    /// <summary>The year shown: the route's, else the latest year with a budget, else last year.</summary>
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? P { get; set; }

    public FinanceReport Report { get; private set; } = null!;
    public IReadOnlyList<IndicatorReading> Measures { get; private set; } = [];
    public Page<BudgetLineDto> Lines { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name)> MemberChoices { get; private set; } = [];
    public List<string> Errors { get; private set; } = [];
    public string? Message { get; private set; }
    public string ChartJson { get; private set; } = "{}";
    public ClusterScope Scope => HttpContext.ClusterScope();
    public int ShownYear => Report.Year;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Year is { } y && Years.Validate(y) is not null) return NotFound();
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The year's report as a download (<c>format=csv|json|xlsx</c>), the rows the API and the CLI write.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (Export.ParseFormat(format) is not { } fmt) return BadRequest();
        var year = Year ?? await DefaultYearAsync(ct);
        var report = await FinanceReports.ReportAsync(db, Scope.ClusterId, year, ct);
        await Export.SendAsync(Response, $"{Scope.Slug}-finance-{year}", FinanceFile.ReportTable, FinanceFile.ReportRows(report).ToAsyncEnumerable(), fmt, ct);
        return new EmptyResult();
    }

    /// <summary>Adds a budget line to the year shown.</summary>
    [RequirePermission(FinancePermissions.Manage)]
    public async Task<IActionResult> OnPostLineAsync(string? source, string? planned, string? actual, int? payerMemberId, string? payerName, string? note, CancellationToken ct)
    {
        var year = Year ?? await DefaultYearAsync(ct);
        var amounts = new List<FieldError>();
        var input = new BudgetLineInput(year, source, Amount(planned, "plannedEur", amounts), Amount(actual, "actualEur", amounts), payerMemberId, payerName, note);
        var result = amounts.Count > 0 ? new BudgetResult<BudgetLineDto>(BudgetOutcome.Invalid, amounts) : await BudgetEdits.SaveAsync(db, Scope.ClusterId, null, input, ct);
        return await Answer(result.Outcome, result.Errors, ct);
    }

    /// <summary>Deletes a budget line (already gone: nothing to do).</summary>
    [RequirePermission(FinancePermissions.Manage)]
    public async Task<IActionResult> OnPostDeleteLineAsync(int lineId, CancellationToken ct)
    {
        return await Answer(await BudgetEdits.DeleteAsync(db, Scope.ClusterId, lineId, ct), [], ct);
    }

    /// <summary>Sets the year's staff and operating cost; <c>version</c> is the record's as the form showed it.</summary>
    [RequirePermission(FinancePermissions.Manage)]
    public async Task<IActionResult> OnPostSecretariatAsync(string? staff, string? cost, int? version, CancellationToken ct)
    {
        var year = Year ?? await DefaultYearAsync(ct);
        var errors = new List<FieldError>();
        double? fte = null;
        if (!string.IsNullOrWhiteSpace(staff))
        {
            if (double.TryParse(staff.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var f)) fte = f;
            else errors.Add(new("staffFte", InputText.Echo(staff), "must be a number"));
        }
        var input = new SecretariatInput(fte, Amount(cost, "operatingCostEur", errors), version);
        var result = errors.Count > 0 ? new BudgetResult<SecretariatDto>(BudgetOutcome.Invalid, errors) : await BudgetEdits.SetSecretariatAsync(db, Scope.ClusterId, year, input, ct);
        return await Answer(result.Outcome, result.Errors, ct);
    }

    /// <summary>An amount as typed on the page: a decimal point or comma, spaces as digit groups.</summary>
    private static decimal? Amount(string? text, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (decimal.TryParse(FormText.Amount(text), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)) return amount;
        errors.Add(new(field, InputText.Echo(text), "must be an amount in euros such as 1250.50"));
        return null;
    }

    private async Task<IActionResult> Answer(BudgetOutcome outcome, IReadOnlyList<FieldError> errors, CancellationToken ct)
    {
        switch (outcome)
        {
            case BudgetOutcome.Saved: Message = l["Finance.Saved"]; break;
            case BudgetOutcome.Invalid:
                Errors = [.. errors.Select(e => $"{l[$"Finance.Field.{e.Field}"]}: {(e.Value is null ? "" : e.Value + " ")}{l[e.Reason]}")];
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                break;
            default:
                Errors = [l[$"Finance.Outcome.{outcome}"]];
                Response.StatusCode = outcome == BudgetOutcome.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict;
                break;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task<int> DefaultYearAsync(CancellationToken ct) =>
        (await FinanceReports.MixAsync(db, Scope.ClusterId, null, ct)).Where(y => y.HasBudget).Select(y => (int?)y.Year).Max() ?? clock.GetUtcNow().Year - 1;

    private async Task LoadAsync(CancellationToken ct)
    {
        var year = Year ?? await DefaultYearAsync(ct);
        Report = await FinanceReports.ReportAsync(db, Scope.ClusterId, year, ct);
        Measures = FinanceIndicators.Readings(Report.Mix);
        Lines = await BudgetEdits.Lines(db, Scope.ClusterId, year).PageAsync(P, 50, ct);
        if (Scope.Can(FinancePermissions.Manage))
            MemberChoices = [.. (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.Members.Where(m => m.ClusterId == Scope.ClusterId && m.ArchivedOn == null)
                    .OrderBy(m => m.NormalizedName).Select(m => new { m.Id, m.Name }), ct)).Select(m => (m.Id, m.Name))];
        var years = Report.Years;
        string Source(BudgetSource s) => l[$"Finance.Source.{s}"];
        ChartJson = JsonSerializer.Serialize(new
        {
            locale = Format.Locale,
            sources = new
            {
                labels = years.Select(y => y.Year.ToString(CultureInfo.InvariantCulture)),
                series = Enum.GetValues<BudgetSource>().Where(s => years.Any(y => y.Sources.Any(x => x.Source == s && x.ActualCents is > 0)))
                    .Select(s => new { key = s.ToString(), label = Source(s), values = years.Select(y => (y.Sources.FirstOrDefault(x => x.Source == s)?.ActualCents ?? 0) / 100.0) }),
            },
            publicSplit = Report.Mix.HasBudget && Report.Mix.Measures.PublicCents > 0 ? new
            {
                labels = new[] { BudgetSource.State, BudgetSource.Regions, BudgetSource.LocalAuthorities, BudgetSource.Eu }.Select(Source)
                    .Append(l["Finance.NonPublic"].Value),
                values = new[] { BudgetSource.State, BudgetSource.Regions, BudgetSource.LocalAuthorities, BudgetSource.Eu }
                    .Select(s => (Report.Mix.Sources.FirstOrDefault(x => x.Source == s)?.ActualCents ?? 0) / 100.0)
                    .Append((Report.Mix.Measures.RevenueCents - Report.Mix.Measures.PublicCents) / 100.0),
            } : null,
            trends = new
            {
                labels = years.Select(y => y.Year.ToString(CultureInfo.InvariantCulture)),
                // Shares only, on one 0–100 % axis (the HHI is a ratio: it is in the measures table).
                series = new[] { FinanceIndicators.PublicShare, FinanceIndicators.Top3PayerShare, FinanceIndicators.SmeDuesRelief }
                    .Select(key => new { key, label = l[$"Indicator.{key}"].Value, values = years.Select(y => FinanceIndicators.Values(y).Single(v => v.Key == key).Value) }),
            },
        });
    }
}
