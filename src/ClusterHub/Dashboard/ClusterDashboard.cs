using ClusterHub.Data;
using ClusterHub.Dues;
using ClusterHub.Members;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Dashboard;

public sealed record Count<TKey>(TKey Key, int Members);
public sealed record YearCount(int Year, int Joined, int Departed, int ActiveAtYearEnd);
public sealed record DuesYear(int Year, long InvoicedCents, long PaidCents);

public sealed record DashboardFigures(
    int ActiveMembers,
    // HomeRegions: regions of the cluster's own offices (head office, branches, liaison offices).
    IReadOnlyList<string> HomeRegions,
    int ActiveInHomeRegions,
    IReadOnlyList<Count<MemberType>> ByType,
    IReadOnlyList<Count<MemberFamily>> ByFamily,
    IReadOnlyList<Count<SizeClass>> BySize,
    IReadOnlyList<Count<string>> ByRegion,
    IReadOnlyList<YearCount> Growth,
    IReadOnlyList<DuesYear> Dues);

/// <summary>The cluster's key figures, computed with a handful of GROUP BY queries (no member rows leave the database).</summary>
public static class ClusterDashboard
{
    public static async Task<DashboardFigures> ComputeAsync(ClusterDb db, int clusterId, CancellationToken ct)
    {
        var members = db.Members.AsNoTracking().Where(m => m.ClusterId == clusterId);
        var active = members.Where(m => m.Status == MemberStatus.Active);

        var byType = await active.GroupBy(m => m.Type).Select(g => new Count<MemberType>(g.Key, g.Count())).ToListAsync(ct);
        var bySize = await active.GroupBy(m => m.SizeClass).Select(g => new Count<SizeClass>(g.Key, g.Count())).ToListAsync(ct);
        var byRegion = await active.GroupBy(m => m.Region ?? m.Country).Select(g => new Count<string>(g.Key, g.Count())).ToListAsync(ct);
        var joined = await members.GroupBy(m => m.JoinedOn.Year).Select(g => new { Year = g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Year, x => x.N, ct);
        var departed = await members.Where(m => m.Status != MemberStatus.Active).GroupBy(m => m.StatusSince.Year)
            .Select(g => new { Year = g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Year, x => x.N, ct);
        var dues = await db.Invoices.AsNoTracking().Where(i => i.ClusterId == clusterId)
            .GroupBy(i => i.MembershipYear!.Year)
            .Select(g => new DuesYear(g.Key, g.Sum(i => i.AmountCents), g.Sum(i => i.Status == InvoiceStatus.Paid ? i.AmountCents : 0)))
            .ToListAsync(ct);

        var homeRegions = await Clusters.ClusterOffice.HomeRegionsAsync(db, clusterId, ct);

        var growth = new List<YearCount>();
        if (joined.Count > 0)
        {
            var running = 0;
            var last = Math.Max(joined.Keys.Max(), departed.Count == 0 ? 0 : departed.Keys.Max());
            for (var y = joined.Keys.Min(); y <= last; y++)
            {
                var j = joined.GetValueOrDefault(y);
                var d = departed.GetValueOrDefault(y);
                running += j - d;
                growth.Add(new YearCount(y, j, d, running));
            }
        }
        var byFamily = byType.GroupBy(c => c.Key.Family()).Select(g => new Count<MemberFamily>(g.Key, g.Sum(c => c.Members))).OrderBy(c => c.Key).ToList();
        return new DashboardFigures(byType.Sum(c => c.Members), homeRegions, byRegion.Where(r => homeRegions.Contains(r.Key)).Sum(r => r.Members),
            [.. byType.OrderByDescending(c => c.Members)], byFamily, [.. bySize.OrderBy(c => c.Key)],
            [.. byRegion.OrderByDescending(c => c.Members)], growth, [.. dues.OrderBy(d => d.Year)]);
    }
}
