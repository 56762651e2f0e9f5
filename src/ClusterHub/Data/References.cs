using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ClusterHub.Data;

/// <summary>Rows of one kind that still refer to a row, e.g. "Proposal" × 3.</summary>
public sealed record Reference(string Kind, int Count);

/// <summary>
/// What still refers to a row, read from the model's foreign keys rather than listed by hand: a feature that adds a
/// reference later (a committee on a strategic area) is counted without touching the code that removes. References
/// that cascade are parts of the row (removed with it) and are not counted.
/// </summary>
public static class References
{
    public static async Task<IReadOnlyList<Reference>> ToAsync<T>(ClusterDb db, int id, CancellationToken ct) where T : class
    {
        var found = new List<Reference>();
        foreach (var fk in db.Model.FindEntityType(typeof(T))!.GetReferencingForeignKeys())
        {
            if (fk.DeleteBehavior == DeleteBehavior.Cascade || fk.Properties.Count != 1) continue;
            var dependent = fk.DeclaringEntityType;
            var table = StoreObjectIdentifier.Table(dependent.GetTableName()!, dependent.GetSchema());
            var column = fk.Properties[0].GetColumnName(table)!;
            // Identifiers come from the model, never from input; the id is a parameter.
            var sql = $"SELECT COUNT(*) AS \"Value\" FROM \"{table.Name}\" WHERE \"{column}\" = {{0}}";
            var count = await db.Database.SqlQueryRaw<int>(sql, id).SingleAsync(ct);
            if (count > 0) found.Add(new(dependent.ClrType.Name, count));
        }
        return found;
    }

    /// <summary>True when the database refused a removal because a row still refers to it (on either provider).</summary>
    public static bool IsForeignKeyViolation(DbUpdateException e) => e.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteExtendedErrorCode == 787, // SQLITE_CONSTRAINT_FOREIGNKEY
        Npgsql.PostgresException p => p.SqlState == Npgsql.PostgresErrorCodes.ForeignKeyViolation,
        _ => false,
    };
}
