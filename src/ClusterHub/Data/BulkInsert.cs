using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ClusterHub.Data;

/// <summary>
/// Inserts new entities of one type through one prepared command inside the caller's transaction, for bulk imports:
/// a 100,000-member file is 300,000 rows with their contacts and histories, and SaveChanges' bookkeeping for each made
/// the import several times slower (docs/performance.md). The columns, their names and their conversions (enums by name) come from the EF model,
/// so the command follows the entity's configuration; the generated key is read back (RETURNING, which SQLite and
/// PostgreSQL both speak) and set on the entity, for its dependents' foreign keys.
/// </summary>
public sealed class BulkInsert<T> : IAsyncDisposable where T : class
{
    /// <summary>Rows per statement of <see cref="InsertManyAsync"/>: SQLite finds each parameter by name with a linear search, so a statement stays small.</summary>
    public const int RowsPerStatement = 16;

    private readonly ClusterDb db;
    private readonly StoreObjectIdentifier table;
    private readonly DbCommand command;
    private readonly (IProperty Property, IClrPropertyGetter Getter, DbParameter Parameter, Func<object?, object?> ToProvider)[] columns;
    private readonly IProperty key;
    private readonly Dictionary<int, DbCommand> many = [];

    public BulkInsert(ClusterDb db)
    {
        this.db = db;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity");
        table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        key = entity.FindPrimaryKey()!.Properties.Single();
        if (entity.GetProperties().FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
            throw new InvalidOperationException($"{typeof(T).Name}.{shadow.Name} is a shadow property, which a bulk insert cannot read");
        var sql = db.GetService<ISqlGenerationHelper>();
        command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("a bulk insert runs inside the caller's transaction");
        columns = [.. entity.GetProperties().Where(p => p != key).Select((p, i) =>
        {
            var mapping = p.GetRelationalTypeMapping();
            var parameter = mapping.CreateParameter(command, "p" + i.ToString(CultureInfo.InvariantCulture), null, p.IsNullable);
            command.Parameters.Add(parameter);
            Func<object?, object?> toProvider = mapping.Converter is { } converter ? v => v is null ? null : converter.ConvertToProvider(v) : v => v;
            return (p, p.GetGetter(), parameter, toProvider);
        })];
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
            $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!)))}) " +
            $"VALUES ({string.Join(", ", columns.Select(c => sql.GenerateParameterNamePlaceholder(c.Parameter.ParameterName)))}) " +
            $"RETURNING {sql.DelimitIdentifier(key.GetColumnName(table)!)}";
        command.Prepare(); // planned once (a server-side prepared statement on PostgreSQL)
    }

    /// <summary>Inserts <paramref name="entity"/> (its own columns only, not its navigations) and sets its generated key.</summary>
    public async Task InsertAsync(T entity, CancellationToken ct)
    {
        foreach (var (_, getter, parameter, toProvider) in columns)
            parameter.Value = toProvider(getter.GetClrValue(entity)) ?? DBNull.Value;
        var id = await command.ExecuteScalarAsync(ct);
        key.PropertyInfo!.SetValue(entity, Convert.ChangeType(id, key.ClrType, CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Inserts entities whose generated keys nobody needs afterwards (a member's contacts, its history), many rows per
    /// statement: each execution costs more than its row, so fewer executions is most of the gain.
    /// </summary>
    public async Task InsertManyAsync(IReadOnlyList<T> entities, CancellationToken ct)
    {
        for (var start = 0; start < entities.Count; start += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, entities.Count - start);
            var statement = Many(count);
            var p = 0;
            for (var i = start; i < start + count; i++)
                foreach (var (_, getter, _, toProvider) in columns)
                    statement.Parameters[p++].Value = toProvider(getter.GetClrValue(entities[i])) ?? DBNull.Value;
            await statement.ExecuteNonQueryAsync(ct);
        }
    }

    private DbCommand Many(int rows)
    {
        if (many.TryGetValue(rows, out var statement)) return statement;
        var sql = db.GetService<ISqlGenerationHelper>();
        statement = db.Database.GetDbConnection().CreateCommand();
        statement.Transaction = command.Transaction;
        var values = new List<string>(rows);
        for (var r = 0; r < rows; r++)
        {
            var names = new List<string>(columns.Length);
            foreach (var (property, _, _, _) in columns)
            {
                var parameter = property.GetRelationalTypeMapping().CreateParameter(statement, $"r{r}c{names.Count}", null, property.IsNullable);
                statement.Parameters.Add(parameter);
                names.Add(sql.GenerateParameterNamePlaceholder(parameter.ParameterName));
            }
            values.Add("(" + string.Join(", ", names) + ")");
        }
        statement.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
            $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!)))}) VALUES {string.Join(", ", values)}";
        statement.Prepare();
        return many[rows] = statement;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var statement in many.Values) await statement.DisposeAsync();
        await command.DisposeAsync();
    }
}
