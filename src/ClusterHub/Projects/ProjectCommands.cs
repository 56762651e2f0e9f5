using ClusterHub.Cli;
using ClusterHub.Data;
using System.CommandLine;

namespace ClusterHub.Projects;

/// <summary><c>export projects</c> and <c>export participations</c>: the same exports as the API's, through the exchange kit.</summary>
public static class ProjectCommands
{
    public static void Add(CliVerbs verbs)
    {
        verbs.Export.Subcommands.Add(Exporter("projects", "Export the cluster's proposals and projects", (db, id) => ProjectFile.Query(db, id, CancellationToken.None), ProjectFile.Table, verbs));
        verbs.Export.Subcommands.Add(Exporter("participations", "Export project × member organisation rows (project_id, organisation_id, role, year) for 'network project'",
            (db, id) => ProjectFile.ParticipationQuery(db, id), ProjectFile.Participations, verbs));
        verbs.Import.Subcommands.Add(Import(verbs.Out));
    }

    /// <summary><c>import projects FILE --cluster SLUG</c>: past projects in the export's shape, all or nothing (one line on stderr and exit 1 on any error).</summary>
    private static Command Import(TextWriter stdout)
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV or xlsx in the shape 'export projects' writes: one row per partner" };
        var command = new Command("projects", "Import past projects with their consortium, state and dated moves, all or nothing") { file, CliVerbs.ClusterOption };
        command.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<ClusterDb>();
            var clusterId = await CliVerbs.ClusterIdAsync(db, parse, ct);
            return await CliVerbs.ImportFileAsync(parse.GetValue(file)!, stdout, (bytes, name) =>
                ProjectImport.RunAsync(db, clusterId, bytes, name, Members.MemberFile.FormatOf(name), "cli:" + Environment.UserName, ct),
                r => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{r.Rows} proposals, {r.Created} created, {r.Unchanged} already there"));
        }, ct));
        return command;
    }

    private static Command Exporter<T>(string name, string description, Func<ClusterDb, int, IAsyncEnumerable<T>> rows, Exchange.ExportTable<T> table, CliVerbs verbs)
    {
        var command = new Command(name, description) { CliVerbs.ClusterOption, CliVerbs.FormatOption, CliVerbs.OutputOption };
        command.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<ClusterDb>();
            var clusterId = await CliVerbs.ClusterIdAsync(db, parse, ct);
            await CliVerbs.WriteExportAsync(parse, verbs.Out, table, rows(db, clusterId), ct);
            return 0;
        }, ct));
        return command;
    }
}
