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

    /// <summary>Define the cluster's manual indicators and record their values with evidence.</summary>
    public const string Manage = "indicators.manage";
}

public sealed record ManualIndicatorRequest(string? Code, string? Name, string? Definition, IndicatorUnit? Unit, IndicatorDirection? Direction);

public sealed record ManualValueRequest(double? Value, string? Evidence, int? Version);

/// <summary>
/// The indicator registry: every feature's computed indicators and the cluster's manual ones for a cluster and year,
/// on a page, the API and the command line.
/// </summary>
public sealed class IndicatorsFeature : IFeature
{
    public IEnumerable<Permission> Permissions =>
    [
        Permission.Grant(IndicatorPermissions.Read, Manager, Staff, Observer),
        Permission.Grant(IndicatorPermissions.Manage, Manager, Staff),
    ];

    public IEnumerable<NavigationEntry> Navigation => [new(36, "Nav.Indicators", "/indicators", IndicatorPermissions.Read)];

    public void AddServices(IServiceCollection services) => services.AddSingleton<IndicatorRegistry>();

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder cluster)
    {
        var indicators = cluster.MapGroup("/indicators").WithTags("Indicators");
        indicators.MapGet("/", Compute).RequirePermission(IndicatorPermissions.Read);
        indicators.MapGet("/definitions", async (ClusterScope scope, ClusterDb db, IndicatorRegistry registry, CancellationToken ct) =>
            TypedResults.Ok(await registry.DefinitionsAsync(db, scope.ClusterId, ct))).RequirePermission(IndicatorPermissions.Read);
        indicators.MapGet("/manual", async (ClusterScope scope, ClusterDb db, CancellationToken ct) =>
            TypedResults.Ok((await ManualIndicators.ListAsync(db, scope.ClusterId, ct)).Select(ManualDto.From))).RequirePermission(IndicatorPermissions.Read);
        indicators.MapPost("/manual", (ManualIndicatorRequest request, ClusterScope scope, ClusterDb db, CancellationToken ct) =>
            SaveManual(null, request, scope, db, ct)).RequirePermission(IndicatorPermissions.Manage);
        indicators.MapPut("/manual/{key}", (string key, ManualIndicatorRequest request, ClusterScope scope, ClusterDb db, CancellationToken ct) =>
            SaveManual(key, request, scope, db, ct)).RequirePermission(IndicatorPermissions.Manage);
        indicators.MapPut("/manual/{key}/{year:int}", RecordManual).RequirePermission(IndicatorPermissions.Manage);
    }

    private static async Task<IResult> SaveManual(string? key, ManualIndicatorRequest r, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        var input = new ManualIndicatorInput(r.Code ?? "", r.Name ?? "", r.Definition ?? "", r.Unit ?? IndicatorUnit.Count, r.Direction ?? IndicatorDirection.HigherIsBetter);
        var (outcome, indicator, errors) = await ManualIndicators.SaveAsync(db, scope.ClusterId, key, input, ct);
        return outcome switch
        {
            ManualEdit.Done when key is null => TypedResults.Created($"/api/v1/clusters/{scope.Slug}/indicators/manual/{indicator!.Key}", ManualDto.From(indicator)),
            ManualEdit.Done => TypedResults.Ok(ManualDto.From(indicator!)),
            ManualEdit.NotFound => TypedResults.NotFound(),
            ManualEdit.Duplicate => TypedResults.Problem($"The cluster already has the manual indicator '{ManualIndicators.KeyOf(input.Code)}'.", statusCode: StatusCodes.Status409Conflict),
            ManualEdit.Stale => TypedResults.Problem("Someone else changed this indicator at the same time; reload and try again.", statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.ValidationProblem(errors.ToProblemDictionary()),
        };
    }

    /// <summary>Records one year's value with its evidence; the author is the caller.</summary>
    public static async Task<IResult> RecordManual(string key, int year, ManualValueRequest request, HttpContext http, ClusterScope scope, ClusterDb db,
        TimeProvider clock, CancellationToken ct)
    {
        var (outcome, value, errors) = await ManualIndicators.RecordAsync(db, scope.ClusterId, key, year,
            new ManualValueInput(request.Value, request.Evidence ?? "", request.Version), http.User.Identity?.Name ?? "", clock.GetUtcNow(), ct);
        return outcome switch
        {
            ManualEdit.Done => TypedResults.Ok(new { key, year, value = value!.Value, evidence = value.Evidence, author = value.Author, recordedAt = value.RecordedAt, version = value.Version }),
            ManualEdit.NotFound => TypedResults.NotFound(),
            ManualEdit.Stale => TypedResults.Problem("This value was changed by someone else meanwhile; reload and try again.", statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.ValidationProblem(errors.ToProblemDictionary()),
        };
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
        command.Subcommands.Add(RecordVerb(verbs));
    }

    /// <summary><c>indicators record --cluster X --key manual.k --year Y --value V --evidence "…"</c>: a manual value from the command line.</summary>
    private static Command RecordVerb(CliVerbs verbs)
    {
        var key = new Option<string>("--key") { Description = "The manual indicator's key (manual.…)", Required = true };
        var year = new Option<int>("--year") { Description = "The year the value is for", Required = true };
        var value = new Option<double>("--value") { Description = "The value", Required = true };
        var evidence = new Option<string>("--evidence") { Description = "The written evidence the value rests on", Required = true };
        var command = new Command("record", "Record a manual indicator's value for a year, with its evidence")
            { CliVerbs.ClusterOption, key, year, value, evidence };
        command.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<ClusterDb>();
            var clusterId = await CliVerbs.ClusterIdAsync(db, parse, ct);
            var (outcome, _, errors) = await ManualIndicators.RecordAsync(db, clusterId, parse.GetValue(key)!, parse.GetValue(year),
                new ManualValueInput(parse.GetValue(value), parse.GetValue(evidence) ?? ""), Environment.UserName, sp.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
            return outcome switch
            {
                ManualEdit.Done => 0,
                ManualEdit.NotFound => throw new CliException($"--key {parse.GetValue(key)}: no such manual indicator in the cluster"),
                ManualEdit.Stale => throw new CliException("the value was changed by someone else meanwhile; try again"),
                _ => throw CliVerbs.Refused(errors),
            };
        }, ct));
        return command;
    }
}

/// <summary>A manual indicator as the API shows it.</summary>
public sealed record ManualDto(string Key, string Name, string Definition, IndicatorUnit Unit, IndicatorDirection Direction, int Version)
{
    public static ManualDto From(ManualIndicator i) => new(i.Key, i.Name, i.Definition, i.Unit, i.Direction, i.Version);
}
