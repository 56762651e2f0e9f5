using System.CommandLine;
using System.Globalization;
using ClusterHub.Cli;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Members;
using ClusterHub.Web;

namespace ClusterHub.Competences;

/// <summary><c>import competences</c> and <c>export competences</c>: the same import and export the API runs.</summary>
internal static class CompetenceCommands
{
    private static readonly Option<CompetenceFileKind> Kind = new("--kind")
    {
        Description = "declarations (members' competences) or taxonomy (the competences and the areas' needs)",
        DefaultValueFactory = _ => CompetenceFileKind.Declarations,
    };

    public static void Add(CliVerbs verbs)
    {
        verbs.Import.Subcommands.Add(Import(verbs.Out));
        verbs.Export.Subcommands.Add(Export(verbs.Out));
    }

    private static Command Import(TextWriter stdout)
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV file (UTF-8, UTF-16 or Windows-1252)" };
        var command = new Command("competences", "Import competence declarations or the taxonomy, all or nothing") { file, CliVerbs.ClusterOption, Kind };
        command.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<ClusterDb>();
            var clusterId = await CliVerbs.ClusterIdAsync(db, parse, ct);
            var info = parse.GetValue(file)!;
            await using var bytes = CliVerbs.OpenInput(info);
            var report = await CompetenceFile.ImportAsync(db, clusterId, parse.GetValue(Kind), bytes, info.Name, MemberFile.FormatOf(info.Name), db.Actor,
                sp.GetRequiredService<TimeProvider>().Today(), ct);
            if (!report.Succeeded)
            {
                foreach (var e in report.Errors) stdout.WriteLine(e.ToString());
                throw new CliException(string.Create(CultureInfo.InvariantCulture, $"{info.Name}: {report.ErrorCount} error(s); nothing was imported"));
            }
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{info.Name}: {report.Rows} rows, {report.Created} created, {report.Updated} updated, {report.Unchanged} unchanged"));
            return 0;
        }, ct));
        return command;
    }

    private static Command Export(TextWriter stdout)
    {
        var format = new Option<FileFormat>("--format") { Description = "csv, json or xlsx (xlsx needs --output)", DefaultValueFactory = _ => FileFormat.Csv };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "File to write (default: standard output)" };
        var command = new Command("competences", "Export competence declarations or the taxonomy in the import format") { CliVerbs.ClusterOption, Kind, format, output };
        command.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<ClusterDb>();
            var clusterId = await CliVerbs.ClusterIdAsync(db, parse, ct);
            var (target, fmt) = (parse.GetValue(output), parse.GetValue(format));
            if (target is null && fmt == FileFormat.Xlsx) throw new CliException("an xlsx file is binary: write it to a file with --output");
            await using Stream stream = target is null ? new TextWriterStream(stdout) : new FileStream(target.FullName, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            if (parse.GetValue(Kind) == CompetenceFileKind.Taxonomy)
                await Exchange.Export.WriteAsync(stream, CompetenceFile.TaxonomyTable, (await CompetenceTaxonomy.ListAsync(db, clusterId, ct)).ToAsyncEnumerable(), fmt, ct);
            else
                await Exchange.Export.WriteAsync(stream, CompetenceFile.DeclarationTable, CompetenceFile.DeclarationRows(db, clusterId), fmt, ct);
            return 0;
        }, ct));
        return command;
    }
}
