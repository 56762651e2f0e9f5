using System.Globalization;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Members;
using ClusterHub.Networks;
using ClusterHub.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using DataExport = ClusterHub.Exchange.Export;

namespace ClusterHub.Governance;

/// <summary>A node of the network as the API and the page give it: the actor and its measures.</summary>
public sealed record NetworkNodeDto(int Index, ActorMeasures Actor, string Name);

/// <summary>The governance network as of a year: nodes with their measures, ties, the hub's position in figures and in words.</summary>
public sealed record NetworkDto(int? Year, IReadOnlyList<TieType> Types, IReadOnlyList<NetworkNodeDto> Nodes, IReadOnlyList<GovernanceEdge> Edges,
    HubPosition? Hub, TieStrengths Strengths, int Communities, double Modularity, IReadOnlyList<SummarySentence> Summary);

public static class GovernanceApi
{
    public static void MapGovernance(this RouteGroupBuilder cluster)
    {
        var g = cluster.MapGroup("/governance").WithTags("Governance");
        g.MapGet("/actors", Actors).RequirePermission(GovernancePermissions.Read);
        g.MapPost("/actors", CreateActor).RequirePermission(GovernancePermissions.Manage);
        g.MapPut("/actors/{actorId:int}", UpdateActor).RequirePermission(GovernancePermissions.Manage);
        g.MapDelete("/actors/{actorId:int}", DeleteActor).RequirePermission(GovernancePermissions.Manage);
        g.MapGet("/ties", Ties).RequirePermission(GovernancePermissions.Read);
        g.MapPost("/ties", CreateTie).RequirePermission(GovernancePermissions.Manage);
        g.MapPut("/ties/{tieId:int}", UpdateTie).RequirePermission(GovernancePermissions.Manage);
        g.MapDelete("/ties/{tieId:int}", DeleteTie).RequirePermission(GovernancePermissions.Manage);
        g.MapGet("/network", Network).RequirePermission(GovernancePermissions.Read);
        g.MapGet("/network/export", ExportNetwork).RequirePermission(GovernancePermissions.Read);
        g.MapGet("/actors/export", (HttpContext http, ClusterScope scope, ClusterDb db, string? format, CancellationToken ct) =>
            ExportFile(http, scope, db, GovernanceFileKind.Actors, format, ct)).RequirePermission(GovernancePermissions.Read);
        g.MapGet("/ties/export", (HttpContext http, ClusterScope scope, ClusterDb db, string? format, CancellationToken ct) =>
            ExportFile(http, scope, db, GovernanceFileKind.Ties, format, ct)).RequirePermission(GovernancePermissions.Read);
        g.MapPost("/actors/import", (HttpRequest request, ClusterScope scope, ClusterDb db, string? fileName, CancellationToken ct) =>
            Import(request, scope, db, GovernanceFileKind.Actors, fileName, ct)).RequirePermission(GovernancePermissions.Manage).DisableAntiforgery();
        g.MapPost("/ties/import", (HttpRequest request, ClusterScope scope, ClusterDb db, string? fileName, CancellationToken ct) =>
            Import(request, scope, db, GovernanceFileKind.Ties, fileName, ct)).RequirePermission(GovernancePermissions.Manage).DisableAntiforgery();
    }

    /// <summary>The cluster's governance actors: <c>search</c> in name or short name, <c>level</c>, <c>sort</c> (name, -name, level, kind), paged.</summary>
    public static async Task<Results<Ok<Page<ActorDto>>, ValidationProblem>> Actors(ClusterScope scope, ClusterDb db, [AsParameters] ActorFilter filter, CancellationToken ct) =>
        filter.Search is { } s && !InputText.IsReadable(s)
            ? TypedResults.ValidationProblem(new[] { new FieldError("search", InputText.Echo(s), InputText.Unreadable) }.ToProblemDictionary())
            : TypedResults.Ok(await GovernanceEdits.ActorsAsync(db, scope.ClusterId, filter, ct));

