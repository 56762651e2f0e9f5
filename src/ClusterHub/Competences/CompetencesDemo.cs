using ClusterHub.Data;
using ClusterHub.Demo;
using ClusterHub.Exchange;

namespace ClusterHub.Competences;

/// <summary>
/// The demo's competence map: the nuclear taxonomy with the three strategic areas' needs (<c>competence-taxonomy.csv</c>)
/// and an illustrative map of members' declarations (<c>competences.csv</c>, made up; see the samples' README), loaded
/// through the same import as the CLI and the API.
/// </summary>
internal static class CompetencesDemo
{
    public static async Task LoadAsync(DemoSeed seed, CancellationToken ct)
    {
        var db = seed.Get<ClusterDb>();
        foreach (var (file, kind) in new[] { ("competence-taxonomy.csv", CompetenceFileKind.Taxonomy), ("competences.csv", CompetenceFileKind.Declarations) })
        {
            await using var bytes = File.OpenRead(seed.File(file));
            var report = await CompetenceFile.ImportAsync(db, seed.ClusterId, kind, bytes, file, FileFormat.Csv, "demo", seed.Today, ct);
            if (!report.Succeeded) throw new InvalidOperationException($"demo {file}: {report.Errors[0]}");
            seed.Log.WriteLine($"{file}: {report.Created} rows");
        }
    }
}
