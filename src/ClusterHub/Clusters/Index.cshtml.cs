using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterHub.Clusters;

/// <summary>The clusters the user belongs to; with just one, go straight to it.</summary>
[SignedIn]
public sealed class IndexModel(ClusterDb db) : PageModel
{
    public Page<ClusterSummary> Clusters { get; private set; } = new([], 1, Paging.DefaultSize, 0);

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        Clusters = await ClustersApi.PageAsync(db, User, pageNumber, Paging.DefaultSize, ct);
        if (Clusters.Total != 1) return Page();
        // Straight to the first page of the cluster this user may open (a representative has no dashboard).
        var slug = Clusters.Items[0].Slug;
        var scope = await ClusterScope.ResolveAsync(db, User, slug, ct);
        var first = scope is null ? null : Navigation.For(scope).FirstOrDefault();
        return first is null ? Page() : Redirect(first.Href(scope!));
    }

    public string PageLink(int page) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/?page={page}");
}
