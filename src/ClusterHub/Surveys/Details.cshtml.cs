using System.Globalization;
using System.Text.Json;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Surveys;

/// <summary>One survey: its items, sending, reminders and closing (the secretariat), the response rate and the results with their chart and exports.</summary>
[RequirePermission(SurveyPermissions.Read)]
public sealed class DetailsModel(ClusterDb db, TimeProvider clock, IConfiguration configuration, IStringLocalizer<Strings> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    public SurveyReport Report { get; private set; } = null!;
    public string? Message { get; private set; }
    public bool Refused { get; private set; }
    public string ChartJson { get; private set; } = "{}";
    public ClusterScope Scope => HttpContext.ClusterScope();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (Exchange.Export.ParseFormat(format) is not { } fmt) return BadRequest();
        if (!await LoadAsync(ct)) return NotFound();
        await Exchange.Export.SendAsync(Response, SurveyResults.DownloadStem(Scope.Slug, Year), SurveyResults.Table, SurveyResults.Lines(Report).ToAsyncEnumerable(), fmt, ct);
        return new EmptyResult();
    }

    [RequirePermission(SurveyPermissions.Manage)]
    public async Task<IActionResult> OnPostSendAsync(CancellationToken ct)
    {
        var r = await SurveySending.SendAsync(db, Scope.ClusterId, Year, SiteAddress.Of(Request, configuration), clock.GetUtcNow().UtcDateTime, ct);
        return await Answer(r.Change, string.Format(CultureInfo.CurrentCulture, l["Surveys.Sent"].Value, r.Invited, r.AlreadyInvited, r.WithoutContact), ct);
    }

    [RequirePermission(SurveyPermissions.Manage)]
    public async Task<IActionResult> OnPostRemindAsync(CancellationToken ct)
    {
        var r = await SurveySending.RemindAsync(db, Scope.ClusterId, Year, SiteAddress.Of(Request, configuration), clock.GetUtcNow().UtcDateTime, ct);
        return await Answer(r.Change, string.Format(CultureInfo.CurrentCulture, l["Surveys.Reminded"].Value, r.Reminded, r.AlreadyRemindedToday, r.WithoutContact), ct);
    }

    [RequirePermission(SurveyPermissions.Manage)]
    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct) =>
        await Answer(await SurveySending.CloseAsync(db, Scope.ClusterId, Year, clock.GetUtcNow().UtcDateTime, ct), l["Surveys.ClosedNow"].Value, ct);

    private async Task<IActionResult> Answer(SurveyChange change, string done, CancellationToken ct)
    {
        if (change == SurveyChange.NotFound) return NotFound();
        Refused = change != SurveyChange.Done;
        Message = Refused ? l[SurveyChanges.Key(change)].Value : done;
        if (Refused) Response.StatusCode = change == SurveyChange.ClosesInThePast ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict;
        await LoadAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await SurveyResults.ComputeAsync(db, Scope.ClusterId, Year, ct) is not { } report) return false;
        Report = report;
        // The chart: each item's mean for all respondents, only the items with enough of them, labelled by key (the table beside it has the statements).
        var shown = report.Items.Where(i => !i.All.TooFew).ToList();
        ChartJson = JsonSerializer.Serialize(new
        {
            locale = Format.Locale,
            survey = shown.Count == 0 ? null : new
            {
                label = l["Surveys.Mean"].Value,
                labels = shown.Select(i => i.Key),
                values = shown.Select(i => Math.Round(i.All.Mean!.Value, 2)),
                deviations = shown.Select(i => Math.Round(i.All.StdDev!.Value, 2)),
            },
        }).Replace("</", "<\\/", StringComparison.Ordinal);
        return true;
    }
}
