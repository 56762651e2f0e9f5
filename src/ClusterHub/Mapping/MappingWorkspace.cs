using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Jobs;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Mapping;

/// <summary>An upload's description and the columns to read, by name (or a published layout, whose columns are known).</summary>
public sealed record DatasetUpload(string? Name, string? Source = null, string? RegionCodes = null, string? IndustryCodes = null,
    RegionalLayout Layout = RegionalLayout.None, string? Region = null, string? Industry = null, string? Value = null, string? Year = null,
    string? Parent = null, string? RegionName = null);

/// <summary>What the import job reads: the staged file and the upload's description, checked.</summary>
public sealed record ImportParameters(string Staged, string FileName, string Name, string? Source, string? RegionCodes, string? IndustryCodes, RegionalLayout Layout, RegionalColumns Columns)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    public string ToJson() => JsonSerializer.Serialize(this, Json);
    public static ImportParameters Parse(string json) => JsonSerializer.Deserialize<ImportParameters>(json, Json)!;
}

public sealed record DatasetRow(int Id, string Name, string? Source, string? RegionCodes, string? IndustryCodes, string FileName, int FirstYear, int LastYear,
    int FileRows, int Cells, int MissingCells, int Regions, int Industries, bool HasParents, string? Map, DateTime CreatedAt, string CreatedBy);

/// <summary>A mapping job (an import): where it is, why it failed (its located errors, in words), and the dataset it stored.</summary>
public sealed record MappingJobRow(int Id, JobState State, double Progress, string? Step, string? FailureReason, DateTime QueuedAt, DateTime? FinishedAt, int? DatasetId);

public sealed record DefinitionRow(int Id, string Name, string? CodeSystem, int Entries, int Clusters, DateTime UpdatedAt, string UpdatedBy, int Version);
public sealed record DefinitionEntry(string Industry, string Cluster);
public sealed record DefinitionDetail(int Id, string Name, string? CodeSystem, IReadOnlyList<DefinitionEntry> Entries, int Version);
/// <summary>A definition written: its name, code system and entries (as <c>industry,cluster</c> lines on the page).</summary>
public sealed record DefinitionInput(string? Name, string? CodeSystem, IReadOnlyList<DefinitionEntry>? Entries, int? Version = null);

public enum UploadStartOutcome { Queued, Invalid, LimitReached }
public sealed record UploadStart(UploadStartOutcome Outcome, MappingJobRow? Job, IReadOnlyList<FieldError> Errors, int Limit);
public enum MappingSave { Saved, NotFound, Invalid, Conflict }
public sealed record DefinitionSave(MappingSave Outcome, DefinitionDetail? Definition, IReadOnlyList<FieldError> Errors);

/// <summary>
/// The mapping workspace's operations, the same for the API and the pages: datasets in (an upload staged, then read and
/// stored by the platform's job queue), listed, deleted; cluster definitions written, imported, listed; saved views. Every
/// query is scoped to the caller's cluster.
/// </summary>
public static class MappingWorkspace
{
    public const string ImportKind = "mapping.import";
    public const string UsStates = "us-states";
    public const string UsCounties = "us-counties";
    public const string FrDepartements = "fr-departements";
    public const string FrRegions = "fr-regions";

    /// <summary>
    /// The maps that ship with ClusterHub (wwwroot/lib, licences beside them), by the kind a dataset names, joined on the codes
    /// the statistics carry: state and county FIPS codes (us-atlas), INSEE département and région codes (France, planar).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> BuiltInMaps = new Dictionary<string, string>
    {
        [UsStates] = "/lib/us-atlas/states-10m.json",
        [UsCounties] = "/lib/us-atlas/counties-10m.json",
        [FrDepartements] = "/lib/france-maps/departements.geojson",
        [FrRegions] = "/lib/france-maps/regions.geojson",
    };

