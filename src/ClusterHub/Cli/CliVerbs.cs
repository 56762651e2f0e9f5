using System.CommandLine;
using ClusterHub.Data;
using ClusterHub.Exchange;
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

    /// <summary>An export verb's format: <c>--format csv|json|xlsx</c>.</summary>
    public static readonly Option<FileFormat> FormatOption = new("--format") { Description = "csv, json or xlsx (xlsx needs --output)", DefaultValueFactory = _ => FileFormat.Csv };

    /// <summary>An export verb's file: <c>--output FILE</c>, standard output without it.</summary>
    public static readonly Option<FileInfo?> OutputOption = new("--output", "-o") { Description = "File to write (default: standard output)" };

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

    /// <summary>Writes an export verb's rows where <see cref="OutputOption"/> and <see cref="FormatOption"/> say, through the one export path.</summary>
    public static async Task WriteExportAsync<T>(ParseResult parse, TextWriter stdout, ExportTable<T> table, IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        var (target, format) = (parse.GetValue(OutputOption), parse.GetValue(FormatOption));
        if (target is null && format == FileFormat.Xlsx) throw new CliException("an xlsx file is binary: write it to a file with --output");
        await using Stream stream = target is null ? new TextWriterStream(stdout) : new FileStream(target.FullName, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await Exchange.Export.WriteAsync(stream, table, rows, format, ct);
    }

    /// <summary>The value of a <c>--year</c> option, held to the one rule for a year (<see cref="Years"/>), or a one-line error.</summary>
    public static int Year(ParseResult parse, Option<int> option)
    {
        var year = parse.GetValue(option);
        return Years.Validate(year) is { } error ? throw new CliException($"{option.Name} {error.Value}: {error.Reason}") : year;
    }

    /// <summary>A file an import verb reads, opened for one sequential pass; a missing file is a one-line error.</summary>
    public static FileStream OpenInput(FileInfo file) => file.Exists
        ? new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan)
        : throw new CliException($"{file.FullName}: file not found");

    /// <summary>
    /// An import verb's file: opened, handed to <paramref name="import"/> with its name, the report printed. A refused file
    /// lists its located errors on standard output and ends with one line on standard error (exit 1).
    /// </summary>
    public static async Task<int> ImportFileAsync(FileInfo info, TextWriter stdout, Func<Stream, string, Task<Members.ImportReport>> import,
        Func<Members.ImportReport, string>? summary = null)
    {
        await using var bytes = OpenInput(info);
        var report = await import(bytes, info.Name);
        if (!report.Succeeded)
        {
            foreach (var e in report.Errors) stdout.WriteLine(e.ToString());
            var shown = report.ErrorsShown is { } cut ? $" (the {cut} listed)" : "";
            throw new CliException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{info.Name}: {report.ErrorCount} error(s){shown}; nothing was imported"));
        }
        var done = summary?.Invoke(report) ?? string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{report.Rows} rows, {report.Created} created, {report.Updated} updated, {report.Unchanged} unchanged");
        stdout.WriteLine($"{info.Name}: {done}");
        return 0;
    }

    /// <summary>The id of the cluster named by <c>--cluster</c>, or a one-line error.</summary>
    public static async Task<int> ClusterIdAsync(ClusterDb db, ParseResult parse, CancellationToken ct)
    {
        var slug = parse.GetValue(ClusterOption)!;
        return await db.Clusters.Where(c => c.Slug == slug).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct)
            ?? throw new CliException($"no cluster '{slug}'");
    }

    /// <summary>An operation's refused fields as the one line a verb exits with: "--field value: reason; …" (options named like the fields).</summary>
    public static CliException Refused(IEnumerable<Members.FieldError> errors) =>
        new(string.Join("; ", errors.Select(e => string.IsNullOrWhiteSpace(e.Value) ? $"--{e.Field}: {e.Reason}" : $"--{e.Field} {e.Value}: {e.Reason}")));
}
