using System.CommandLine;
using System.Globalization;
using System.Text;
using ClusterHub.Cli;
using ClusterHub.Data;
using ClusterHub.Exchange;
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
        var format = new Option<FileFormat?>("--format") { Description = "csv or json (default: from the file extension); UTF-8, UTF-16 or Windows-1252" };
        var members = new Command("members", "Import members, all or nothing") { file, CliVerbs.ClusterOption, format };
        members.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<ClusterDb>();
            var clusterId = await CliVerbs.ClusterIdAsync(db, parse, ct);
            return await CliVerbs.ImportFileAsync(parse.GetValue(file)!, stdout, (bytes, name) => MemberImport.RunAsync(db, clusterId, bytes, name,
                MemberFile.FormatOf(name, parse.GetValue(format)), sp.GetRequiredService<TimeProvider>().Today(), ct));
        }, ct));
        return members;
    }

    private static Command Export(TextWriter stdout)
    {
        var members = new Command("members", "Export members in the import format") { CliVerbs.ClusterOption, CliVerbs.FormatOption, CliVerbs.OutputOption };
        members.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<ClusterDb>();
            var clusterId = await CliVerbs.ClusterIdAsync(db, parse, ct);
            await CliVerbs.WriteExportAsync(parse, stdout, MemberFile.Table, MemberExport.Query(db, clusterId, new MemberFilter()), ct);
            return 0;
        }, ct));
        return members;
    }
}
