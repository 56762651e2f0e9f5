using System.CommandLine;
using System.Globalization;
using ClusterHub.Accounts;
using ClusterHub.Cli;
using ClusterHub.Data;

namespace ClusterHub.Surveys;

/// <summary><c>survey send|remind|results --cluster X --year Y</c>: the same operations as the API and the page.</summary>
internal static class SurveyCommands
{
    /// <summary>Where the links of mails sent from the command line point: <c>PublicUrl</c>, else the server's default local address.</summary>
    public const string DefaultSite = "http://localhost:5000/";

    public static Command Survey(TextWriter stdout)
    {
        var year = new Option<int>("--year") { Description = "The survey's year", Required = true };

        var send = Round("send", "Send the year's survey: a personal link to every active member not yet invited", year, stdout, async (db, clusterId, y, site, now, ct) =>
        {
            var r = await SurveySending.SendAsync(db, clusterId, y, site, now, ct);
            return (r.Change, string.Create(CultureInfo.InvariantCulture, $"invited {r.Invited}, already invited {r.AlreadyInvited}, without a contact {r.WithoutContact}"));
        });
        var remind = Round("remind", "Remind those who have not answered (once a day at most)", year, stdout, async (db, clusterId, y, site, now, ct) =>
        {
            var r = await SurveySending.RemindAsync(db, clusterId, y, site, now, ct);
            return (r.Change, string.Create(CultureInfo.InvariantCulture, $"reminded {r.Reminded}, already reminded today {r.AlreadyRemindedToday}, without a contact {r.WithoutContact}"));
        });

        var results = new Command("results", "Mean and standard deviation per item and member type (groups under five: too few responses)")
            { CliVerbs.ClusterOption, year, CliVerbs.FormatOption, CliVerbs.OutputOption };
        results.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            var (db, clusterId, y) = await ArgsAsync(sp, parse, year, ct);
            var report = await SurveyResults.ComputeAsync(db, clusterId, y, ct) ?? throw new CliException(NoSurvey(y));
            await CliVerbs.WriteExportAsync(parse, stdout, SurveyResults.Table, SurveyResults.Lines(report).ToAsyncEnumerable(), ct);
            return 0;
        }, ct));

        return new Command("survey", "Stakeholder surveys") { send, remind, results };
    }

    /// <summary>A verb that sends a round of messages: runs it now, prints its counts, or fails with its refusal.</summary>
    private static Command Round(string name, string description, Option<int> year, TextWriter stdout,
        Func<ClusterDb, int, int, Uri, DateTime, CancellationToken, Task<(SurveyChange Change, string Summary)>> round)
    {
        var command = new Command(name, description) { CliVerbs.ClusterOption, year };
        command.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            var (db, clusterId, y) = await ArgsAsync(sp, parse, year, ct);
            var (change, summary) = await round(db, clusterId, y, Site(sp), sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ct);
            Check(change);
            await stdout.WriteLineAsync(summary);
            return 0;
        }, ct));
        return command;
    }

    private static async Task<(ClusterDb, int, int)> ArgsAsync(IServiceProvider sp, ParseResult parse, Option<int> year, CancellationToken ct)
    {
        var db = sp.GetRequiredService<ClusterDb>();
        var y = parse.GetValue(year);
        if (Web.Years.Validate(y) is { } error) throw new CliException($"--year {error.Value}: {error.Reason}");
        return (db, await CliVerbs.ClusterIdAsync(db, parse, ct), y);
    }

    private static Uri Site(IServiceProvider sp) =>
        new(sp.GetRequiredService<IConfiguration>()[SiteAddress.ConfigurationKey] is { Length: > 0 } configured ? configured : DefaultSite);

    private static string NoSurvey(int year) => string.Create(CultureInfo.InvariantCulture, $"no survey for {year}");

    /// <summary>A refusal as the CLI's one line on stderr (and exit code 1).</summary>
    private static void Check(SurveyChange change)
    {
        if (change != SurveyChange.Done) throw new CliException(SurveyChanges.English(change));
    }
}
