using ClusterHub.Data;
using Microsoft.EntityFrameworkCore;
using static ClusterHub.Projects.ProposalState;

namespace ClusterHub.Projects;

/// <summary>
/// The pipeline dashboard's breakdowns (issue 9): proposals by strategic area and by funder, and the members that take part
/// most, each counted by the stage its proposals have reached. A proposal's stage is read from its state now: one that is
/// funded, running, completed or on the market was certified and funded; one sent to the funder or refused funding was certified.
/// </summary>
public static class ProjectBreakdown
{
    /// <summary>States whose proposals were certified by the cluster (and went on from there).</summary>
    public static readonly ProposalState[] CertifiedOrLater = [Certified, SubmittedToFunder, Funded, NotFunded, Running, Completed, OnTheMarket];

    /// <summary>States whose proposals were funded.</summary>
    public static readonly ProposalState[] FundedOrLater = [Funded, Running, Completed, OnTheMarket];

    public sealed record Group(string Name, int Proposals, int Certified, int Funded);
    public sealed record Participant(int MemberId, string Name, int Proposals, int Coordinated, int Certified, int Funded);

    /// <summary>The breakdowns; <c>ParticipatingMembers</c> counts the members in at least one consortium, <c>Participants</c> lists the most active.</summary>
    public sealed record Report(IReadOnlyList<Group> ByArea, IReadOnlyList<Group> ByFunder, int ParticipatingMembers, IReadOnlyList<Participant> Participants);

    /// <summary>
    /// The breakdowns of one cluster: two grouped counts, a few rows per group and state. <paramref name="top"/> is how many of
    /// the most active members to list, <paramref name="none"/> the name of the group of proposals without an area or a call.
    /// </summary>
    public static async Task<Report> ComputeAsync(ClusterDb db, int clusterId, int top, string none, CancellationToken ct)
    {
        var proposals = db.Proposals.AsNoTracking().Where(p => p.ClusterId == clusterId);
        // One grouped count serves both breakdowns: (area, funder, state) rows are few, and proposals are read once.
        var counts = await proposals.GroupBy(p => new { p.StrategicAreaId, FunderId = p.CallId == null ? (int?)null : p.Call!.FunderId, p.State })
            .Select(g => new { g.Key.StrategicAreaId, g.Key.FunderId, g.Key.State, Count = g.Count() }).ToListAsync(ct);
        var areas = await db.StrategicAreas.AsNoTracking().Where(a => a.ClusterId == clusterId).OrderBy(a => a.Order)
            .Select(a => new { a.Id, Name = a.Code + " · " + a.Name }).ToListAsync(ct);
        var funders = await db.Funders.AsNoTracking().Where(f => f.ClusterId == clusterId).OrderBy(f => f.Name).Select(f => new { f.Id, f.Name }).ToListAsync(ct);

        var partners = await (from x in db.ProposalPartners.AsNoTracking()
                              join p in proposals on x.ProposalId equals p.Id
                              where x.MemberId != null
                              group x by new { x.MemberId, Coordinates = x.Role == PartnerRole.Coordinator, p.State } into g
                              select new { MemberId = g.Key.MemberId!.Value, g.Key.Coordinates, g.Key.State, Count = g.Count() }).ToListAsync(ct);
        var active = partners.GroupBy(p => p.MemberId)
            .Select(g => (MemberId: g.Key, Tally: Tally(g.Select(x => (x.State, x.Count))), Coordinated: g.Where(x => x.Coordinates).Sum(x => x.Count)))
            .OrderByDescending(m => m.Tally.Proposals).ThenByDescending(m => m.Tally.Funded).ThenBy(m => m.MemberId).Take(top).ToList();
        var ids = active.Select(m => m.MemberId).ToList();
        var names = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);

        static List<Group> Groups<TKey>(IEnumerable<(TKey Key, ProposalState State, int Count)> rows, IEnumerable<(TKey Key, string Name)> named, string none)
        {
            var list = rows.ToList();
            static Group Of(IEnumerable<(TKey Key, ProposalState State, int Count)> xs, string name)
            {
                var (proposals, certified, funded) = Tally(xs.Select(x => (x.State, x.Count)));
                return new(name, proposals, certified, funded);
            }
            var groups = named.Select(n => Of(list.Where(r => Equals(r.Key, n.Key)), n.Name)).Where(g => g.Proposals > 0).ToList();
            var rest = list.Where(r => r.Key is null).ToList();
            if (rest.Count > 0) groups.Add(Of(rest, none));
            return groups;
        }
        return new(
            Groups(counts.Select(r => (r.StrategicAreaId, r.State, r.Count)), areas.Select(a => ((int?)a.Id, a.Name)), none),
            Groups(counts.Select(r => (r.FunderId, r.State, r.Count)), funders.Select(f => ((int?)f.Id, f.Name)), none),
            partners.Select(p => p.MemberId).Distinct().Count(),
            [.. active.Select(m => new Participant(m.MemberId, names.GetValueOrDefault(m.MemberId, "?"), m.Tally.Proposals, m.Coordinated, m.Tally.Certified, m.Tally.Funded))]);
    }

    /// <summary>Proposals, and of them those certified and those funded, from (state, count) rows.</summary>
    private static (int Proposals, int Certified, int Funded) Tally(IEnumerable<(ProposalState State, int Count)> rows)
    {
        var (proposals, certified, funded) = (0, 0, 0);
        foreach (var (state, count) in rows)
        {
            proposals += count;
            if (CertifiedOrLater.Contains(state)) certified += count;
            if (FundedOrLater.Contains(state)) funded += count;
        }
        return (proposals, certified, funded);
    }
}
