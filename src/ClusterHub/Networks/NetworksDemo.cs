using ClusterHub.Data;
using ClusterHub.Demo;
using ClusterHub.Jobs;

namespace ClusterHub.Networks;

/// <summary>
/// The demo's workspace: the collaboration network of the demo's proposals (illustrative, as the proposals are), with its
/// metrics, Leiden communities and a ForceAtlas2 layout already computed, run through the job queue's own path.
/// </summary>
internal static class NetworksDemo
{
    public static async Task LoadAsync(DemoSeed seed, CancellationToken ct)
    {
        var db = seed.Get<ClusterDb>();
        var queue = seed.Get<JobQueue>();
        var source = seed.Services.GetServices<INetworkSource>().First(s => s.Key == "projects.collaboration");
        var network = await NetworkWorkspace.FromSourceAsync(db, seed.ClusterId, source, "Project consortia", "demo", seed.Get<TimeProvider>(), ct);
        foreach (var request in new NetworkJobRequest[] { new(NetworkJobKind.Metrics), new(NetworkJobKind.Communities, Seed: 1), new(NetworkJobKind.Layout, Seed: 1) })
        {
            var started = await NetworkWorkspace.StartJobAsync(db, queue, seed.ClusterId, network.Id, request, "demo", ct, enqueue: false);
            await queue.RunAsync(started.Job!.Id, ct);
        }
        seed.Log.WriteLine($"Networks: {network.Nodes} organisations, {network.Edges} ties from the proposals' consortia, with metrics, communities and layout");
    }
}
