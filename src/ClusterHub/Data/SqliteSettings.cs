using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClusterHub.Data;

/// <summary>
/// How the application runs SQLite: in write-ahead-log mode (set once on the file by <see cref="Database.MigrateAsync"/>;
/// readers then never wait for a writer, and a commit appends to the log instead of rewriting pages through a rollback
/// journal) with <c>synchronous = NORMAL</c> on every connection (set here: it is per connection), the pairing SQLite
/// recommends for WAL: a commit survives a crash of the application, and only a power loss can take the last commits
/// back, never corrupt the file. The full sync on every commit made each web request that writes wait for the disk.
/// </summary>
public sealed class SqliteSettings : DbConnectionInterceptor
{
    public const string JournalMode = "PRAGMA journal_mode = WAL;";
    private const string PerConnection = "PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = PerConnection;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = PerConnection;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
