using System.Globalization;
using System.Security.Claims;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Projects;

/// <summary>
/// The proposal form as posted. The consortium comes as parallel lists, one entry per table row, so that a row added in the
/// browser needs no index of its own; a row left blank is not a partner.
/// </summary>
public sealed class ProposalForm
{
    public string? Title { get; set; }
    public string? Acronym { get; set; }
    public string? Summary { get; set; }
    public int? CallId { get; set; }
    public int? StrategicAreaId { get; set; }
    public int? ActivityDomainId { get; set; }
    public string? DurationMonths { get; set; } = "36";
    public string? TrlStart { get; set; } = "3";
    public string? TrlTarget { get; set; } = "6";
    public string? ExpectedOutcomes { get; set; }

    /// <summary>The codes of the competences the proposal needs (what the reviewers' expertise is matched against).</summary>
    public List<string> Competences { get; set; } = [];
    public List<string?> PartnerMember { get; set; } = [];
    public List<string?> PartnerName { get; set; } = [];
    public List<string?> PartnerCategory { get; set; } = [];
    public List<string?> PartnerRole { get; set; } = [];
    public List<string?> PartnerBudget { get; set; } = [];
    public List<string?> PartnerRequested { get; set; } = [];

    /// <summary>The rows of the consortium as typed (blank ones dropped), for showing the form again.</summary>
    public List<(string? Member, string? Name, string? Category, string? Role, string? Budget, string? Requested)> Rows()
    {
        static string? At(List<string?> xs, int i) => i < xs.Count ? xs[i] : null;
        var n = new[] { PartnerMember.Count, PartnerName.Count, PartnerCategory.Count, PartnerRole.Count, PartnerBudget.Count, PartnerRequested.Count }.Max();
        return [.. Enumerable.Range(0, n)
            .Select(i => (At(PartnerMember, i), At(PartnerName, i), At(PartnerCategory, i), At(PartnerRole, i), At(PartnerBudget, i), At(PartnerRequested, i)))
            .Where(r => !string.IsNullOrWhiteSpace(r.Item1) || !string.IsNullOrWhiteSpace(r.Item2) || !string.IsNullOrWhiteSpace(r.Item5) || !string.IsNullOrWhiteSpace(r.Item6))];
    }

    /// <summary>
    /// The typed text as a <see cref="ProposalInput"/>, or the fields that are not numbers or choices (named as the API names them,
    /// so one error list serves both); the input's own rules are <see cref="ProposalValidation"/>'s.
    /// </summary>
    public (ProposalInput? Input, List<FieldError> Errors) ToInput()
    {
        var text = new FormText();
        var partners = new List<PartnerInput>();
        var rows = Rows();
        for (var i = 0; i < rows.Count; i++)
        {
            var (member, name, category, role, budget, requested) = rows[i];
            var at = $"partners[{i}]";
            var memberId = text.OptionalWhole(at + ".memberId", member);
            partners.Add(new(memberId, memberId is null ? name : null, text.Choice<PartnerCategory>(at + ".category", category),
                text.Choice<PartnerRole>(at + ".role", role) ?? Projects.PartnerRole.Partner, text.Euros(at + ".budgetEur", budget), text.Euros(at + ".requestedEur", requested)));
        }
        var input = new ProposalInput(Title, Acronym, Summary, CallId, StrategicAreaId, ActivityDomainId,
            text.Whole("durationMonths", DurationMonths), text.Whole("trlStart", TrlStart), text.Whole("trlTarget", TrlTarget), ExpectedOutcomes, partners, Competences);
        return text.Errors.Count > 0 ? (null, text.Errors) : (input, text.Errors);
    }

    public static ProposalForm From(Proposal p, IEnumerable<string> competences)
    {
        var inv = CultureInfo.InvariantCulture;
        var partners = p.Partners.OrderBy(x => x.Role).ThenBy(x => x.Name).ToList();
        return new()
        {
            Title = p.Title, Acronym = p.Acronym, Summary = p.Summary, CallId = p.CallId, StrategicAreaId = p.StrategicAreaId, ActivityDomainId = p.ActivityDomainId,
            DurationMonths = p.DurationMonths.ToString(inv), TrlStart = p.TrlStart.ToString(inv), TrlTarget = p.TrlTarget.ToString(inv), ExpectedOutcomes = p.ExpectedOutcomes,
            Competences = [.. competences],
            PartnerMember = [.. partners.Select(x => x.MemberId?.ToString(inv))],
            PartnerName = [.. partners.Select(x => x.MemberId is null ? x.Name : null)],
            PartnerCategory = [.. partners.Select(x => x.MemberId is null ? x.Category.ToString() : null)],
            PartnerRole = [.. partners.Select(x => x.Role.ToString())],
            PartnerBudget = [.. partners.Select(x => Dues.Money.Euros(x.BudgetCents).ToString("0.##", inv))],
            PartnerRequested = [.. partners.Select(x => Dues.Money.Euros(x.RequestedCents).ToString("0.##", inv))],
        };
    }
}

