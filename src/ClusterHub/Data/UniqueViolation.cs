using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Data;

public static class UniqueViolation
{
    /// <summary>True when the database refused the save because a unique index already holds the value (on either provider).</summary>
    public static bool IsUniqueViolation(this DbUpdateException e) => Is(e);

    /// <summary>The same for any exception: SaveChanges wraps the provider's, a command of our own throws it bare.</summary>
    public static bool Is(Exception e) => (e is DbUpdateException { InnerException: { } inner } ? inner : e) switch
    {
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteExtendedErrorCode == 2067, // SQLITE_CONSTRAINT_UNIQUE
        Npgsql.PostgresException p => p.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
