using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClusterHub.Data;

/// <summary>
/// Inserts new entities of one type many rows per prepared statement inside the caller's transaction, for bulk imports:
/// a 100,000-member file is 300,000 rows with their contacts and histories, and SaveChanges' bookkeeping for each made
/// the import several times slower (docs/performance.md). The columns, their names and their conversions (enums by
/// name) come from the EF model, so the statements follow the entity's configuration.
/// </summary>
public sealed class BulkInsert<T> : IAsyncDisposable where T : class
{
    /// <summary>The most rows one statement takes (a caller batches by it).</summary>
    public const int RowsPerStatement = 16;

    /// <summary>
    /// Parameters one statement takes at most: SQLite finds each parameter by name with a linear search over the
    /// statement's parameters, so binding costs grow with the square of a statement's size; a wide row (a member has
    /// 22 columns) goes a few rows per statement, a narrow one up to <see cref="RowsPerStatement"/>.
    /// </summary>
    private const int ParametersPerStatement = 100;

    private readonly ClusterDb db;
    private readonly StoreObjectIdentifier table;
    private readonly DbTransaction transaction;
    private readonly Column[] columns;
    private readonly Column key;
    private readonly int rowsPerStatement;
    private readonly Dictionary<(int Rows, bool Keyed), DbCommand> statements = [];

    private sealed record Column(IProperty Property, IClrPropertyGetter Getter, Func<object?, object?> ToProvider);

    public BulkInsert(ClusterDb db)
    {
        this.db = db;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity");
        table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        if (entity.GetProperties().FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
            throw new InvalidOperationException($"{typeof(T).Name}.{shadow.Name} is a shadow property, which a bulk insert cannot read");
        transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("a bulk insert runs inside the caller's transaction");
        var keyProperty = entity.FindPrimaryKey()!.Properties.Single();
        key = ColumnOf(keyProperty);
        columns = [.. entity.GetProperties().Where(p => p != keyProperty).Select(ColumnOf)];
        rowsPerStatement = Math.Clamp(ParametersPerStatement / (columns.Length + 1), 1, RowsPerStatement);
    }

    private static Column ColumnOf(IProperty p)
    {
        var converter = p.GetRelationalTypeMapping().Converter;
        return new(p, p.GetGetter(), converter is null ? v => v : v => v is null ? null : converter.ConvertToProvider(v));
    }

    /// <summary>
    /// Inserts entities whose generated keys nobody needs afterwards (a member's contacts, its history), many rows per
    /// statement: each execution costs more than its row, so fewer executions is most of the gain.
    /// </summary>
    public Task InsertManyAsync(IReadOnlyList<T> entities, CancellationToken ct) => InsertAsync(entities, keyed: false, ct);

    /// <summary>
    /// Inserts entities whose dependents are inserted next: their keys are first drawn from the table's own key
    /// generator in one query and set on the entities, then the rows go in many per statement. On SQLite the caller's
    /// transaction must already hold the write lock (BEGIN IMMEDIATE, as every transaction here), so that nobody else
    /// draws the same keys; PostgreSQL draws them from the column's sequence.
    /// </summary>
    public async Task InsertWithKeysAsync(IReadOnlyList<T> entities, CancellationToken ct)
    {
        var keys = await ReserveKeysAsync(entities.Count, ct);
        var info = key.Property.PropertyInfo!;
        for (var i = 0; i < entities.Count; i++) info.SetValue(entities[i], Convert.ChangeType(keys[i], key.Property.ClrType, CultureInfo.InvariantCulture));
        await InsertAsync(entities, keyed: true, ct);
    }

    private async Task InsertAsync(IReadOnlyList<T> entities, bool keyed, CancellationToken ct)
    {
        for (var start = 0; start < entities.Count; start += rowsPerStatement)
        {
            var count = Math.Min(rowsPerStatement, entities.Count - start);
            var statement = Statement(count, keyed);
            var p = 0;
            for (var i = start; i < start + count; i++)
            {
                if (keyed) statement.Parameters[p++].Value = key.Getter.GetClrValue(entities[i]);
                foreach (var (_, getter, toProvider) in columns)
                    statement.Parameters[p++].Value = toProvider(getter.GetClrValue(entities[i])) ?? DBNull.Value;
            }
            await statement.ExecuteNonQueryAsync(ct);
        }
    }

    private async Task<List<long>> ReserveKeysAsync(int count, CancellationToken ct)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var name = table.Name.Replace("'", "''", StringComparison.Ordinal);
        var column = key.Property.GetColumnName(table)!;
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        var keys = new List<long>(count);
        if (db.Database.IsNpgsql())
        {
            var qualified = sql.DelimitIdentifier(table.Name, table.Schema).Replace("'", "''", StringComparison.Ordinal);
            command.CommandText = $"SELECT nextval(pg_get_serial_sequence('{qualified}', '{column.Replace("'", "''", StringComparison.Ordinal)}')) FROM generate_series(1, {count})";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) keys.Add(reader.GetInt64(0));
            return keys;
        }
        // AUTOINCREMENT never reuses a key, even a deleted row's: start above both the sequence and the largest key.
        command.CommandText = $"SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{name}'), 0), " +
            $"COALESCE((SELECT MAX({sql.DelimitIdentifier(column)}) FROM {sql.DelimitIdentifier(table.Name)}), 0))";
        var last = Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        for (var i = 1; i <= count; i++) keys.Add(last + i);
        return keys;
    }

    private DbCommand Statement(int rows, bool keyed)
    {
        if (statements.TryGetValue((rows, keyed), out var statement)) return statement;
        var sql = db.GetService<ISqlGenerationHelper>();
        statement = db.Database.GetDbConnection().CreateCommand();
        statement.Transaction = transaction;
        Column[] inserted = keyed ? [key, .. columns] : columns;
        var values = new List<string>(rows);
        for (var r = 0; r < rows; r++)
        {
            var names = new List<string>(inserted.Length);
            foreach (var column in inserted)
            {
                // Named as written in the SQL ("@r0c1"): Microsoft.Data.Sqlite binds a name without its prefix by trying
                // each prefix in turn, which took a quarter of a member import.
                var placeholder = sql.GenerateParameterNamePlaceholder($"r{r}c{names.Count}");
                statement.Parameters.Add(column.Property.GetRelationalTypeMapping().CreateParameter(statement, placeholder, null, column.Property.IsNullable));
                names.Add(placeholder);
            }
            values.Add("(" + string.Join(", ", names) + ")");
        }
        statement.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
            $"({string.Join(", ", inserted.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!)))}) VALUES {string.Join(", ", values)}";
        statement.Prepare(); // planned once (a server-side prepared statement on PostgreSQL)
        return statements[(rows, keyed)] = statement;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var statement in statements.Values) await statement.DisposeAsync();
    }
}