/// <summary>
/// Creating a draft and editing a draft or returned proposal in the browser, through <see cref="ProposalEdits"/> as the API does.
/// A member representative's form names its own organisation as coordinator.
/// </summary>
[RequirePermission(ProjectPermissions.Edit)]
public sealed class ProposalEditModel(ClusterDb db, TimeProvider clock) : PageModel
{
    /// <summary>Blank consortium rows offered under the filled ones (more are added in the browser).</summary>
    public const int BlankRows = 2;

    [FromRoute] public int? Id { get; set; }
    [BindProperty] public ProposalForm Form { get; set; } = new();
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    public ProposalEditOutcome? Refused { get; private set; }
    public List<CallRow> CallChoices { get; private set; } = [];
    public List<(int Id, string Name)> Areas { get; private set; } = [];
    public List<(int Id, string Name)> Domains { get; private set; } = [];
    public List<(int Id, string Name)> MemberChoices { get; private set; } = [];
    public List<(string Code, string Name)> CompetenceChoices { get; private set; } = [];
    public ClusterScope Scope => HttpContext.ClusterScope();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            if (await ProposalEdits.LoadAsync(db, Scope, UserId, id, ct) is not { } proposal) return NotFound();
            if (!ProposalQueries.CanEdit(Scope, proposal.CoordinatorMemberId)) return StatusCode(StatusCodes.Status403Forbidden);
            if (!ProposalWorkflow.IsEditable(proposal.State)) return Redirect($"/c/{Scope.Slug}/projects/{id}");
            Form = ProposalForm.From(proposal, await db.ProposalCompetences.AsNoTracking().Where(x => x.ProposalId == id).Select(x => x.Competence!.Code).ToListAsync(ct));
        }
        else if (Scope.RepresentedMemberId is { } own && !Scope.Can(ProjectPermissions.Decide))
        {
            Form.PartnerMember = [own.ToString(CultureInfo.InvariantCulture)];
            Form.PartnerRole = [nameof(PartnerRole.Coordinator)];
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (input, errors) = Form.ToInput();
        ProposalEdit edit = input is null ? new(ProposalEditOutcome.Invalid, Id, errors)
            : Id is { } id ? await ProposalEdits.UpdateAsync(db, Scope, UserId, id, input, ct)
            : await ProposalEdits.CreateAsync(db, Scope, input, User.Identity?.Name ?? "user", clock.GetUtcNow().UtcDateTime, ct);
        switch (edit.Outcome)
        {
            case ProposalEditOutcome.Saved: return Redirect($"/c/{Scope.Slug}/projects/{edit.Id}");
            case ProposalEditOutcome.NotFound: return NotFound();
        }
        Errors = edit.FieldErrors;
        Refused = edit.Outcome == ProposalEditOutcome.Invalid ? null : edit.Outcome;
        Response.StatusCode = edit.Outcome switch
        {
            ProposalEditOutcome.Invalid => StatusCodes.Status422UnprocessableEntity,
            ProposalEditOutcome.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status409Conflict,
        };
        await LoadChoicesAsync(ct);
        return Page();
    }

    private string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>
    /// The calls still taking proposals (and the one already chosen), the strategy lists, and the members a consortium can name:
    /// the active ones and those already in it.
    /// </summary>
    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var chosen = Form.CallId;
        CallChoices = [.. (await Calls.PageAsync(db, Scope.ClusterId, null, null, 1, Paging.MaxSize, ct)).Items.Where(c => c.State == CallState.Open || c.Id == chosen)];
        Areas = [.. (await db.StrategicAreas.AsNoTracking().Where(a => a.ClusterId == Scope.ClusterId).OrderBy(a => a.Order).Select(a => new { a.Id, a.Code, a.Name }).ToListAsync(ct))
            .Select(a => (a.Id, $"{a.Code} · {a.Name}"))];
        Domains = [.. (await db.ActivityDomains.AsNoTracking().Where(a => a.ClusterId == Scope.ClusterId).OrderBy(a => a.Order).Select(a => new { a.Id, a.Code, a.Name }).ToListAsync(ct))
            .Select(a => (a.Id, $"{a.Code} · {a.Name}"))];
        CompetenceChoices = [.. (await db.Competences.AsNoTracking().Where(c => c.ClusterId == Scope.ClusterId).OrderBy(c => c.Order).ThenBy(c => c.Code)
            .Select(c => new { c.Code, c.Name }).ToListAsync(ct)).Select(c => (c.Code, $"{c.Code} · {c.Name}"))];
        var inConsortium = Form.PartnerMember.Select(m => int.TryParse(m, CultureInfo.InvariantCulture, out var v) ? v : 0).Where(v => v > 0).ToList();
        MemberChoices = [.. (await db.Members.AsNoTracking().Where(m => m.ClusterId == Scope.ClusterId && (m.Status == MemberStatus.Active || inConsortium.Contains(m.Id)))
            .OrderBy(m => m.Name).Select(m => new { m.Id, m.Name, m.City }).ToListAsync(ct)).Select(m => (m.Id, m.City is null ? m.Name : $"{m.Name} ({m.City})"))];
    }
}
