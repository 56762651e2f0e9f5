using System.CommandLine;
using System.Globalization;
using ClusterHub.Cli;
using ClusterHub.Data;
using ClusterHub.Exchange;

namespace ClusterHub.Strategy;

/// <summary><c>strategy review --cluster X --year Y [--close]</c>: a review's objectives against their targets, the same the page shows.</summary>
internal static class StrategyCommands
{
    public static readonly ExportTable<ObjectiveStanding> Table = new("review",
    [
        new("objective", o => o.Title),
        new("area", o => o.AreaCode),
        new("indicator", o => o.Indicator.Key),
        new("target", o => o.Target),
        new("actual", o => o.Actual),
        new("outcome", o => o.Outcome.ToString()),
        new("tolerance", o => o.Tolerance),
    ]);

    public static Command Strategy(TextWriter stdout)
    {
        var year = new Option<int>("--year") { Description = "The review's year", Required = true };
        var close = new Option<bool>("--close") { Description = "Close the review first: snapshot its indicators and results for good" };
        var review = new Command("review", "A yearly review's objectives against their targets (live while open)")
            { CliVerbs.ClusterOption, year, close, CliVerbs.FormatOption, CliVerbs.OutputOption };
        review.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<ClusterDb>();
            var clusterId = await CliVerbs.ClusterIdAsync(db, parse, ct);
            var y = parse.GetValue(year);
            var reviews = sp.GetRequiredService<Reviews>();
            if (parse.GetValue(close))
            {
                var change = await reviews.CloseAsync(db, clusterId, y, db.Actor, ct);
                if (change != ReviewChange.Done)
                    throw new CliException(change == ReviewChange.NotFound ? $"no review for {y.ToString(CultureInfo.InvariantCulture)}" : $"the review of {y.ToString(CultureInfo.InvariantCulture)} is already closed");
            }
            var view = await reviews.ViewAsync(db, clusterId, y, ct) ?? throw new CliException($"no review for {y.ToString(CultureInfo.InvariantCulture)}");
            await CliVerbs.WriteExportAsync(parse, stdout, Table, view.Objectives.ToAsyncEnumerable(), ct);
            return 0;
        }, ct));
        return new Command("strategy", "The cluster's strategy") { review };
    }
}
