using System.Globalization;
using ClusterHub.Data;
using ClusterHub.Networks;

namespace ClusterHub.Governance;

/// <summary>
/// The governance network as a workspace source: every actor and tie of the cluster, all years, weighted by strength
/// (<see cref="GovernanceGraph.LoadAsync"/>, the same graph the governance page measures), so the workspace's jobs
/// (communities, layout, sampled betweenness) run on it like on any uploaded file.
/// </summary>
public sealed class GovernanceNetworkSource : INetworkSource
{
    public string Key => "governance.ties";

    public async Task<LoadedNetwork> LoadAsync(ClusterDb db, int clusterId, CancellationToken ct)
    {
        var network = await GovernanceGraph.LoadAsync(db, clusterId, null, null, ct);
        return new LoadedNetwork(network.ToNetwork(), string.Create(CultureInfo.InvariantCulture,
            $"{network.Actors.Count} actors and {network.Ties.Count} ties of the governance network, all years"));
    }
}
