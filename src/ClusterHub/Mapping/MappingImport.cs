using System.Globalization;
using System.Text;
using ClusterHub.Exchange;
using ClusterHub.Jobs;
using ClusterHub.Web;

namespace ClusterHub.Mapping;

/// <summary>
/// The import of a regional file, run by the platform's job queue: opens the staged upload through the exchange kit
/// (CSV or xlsx), reads it with <see cref="RegionalFile"/> or a layout (progress: the share of the file read), and on a file
/// without error writes the dataset and its cells in one transaction that ends by completing the job. A file with errors
/// fails the job with them listed (file, row, column, value, reason) and stores nothing; the staged file is deleted
/// whatever the outcome.
/// </summary>
public sealed class MappingImportHandler : IJobHandler
{
    public string Kind => MappingWorkspace.ImportKind;

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        var p = ImportParameters.Parse(run.Job.Parameters);
        try { await ImportAsync(run, p, ct); }
        finally { File.Delete(p.Staged); }
    }

    private static async Task ImportAsync(JobRun run, ImportParameters p, CancellationToken ct)
    {
        run.Progress.Report(new WorkProgress("reading", 0));
        RegionalRead read;
        var missing = new HashSet<long>();
        await using (var file = new FileStream(p.Staged, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true))
        {
            var format = Export.ParseFormat(Path.GetExtension(p.FileName).TrimStart('.')) == FileFormat.Xlsx ? FileFormat.Xlsx : FileFormat.Csv;
            await using var table = await TableRows.OpenAsync(file, p.FileName, format, ct);
            // Rows read → the share of the file's bytes read so far, within the first 60 % of the job.
            var progress = new Progress60(run.Progress, file);
            void Missing(ITableRows _, int region, int industry, int year, double value)
            {
                if (double.IsNaN(value)) missing.Add(MappingStore.CellKey(year, region, industry));
            }
            read = p.Layout == RegionalLayout.None
                ? RegionalFile.Read(table.Rows, p.Columns, progress, Missing)
                : RegionalLayouts.Read(table.Rows, p.Layout, progress, Missing);
        }
        if (read.Data is not { } data) throw new InvalidOperationException(Describe(read.Errors));
        run.Progress.Report(new WorkProgress("storing", 0.6));
        var t = data.Table;
        var db = run.Db;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var dataset = new MappingDataset
        {
            ClusterId = run.Job.ClusterId, Name = p.Name, Source = p.Source, RegionCodes = p.RegionCodes, IndustryCodes = p.IndustryCodes, FileName = p.FileName,
            Columns = System.Text.Json.JsonSerializer.Serialize(p.Columns, ImportParameters.Json), FirstYear = t.Years.Length > 0 ? t.Years[0] : 0,
            LastYear = t.Years.Length > 0 ? t.Years[^1] : 0, FileRows = data.Rows, Regions = t.RegionCount, Industries = t.IndustryCount,
            HasParents = data.Parents is not null, Boundaries = p.Layout == RegionalLayout.Uscmp ? MappingWorkspace.UsStates : null,
            JobId = run.Job.Id, CreatedAt = run.Clock.GetUtcNow().UtcDateTime, CreatedBy = run.Job.StartedBy,
        };
        db.MappingDatasets.Add(dataset);
        await db.SaveChangesAsync(ct);
        var cells = await MappingStore.WriteAsync(db, dataset.Id, data, missing, run.Progress.Step("storing", 0.6, 0.99), ct);
        dataset.Cells = cells;
        dataset.MissingCells = missing.Count;
        await db.SaveChangesAsync(ct);
        if (!await run.CompleteAsync(ct)) return; // cancelled meanwhile: the transaction rolls back as it is disposed
        await transaction.CommitAsync(ct);
    }

    /// <summary>The errors in words for the job's failure reason: how many, then each located error while they fit.</summary>
    public static string Describe(LocatedErrors errors)
    {
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{errors.Total} error(s); nothing was stored."));
        foreach (var e in errors.First)
        {
            var line = "\n" + e;
            if (text.Length + line.Length > JobLimits.FailureReason) break;
            text.Append(line);
        }
        return text.ToString();
    }

    private sealed class Progress60(IProgress<WorkProgress> job, FileStream file) : IProgress<double>
    {
        public void Report(double rows) => job.Report(new WorkProgress(string.Create(CultureInfo.InvariantCulture, $"reading: {rows:N0} rows"),
            0.6 * Math.Min(1, file.Length == 0 ? 1 : (double)file.Position / file.Length)));
    }
}
