using ClusterHub.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Clusters;

/// <summary>
/// A cluster's home regions: the regions of its own offices (head office, branches, liaison offices), not those of its
/// partner associations. The dashboard's share "in the cluster's regions" and the competence gap analysis read the same list.
/// </summary>
public static class HomeRegions
{
    public static Task<List<string>> ListAsync(ClusterDb db, int clusterId, CancellationToken ct) =>
        db.Set<ClusterOffice>().AsNoTracking()
            .Where(o => o.ClusterId == clusterId && o.Kind != OfficeKind.PartnerAssociation && o.Region != null)
            .Select(o => o.Region!).Distinct().OrderBy(r => r).ToListAsync(ct);
}
