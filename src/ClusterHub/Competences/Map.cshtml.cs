using System.Text.Json;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Competences;

/// <summary>The competence map: the heat map of competences × strategic areas, the gap analysis and the coverage by region.</summary>
[RequirePermission(CompetencePermissions.Analyse)]
public sealed class MapModel(ClusterDb db, IStringLocalizer<Strings> l) : PageModel
{
    public HeatMap Heat { get; private set; } = null!;
    public GapAnalysis Gaps { get; private set; } = null!;
    public IReadOnlyList<RegionCoverage> Coverage { get; private set; } = [];
    public ClusterScope Scope => HttpContext.ClusterScope();

    /// <summary>The charts' data with translated labels; competences.js only draws.</summary>
    public string ChartJson { get; private set; } = "{}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Heat = await CompetenceMap.HeatMapAsync(db, Scope.ClusterId, ct);
        Gaps = await CompetenceMap.GapsAsync(db, Scope.ClusterId, ct);
        Coverage = await CompetenceMap.CoverageAsync(db, Scope.ClusterId, ct);
        var charts = new Dictionary<string, object> { ["locale"] = Format.Locale };
        if (Heat.Areas.Count > 0 && Heat.Competences.Count > 0)
            charts["heat"] = new
            {
                areas = Heat.Areas.Select(a => a.Code),
                competences = Heat.Competences.Select(c => c.Name),
                cells = Heat.Competences.SelectMany(c => c.Cells.Select(cell => new { x = cell.Area, y = c.Name, status = cell.Status.ToString(), needed = cell.Needed, holders = cell.Holders })),
                statuses = Enum.GetValues<CellStatus>().ToDictionary(s => s.ToString(), s => l[$"Competences.Cell.{s}"].Value),
                neededLabel = l["Competences.Needed"].Value,
                holdersLabel = l["Competences.Holders"].Value,
            };
        if (Coverage.Count > 0)
            charts["coverage"] = new { labels = Coverage.Select(c => c.RegionName), values = Coverage.Select(c => c.Competences), label = l["Competences.CompetencesCovered"].Value };
        ChartJson = JsonSerializer.Serialize(charts).Replace("</", "<\\/", StringComparison.Ordinal);
    }
}
