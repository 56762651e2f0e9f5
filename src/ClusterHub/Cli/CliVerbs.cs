using System.CommandLine;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Cli;

/// <summary>
/// What a feature needs to add its verbs: the root command, the shared <c>import</c> and <c>export</c>
/// verbs (features add their nouns under them: <c>import members</c>), the output streams, and a way
/// to run with the application's services on a migrated database.
/// </summary>
public sealed class CliVerbs(RootCommand root, TextWriter stdout, TextWriter stderr)
{
    public static readonly Option<string?> DatabaseOption = new("--database")
    {
        Description = "SQLite file or connection string, or a PostgreSQL connection string (Host=…); default: " + Database.DefaultLocation,
        Recursive = true,
    };

    public static readonly Option<string> ClusterOption = new("--cluster") { Description = "Cluster slug, e.g. nuclear-valley", Required = true };

    public RootCommand Root { get; } = root;
    public Command Import { get; } = new("import", "Import data from files");
    public Command Export { get; } = new("export", "Export data to files");
    public TextWriter Out { get; } = stdout;
    public TextWriter Error { get; } = stderr;

    /// <summary>Runs <paramref name="work"/> with a scope of the application's services and a migrated database.</summary>
    public static async Task<int> WithServices(ParseResult parse, Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken ct)
    {
        await using var app = ClusterHubApp.Build([], parse.GetValue(DatabaseOption));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClusterDb>();
        db.Actor = "cli:" + Environment.UserName;
        await Database.MigrateAsync(db, ct);
        return await work(scope.ServiceProvider, ct);
    }

    /// <summary>The id of the cluster named by <c>--cluster</c>, or a one-line error.</summary>
    public static async Task<int> ClusterIdAsync(ClusterDb db, ParseResult parse, CancellationToken ct)
    {
        var slug = parse.GetValue(ClusterOption)!;
        return await db.Clusters.Where(c => c.Slug == slug).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct)
            ?? throw new CliException($"no cluster '{slug}'");
    }
}
