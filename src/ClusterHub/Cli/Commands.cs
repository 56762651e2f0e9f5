using System.CommandLine;
using System.Globalization;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Demo;
using ClusterHub.Exchange;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Cli;

/// <summary>A failure the user can fix: printed as one line on stderr, exit code 1.</summary>
public sealed class CliException(string message) : Exception(message);

public static class Commands
{
    private static readonly Option<string?> DatabaseOption = new("--database")
    {
        Description = "SQLite file or connection string, or a PostgreSQL connection string (Host=…) ; default: data/clusterhub.db",
        Recursive = true,
    };

    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        var root = new RootCommand("ClusterHub: the platform a cluster secretariat runs its cluster on.");
        root.Options.Add(DatabaseOption);
        root.Subcommands.Add(Serve(stdout, demo: false));
        root.Subcommands.Add(Serve(stdout, demo: true));
        root.Subcommands.Add(Migrate(stdout));
        root.Subcommands.Add(Import(stdout));
        root.Subcommands.Add(Export(stdout));
        root.Subcommands.Add(Users(stdout));
        root.Subcommands.Add(Clusters(stdout));
        root.Subcommands.Add(ClusterHub.Networks.NetworkCommands.Create(stdout, stderr));

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

    /// <summary>Runs <paramref name="work"/> with a scope of the application's services and a migrated database.</summary>
    private static async Task<int> WithServices(ParseResult parse, Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken ct)
    {
        await using var app = ClusterHubApp.Build([], parse.GetValue(DatabaseOption));
        await using var scope = app.Services.CreateAsyncScope();
        await Database.MigrateAsync(scope.ServiceProvider.GetRequiredService<ClusterDb>(), ct);
        return await work(scope.ServiceProvider, ct);
    }

    private static Command Serve(TextWriter stdout, bool demo)
    {
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var command = new Command(demo ? "demo" : "serve", demo
            ? "Load the Nuclear Valley demo (once) and run the web server"
            : "Migrate the database and run the web server") { urls };
        command.SetAction(async (parse, ct) =>
        {
            await using var app = ClusterHubApp.Build(["--urls", parse.GetValue(urls)!], parse.GetValue(DatabaseOption));
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await Database.MigrateAsync(scope.ServiceProvider.GetRequiredService<ClusterDb>(), ct);
                if (demo) await NuclearValleyDemo.LoadAsync(scope.ServiceProvider, stdout, ct);
            }
            await app.StartAsync(ct);
            stdout.WriteLine($"ClusterHub is running at {string.Join(", ", app.Urls)} (Ctrl+C to stop)");
            if (demo) stdout.WriteLine($"Log in as {NuclearValleyDemo.ManagerEmail} with password {NuclearValleyDemo.Password}");
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }

    private static Command Migrate(TextWriter stdout)
    {
        var command = new Command("migrate", "Create or upgrade the database schema");
        command.SetAction((parse, ct) => WithServices(parse, (_, _) =>
        {
            stdout.WriteLine("database is up to date");
            return Task.FromResult(0);
        }, ct));
        return command;
    }

    private static readonly Option<string> ClusterOption = new("--cluster") { Description = "Cluster slug, e.g. nuclear-valley", Required = true };

    private static async Task<int> ClusterIdAsync(ClusterDb db, string slug, CancellationToken ct) =>
        await db.Clusters.Where(c => c.Slug == slug).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct)
            ?? throw new CliException($"no cluster '{slug}'");

