using System.CommandLine;
using System.Globalization;
using System.Text;
using ClusterHub.Cli;
using ClusterHub.Data;
using ClusterHub.Web;

namespace ClusterHub.Members;

/// <summary><c>import members</c> and <c>export members</c>: the same import and export the API and the pages run.</summary>
internal static class MemberCommands
{
    public static void Add(CliVerbs verbs)
    {
        verbs.Import.Subcommands.Add(Import(verbs.Out));
        verbs.Export.Subcommands.Add(Export(verbs.Out));
    }

    private static Command Import(TextWriter stdout)
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV or JSON file of members" };
        var format = new Option<FileFormat?>("--format") { Description = "csv or json (default: from the file extension)" };
        var members = new Command("members", "Import members, all or nothing") { file, CliVerbs.ClusterOption, format };
        members.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<ClusterDb>();
            var clusterId = await CliVerbs.ClusterIdAsync(db, parse, ct);
            var info = parse.GetValue(file)!;
            if (!info.Exists) throw new CliException($"{info.FullName}: file not found");
            using var reader = new StreamReader(info.FullName, Encoding.UTF8);
            var report = await MemberImport.RunAsync(db, clusterId, reader, info.Name, MemberFile.FormatOf(info.Name, parse.GetValue(format)),
                sp.GetRequiredService<TimeProvider>().Today(), ct);
            if (!report.Succeeded)
            {
                foreach (var e in report.Errors) stdout.WriteLine(e.ToString());
                throw new CliException($"{info.Name}: {report.Errors.Count} error(s); nothing was imported");
            }
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{info.Name}: {report.Rows} rows, {report.Created} created, {report.Updated} updated, {report.Unchanged} unchanged"));
            return 0;
        }, ct));
        return members;
    }

    private static Command Export(TextWriter stdout)
    {
        var format = new Option<FileFormat>("--format") { Description = "csv or json", DefaultValueFactory = _ => FileFormat.Csv };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "File to write (default: standard output)" };
        var members = new Command("members", "Export members in the import format") { CliVerbs.ClusterOption, format, output };
        members.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<ClusterDb>();
            var clusterId = await CliVerbs.ClusterIdAsync(db, parse, ct);
            var target = parse.GetValue(output);
            await using var writer = target is null ? null : new StreamWriter(target.FullName, false, new UTF8Encoding(false));
            await MemberFile.WriteAsync(MemberExport.Query(db, clusterId, new MemberFilter()), (TextWriter?)writer ?? stdout, parse.GetValue(format), ct);
            return 0;
        }, ct));
        return members;
    }
}
