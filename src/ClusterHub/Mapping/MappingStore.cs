using System.Collections.Concurrent;
using System.Data.Common;
using ClusterHub.Analytics.Mapping;
using ClusterHub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace ClusterHub.Mapping;

/// <summary>
/// A dataset's cells in and out of the database. In: every cell of the table read (known, and the missing ones the file
/// had, as nulls) in the caller's transaction, by the fastest path each provider has. Out: the table again, as the engine
/// takes it, cached by dataset id (a dataset never changes once stored; a deleted one is forgotten).
/// </summary>
public static class MappingStore
{
    /// <summary>A missing cell of the file, by its year, region id and industry id.</summary>
    public static long CellKey(int year, int region, int industry) => ((long)year << 42) | ((long)region << 21) | (uint)industry;

    /// <summary>
    /// Writes the regions, industries and cells of <paramref name="data"/> for <paramref name="datasetId"/>. Not through
    /// EF's change tracker: a million tracked entities take minutes and gigabytes. PostgreSQL takes them by a binary
    /// <c>COPY … FROM STDIN</c> (Npgsql's importer: one round trip for the lot, no SQL parsed per row, about a million rows
    /// a second here); SQLite, which has no COPY, by one prepared INSERT re-executed per row in the one transaction (SQLite
    /// runs in process, so an execution is a function call, not a round trip; multi-row VALUES measured no faster).
    /// The house's <see cref="BulkInsert{T}"/> reads entities back for their generated keys, which cells do not have.
    /// </summary>
    /// <returns>The cells written.</returns>
    public static async Task<int> WriteAsync(ClusterDb db, int datasetId, RegionalData data, IReadOnlySet<long> missing, IProgress<double>? progress, CancellationToken ct)
    {
        var t = data.Table;
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("a dataset's cells are written inside the caller's transaction");
        var regions = Enumerable.Range(0, t.RegionCount).Select(r => new object?[]
        {
            datasetId, r, Clip(t.Regions[r], MappingLimits.Code),
            data.Parents is { } p ? Clip(p.Groups[p.GroupOf[r]], MappingLimits.Code) : null,
            data.Names is { } n ? Clip(n[r], MappingLimits.RegionName) : null,
        });
        var industries = Enumerable.Range(0, t.IndustryCount).Select(i => new object?[] { datasetId, i, Clip(t.Industries[i], MappingLimits.Code) });
        var cellsPerYear = t.RegionCount * t.IndustryCount;
        IEnumerable<(int Year, int Region, int Industry, double? Value)> Cells()
        {
            for (var k = 0; k < t.Values.Length; k++)
            {
                var (y, r, i) = (k / cellsPerYear, k % cellsPerYear / t.IndustryCount, k % t.IndustryCount);
                var v = t.Values[k];
                if (!double.IsNaN(v)) yield return (t.Years[y], r, i, v);
                else if (missing.Contains(CellKey(t.Years[y], r, i))) yield return (t.Years[y], r, i, null);
            }
        }
        var total = t.Values.Length == 0 ? 1 : t.Values.Length;
        if (db.Database.IsNpgsql())
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await CopyAsync(connection, "COPY \"MappingRegions\" (\"DatasetId\", \"Index\", \"Code\", \"Parent\", \"Name\") FROM STDIN (FORMAT BINARY)", regions,
                [NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar], ct);
            await CopyAsync(connection, "COPY \"MappingIndustries\" (\"DatasetId\", \"Index\", \"Code\") FROM STDIN (FORMAT BINARY)", industries,
                [NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Varchar], ct);
            // The foreign key to the dataset is checked by a trigger per row, two thirds of the COPY's time (1 M rows: 33 s with
            // it, 11 s without, on the loaded test machine; docs/performance.md). Every row here is of the dataset this
            // transaction just created, so the key is dropped for the COPY and added back NOT VALID (enforced on every later
            // row and cascade, existing rows not rescanned), in the same transaction: all or nothing, and a failed import
            // rolls the constraint back too. The price: MappingValues is locked (ACCESS EXCLUSIVE) until the import commits,
            // so other datasets' cells wait to be read (MappingTables serves the cached ones) and imports run one at a time.
            await using (var drop = connection.CreateCommand())
            {
                drop.CommandText = $"ALTER TABLE \"MappingValues\" DROP CONSTRAINT IF EXISTS \"{ValuesForeignKey}\"";
                await drop.ExecuteNonQueryAsync(ct);
            }
            var written = await CopyValuesAsync(connection, datasetId, t, Cells(), progress, ct);
            await using (var add = connection.CreateCommand())
            {
                add.CommandText = $"ALTER TABLE \"MappingValues\" ADD CONSTRAINT \"{ValuesForeignKey}\" FOREIGN KEY (\"DatasetId\") " +
                                  "REFERENCES \"MappingDatasets\" (\"Id\") ON DELETE CASCADE NOT VALID";
                await add.ExecuteNonQueryAsync(ct);
            }
            return written;
        }
        var transaction = db.Database.CurrentTransaction.GetDbTransaction();
        var sqlite = db.Database.GetDbConnection();
        await InsertAsync(sqlite, transaction, "INSERT INTO \"MappingRegions\" (\"DatasetId\", \"Index\", \"Code\", \"Parent\", \"Name\") VALUES ($a, $b, $c, $d, $e)", regions, ct);
        await InsertAsync(sqlite, transaction, "INSERT INTO \"MappingIndustries\" (\"DatasetId\", \"Index\", \"Code\") VALUES ($a, $b, $c)", industries, ct);
        var count = 0;
        await InsertAsync(sqlite, transaction, "INSERT INTO \"MappingValues\" (\"DatasetId\", \"Year\", \"Region\", \"Industry\", \"Value\") VALUES ($a, $b, $c, $d, $e)",
            Cells().Select(c =>
            {
                if ((++count & 0xFFFF) == 0) progress?.Report((double)count / total);
                return new object?[] { datasetId, c.Year, c.Region, c.Industry, c.Value };
            }), ct);
        return count;
    }

    /// <summary>The foreign key of the cells to their dataset, as the migrations name it (<c>MappingDatasets</c>).</summary>
    private const string ValuesForeignKey = "FK_MappingValues_MappingDatasets_DatasetId";

    private static async Task<int> CopyValuesAsync(NpgsqlConnection connection, int datasetId, RegionalTable t,
        IEnumerable<(int Year, int Region, int Industry, double? Value)> cells, IProgress<double>? progress, CancellationToken ct)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY \"MappingValues\" (\"DatasetId\", \"Year\", \"Region\", \"Industry\", \"Value\") FROM STDIN (FORMAT BINARY)", ct);
        var written = 0;
        // The importer's synchronous calls: it buffers rows and sends a buffer when full, so the awaits of the async
        // calls (five per row) cost more than the writing; this runs on the job's own thread.
        foreach (var (year, region, industry, value) in cells)
        {
            ct.ThrowIfCancellationRequested();
            writer.StartRow();
            writer.Write(datasetId, NpgsqlDbType.Integer);
            writer.Write(year, NpgsqlDbType.Integer);
            writer.Write(region, NpgsqlDbType.Integer);
            writer.Write(industry, NpgsqlDbType.Integer);
            if (value is { } v) writer.Write(v, NpgsqlDbType.Double);
            else writer.WriteNull();
            if ((++written & 0xFFFF) == 0) progress?.Report((double)(region + (long)(year - t.Years[0]) * t.RegionCount) / Math.Max(1, t.RegionCount * t.YearCount));
        }
        await writer.CompleteAsync(ct);
        return written;
    }

    private static string? Clip(string? text, int max) => text is { } s && s.Length > max ? s[..max] : text;

    private static async Task CopyAsync(NpgsqlConnection connection, string copy, IEnumerable<object?[]> rows, NpgsqlDbType[] types, CancellationToken ct)
    {
        await using var writer = await connection.BeginBinaryImportAsync(copy, ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            for (var c = 0; c < row.Length; c++)
                if (row[c] is null) await writer.WriteNullAsync(ct);
                else await writer.WriteAsync(row[c], types[c], ct);
        }
        await writer.CompleteAsync(ct);
    }

    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, string sql, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        DbParameter[]? parameters = null;
        foreach (var row in rows)
        {
            if (parameters is null)
            {
                parameters = new DbParameter[row.Length];
                for (var c = 0; c < row.Length; c++)
                {
                    parameters[c] = command.CreateParameter();
                    parameters[c].ParameterName = "$" + (char)('a' + c);
                    command.Parameters.Add(parameters[c]);
                }
                command.Prepare();
            }
            for (var c = 0; c < row.Length; c++) parameters[c].Value = row[c] ?? DBNull.Value;
            // Microsoft.Data.Sqlite's async calls run synchronously and only add a task per row.
            ct.ThrowIfCancellationRequested();
            command.ExecuteNonQuery();
        }
    }

    /// <summary>A stored dataset's table, codes, parents and names, as the engine takes it.</summary>
    public static async Task<RegionalData> ReadAsync(ClusterDb db, int datasetId, CancellationToken ct)
    {
        var regions = await db.MappingRegions.AsNoTracking().Where(r => r.DatasetId == datasetId).OrderBy(r => r.Index).ToListAsync(ct);
        var industries = await db.MappingIndustries.AsNoTracking().Where(r => r.DatasetId == datasetId).OrderBy(r => r.Index).Select(r => r.Code).ToListAsync(ct);
        var years = await db.MappingValues.AsNoTracking().Where(v => v.DatasetId == datasetId).Select(v => v.Year).Distinct().OrderBy(y => y).ToListAsync(ct);
        var (R, I) = (regions.Count, industries.Count);
        var values = new double[years.Count * R * I];
        Array.Fill(values, double.NaN);
        var yearIndex = years.Select((y, k) => (y, k)).ToDictionary(x => x.y, x => x.k);
        var (rows, missing) = (0, 0);
        await foreach (var v in db.MappingValues.AsNoTracking().Where(v => v.DatasetId == datasetId)
                           .Select(v => new { v.Year, v.Region, v.Industry, v.Value }).AsAsyncEnumerable().WithCancellation(ct))
        {
            rows++;
            if (v.Value is { } x) values[(yearIndex[v.Year] * R + v.Region) * I + v.Industry] = x;
            else missing++;
        }
        var table = new RegionalTable(new CodeIndex(regions.Select(r => r.Code)), new CodeIndex(industries), [.. years], values);
        Grouping? parents = regions.Count > 0 && regions.All(r => r.Parent is not null) ? Grouping.ByParent(table.Regions, code => regions[table.Regions.IndexOf(code)].Parent) : null;
        return new RegionalData(table, parents, rows, missing) { Names = regions.Select(r => r.Name).ToList() };
    }
}

/// <summary>
/// The stored datasets' tables, each read once and kept while among the last few used (a dataset never changes once
/// stored; a deleted one is forgotten). One per application: tables are the application's database's.
/// </summary>
public sealed class MappingTables
{
    private readonly ConcurrentDictionary<int, RegionalData> cache = new();
    private readonly ConcurrentQueue<int> order = new();
    public const int Size = 8;

    public async Task<RegionalData> LoadAsync(ClusterDb db, int datasetId, CancellationToken ct)
    {
        if (cache.TryGetValue(datasetId, out var cached)) return cached;
        var data = await MappingStore.ReadAsync(db, datasetId, ct);
        if (cache.TryAdd(datasetId, data)) order.Enqueue(datasetId);
        while (cache.Count > Size && order.TryDequeue(out var oldest)) cache.TryRemove(oldest, out _);
        return data;
    }

    public void Forget(int datasetId) => cache.TryRemove(datasetId, out _);
}
