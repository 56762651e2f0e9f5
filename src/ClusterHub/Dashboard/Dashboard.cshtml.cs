using System.Text.Json;
using ClusterHub.Accounts;
using ClusterHub.Clusters;
using ClusterHub.Data;
using ClusterHub.Dues;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Dashboard;

[RequirePermission(DashboardFeature.Read)]
public sealed class DashboardModel(ClusterDb db, IStringLocalizer<Strings> l) : PageModel
{
    public DashboardFigures Figures { get; private set; } = null!;
    public ClusterProfile Profile { get; private set; } = null!;

    /// <summary>Chart series with their labels already translated; dashboard.js only draws.</summary>
    public string ChartJson { get; private set; } = "{}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = HttpContext.ClusterScope();
        Profile = await ClustersApi.ProfileAsync(db, scope, ct);
        Figures = await ClusterDashboard.ComputeAsync(db, scope.ClusterId, ct);
        var f = Figures;
        ChartJson = JsonSerializer.Serialize(new
        {
            family = Series(f.ByFamily.Select(c => (l[$"MemberFamily.{c.Key}"].Value, c.Members))),
            type = Series(f.ByType.Select(c => (l[$"MemberType.{c.Key}"].Value, c.Members))),
            size = Series(f.BySize.Select(c => (l[$"SizeClass.{c.Key}"].Value, c.Members))),
            region = Series(f.ByRegion.Take(12).Select(c => (FrenchGeography.RegionName(c.Key), c.Members))),
            growth = new { labels = f.Growth.Select(g => g.Year), values = f.Growth.Select(g => g.ActiveAtYearEnd), label = l["Dashboard.ActiveMembers"].Value },
            dues = new
            {
                labels = f.Dues.Select(d => d.Year),
                invoiced = f.Dues.Select(d => Money.Euros(d.InvoicedCents)),
                paid = f.Dues.Select(d => Money.Euros(d.PaidCents)),
                invoicedLabel = l["Dues.Invoiced"].Value,
                paidLabel = l["Dues.Paid"].Value,
            },
        }).Replace("</", "<\\/", StringComparison.Ordinal);
        return Page();
    }

    private static object Series(IEnumerable<(string Label, int Value)> points)
    {
        var list = points.ToList();
        return new { labels = list.Select(p => p.Label), values = list.Select(p => p.Value) };
    }
}
