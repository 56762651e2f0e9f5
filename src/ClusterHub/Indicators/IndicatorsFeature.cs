using System.CommandLine;
using System.Globalization;
using ClusterHub.Accounts;
using ClusterHub.Cli;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Members;
using ClusterHub.Web;
using static ClusterHub.Accounts.ClusterRole;

namespace ClusterHub.Indicators;

public static class IndicatorPermissions
{
    public const string Read = "indicators.read";
}

/// <summary>The indicator registry: every feature's computed indicators for a cluster and year, on the API and the command line.</summary>
public sealed class IndicatorsFeature : IFeature
{
    public IEnumerable<Permission> Permissions => [Permission.Grant(IndicatorPermissions.Read, Manager, Staff, Observer)];

    public void AddServices(IServiceCollection services) => services.AddSingleton<IndicatorRegistry>();

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder cluster)
    {
        var indicators = cluster.MapGroup("/indicators").WithTags("Indicators").RequirePermission(IndicatorPermissions.Read);
        indicators.MapGet("/", Compute);
        indicators.MapGet("/definitions", (IndicatorRegistry registry) => TypedResults.Ok(registry.Definitions));
    }

    /// <summary>Every indicator of one year (default: last year), with how it was computed; <c>?format=csv|xlsx</c> downloads it.</summary>
    public static async Task<IResult> Compute(HttpContext http, ClusterScope scope, ClusterDb db, IndicatorRegistry registry, TimeProvider clock,
        int? year, string? format, CancellationToken ct)
    {
        var y = year ?? clock.GetUtcNow().Year - 1;
        if (Years.Validate(y) is { } error) return TypedResults.ValidationProblem(new[] { error }.ToProblemDictionary());
        var rows = (await registry.ComputeAsync(db, scope.ClusterId, y, ct)).Select(r => IndicatorRow.From(r, CultureInfo.CurrentUICulture)).ToList();
        if (format is null) return TypedResults.Ok(rows);
        if (Export.ParseFormat(format) is not { } fmt) return Export.UnknownFormat(format);
        await Export.SendAsync(http.Response, $"{scope.Slug}-indicators-{y}", IndicatorTable.Table, rows.ToAsyncEnumerable(), fmt, ct);
        return TypedResults.Empty;
    }

    public void AddVerbs(CliVerbs verbs)
    {
        var year = new Option<int>("--year") { Description = "The year the values are for", Required = true };
        var command = new Command("indicators", "Compute every registered indicator for a cluster and year")
            { CliVerbs.ClusterOption, year, CliVerbs.FormatOption, CliVerbs.OutputOption };
        command.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<ClusterDb>();
            var clusterId = await CliVerbs.ClusterIdAsync(db, parse, ct);
            var y = CliVerbs.Year(parse, year);
            var readings = await sp.GetRequiredService<IndicatorRegistry>().ComputeAsync(db, clusterId, y, ct);
            await CliVerbs.WriteExportAsync(parse, verbs.Out, IndicatorTable.Table,
                readings.Select(r => IndicatorRow.From(r, ClusterHubApp.Cultures[0])).ToAsyncEnumerable(), ct);
            return 0;
        }, ct));
        verbs.Root.Subcommands.Add(command);
    }
}
