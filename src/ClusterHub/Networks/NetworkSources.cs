using System.Globalization;
using ClusterHub.Analytics.Networks;
using ClusterHub.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Networks;

/// <summary>A network as a platform source gives it, with a line saying what it holds.</summary>
public sealed record LoadedNetwork(Network Network, string Description);

/// <summary>
/// A network the platform holds (the projects' collaboration network; the governance ties; later event
/// co-attendance). Registered like indicator sources: <c>services.AddSingleton&lt;INetworkSource, X&gt;()</c>.
/// The workspace stores what <see cref="LoadAsync"/> returns at that moment, so jobs run on a fixed copy.
/// </summary>
public interface INetworkSource
{
    /// <summary>Stable key, stored as the network's origin: <c>projects.collaboration</c>.</summary>
    string Key { get; }
    /// <summary>Resource key of its name in words.</summary>
    string NameResource => "Networks.Source." + Key;
    Task<LoadedNetwork> LoadAsync(ClusterDb db, int clusterId, CancellationToken ct);
}

/// <summary>
/// The cluster's member organisations tied by the proposals they share as partners (the Projects feature's consortia,
/// every state): weight = shared proposals, as <c>network project</c> weighs the participations export. Nodes are the
/// members' ids, with their names as <c>label</c> and their type as <c>type</c>; partners outside the directory are left out.
/// </summary>
public sealed class ProjectCollaborationSource : INetworkSource
{
    public string Key => "projects.collaboration";

    public async Task<LoadedNetwork> LoadAsync(ClusterDb db, int clusterId, CancellationToken ct)
    {
        var rows = await db.ProposalPartners.AsNoTracking()
            .Where(p => p.MemberId != null && db.Proposals.Any(x => x.Id == p.ProposalId && x.ClusterId == clusterId))
            .Select(p => new { p.ProposalId, MemberId = p.MemberId!.Value, p.Member!.Name, p.Member.Type })
            .OrderBy(p => p.ProposalId).ThenBy(p => p.MemberId).ToListAsync(ct);
        var pairs = rows.Select(r => (Actor: r.MemberId.ToString(CultureInfo.InvariantCulture), Event: r.ProposalId.ToString(CultureInfo.InvariantCulture))).Distinct().ToList();
        var projected = Bipartite.Project(pairs, ProjectionWeighting.SharedCount);
        var byId = rows.GroupBy(r => r.MemberId.ToString(CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.First());
        var attributes = new Dictionary<string, Dictionary<string, string>>
        {
            ["label"] = byId.ToDictionary(kv => kv.Key, kv => kv.Value.Name),
            ["type"] = byId.ToDictionary(kv => kv.Key, kv => kv.Value.Type.ToString()),
        };
        var network = NetworkFile.WithAttributes(projected, attributes);
        return new LoadedNetwork(network, string.Create(CultureInfo.InvariantCulture,
            $"{projected.Graph.NodeCount} organisations tied by {rows.Select(r => r.ProposalId).Distinct().Count()} shared proposals"));
    }
}
