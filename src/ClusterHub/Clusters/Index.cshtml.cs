using ClusterHub.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Clusters;

/// <summary>The clusters the user belongs to; with just one, go straight to it.</summary>
public sealed class IndexModel(ClusterDb db) : PageModel
{
    public List<ClusterSummary> Clusters { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Clusters = await ClustersApi.VisibleClusters(db, User).OrderBy(c => c.Name)
            .Select(c => new ClusterSummary(c.Slug, c.Name, c.Region, c.Sector)).Take(500).ToListAsync(ct);
        return Clusters.Count == 1 ? Redirect($"/c/{Clusters[0].Slug}") : Page();
    }
}
