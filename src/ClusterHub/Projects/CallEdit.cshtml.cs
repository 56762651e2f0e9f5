using System.Globalization;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterHub.Projects;

/// <summary>The call form as posted: one funding-rate field per partner category, blank for a category the call does not fund.</summary>
public sealed class CallForm
{
    public int FunderId { get; set; }
    public string? Title { get; set; }
    public string? Themes { get; set; }
    public string? OpensOn { get; set; }
    public string? ClosesOn { get; set; }
    public string? ResultsOn { get; set; }
    public string? State { get; set; } = nameof(CallState.Open);
    public string? MinPartners { get; set; }
    public bool RequiresSme { get; set; }
    public string? MaxDurationMonths { get; set; }
    public string? ConflictYears { get; set; } = "3";
    public Dictionary<string, string?> Rates { get; set; } = [];

    public (CallInput? Input, List<FieldError> Errors) ToInput()
    {
        var text = new FormText();
        var rates = Enum.GetValues<PartnerCategory>()
            .Select(c => (Category: c, Rate: text.OptionalWhole($"fundingRates.{c}", Rates.GetValueOrDefault(c.ToString()))))
            .Where(r => r.Rate is not null).Select(r => new RateDto(r.Category, r.Rate!.Value)).ToList();
        var input = new CallInput(FunderId, Title, Themes, text.Date("opensOn", OpensOn), text.Date("closesOn", ClosesOn), text.OptionalDate("resultsOn", ResultsOn),
            text.Choice<CallState>("state", State) ?? CallState.Open, text.OptionalWhole("minPartners", MinPartners), RequiresSme,
            text.OptionalWhole("maxDurationMonths", MaxDurationMonths), rates, text.OptionalWhole("conflictYears", ConflictYears));
        return text.Errors.Count > 0 ? (null, text.Errors) : (input, text.Errors);
    }

    public static CallForm From(CallDetails d)
    {
        var inv = CultureInfo.InvariantCulture;
        return new()
        {
            FunderId = d.Call.FunderId, Title = d.Call.Title, Themes = d.Themes, OpensOn = d.Call.OpensOn.ToString("yyyy-MM-dd", inv),
            ClosesOn = d.Call.ClosesOn.ToString("yyyy-MM-dd", inv), ResultsOn = d.Call.ResultsOn?.ToString("yyyy-MM-dd", inv), State = d.Call.State.ToString(),
            MinPartners = d.MinPartners?.ToString(inv), RequiresSme = d.RequiresSme, MaxDurationMonths = d.MaxDurationMonths?.ToString(inv),
            ConflictYears = d.ConflictYears.ToString(inv), Rates = d.FundingRates.ToDictionary(r => r.Category.ToString(), r => (string?)r.MaxRatePercent.ToString(inv)),
        };
    }
}

/// <summary>Opening a call for proposals, or changing one, in the browser: the secretariat's, through <see cref="Calls.SaveAsync"/> as the API.</summary>
[RequirePermission(ProjectPermissions.ManageCalls)]
public sealed class CallEditModel(ClusterDb db) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    [BindProperty] public CallForm Form { get; set; } = new();
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    public bool Stale { get; private set; }
    public List<FunderDto> Funders { get; private set; } = [];
    public ClusterScope Scope => HttpContext.ClusterScope();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            if (await Calls.FindAsync(db, Scope.ClusterId, id, ct) is not { } call) return NotFound();
            Form = CallForm.From(call);
        }
        Funders = await Calls.FundersAsync(db, Scope.ClusterId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (input, errors) = Form.ToInput();
        var edit = input is null ? new CallEdit(CallEditOutcome.Invalid, Id, errors) : await Calls.SaveAsync(db, Scope.ClusterId, Id, input, ct);
        switch (edit.Outcome)
        {
            case CallEditOutcome.Saved: return Redirect($"/c/{Scope.Slug}/projects/calls/{edit.Id}");
            case CallEditOutcome.NotFound: return NotFound();
        }
        Errors = edit.Errors ?? [];
        Stale = edit.Outcome == CallEditOutcome.Stale;
        Response.StatusCode = Stale ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        Funders = await Calls.FundersAsync(db, Scope.ClusterId, ct);
        return Page();
    }
}