    /// <summary>Ties: <c>search</c> in either actor or the source, <c>type</c>, <c>year</c> (ties held then), <c>sort</c> (from, type, strength, -strength, year), paged.</summary>
    public static async Task<Results<Ok<Page<TieDto>>, ValidationProblem>> Ties(ClusterScope scope, ClusterDb db, [AsParameters] TieFilter filter, CancellationToken ct)
    {
        if (filter.Search is { } s && !InputText.IsReadable(s))
            return TypedResults.ValidationProblem(new[] { new FieldError("search", InputText.Echo(s), InputText.Unreadable) }.ToProblemDictionary());
        if (filter.Year is { } y && Years.Validate(y) is { } error) return TypedResults.ValidationProblem(new[] { error }.ToProblemDictionary());
        return TypedResults.Ok(await GovernanceEdits.TiesAsync(db, scope.ClusterId, filter, ct));
    }

    /// <summary>Adds an actor (managers and staff); 409 when its name or short name is taken.</summary>
    public static async Task<Results<Created<ActorDto>, Ok<ActorDto>, ValidationProblem, ProblemHttpResult, NotFound>> CreateActor(ActorInput input, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        var result = await GovernanceEdits.SaveActorAsync(db, scope.ClusterId, null, input, ct);
        return result.Outcome == GovernanceOutcome.Saved ? TypedResults.Created($"/api/v1/clusters/{scope.Slug}/governance/actors/{result.Saved!.Id}", result.Saved) : Refusal<Created<ActorDto>, Ok<ActorDto>, ActorDto>(result);
    }

    /// <summary>Replaces an actor; give <c>version</c> to refuse an edit made from an older copy (409).</summary>
    public static async Task<Results<Created<ActorDto>, Ok<ActorDto>, ValidationProblem, ProblemHttpResult, NotFound>> UpdateActor(int actorId, ActorInput input, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        var result = await GovernanceEdits.SaveActorAsync(db, scope.ClusterId, actorId, input, ct);
        return result.Outcome == GovernanceOutcome.Saved ? TypedResults.Ok(result.Saved!) : Refusal<Created<ActorDto>, Ok<ActorDto>, ActorDto>(result);
    }

    /// <summary>Deletes an actor with its ties; 204 whether or not it was there (a second delete changes nothing).</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteActor(int actorId, ClusterScope scope, ClusterDb db, CancellationToken ct) =>
        await GovernanceEdits.DeleteActorAsync(db, scope.ClusterId, actorId, ct) is GovernanceOutcome.Stale
            ? TypedResults.Problem(GovernanceEdits.English(GovernanceOutcome.Stale), statusCode: StatusCodes.Status409Conflict)
            : TypedResults.NoContent();

    /// <summary>Adds a tie; 409 when the two actors already have one of this type.</summary>
    public static async Task<Results<Created<TieDto>, Ok<TieDto>, ValidationProblem, ProblemHttpResult, NotFound>> CreateTie(TieInput input, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        var result = await GovernanceEdits.SaveTieAsync(db, scope.ClusterId, null, input, ct);
        return result.Outcome == GovernanceOutcome.Saved ? TypedResults.Created($"/api/v1/clusters/{scope.Slug}/governance/ties/{result.Saved!.Id}", result.Saved) : Refusal<Created<TieDto>, Ok<TieDto>, TieDto>(result);
    }

    /// <summary>Replaces a tie; give <c>version</c> to refuse an edit made from an older copy (409).</summary>
    public static async Task<Results<Created<TieDto>, Ok<TieDto>, ValidationProblem, ProblemHttpResult, NotFound>> UpdateTie(int tieId, TieInput input, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        var result = await GovernanceEdits.SaveTieAsync(db, scope.ClusterId, tieId, input, ct);
        return result.Outcome == GovernanceOutcome.Saved ? TypedResults.Ok(result.Saved!) : Refusal<Created<TieDto>, Ok<TieDto>, TieDto>(result);
    }

