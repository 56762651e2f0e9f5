using System.Globalization;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Assessment;

/// <summary>
/// The Table 1 report of one year: scores with their evidence, the life-cycle stage, the findings, the changes since the
/// year before; the PDF; and, for those who judge, the judgement items and saving or finalising the assessment.
/// </summary>
[RequirePermission(AssessmentPermissions.Read)]
public sealed class ReportModel(ClusterDb db, Assessments assessments, ReportPdf pdf, IStringLocalizer<Strings> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    [BindProperty(SupportsGet = true)] public string Instrument { get; set; } = Instruments.Cipm;
    public AssessmentReport Report { get; private set; } = null!;
    public string Html { get; private set; } = "";
    public List<IndicatorChange> Changes { get; private set; } = [];
    public AssessmentReport? Previous { get; private set; }
    public List<AssessmentJudgement> Judgements { get; private set; } = [];
    public List<string> Errors { get; private set; } = [];
    public ClusterScope Scope => HttpContext.ClusterScope();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>The same report as PDF, in the reader's language.</summary>
    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        try
        {
            var bytes = await ReportOutput.RenderAsync(Report, ReportFormat.Pdf, CultureInfo.CurrentUICulture, l, pdf, ct);
            return File(bytes, "application/pdf", $"{Scope.Slug}-{Report.InstrumentKey}-{Year}.pdf");
        }
        catch (ChromiumMissingException e)
        {
            Errors.Add(e.Message);
            return Page();
        }
    }

    [RequirePermission(AssessmentPermissions.Judge)]
    public async Task<IActionResult> OnPostJudgeAsync(string? item, double? value, string? evidence, CancellationToken ct)
    {
        var (outcome, errors) = await assessments.JudgeAsync(db, Scope.ClusterId, Year, Instrument, item ?? "", new JudgementInput(value ?? 0, evidence),
            User.Identity?.Name ?? "user", ct);
        if (outcome == JudgeOutcome.Done) return Redirect();
        Errors.AddRange(errors.Count > 0 ? errors.Select(e => $"{e.Field}: {l[e.Reason].Value}") : [l[$"JudgeOutcome.{outcome}"].Value]);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    [RequirePermission(AssessmentPermissions.Judge)]
    public async Task<IActionResult> OnPostSaveAsync(bool final, CancellationToken ct)
    {
        var cluster = await db.Clusters.AsNoTracking().SingleAsync(c => c.Id == Scope.ClusterId, ct);
        var (outcome, _) = await assessments.SaveAsync(db, cluster, Year, Instrument, final, User.Identity?.Name ?? "user", ct);
        if (outcome == SaveOutcome.Done) return Redirect();
        Errors.Add(l[$"SaveOutcome.{outcome}"].Value);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private RedirectResult Redirect() => base.Redirect($"/c/{Scope.Slug}/assessment/{Year.ToString(CultureInfo.InvariantCulture)}?instrument={Uri.EscapeDataString(Instrument)}");

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (Years.Validate(Year) is not null) return false;
        var cluster = await db.Clusters.AsNoTracking().SingleAsync(c => c.Id == Scope.ClusterId, ct);
        var report = await assessments.ReportAsync(db, cluster, Year, Instrument, ct);
        if (report is null) return false;
        Report = report;
        Html = ReportHtml.Fragment(report, l);
        if (Year > 1950 && await assessments.ReportAsync(db, cluster, Year - 1, Instrument, ct) is { } previous)
        {
            Previous = previous;
            Changes = [.. AssessmentDiff.Between(previous, report).Where(c => c.Effect is not null && c.Effect != 0 || c.ValueFrom != c.ValueTo).Take(12)];
        }
        if (Scope.Can(AssessmentPermissions.Judge))
        {
            var version = await Instruments.LatestAsync(db, HttpContext.RequestServices.GetRequiredService<TimeProvider>(), Scope.ClusterId, Instrument, ct);
            Judgements = version is null ? [] : await db.Set<AssessmentJudgement>().AsNoTracking()
                .Where(j => j.ClusterId == Scope.ClusterId && j.Year == Year && j.InstrumentId == version.Id).ToListAsync(ct);
        }
        return true;
    }
}
