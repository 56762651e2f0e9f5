using ClusterHub.Data;
using ClusterHub.Demo;

namespace ClusterHub.Governance;

/// <summary>
/// The demo's governance network: the actors and ties of the source paper (sourced) and some illustrative ones
/// (members' ties, dates, strengths: see the samples' README), loaded through the same import as the CLI and the API.
/// </summary>
internal static class GovernanceDemo
{
    public static async Task LoadAsync(DemoSeed seed, CancellationToken ct)
    {
        var db = seed.Get<ClusterDb>();
        foreach (var (file, kind) in new[] { ("governance-actors.csv", GovernanceFileKind.Actors), ("governance-ties.csv", GovernanceFileKind.Ties) })
        {
            await using var bytes = File.OpenRead(seed.File(file));
            var report = await GovernanceFile.ImportAsync(db, seed.ClusterId, kind, bytes, file, ct);
            if (!report.Succeeded) throw new InvalidOperationException($"demo {file}: {report.Errors[0]}");
            seed.Log.WriteLine($"{file}: {report.Created} rows");
        }
    }
}
