using System.CommandLine;
using System.Globalization;
using ClusterHub.Cli;
using ClusterHub.Data;

namespace ClusterHub.Finance;

/// <summary><c>finance report</c> and <c>finance import</c>: the report and the budget-lines import the API serves.</summary>
internal static class FinanceCommands
{
    public static Command Finance(TextWriter stdout)
    {
        var command = new Command("finance", "The funding mix: budget by source, public share, payers, cost of the secretariat");
        command.Subcommands.Add(Report(stdout));
        command.Subcommands.Add(Import(stdout));
        return command;
    }

    private static Command Report(TextWriter stdout)
    {
        var year = new Option<int>("--year") { Description = "The budget year", Required = true };
        var command = new Command("report", "Planned and actual by source (dues by tier) and every measure of a year")
            { CliVerbs.ClusterOption, year, CliVerbs.FormatOption, CliVerbs.OutputOption };
        command.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<ClusterDb>();
            var clusterId = await CliVerbs.ClusterIdAsync(db, parse, ct);
            var y = CliVerbs.Year(parse, year);
            var report = await FinanceReports.ReportAsync(db, clusterId, y, ct);
            await CliVerbs.WriteExportAsync(parse, stdout, FinanceFile.ReportTable, FinanceFile.ReportRows(report).ToAsyncEnumerable(), ct);
            return 0;
        }, ct));
        return command;
    }

    private static Command Import(TextWriter stdout)
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV file (UTF-8, UTF-16 or Windows-1252): year,source,payer,member,planned_eur,actual_eur,note" };
        var command = new Command("import", "Import budget lines, replacing the typed lines of the years the file names; all or nothing") { file, CliVerbs.ClusterOption };
        command.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<ClusterDb>();
            var clusterId = await CliVerbs.ClusterIdAsync(db, parse, ct);
            return await CliVerbs.ImportFileAsync(parse.GetValue(file)!, stdout, (bytes, name) => FinanceFile.ImportAsync(db, clusterId, bytes, name, ct),
                report => $"{report.Rows} budget lines imported");
        }, ct));
        return command;
    }
}
