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
    public const string DefaultSqlite = "Data Source=data/clusterhub.db";

    public static (DatabaseProvider Provider, string ConnectionString) Resolve(string? configured)
    {
        var cs = string.IsNullOrWhiteSpace(configured) ? DefaultSqlite : configured.Trim();
        if (cs.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) || cs.Contains("Host=", StringComparison.OrdinalIgnoreCase))
            return (DatabaseProvider.PostgreSql, cs.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) ? FromUrl(cs) : cs);
        if (!cs.Contains('=', StringComparison.Ordinal)) cs = "Data Source=" + cs;
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(cs).DataSource;
        var dir = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        return (DatabaseProvider.Sqlite, cs);
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
            : services.AddDbContext<ClusterDb, SqliteClusterDb>((sp, o) => o.UseSqlite(cs).AddInterceptors(sp.GetRequiredService<ChangeHistoryInterceptor>()));
    }

    /// <summary>Applies pending migrations, inside the provider's execution strategy so transient failures are retried.</summary>
    public static async Task MigrateAsync(ClusterDb db, CancellationToken ct) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(() => db.Database.MigrateAsync(ct));

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
