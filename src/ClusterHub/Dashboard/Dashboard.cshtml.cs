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
    /// <summary>Regions shown one bar each; the rest share an "other regions" bar, so no member drops out of the chart.</summary>
    public const int RegionBars = 12;

    public DashboardFigures Figures { get; private set; } = null!;
    public ClusterProfile Profile { get; private set; } = null!;
    public ClusterScope Scope => HttpContext.ClusterScope();

    /// <summary>
    /// Chart series with their labels already translated and the locale that formats their numbers;
    /// dashboard.js only draws. A chart without data is absent from it and the page shows a sentence.
    /// </summary>
    public string ChartJson { get; private set; } = "{}";

    public bool HasMembers => Figures.ActiveMembers > 0;
    public bool HasGrowth => Figures.Growth.Count > 0;
    public bool HasDues => Figures.Dues.Count > 0;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Profile = await ClustersApi.ProfileAsync(db, Scope, ct);
        Figures = await ClusterDashboard.ComputeAsync(db, Scope.ClusterId, ct);
        var f = Figures;
        var charts = new Dictionary<string, object> { ["locale"] = Format.Locale };
        if (HasMembers)
        {
            charts["family"] = Series(f.ByFamily.Select(c => (l[$"MemberFamily.{c.Key}"].Value, c.Members)));
            charts["type"] = Series(f.ByType.Select(c => (l[$"MemberType.{c.Key}"].Value, c.Members)));
            charts["size"] = Series(f.BySize.Select(c => (l[$"SizeClass.{c.Key}"].Value, c.Members)));
            charts["region"] = Series(Regions(f.ByRegion));
        }
        if (HasGrowth)
            charts["growth"] = new { labels = f.Growth.Select(g => Year(g.Year)), values = f.Growth.Select(g => g.ActiveAtYearEnd), label = l["Dashboard.ActiveMembers"].Value };
        if (HasDues)
            charts["dues"] = new
            {
                labels = f.Dues.Select(d => Year(d.Year)),
                invoiced = f.Dues.Select(d => Money.Euros(d.InvoicedCents)),
                paid = f.Dues.Select(d => Money.Euros(d.PaidCents)),
                invoicedLabel = l["Dues.Invoiced"].Value,
                paidLabel = l["Dues.Paid"].Value,
            };
        ChartJson = JsonSerializer.Serialize(charts).Replace("</", "<\\/", StringComparison.Ordinal);
        return Page();
    }

    private IEnumerable<(string, int)> Regions(IReadOnlyList<Count<string>> byRegion)
    {
        if (byRegion.Count <= RegionBars) return byRegion.Select(c => (FrenchGeography.RegionName(c.Key), c.Members));
        var shown = byRegion.Take(RegionBars - 1).Select(c => (FrenchGeography.RegionName(c.Key), c.Members));
        return shown.Append((l["Dashboard.OtherRegions"].Value, byRegion.Skip(RegionBars - 1).Sum(c => c.Members)));
    }

    /// <summary>Years are names of categories, not quantities: never grouped (2 019).</summary>
    private static string Year(int year) => year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static object Series(IEnumerable<(string Label, int Value)> points)
    {
        var list = points.ToList();
        return new { labels = list.Select(p => p.Label), values = list.Select(p => p.Value) };
    }
}
