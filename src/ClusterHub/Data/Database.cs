using ClusterHub.History;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Data;

public enum DatabaseProvider { Sqlite, PostgreSql }

/// <summary>
/// Chooses the provider from the connection string: PostgreSQL for "Host=…" or a postgres:// URL,
/// SQLite otherwise (a "Data Source=…" string or a bare file path).
/// </summary>
public static class Database
{
    public const string ConfigurationKey = "ConnectionStrings:ClusterHub";

    /// <summary>
    /// Where the database is when none is configured, in the words the README and the CLI help use.
    /// One place per user, whatever folder a command runs in and however it is started (dotnet run,
    /// the built binary), so the web server and every verb see the same data.
    /// </summary>
    public const string DefaultLocation =
        "ClusterHub/clusterhub.db in the user's data folder (~/.local/share on Linux, ~/Library/Application Support on macOS, %LOCALAPPDATA% on Windows)";

    /// <summary>The file <see cref="DefaultLocation"/> names on this machine (.NET honours <c>XDG_DATA_HOME</c>).</summary>
    public static string DefaultFile
    {
        get
        {
            var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            if (string.IsNullOrEmpty(data))
                throw new InvalidOperationException($"this account has no data folder for the default database: pass --database or set {ConfigurationKey.Replace(":", "__", StringComparison.Ordinal)}");
            return Path.Combine(data, "ClusterHub", "clusterhub.db");
        }
    }

    public static (DatabaseProvider Provider, string ConnectionString) Resolve(string? configured)
    {
        var cs = string.IsNullOrWhiteSpace(configured) ? "Data Source=" + DefaultFile : configured.Trim();
        if (cs.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) || cs.Contains("Host=", StringComparison.OrdinalIgnoreCase))
            return (DatabaseProvider.PostgreSql, cs.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) ? FromUrl(cs) : cs);
        if (!cs.Contains('=', StringComparison.Ordinal)) cs = "Data Source=" + cs;
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(cs).DataSource;
        var dir = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        return (DatabaseProvider.Sqlite, cs);
    }

    /// <summary>The database in a line for a person (no password): the SQLite file's full path, or PostgreSQL's database and server.</summary>
    public static string Describe(string? configured)
    {
        var (provider, cs) = Resolve(configured);
        if (provider == DatabaseProvider.PostgreSql)
        {
            var pg = new Npgsql.NpgsqlConnectionStringBuilder(cs);
            return $"PostgreSQL database {pg.Database} on {pg.Host}:{pg.Port}";
        }
        return Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(cs).DataSource);
    }

    public static IServiceCollection AddClusterDb(this IServiceCollection services, string? configured)
    {
        var (provider, cs) = Resolve(configured);
        services.AddHttpContextAccessor();
        services.AddSingleton<ChangeHistoryInterceptor>();
        // No retrying execution strategy on PostgreSQL: it refuses the transactions that keep a change and its
        // history (and an import's batches) together, which matter more than retrying a dropped connection.
        return provider == DatabaseProvider.PostgreSql
            ? services.AddDbContext<ClusterDb, PostgresClusterDb>((sp, o) => o.UseNpgsql(cs).AddInterceptors(sp.GetRequiredService<ChangeHistoryInterceptor>()))
            : services.AddDbContext<ClusterDb, SqliteClusterDb>((sp, o) => o.UseSqlite(cs).AddInterceptors(sp.GetRequiredService<ChangeHistoryInterceptor>(), new SqliteSettings()));
    }

    /// <summary>
    /// Applies pending migrations, inside the provider's execution strategy so transient failures are retried; a SQLite
    /// file is then put in write-ahead-log mode, which the file keeps (<see cref="SqliteSettings"/>).
    /// </summary>
    public static async Task MigrateAsync(ClusterDb db, CancellationToken ct)
    {
        await db.Database.CreateExecutionStrategy().ExecuteAsync(() => db.Database.MigrateAsync(ct));
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync(SqliteSettings.JournalMode, ct);
    }

    private static string FromUrl(string url)
    {
        var uri = new Uri(url);
        var userInfo = uri.UserInfo.Split(':', 2);
        var b = new Npgsql.NpgsqlConnectionStringBuilder
        {
            Host = uri.Host, Port = uri.Port > 0 ? uri.Port : 5432, Database = uri.AbsolutePath.TrimStart('/'),
            Username = Uri.UnescapeDataString(userInfo[0]), Password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : null,
        };
        return b.ConnectionString;
    }
}
