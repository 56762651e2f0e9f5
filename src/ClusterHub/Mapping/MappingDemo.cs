using System.Diagnostics;
using ClusterHub.Data;
using ClusterHub.Demo;
using ClusterHub.Jobs;

namespace ClusterHub.Mapping;

/// <summary>
/// The demo's mapping: the illustrative "nuclear" definition (NAF codes), the real URSSAF table of the Rouen employment
/// zone (communes × APE codes, 2006–2022) imported through the job queue's own path, with the saved view "where is the
/// nuclear cluster strong"; the same table summed by département (the file's own "Code département", its région as the
/// parent) on the vendored map of French départements, with the view "where is the nuclear cluster strong: départements"
/// (the extract covers the Rouen zone only, so one département, Seine-Maritime, has figures; the dataset's name says so);
/// and the real US Cluster Mapping states file (2016) with the US states map. No French commune boundaries are packaged
/// in npm or Debian; see samples/nuclear-valley/README.md.
/// </summary>
internal static class MappingDemo
{
    public const string ViewName = "Where is the nuclear cluster strong";
    public const string DepartementViewName = "Where is the nuclear cluster strong: départements";
    public const string DepartementDataset = "URSSAF salaried employment by département (Rouen employment zone only)";

    public static async Task LoadAsync(DemoSeed seed, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var db = seed.Get<ClusterDb>();
        var queue = seed.Get<JobQueue>();
        var clock = seed.Get<TimeProvider>();
        var folder = Path.Combine(seed.Folder, "..", "mapping");
        List<DefinitionEntry> entries;
        await using (var file = File.OpenRead(Path.Combine(folder, "nuclear-cluster-naf.csv")))
            entries = (await MappingWorkspace.ReadDefinitionFileAsync(file, "nuclear-cluster-naf.csv", ct)).Entries!;
        var definition = await MappingWorkspace.SaveDefinitionAsync(db, seed.ClusterId, null, new DefinitionInput("nuclear", "NAF rev. 2", entries), "demo", clock, ct);

        var urssaf = await ImportAsync(db, queue, seed.ClusterId, Path.Combine(folder, "urssaf-rouen-commune-ape.csv"), new DatasetUpload(
            "URSSAF salaried employment, Rouen employment zone", "URSSAF, établissements et effectifs salariés au niveau commune x APE (open.urssaf.fr, Licence Ouverte 2.0); Rouen employment zone only",
            "commune (INSEE)", "APE (NAF rev. 2)", RegionalLayout.Urssaf), ct);
        await MappingWorkspace.SaveViewAsync(db, seed.ClusterId, urssaf, ViewName,
            new MappingQuery(definition.Definition!.Id, "nuclear", null, null, MappingBase.National, "lq", "stars"), ct);
        var departements = await ImportAsync(db, queue, seed.ClusterId, Path.Combine(folder, "urssaf-rouen-commune-ape.csv"), new DatasetUpload(
            DepartementDataset, "URSSAF, établissements et effectifs salariés au niveau commune x APE (open.urssaf.fr, Licence Ouverte 2.0), summed by département; Rouen employment zone only, so Seine-Maritime alone",
            "département (INSEE)", "APE (NAF rev. 2)", RegionalLayout.None, "Code département", "Code APE", "Effectifs salariés {year}", Parent: "Code région", RegionName: "Département"), ct);
        await MappingWorkspace.SetBoundariesAsync(db, seed.ClusterId, departements, MappingWorkspace.FrDepartements, null, null, ct);
        await MappingWorkspace.SaveViewAsync(db, seed.ClusterId, departements, DepartementViewName,
            new MappingQuery(definition.Definition!.Id, "nuclear", null, null, MappingBase.National, "employment", "employment"), ct);
        var us = await ImportAsync(db, queue, seed.ClusterId, Path.Combine(folder, "us-states-clusters-2016.csv"), new DatasetUpload(
            "US states by cluster, 2016", "US Cluster Mapping Project (clustermapping.us), all states × clusters, 2016", "state (FIPS)", "USCMP cluster", RegionalLayout.Uscmp), ct);
        seed.Log.WriteLine($"Mapping: the nuclear definition, the URSSAF Rouen table (by commune and by département) and the US states table in {watch.ElapsedMilliseconds} ms");
    }

    private static async Task<int> ImportAsync(ClusterDb db, JobQueue queue, int clusterId, string path, DatasetUpload upload, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        var start = await MappingWorkspace.StartUploadAsync(db, queue, clusterId, file, Path.GetFileName(path), upload, "demo", ct, enqueue: false);
        await queue.RunAsync(start.Job!.Id, ct);
        return (await MappingWorkspace.JobAsync(db, clusterId, start.Job.Id, ct))?.DatasetId
            ?? throw new InvalidOperationException($"the demo's {Path.GetFileName(path)} did not import: {(await MappingWorkspace.JobAsync(db, clusterId, start.Job.Id, ct))?.FailureReason}");
    }
}
