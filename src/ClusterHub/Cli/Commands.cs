using System.CommandLine;
using ClusterHub.Data;
using ClusterHub.Demo;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Cli;

/// <summary>A failure the user can fix: printed as one line on stderr, exit code 1.</summary>
public sealed class CliException(string message) : Exception(message);

public static class Commands
{
    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        var root = new RootCommand("ClusterHub: the platform a cluster secretariat runs its cluster on.");
        root.Options.Add(CliVerbs.DatabaseOption);
        root.Subcommands.Add(Serve(stdout, demo: false));
        root.Subcommands.Add(Serve(stdout, demo: true));
        root.Subcommands.Add(Migrate(stdout));
        var verbs = new CliVerbs(root, stdout, stderr);
        foreach (var feature in ClusterHubApp.Features) feature.AddVerbs(verbs);
        root.Subcommands.Add(verbs.Import);
        root.Subcommands.Add(verbs.Export);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // Some parser messages span lines (an enum's choices, one per line): one line is the contract.
            stderr.WriteLine("clusterhub: " + string.Join("; ", parsed.Errors.Select(e => e.Message.ReplaceLineEndings(" "))));
            return 2;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (ArgumentException e) // an engine's precondition, e.g. a measure defined for undirected graphs only
        {
            stderr.WriteLine("clusterhub: " + e.Message.Split(" (Parameter '")[0].ReplaceLineEndings(" "));
            return 1;
        }
        catch (Exception e) when (e is CliException or InvalidOperationException or IOException or DbUpdateException or UnauthorizedAccessException)
        {
            stderr.WriteLine("clusterhub: " + (e.InnerException?.Message ?? e.Message).ReplaceLineEndings(" "));
            return 1;
        }
    }

    private static Command Serve(TextWriter stdout, bool demo)
    {
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var command = new Command(demo ? "demo" : "serve", demo
            ? "Load the Nuclear Valley demo (once) and run the web server"
            : "Migrate the database and run the web server") { urls };
        command.SetAction(async (parse, ct) =>
        {
            await using var app = ClusterHubApp.Build(["--urls", parse.GetValue(urls)!], parse.GetValue(CliVerbs.DatabaseOption));
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await Database.MigrateAsync(scope.ServiceProvider.GetRequiredService<ClusterDb>(), ct);
                if (demo) await NuclearValleyDemo.LoadAsync(scope.ServiceProvider, stdout, ct);
            }
            await app.StartAsync(ct);
            stdout.WriteLine($"ClusterHub is running at {string.Join(", ", app.Urls)} (Ctrl+C to stop)");
            stdout.WriteLine($"Database: {Database.Describe(app.Configuration[Database.ConfigurationKey])}");
            if (demo) stdout.WriteLine($"Log in as {NuclearValleyDemo.ManagerEmail} with password {NuclearValleyDemo.Password}");
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }

    private static Command Migrate(TextWriter stdout)
    {
        var command = new Command("migrate", "Create or upgrade the database schema");
        command.SetAction((parse, ct) => CliVerbs.WithServices(parse, (_, _) =>
        {
            stdout.WriteLine("database is up to date");
            return Task.FromResult(0);
        }, ct));
        return command;
    }
}
