using ClusterHub.Cli;
using ClusterHub.Data;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterHub.Tests.Cli;

/// <summary>A temporary folder with a fresh SQLite file, the verbs run in-process against it, and a way to look inside.</summary>
public abstract class CliSandbox(string name) : IDisposable
{
    protected string Dir { get; } = Directory.CreateTempSubdirectory($"clusterhub-{name}-").FullName;
    protected string Db => Path.Combine(Dir, name + ".db");

    public void Dispose()
    {
        Directory.Delete(Dir, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs a verb as a user types it, on the sandbox's database: exit code, stdout, stderr.</summary>
    protected async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await Commands.RunAsync([.. args, "--database", Db], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Reads or changes the sandbox's database through the application's own context, migrated first.</summary>
    protected async Task<T> Query<T>(Func<ClusterDb, Task<T>> query)
    {
        await using var app = ClusterHub.Web.ClusterHubApp.Build([], Db);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClusterDb>();
        await Database.MigrateAsync(db, default);
        return await query(db);
    }
}