    /// <summary>Deletes a tie; 204 whether or not it was there.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteTie(int tieId, ClusterScope scope, ClusterDb db, CancellationToken ct) =>
        await GovernanceEdits.DeleteTieAsync(db, scope.ClusterId, tieId, ct) is GovernanceOutcome.Stale
            ? TypedResults.Problem(GovernanceEdits.English(GovernanceOutcome.Stale), statusCode: StatusCodes.Status409Conflict)
            : TypedResults.NoContent();

    private static Results<TCreated, TOk, ValidationProblem, ProblemHttpResult, NotFound> Refusal<TCreated, TOk, T>(GovernanceResult<T> result)
        where TCreated : IResult where TOk : IResult => result.Outcome switch
    {
        GovernanceOutcome.NotFound => TypedResults.NotFound(),
        GovernanceOutcome.Invalid => TypedResults.ValidationProblem(result.Errors.ToProblemDictionary()),
        GovernanceOutcome.Duplicate => TypedResults.Problem(new HttpValidationProblemDetails(result.Errors.ToProblemDictionary())
            { Status = StatusCodes.Status409Conflict, Title = "Duplicate", Detail = GovernanceEdits.English(result.Outcome) }),
        _ => TypedResults.Problem(GovernanceEdits.English(result.Outcome), statusCode: StatusCodes.Status409Conflict),
    };

    /// <summary>
    /// <c>?year=</c> (1950–2100) and <c>?types=</c> (tie types by name, comma-separated) as the API, the page and the CLI read them;
    /// the errors name the parameter.
    /// </summary>
    public static List<FieldError> ParseQuery(int? year, string? types, out List<TieType> parsed)
    {
        var errors = new List<FieldError>();
        parsed = [];
        if (year is { } y && Years.Validate(y) is { } yearError) errors.Add(yearError);
        foreach (var part in (types ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Enum.TryParse<TieType>(part, ignoreCase: true, out var t) && Enum.IsDefined(t) && !int.TryParse(part, out _)) parsed.Add(t);
            else errors.Add(new("types", InputText.Echo(part), $"must be tie types among {string.Join(", ", Enum.GetNames<TieType>())}, separated by commas"));
        }
        return errors;
    }

    public static async Task<NetworkDto> NetworkAsync(ClusterDb db, int clusterId, int? year, IReadOnlyCollection<TieType> types, IStringLocalizer l, CancellationToken ct)
    {
        var network = await GovernanceGraph.LoadAsync(db, clusterId, year, types, ct);
        var analysis = GovernanceMeasures.Analyse(network);
        return new NetworkDto(year, [.. network.Types], [.. analysis.Actors.Select((a, i) => new NetworkNodeDto(i, a, network.Actors[i].Name))], network.Ties,
            analysis.Hub, analysis.Strengths, analysis.Communities, analysis.Modularity, GovernanceSummary.Sentences(analysis, l));
    }

