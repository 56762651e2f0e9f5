using System.CommandLine;
using System.Globalization;
using ClusterHub.Cli;
using ClusterHub.Data;
using ClusterHub.Exchange;

namespace ClusterHub.Governance;

/// <summary><c>governance export</c> (the network as a file with the measures) and <c>governance import</c> (actors or ties, all or nothing).</summary>
internal static class GovernanceCommands
{
    public static Command Create(TextWriter stdout)
    {
        var root = new Command("governance", "The governance network: export it with its measures, import actors and ties");
        root.Subcommands.Add(Export(stdout));
        root.Subcommands.Add(Import(stdout));
        return root;
    }

    private static Command Export(TextWriter stdout)
    {
        var year = new Option<int?>("--year") { Description = "The network as of this year (default: every tie)" };
        var types = new Option<string?>("--types") { Description = "Tie types, comma-separated (default: all)" };
        var format = new Option<string>("--format") { Description = "graphml, gexf (1.2draft, read by networkx and Gephi), gexf13 or csv", DefaultValueFactory = _ => "graphml" };
        var command = new Command("export", "Write the governance network with every actor's measures as node attributes") { CliVerbs.ClusterOption, year, types, format, CliVerbs.OutputOption };
        command.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<ClusterDb>();
            var clusterId = await CliVerbs.ClusterIdAsync(db, parse, ct);
            var errors = GovernanceApi.ParseQuery(parse.GetValue(year), parse.GetValue(types), out var parsed);
            if (errors.Count > 0) throw new CliException($"--{errors[0].Field}: '{errors[0].Value}' {errors[0].Reason}");
            if (!GovernanceApi.TryNetworkFormat(parse.GetValue(format), out var fmt, out var gexf))
                throw new CliException($"--format: '{parse.GetValue(format)}' must be graphml, gexf, gexf13 or csv");
            var text = GovernanceApi.NetworkFileText(await GovernanceGraph.LoadAsync(db, clusterId, parse.GetValue(year), parsed, ct), fmt, gexf);
            if (parse.GetValue(CliVerbs.OutputOption) is { } file) await File.WriteAllTextAsync(file.FullName, text, ct);
            else await stdout.WriteAsync(text);
            return 0;
        }, ct));
        return command;
    }

    private static Command Import(TextWriter stdout)
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV file (UTF-8, UTF-16 or Windows-1252)" };
        var kind = new Option<GovernanceFileKind>("--kind") { Description = "actors or ties", Required = true };
        var command = new Command("import", "Import governance actors or ties, all or nothing") { file, CliVerbs.ClusterOption, kind };
        command.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<ClusterDb>();
            var clusterId = await CliVerbs.ClusterIdAsync(db, parse, ct);
            return await CliVerbs.ImportFileAsync(parse.GetValue(file)!, stdout, (bytes, name) => GovernanceFile.ImportAsync(db, clusterId, parse.GetValue(kind), bytes, name, ct));
        }, ct));
        return command;
    }
}
