using System.Text.Json;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Projects;

[RequirePermission(ProjectPermissions.ReadDashboard)]
public sealed class FunnelModel(ClusterDb db, IStringLocalizer<Strings> l) : PageModel
{
    public ProjectFunnel.Report Report { get; private set; } = null!;

    /// <summary>Proposals by strategic area and by funder, and the most active members.</summary>
    public ProjectBreakdown.Report Breakdown { get; private set; } = null!;

    /// <summary>How many of the most active members the page lists.</summary>
    public const int TopMembers = 20;

    /// <summary>The charts' data for dashboard.js: labels translated here, the script only draws.</summary>
    public string ChartJson { get; private set; } = "{}";
    public ClusterScope Scope => HttpContext.ClusterScope();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Report = await ProjectFunnel.ComputeAsync(db, Scope.ClusterId, ct);
        var charts = new Dictionary<string, object> { ["locale"] = Format.Locale };
        var years = Report.Years;
        if (years.Count > 0)
            charts["funnel"] = new
            {
                labels = years.Select(y => y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                series = new (string Key, Func<ProjectFunnel.YearRow, int> Value)[]
                {
                    ("WorkedOn", y => y.WorkedOn), ("Submitted", y => y.Submitted), ("Certified", y => y.Certified),
                    ("Funded", y => y.Funded), ("Completed", y => y.Completed), ("OnTheMarket", y => y.OnTheMarket),
                }.Select(s => new { label = l[$"Projects.Funnel.{s.Key}"].Value, values = years.Select(s.Value) }),
            };
        var leverage = Report.ByFunder.Where(f => f.PerEuro is not null).ToList();
        if (leverage.Count > 0) charts["leverage"] = new { labels = leverage.Select(f => f.Group), values = leverage.Select(f => Math.Round(f.PerEuro!.Value, 2)) };
        Breakdown = await ProjectBreakdown.ComputeAsync(db, Scope.ClusterId, TopMembers, l["Projects.Breakdown.None"], ct);
        object Grouped(IReadOnlyList<ProjectBreakdown.Group> groups) => new
        {
            labels = groups.Select(g => g.Name),
            series = new (string Key, Func<ProjectBreakdown.Group, int> Value)[] { ("Proposals", g => g.Proposals), ("Certified", g => g.Certified), ("Funded", g => g.Funded) }
                .Select(s => new { label = l[$"Projects.Breakdown.{s.Key}"].Value, values = groups.Select(s.Value) }),
        };
        if (Breakdown.ByArea.Count > 0) charts["areas"] = Grouped(Breakdown.ByArea);
        if (Breakdown.ByFunder.Count > 0) charts["funders"] = Grouped(Breakdown.ByFunder);
        ChartJson = JsonSerializer.Serialize(charts).Replace("</", "<\\/", StringComparison.Ordinal);
    }
}