    private static Command Import(TextWriter stdout)
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV or JSON file of members" };
        var format = new Option<FileFormat?>("--format") { Description = "csv or json (default: from the file extension); UTF-8, UTF-16 or Windows-1252" };
        var members = new Command("members", "Import members, all or nothing") { file, ClusterOption, format };
        members.SetAction((parse, ct) => WithServices(parse, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<ClusterDb>();
            var clusterId = await ClusterIdAsync(db, parse.GetValue(ClusterOption)!, ct);
            var info = parse.GetValue(file)!;
            if (!info.Exists) throw new CliException($"{info.FullName}: file not found");
            await using var bytes = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            var report = await MemberImport.RunAsync(db, clusterId, bytes, info.Name, MemberFile.FormatOf(info.Name, parse.GetValue(format)),
                DateOnly.FromDateTime(DateTime.UtcNow), ct);
            if (!report.Succeeded)
            {
                foreach (var e in report.Errors) stdout.WriteLine(e.ToString());
                var shown = report.ErrorsShown is { } cut ? $" (the {cut} listed)" : "";
                throw new CliException(string.Create(CultureInfo.InvariantCulture, $"{info.Name}: {report.ErrorCount} error(s){shown}; nothing was imported"));
            }
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{info.Name}: {report.Rows} rows, {report.Created} created, {report.Updated} updated, {report.Unchanged} unchanged"));
            return 0;
        }, ct));
        return new Command("import", "Import data from files") { members };
    }

    private static Command Export(TextWriter stdout)
    {
        var format = new Option<FileFormat>("--format") { Description = "csv, json or xlsx (xlsx needs --output)", DefaultValueFactory = _ => FileFormat.Csv };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "File to write (default: standard output)" };
        var members = new Command("members", "Export members in the import format") { ClusterOption, format, output };
        members.SetAction((parse, ct) => WithServices(parse, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<ClusterDb>();
            var clusterId = await ClusterIdAsync(db, parse.GetValue(ClusterOption)!, ct);
            var (target, fmt) = (parse.GetValue(output), parse.GetValue(format));
            if (target is null && fmt == FileFormat.Xlsx) throw new CliException("an xlsx file is binary: write it to a file with --output");
            await using Stream stream = target is null ? new TextWriterStream(stdout) : new FileStream(target.FullName, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await Exchange.Export.WriteAsync(stream, MemberFile.Table, MemberExport.Query(db, clusterId, new MemberFilter()), fmt, ct);
            return 0;
        }, ct));
        return new Command("export", "Export data to files") { members };
    }

    private static Command Clusters(TextWriter stdout)
    {
        var slug = new Argument<string>("slug") { Description = "URL name, e.g. nuclear-valley" };
        var name = new Option<string>("--name") { Required = true };
        var region = new Option<string?>("--region") { Description = "INSEE region code of the head office, e.g. 27" };
        var sector = new Option<string?>("--sector");
        var create = new Command("create", "Register a cluster initiative") { slug, name, region, sector };
        create.SetAction((parse, ct) => WithServices(parse, async (sp, ct) =>
        {
            var (cluster, errors) = await ClusterHub.Clusters.ClusterRegistration.CreateAsync(sp.GetRequiredService<ClusterDb>(),
                new(parse.GetValue(slug), parse.GetValue(name), null, null, parse.GetValue(region), parse.GetValue(sector), null), ct);
            if (cluster is null) throw new CliException(string.Join("; ", errors.Select(e => $"{e.Key} {string.Join(", ", e.Value)}")));
            stdout.WriteLine($"created cluster {cluster.Slug}");
            return 0;
        }, ct));
        return new Command("clusters", "Manage cluster initiatives") { create };
    }

    private static Command Users(TextWriter stdout)
    {
        var email = new Argument<string>("email");
        var password = new Option<string>("--password") { Required = true };
        var name = new Option<string?>("--name");
        var create = new Command("create", "Create a user") { email, password, name };
        create.SetAction((parse, ct) => WithServices(parse, async (sp, ct) =>
        {
            await sp.GetRequiredService<UserAdministration>().CreateAsync(parse.GetValue(email)!, parse.GetValue(password)!, parse.GetValue(name), ct);
            stdout.WriteLine($"created {parse.GetValue(email)}");
            return 0;
        }, ct));

        var role = new Argument<string>("role") { Description = "admin, Manager, Staff, MemberRepresentative, Reviewer or Observer" };
        var cluster = new Option<string?>("--cluster");
        var member = new Option<string?>("--member") { Description = "For a member representative: the member's national id or name" };
        var grant = new Command("grant", "Grant a role") { email, role, cluster, member };
        grant.SetAction((parse, ct) => WithServices(parse, async (sp, ct) =>
        {
            await sp.GetRequiredService<UserAdministration>().GrantAsync(parse.GetValue(email)!, parse.GetValue(role)!, parse.GetValue(cluster), parse.GetValue(member), ct);
            stdout.WriteLine($"granted {parse.GetValue(role)} to {parse.GetValue(email)}");
            return 0;
        }, ct));

        var tokenName = new Option<string>("--token-name") { DefaultValueFactory = _ => "cli" };
        var days = new Option<int?>("--expires-in-days");
        var token = new Command("token", "Issue a personal access token (printed once)") { email, tokenName, days };
        token.SetAction((parse, ct) => WithServices(parse, async (sp, ct) =>
        {
            var user = await sp.GetRequiredService<UserAdministration>().FindAsync(parse.GetValue(email)!);
            var lifetime = parse.GetValue(days) is { } d ? TimeSpan.FromDays(d) : (TimeSpan?)null;
            stdout.WriteLine(await AccessTokens.IssueAsync(sp.GetRequiredService<ClusterDb>(), user.Id, parse.GetValue(tokenName)!, lifetime, ct));
            return 0;
        }, ct));
        return new Command("users", "Manage users, roles and tokens") { create, grant, token };
    }
}
