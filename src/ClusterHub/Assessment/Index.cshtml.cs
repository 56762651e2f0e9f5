using System.Globalization;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Assessment;

/// <summary>The instruments and the trend of the cluster's assessment over five years, each year linking to its report.</summary>
[RequirePermission(AssessmentPermissions.Read)]
public sealed class IndexModel(ClusterDb db, Assessments assessments, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Instrument { get; set; } = Instruments.Cipm;
    [BindProperty(SupportsGet = true)] public int? To { get; set; }
    public List<InstrumentSummary> InstrumentList { get; private set; } = [];
    public List<AssessmentReport> Trend { get; private set; } = [];
    public ClusterScope Scope => HttpContext.ClusterScope();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        InstrumentList = await Instruments.ListAsync(db, clock, Scope.ClusterId, CultureInfo.CurrentUICulture, ct);
        if (!InstrumentList.Any(i => i.Key == Instrument)) Instrument = Instruments.Cipm;
        // The last year with a strategy review (the cluster's own yearly rhythm), else last year.
        var to = To is { } t && Years.Validate(t) is null ? t
            : await db.StrategyReviews.Where(r => r.ClusterId == Scope.ClusterId).MaxAsync(r => (int?)r.Year, ct) ?? clock.GetUtcNow().Year - 1;
        To = to;
        var cluster = await db.Clusters.AsNoTracking().SingleAsync(c => c.Id == Scope.ClusterId, ct);
        Trend = await assessments.TrendAsync(db, cluster, Math.Max(1950, to - 4), to, Instrument, ct);
        return Page();
    }
}