    /// <summary>Where uploads wait for their job: the job reads the file from here, and deletes it whatever the outcome.</summary>
    public static string StagingFolder => Path.Combine(Path.GetTempPath(), "clusterhub-mapping");

    /// <summary>The one validator of an upload (API, page): errors, or the columns to read.</summary>
    public static (List<FieldError> Errors, RegionalColumns? Columns) Validate(DatasetUpload u, string fileName)
    {
        var errors = new List<FieldError>();
        void Text(string field, string? value, int max, bool required = false)
        {
            if (InputText.Blank(value) is not { } t) { if (required) errors.Add(new(field, value, "is required")); }
            else if (InputText.Check(t, max) is { } reason) errors.Add(new(field, InputText.Echo(t), reason));
        }
        Text("fileName", fileName, MappingLimits.FileName, required: true);
        if (Export.ParseFormat(Path.GetExtension(fileName).TrimStart('.')) is not (FileFormat.Csv or FileFormat.Xlsx) && !fileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            errors.Add(new("fileName", InputText.Echo(fileName), "is not a .csv or .xlsx file"));
        Text("name", u.Name, MappingLimits.Name, required: true);
        Text("source", u.Source, MappingLimits.Source);
        Text("regionCodes", u.RegionCodes, MappingLimits.CodeSystem);
        Text("industryCodes", u.IndustryCodes, MappingLimits.CodeSystem);
        if (!Enum.IsDefined(u.Layout)) errors.Add(new("layout", u.Layout.ToString(), "is not None, Urssaf or Uscmp"));
        RegionalColumns? columns = null;
        if (u.Layout == RegionalLayout.None)
        {
            foreach (var (field, value) in new[] { ("region", u.Region), ("industry", u.Industry), ("value", u.Value) }) Text(field, value, MappingLimits.Name, required: true);
            foreach (var (field, value) in new[] { ("year", u.Year), ("parent", u.Parent), ("regionName", u.RegionName) }) Text(field, value, MappingLimits.Name);
            if (errors.Count == 0)
                columns = new RegionalColumns(u.Region!.Trim(), u.Industry!.Trim(), u.Value!.Trim(), InputText.Blank(u.Year), InputText.Blank(u.Parent), InputText.Blank(u.RegionName));
        }
        else if (Enum.IsDefined(u.Layout)) columns = RegionalLayouts.Columns(u.Layout);
        return (errors, errors.Count == 0 ? columns : null);
    }

    /// <summary>Checks the upload's description, stages its bytes and queues the import; the job reads, checks and stores the file, all or nothing.</summary>
    public static async Task<UploadStart> StartUploadAsync(ClusterDb db, JobQueue queue, int clusterId, Stream body, string fileName, DatasetUpload upload, string actor, CancellationToken ct, bool enqueue = true)
    {
        fileName = Path.GetFileName(fileName ?? "");
        var (errors, columns) = Validate(upload, fileName);
        if (columns is null) return new(UploadStartOutcome.Invalid, null, errors, 0);
        Directory.CreateDirectory(StagingFolder);
        var staged = Path.Combine(StagingFolder, Guid.NewGuid().ToString("N") + Path.GetExtension(fileName));
        await using (var file = new FileStream(staged, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            await body.CopyToAsync(file, ct);
        var parameters = new ImportParameters(staged, fileName, upload.Name!.Trim(), InputText.Blank(upload.Source), InputText.Blank(upload.RegionCodes), InputText.Blank(upload.IndustryCodes), upload.Layout, columns);
        var start = await queue.StartAsync(db, clusterId, ImportKind, null, parameters.ToJson(), actor, ct, enqueue);
        if (start.Outcome != StartOutcome.Queued)
        {
            File.Delete(staged);
            return new(UploadStartOutcome.LimitReached, null, [], start.Limit);
        }
        return new(UploadStartOutcome.Queued, ToRow(start.Job!, null), [], start.Limit);
    }

    private static MappingJobRow ToRow(Job j, int? datasetId) => new(j.Id, j.State, j.Progress, j.Step, j.FailureReason, j.QueuedAt, j.FinishedAt, datasetId);

    public static async Task<MappingJobRow?> JobAsync(ClusterDb db, int clusterId, int jobId, CancellationToken ct)
    {
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId && j.ClusterId == clusterId && j.Kind == ImportKind, ct);
        if (job is null) return null;
        var dataset = await db.MappingDatasets.Where(d => d.JobId == jobId).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        return ToRow(job, dataset);
    }

    /// <summary>The cluster's imports still queued or running, and those that failed lately (their errors are shown until a later upload).</summary>
    public static async Task<List<MappingJobRow>> RecentJobsAsync(ClusterDb db, int clusterId, CancellationToken ct)
    {
        var jobs = await db.Jobs.AsNoTracking().Where(j => j.ClusterId == clusterId && j.Kind == ImportKind).OrderByDescending(j => j.Id).Take(5).ToListAsync(ct);
        return [.. jobs.TakeWhile(j => j.State != JobState.Succeeded).Select(j => ToRow(j, null))];
    }

    private static IQueryable<DatasetRow> Rows(IQueryable<MappingDataset> query) => query.Select(d => new DatasetRow(d.Id, d.Name, d.Source, d.RegionCodes, d.IndustryCodes,
        d.FileName, d.FirstYear, d.LastYear, d.FileRows, d.Cells, d.MissingCells, d.Regions, d.Industries, d.HasParents,
        d.Boundaries == null ? null
            : d.Boundaries == UsStates || d.Boundaries == UsCounties || d.Boundaries == FrDepartements || d.Boundaries == FrRegions ? d.Boundaries : "geojson", d.CreatedAt, d.CreatedBy));

    public static Task<Page<DatasetRow>> ListAsync(ClusterDb db, int clusterId, int? page, int? pageSize, CancellationToken ct) =>
        Rows(db.MappingDatasets.AsNoTracking().Where(d => d.ClusterId == clusterId).OrderByDescending(d => d.Id)).PageAsync(page, pageSize, ct);

    public static Task<DatasetRow?> FindAsync(ClusterDb db, int clusterId, int datasetId, CancellationToken ct) =>
        Rows(db.MappingDatasets.AsNoTracking().Where(d => d.ClusterId == clusterId && d.Id == datasetId)).SingleOrDefaultAsync(ct);

    /// <summary>Deletes a dataset with its cells, regions and saved views.</summary>
    public static async Task<bool> DeleteAsync(ClusterDb db, MappingTables tables, int clusterId, int datasetId, CancellationToken ct)
    {
        var dataset = await db.MappingDatasets.SingleOrDefaultAsync(d => d.Id == datasetId && d.ClusterId == clusterId, ct);
        if (dataset is null) return false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Set-based first: a million cells deleted by cascade through the change tracker would be loaded one by one.
        await db.MappingValues.Where(v => v.DatasetId == datasetId).ExecuteDeleteAsync(ct);
        await db.MappingRegions.Where(v => v.DatasetId == datasetId).ExecuteDeleteAsync(ct);
        await db.MappingIndustries.Where(v => v.DatasetId == datasetId).ExecuteDeleteAsync(ct);
        await db.MappingViews.Where(v => v.DatasetId == datasetId).ExecuteDeleteAsync(ct);
        db.MappingDatasets.Remove(dataset);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        tables.Forget(datasetId);
        return true;
    }

    /// <summary>
    /// The map's boundaries for a dataset: one of <see cref="BuiltInMaps"/> (<c>us-states</c>, <c>us-counties</c>,
    /// <c>fr-departements</c>, <c>fr-regions</c>), a GeoJSON FeatureCollection whose features carry the region code in <paramref name="key"/>, or none (null).
    /// </summary>
    public static async Task<(bool Found, List<FieldError> Errors)> SetBoundariesAsync(ClusterDb db, int clusterId, int datasetId, string? kind, string? geoJson, string? key, CancellationToken ct)
    {
        var dataset = await db.MappingDatasets.SingleOrDefaultAsync(d => d.Id == datasetId && d.ClusterId == clusterId, ct);
        if (dataset is null) return (false, []);
        var errors = new List<FieldError>();
        switch (kind)
        {
            case null or "" or "none": (dataset.Boundaries, dataset.BoundaryKey) = (null, null); break;
            case not null when BuiltInMaps.ContainsKey(kind): (dataset.Boundaries, dataset.BoundaryKey) = (kind, null); break;
            case "geojson":
                if (InputText.Blank(key) is not { } property || property.Length > MappingLimits.Name) { errors.Add(new("key", InputText.Echo(key), "is required")); break; }
                if (geoJson is null || geoJson.Length > MappingLimits.BoundaryBytes) { errors.Add(new("file", null, "is required, at most 40 MB")); break; }
                try
                {
                    using var doc = JsonDocument.Parse(geoJson);
                    if (!doc.RootElement.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array || features.GetArrayLength() == 0)
                        errors.Add(new("file", null, "is not a GeoJSON FeatureCollection with features"));
                    else if (!features.EnumerateArray().Any(f => f.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object && p.TryGetProperty(property, out _)))
                        errors.Add(new("key", property, "is not a property of any feature"));
                }
                catch (JsonException e) { errors.Add(new("file", null, $"is not JSON: {e.Message}")); }
                if (errors.Count == 0) (dataset.Boundaries, dataset.BoundaryKey) = (geoJson, key!.Trim());
                break;
            default: errors.Add(new("kind", InputText.Echo(kind), "is not none, us-states, us-counties, fr-departements, fr-regions or geojson")); break;
        }
        if (errors.Count == 0) await db.SaveChangesAsync(ct);
        return (true, errors);
    }

    public static async Task<(string? Boundaries, string? Key)> BoundariesAsync(ClusterDb db, int clusterId, int datasetId, CancellationToken ct) =>
        await db.MappingDatasets.AsNoTracking().Where(d => d.Id == datasetId && d.ClusterId == clusterId).Select(d => new { d.Boundaries, d.BoundaryKey })
            .SingleOrDefaultAsync(ct) is { } b ? (b.Boundaries, b.BoundaryKey) : (null, null);

    // ---- Definitions

    public static Task<List<DefinitionRow>> DefinitionsAsync(ClusterDb db, int clusterId, CancellationToken ct) =>
        db.MappingDefinitions.AsNoTracking().Where(d => d.ClusterId == clusterId).OrderBy(d => d.Name).ThenBy(d => d.Id)
            .Select(d => new DefinitionRow(d.Id, d.Name, d.CodeSystem, d.Codes.Count, d.Codes.Select(c => c.Cluster).Distinct().Count(), d.UpdatedAt, d.UpdatedBy, d.Version))
            .ToListAsync(ct);

    public static async Task<DefinitionDetail?> DefinitionAsync(ClusterDb db, int clusterId, int definitionId, CancellationToken ct)
    {
        var d = await db.MappingDefinitions.AsNoTracking().Include(x => x.Codes).SingleOrDefaultAsync(x => x.Id == definitionId && x.ClusterId == clusterId, ct);
        return d is null ? null : Detail(d);
    }

    private static DefinitionDetail Detail(MappingDefinition d) =>
        new(d.Id, d.Name, d.CodeSystem, [.. d.Codes.OrderBy(c => c.Cluster, StringComparer.Ordinal).ThenBy(c => c.Industry, StringComparer.Ordinal).Select(c => new DefinitionEntry(c.Industry, c.Cluster))], d.Version);

    /// <summary>Creates (no <paramref name="definitionId"/>) or replaces a definition; the one validator of a definition's input.</summary>
    public static async Task<DefinitionSave> SaveDefinitionAsync(ClusterDb db, int clusterId, int? definitionId, DefinitionInput input, string actor, TimeProvider clock, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var name = InputText.Blank(input.Name);
        if (name is null) errors.Add(new("name", input.Name, "is required"));
        else if (InputText.Check(name, MappingLimits.Name) is { } r) errors.Add(new("name", InputText.Echo(name), r));
        var system = InputText.Blank(input.CodeSystem);
        if (system is not null && InputText.Check(system, MappingLimits.CodeSystem) is { } rs) errors.Add(new("codeSystem", InputText.Echo(system), rs));
        var entries = new List<DefinitionEntry>();
        var seen = new HashSet<(string, string)>();
        var n = 0;
        foreach (var e in input.Entries ?? [])
        {
            n++;
            var (industry, cluster) = (InputText.Blank(e.Industry), InputText.Blank(e.Cluster));
            var field = string.Create(CultureInfo.InvariantCulture, $"entries[{n}]");
            if (industry is null || industry == "*" || industry.Length > MappingLimits.Code) errors.Add(new(field, InputText.Echo(e.Industry), $"needs an industry code or prefix of at most {MappingLimits.Code} characters"));
            else if (cluster is null || InputText.Check(cluster, MappingLimits.Name) is not null) errors.Add(new(field, InputText.Echo(e.Cluster), "needs a cluster name"));
            else if (seen.Add((industry, cluster))) entries.Add(new(industry, cluster));
        }
        if (entries.Count == 0 && errors.Count == 0) errors.Add(new("entries", null, "is empty: a definition needs at least one industry code and its cluster"));
        if (entries.Count > MappingLimits.DefinitionCodes) errors.Add(new("entries", entries.Count.ToString(CultureInfo.InvariantCulture), $"has more than {MappingLimits.DefinitionCodes} entries"));
        if (errors.Count > 0) return new(MappingSave.Invalid, null, errors);
        MappingDefinition? definition;
        if (definitionId is { } id)
        {
            definition = await db.MappingDefinitions.Include(d => d.Codes).SingleOrDefaultAsync(d => d.Id == id && d.ClusterId == clusterId, ct);
            if (definition is null) return new(MappingSave.NotFound, null, []);
            if (input.Version is { } v && v != definition.Version) return new(MappingSave.Conflict, null, []);
            definition.Codes.Clear();
        }
        else
        {
            definition = new MappingDefinition { ClusterId = clusterId, Name = name!, UpdatedBy = actor };
            db.MappingDefinitions.Add(definition);
        }
        if (await db.MappingDefinitions.AnyAsync(d => d.ClusterId == clusterId && d.Name == name && d.Id != definition.Id, ct))
            return new(MappingSave.Invalid, null, [new("name", name, "is already the name of another definition")]);
        (definition.Name, definition.CodeSystem, definition.UpdatedBy, definition.UpdatedAt) = (name!, system, actor.Length > JobLimits.StartedBy ? actor[..JobLimits.StartedBy] : actor, clock.GetUtcNow().UtcDateTime);
        foreach (var e in entries) definition.Codes.Add(new MappingDefinitionCode { Industry = e.Industry, Cluster = e.Cluster });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return new(MappingSave.Conflict, null, []); }
        catch (DbUpdateException e) when (UniqueViolation.Is(e)) { return new(MappingSave.Invalid, null, [new("name", name, "is already the name of another definition")]); }
        return new(MappingSave.Saved, Detail(definition), []);
    }

    /// <summary>Reads a definition file (CSV or xlsx: an <c>industry</c> (or naics, naf, ape, nace, code) and a <c>cluster</c> column) as a definition's entries; a malformed file is one located error.</summary>
    public static async Task<(List<DefinitionEntry>? Entries, LocatedError? Error)> ReadDefinitionFileAsync(Stream body, string fileName, CancellationToken ct)
    {
        var format = Export.ParseFormat(Path.GetExtension(fileName).TrimStart('.')) == FileFormat.Xlsx ? FileFormat.Xlsx : FileFormat.Csv;
        try
        {
            await using var table = await TableRows.OpenAsync(body, fileName, format, ct);
            return ([.. ClusterDefinitionFile.ReadEntries(table.Rows).Select(e => new DefinitionEntry(e.Industry, e.Cluster))], null);
        }
        catch (MalformedFileException e) { return (null, e.Error); }
    }

    public static async Task<bool> DeleteDefinitionAsync(ClusterDb db, int clusterId, int definitionId, CancellationToken ct)
    {
        var d = await db.MappingDefinitions.Include(x => x.Codes).SingleOrDefaultAsync(x => x.Id == definitionId && x.ClusterId == clusterId, ct);
        if (d is null) return false;
        db.MappingDefinitions.Remove(d);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Parses the page's text box: one <c>industry,cluster</c> (or <c>;</c> or tab) per line; a line without a cluster takes <paramref name="defaultCluster"/>.</summary>
    public static List<DefinitionEntry> ParseEntries(string? text, string? defaultCluster)
    {
        var entries = new List<DefinitionEntry>();
        foreach (var raw in (text ?? "").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split([',', ';', '\t'], 2);
            entries.Add(new(parts[0].Trim(), parts.Length > 1 ? parts[1].Trim().Trim('"') : defaultCluster ?? ""));
        }
        return entries;
    }

    // ---- Views

    public sealed record ViewRow(int Id, string Name, int DatasetId, int? DefinitionId, string? Subject, int? Year, MappingBase Base, string Measure, string Sort);

    public static Task<List<ViewRow>> ViewsAsync(ClusterDb db, int clusterId, int? datasetId, CancellationToken ct) =>
        db.MappingViews.AsNoTracking().Where(v => v.ClusterId == clusterId && (datasetId == null || v.DatasetId == datasetId)).OrderBy(v => v.Name).ThenBy(v => v.Id)
            .Select(v => new ViewRow(v.Id, v.Name, v.DatasetId, v.DefinitionId, v.Subject, v.Year, v.Base, v.Measure, v.Sort)).ToListAsync(ct);

    public static async Task<(ViewRow? View, List<FieldError> Errors)> SaveViewAsync(ClusterDb db, int clusterId, int datasetId, string? name, MappingQuery query, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (InputText.Blank(name) is not { } title) errors.Add(new("name", name, "is required"));
        else if (InputText.Check(title, MappingLimits.Name) is { } r) errors.Add(new("name", InputText.Echo(title), r));
        if (!await db.MappingDatasets.AnyAsync(d => d.Id == datasetId && d.ClusterId == clusterId, ct)) errors.Add(new("dataset", datasetId.ToString(CultureInfo.InvariantCulture), "is not a dataset of the cluster"));
        if (query.Definition is { } def && !await db.MappingDefinitions.AnyAsync(d => d.Id == def && d.ClusterId == clusterId, ct))
            errors.Add(new("definition", def.ToString(CultureInfo.InvariantCulture), "is not a definition of the cluster"));
        if (errors.Count > 0) return (null, errors);
        var view = new MappingView
        {
            ClusterId = clusterId, DatasetId = datasetId, Name = name!.Trim(), DefinitionId = query.Definition, Subject = query.Subject, Year = query.Year,
            Base = query.Base, Measure = MappingQuery.Check(query.Measure), Sort = MappingQuery.Check(query.Sort),
        };
        db.MappingViews.Add(view);
        await db.SaveChangesAsync(ct);
        return (new ViewRow(view.Id, view.Name, view.DatasetId, view.DefinitionId, view.Subject, view.Year, view.Base, view.Measure, view.Sort), errors);
    }
}
