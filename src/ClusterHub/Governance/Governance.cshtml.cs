using System.Globalization;
using System.Text.Json;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Governance;

/// <summary>
/// The governance network page: the graph (cytoscape, fcose layout) as of a year and for the tie types chosen, every
/// actor's measures, the hub's position in words with its figures, the tie-strength distribution, the files, and for
/// the secretariat the forms that add and remove actors and ties.
/// </summary>
[RequirePermission(GovernancePermissions.Read)]
public sealed class GovernanceModel(ClusterDb db, IStringLocalizer<Strings> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    /// <summary>The tie types shown; none ticked: all.</summary>
    [BindProperty(SupportsGet = true)] public List<string> Types { get; set; } = [];
    public NetworkDto Network { get; private set; } = null!;
    public IReadOnlyList<ActorDto> Actors { get; private set; } = [];
    public IReadOnlyList<TieDto> Ties { get; private set; } = [];
    public List<string> Errors { get; private set; } = [];
    public string? Message { get; private set; }
    public string GraphJson { get; private set; } = "{}";
    public ClusterScope Scope => HttpContext.ClusterScope();

    /// <summary>The query string of the current filters, for the export links.</summary>
    public string Query => string.Join("&", new[] { Year is { } y ? "year=" + y.ToString(CultureInfo.InvariantCulture) : null,
        Types.Count > 0 ? "types=" + Uri.EscapeDataString(string.Join(",", Types)) : null }.Where(p => p is not null));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [RequirePermission(GovernancePermissions.Manage)]
    public async Task<IActionResult> OnPostActorAsync(string? name, string? shortName, string? level, string? kind, string? notes, CancellationToken ct)
    {
        var result = await GovernanceEdits.SaveActorAsync(db, Scope.ClusterId, null, new ActorInput(name, shortName, level, kind, null, notes), ct);
        Report(result.Outcome, result.Errors);
        await LoadAsync(ct);
        return Page();
    }

    [RequirePermission(GovernancePermissions.Manage)]
    public async Task<IActionResult> OnPostTieAsync(int? fromActorId, int? toActorId, string? type, int? fromYear, int? toYear, int? strength, string? source, bool sourced, CancellationToken ct)
    {
        var result = await GovernanceEdits.SaveTieAsync(db, Scope.ClusterId, null, new TieInput(fromActorId, toActorId, type, fromYear, toYear, strength, source, sourced), ct);
        Report(result.Outcome, result.Errors);
        await LoadAsync(ct);
        return Page();
    }

    [RequirePermission(GovernancePermissions.Manage)]
    public async Task<IActionResult> OnPostDeleteActorAsync(int id, CancellationToken ct)
    {
        Report(await GovernanceEdits.DeleteActorAsync(db, Scope.ClusterId, id, ct), []);
        await LoadAsync(ct);
        return Page();
    }

    [RequirePermission(GovernancePermissions.Manage)]
    public async Task<IActionResult> OnPostDeleteTieAsync(int id, CancellationToken ct)
    {
        Report(await GovernanceEdits.DeleteTieAsync(db, Scope.ClusterId, id, ct), []);
        await LoadAsync(ct);
        return Page();
    }

    private void Report(GovernanceOutcome outcome, IReadOnlyList<Members.FieldError> errors)
    {
        if (outcome is GovernanceOutcome.Saved or GovernanceOutcome.NotFound) { Message = l["Governance.Saved"]; return; }
        Errors = errors.Count > 0 ? [.. errors.Select(e => $"{l[$"Governance.Field.{e.Field}"]}: {e.Value} {l[e.Reason]}")] : [l[$"Governance.Outcome.{outcome}"]];
        Response.StatusCode = outcome == GovernanceOutcome.Invalid ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var errors = GovernanceApi.ParseQuery(Year, string.Join(",", Types), out var types);
        if (errors.Count > 0) { Errors.AddRange(errors.Select(e => $"{l[$"Governance.Field.{e.Field}"]}: {e.Value} {l[e.Reason]}")); (Year, types) = (null, []); Types = []; }
        Network = await GovernanceApi.NetworkAsync(db, Scope.ClusterId, Year, types, l, ct);
        Actors = (await GovernanceEdits.ActorsAsync(db, Scope.ClusterId, new ActorFilter { PageSize = Paging.MaxSize }, ct)).Items;
        Ties = (await GovernanceEdits.TiesAsync(db, Scope.ClusterId, new TieFilter { Year = Year, PageSize = Paging.MaxSize }, ct)).Items;
        var n = Network;
        GraphJson = JsonSerializer.Serialize(new
        {
            locale = Format.Locale,
            nodes = n.Nodes.Select(x => new
            {
                id = "n" + x.Index.ToString(CultureInfo.InvariantCulture), label = x.Actor.Label, name = x.Name, level = x.Actor.Level.ToString(),
                community = x.Actor.Community, hub = x.Index == n.Nodes.FirstOrDefault(h => h.Actor.ActorId == n.Hub?.Hub.ActorId)?.Index,
                degree = x.Actor.Degree, betweenness = x.Actor.Betweenness, closeness = x.Actor.Closeness,
                constraint = x.Actor.Constraint, effectiveSize = x.Actor.EffectiveSize,
            }),
            edges = n.Edges.Select(e => new { id = "t" + e.TieId.ToString(CultureInfo.InvariantCulture), source = "n" + e.Source.ToString(CultureInfo.InvariantCulture),
                target = "n" + e.Target.ToString(CultureInfo.InvariantCulture), type = e.Type.ToString(), directed = e.Directed, strength = e.Strength, sourced = e.Sourced }),
            levels = Enum.GetValues<ActorLevel>().ToDictionary(v => v.ToString(), v => l[$"ActorLevel.{v}"].Value),
            strengths = new
            {
                labels = Enumerable.Range(1, 5).Select(i => l[$"Governance.Strength.{i}"].Value),
                values = n.Strengths.ByStrength,
                label = l["Governance.TiesLabel"].Value,
            },
        }).Replace("</", "<\\/", StringComparison.Ordinal);
    }
}
