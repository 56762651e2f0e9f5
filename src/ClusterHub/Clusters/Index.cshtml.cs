using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterHub.Clusters;

/// <summary>The clusters the user belongs to; with just one, go straight to it.</summary>
public sealed class IndexModel(ClusterDb db) : PageModel
{
    public Page<ClusterSummary> Clusters { get; private set; } = new([], 1, Paging.DefaultSize, 0);

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        Clusters = await ClustersApi.PageAsync(db, User, pageNumber, Paging.DefaultSize, ct);
        return Clusters.Total == 1 ? Redirect($"/c/{Clusters.Items[0].Slug}") : Page();
    }

    public string PageLink(int page) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/?page={page}");
}