    /// <summary>The network as of <c>year</c> with the tie <c>types</c> asked: every actor's measures, the ties, the hub's position in figures and in words.</summary>
    public static async Task<Results<Ok<NetworkDto>, ValidationProblem>> Network(ClusterScope scope, ClusterDb db, IStringLocalizer<Strings> l, int? year, string? types, CancellationToken ct)
    {
        var errors = ParseQuery(year, types, out var parsed);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemDictionary());
        return TypedResults.Ok(await NetworkAsync(db, scope.ClusterId, year, parsed, l, ct));
    }

    /// <summary>The formats of the network file: GraphML, GEXF (1.2draft, which networkx reads; <c>gexf13</c> for 1.3) or an edge-list CSV.</summary>
    public static bool TryNetworkFormat(string? text, out NetworkFormat format, out GexfVersion gexf)
    {
        gexf = GexfVersion.Draft12;
        (format, var ok) = (text ?? "graphml").Trim().ToLowerInvariant() switch
        {
            "graphml" => (NetworkFormat.GraphMl, true),
            "gexf" => (NetworkFormat.Gexf, true),
            "gexf13" => (NetworkFormat.Gexf, true),
            "csv" => (NetworkFormat.Csv, true),
            _ => (NetworkFormat.Csv, false),
        };
        if (text?.Trim().ToLowerInvariant() == "gexf13") gexf = GexfVersion.Gexf13;
        return ok;
    }

    /// <summary>The network file with every actor's measures as node attributes (the strongest tie of each pair as the edge weight).</summary>
    public static string NetworkFileText(GovernanceNetwork network, NetworkFormat format, GexfVersion gexf)
    {
        var analysis = GovernanceMeasures.Analyse(network);
        var a = analysis.Actors;
        var columns = new Dictionary<string, double[]>
        {
            ["degree"] = [.. a.Select(x => (double)x.Degree)], ["strength"] = [.. a.Select(x => x.Strength)],
            ["betweenness"] = [.. a.Select(x => x.Betweenness)], ["closeness"] = [.. a.Select(x => x.Closeness)],
            ["constraint"] = [.. a.Select(x => x.Constraint ?? double.NaN)], ["effective_size"] = [.. a.Select(x => x.EffectiveSize ?? double.NaN)],
            ["community"] = [.. a.Select(x => (double)x.Community)],
        };
        // Through a UTF-8 stream, not a StringWriter: the XML writers declare their writer's encoding, and a string's is UTF-16.
        using var bytes = new MemoryStream();
        using (var writer = new StreamWriter(bytes, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            NetworkFile.Write(NetworkMetrics.WithColumns(network.ToNetwork(), columns), writer, format, new NetworkWriteOptions(gexf));
        return System.Text.Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>The network as a file: <c>?format=graphml</c> (default), <c>gexf</c> (1.2draft), <c>gexf13</c> or <c>csv</c>, with <c>year</c> and <c>types</c>.</summary>
    public static async Task<IResult> ExportNetwork(ClusterScope scope, ClusterDb db, int? year, string? types, string? format, CancellationToken ct)
    {
        var errors = ParseQuery(year, types, out var parsed);
        if (!TryNetworkFormat(format, out var fmt, out var gexf)) errors.Add(new("format", InputText.Echo(format), "must be graphml, gexf, gexf13 or csv"));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemDictionary());
        var text = NetworkFileText(await GovernanceGraph.LoadAsync(db, scope.ClusterId, year, parsed, ct), fmt, gexf);
        var extension = fmt switch { NetworkFormat.GraphMl => "graphml", NetworkFormat.Gexf => "gexf", _ => "csv" };
        var stem = $"{scope.Slug}-governance{(year is { } y ? "-" + y.ToString(CultureInfo.InvariantCulture) : "")}";
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(text), fmt == NetworkFormat.Csv ? "text/csv; charset=utf-8" : "application/xml; charset=utf-8", $"{stem}.{extension}");
    }

    /// <summary>The actors or the ties in the import format: <c>?format=csv</c> (default), <c>json</c> or <c>xlsx</c>.</summary>
    public static async Task<IResult> ExportFile(HttpContext http, ClusterScope scope, ClusterDb db, GovernanceFileKind kind, string? format, CancellationToken ct)
    {
        if (DataExport.ParseFormat(format) is not { } fmt) return DataExport.UnknownFormat(format);
        var stem = GovernanceFile.DownloadStem(scope.Slug, kind);
        if (kind == GovernanceFileKind.Actors) await DataExport.SendAsync(http.Response, stem, GovernanceFile.ActorTable, GovernanceFile.ActorRows(db, scope.ClusterId), fmt, ct);
        else await DataExport.SendAsync(http.Response, stem, GovernanceFile.TieTable, GovernanceFile.TieRows(db, scope.ClusterId), fmt, ct);
        return TypedResults.Empty;
    }

    /// <summary>Imports actors or ties from a CSV sent as the body: all or nothing; 422 with located errors when any row is invalid.</summary>
    public static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>>> Import(HttpRequest request, ClusterScope scope, ClusterDb db, GovernanceFileKind kind, string? fileName, CancellationToken ct)
    {
        var report = await GovernanceFile.ImportAsync(db, scope.ClusterId, kind, request.Body, fileName ?? "upload.csv", ct);
        return report.Succeeded ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
    }
}
