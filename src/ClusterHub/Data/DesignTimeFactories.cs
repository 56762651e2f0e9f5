using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ClusterHub.Data;

// Used only by `dotnet ef migrations add`; the connection strings are never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteClusterDb>
{
    public SqliteClusterDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteClusterDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresClusterDb>
{
    public PostgresClusterDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresClusterDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
