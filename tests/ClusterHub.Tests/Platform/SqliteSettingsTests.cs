using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Tests.Platform;

/// <summary>The application's SQLite file runs in write-ahead-log mode, each connection with synchronous = NORMAL.</summary>
public sealed class SqliteSettingsTests(SqliteApplication app) : IClassFixture<SqliteApplication>
{
    [Fact]
    public async Task The_file_is_in_wal_mode_and_every_connection_syncs_normally()
    {
        var (mode, synchronous) = await app.WithDb(async (db, _) =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA journal_mode";
                var mode = (string?)await command.ExecuteScalarAsync();
                command.CommandText = "PRAGMA synchronous";
                return (mode, Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
            }
            finally { await db.Database.CloseConnectionAsync(); }
        });
        Assert.Equal("wal", mode);
        Assert.Equal(1, synchronous); // NORMAL; FULL is 2, SQLite's default
    }
}
