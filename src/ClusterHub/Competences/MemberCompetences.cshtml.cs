using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Competences;

/// <summary>One member's declarations, the form to declare (its representative or the secretariat), and its profile against an area's.</summary>
[RequirePermission(CompetencePermissions.ReadDeclarations)]
public sealed class MemberCompetencesModel(ClusterDb db, TimeProvider clock, IStringLocalizer<Strings> l) : PageModel
{
    public string MemberName { get; private set; } = "";
    public Page<DeclarationRow> Declared { get; private set; } = null!;
    public IReadOnlyList<CompetenceDto> Taxonomy { get; private set; } = [];
    public IReadOnlyList<AreaRow> Areas { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public int? P { get; set; }
    public MemberProfile? Profile { get; private set; }
    public List<string> Errors { get; private set; } = [];
    public string? Message { get; private set; }
    public ClusterScope Scope => HttpContext.ClusterScope();
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!Scope.CanFor(CompetencePermissions.ReadDeclarations, id)) return StatusCode(StatusCodes.Status403Forbidden);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    [RequirePermission(CompetencePermissions.EditDeclarations)]
    public async Task<IActionResult> OnPostDeclareAsync(int id, string? competence, int? level, string? certifications, string? references, DateOnly? declaredOn, CancellationToken ct)
    {
        if (!Scope.CanFor(CompetencePermissions.EditDeclarations, id)) return StatusCode(StatusCodes.Status403Forbidden);
        var result = await Declarations.DeclareAsync(db, Scope.ClusterId, id, new DeclarationInput(competence, level, certifications, references, declaredOn), clock.Today(), ct);
        if (result.Outcome == DeclareOutcome.NotFound) return NotFound();
        if (result.Outcome == DeclareOutcome.Invalid)
        {
            Errors = [.. result.Errors.Select(e => $"{l[$"Competences.Field.{e.Field}"]}: {e.Value} {l[e.Reason]}")];
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        else Message = l[result.Outcome == DeclareOutcome.Declared ? "Competences.DeclaredMessage" : "Competences.Stale"];
        await LoadAsync(id, ct);
        return Page();
    }

    [RequirePermission(CompetencePermissions.EditDeclarations)]
    public async Task<IActionResult> OnPostWithdrawAsync(int id, int competenceId, CancellationToken ct)
    {
        if (!Scope.CanFor(CompetencePermissions.EditDeclarations, id)) return StatusCode(StatusCodes.Status403Forbidden);
        if (await Declarations.WithdrawAsync(db, Scope.ClusterId, id, competenceId, ct)) Message = l["Competences.Withdrawn"];
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var name = await db.Members.AsNoTracking().Where(m => m.Id == id && m.ClusterId == Scope.ClusterId).Select(m => m.Name).SingleOrDefaultAsync(ct);
        if (name is null) return false;
        MemberName = name;
        CanEdit = Scope.CanFor(CompetencePermissions.EditDeclarations, id);
        Declared = await Declarations.PageAsync(db, Scope.ClusterId, new DeclarationFilter { MemberId = id, Page = P, PageSize = Paging.MaxSize }, ct);
        Taxonomy = await CompetenceTaxonomy.ListAsync(db, Scope.ClusterId, ct);
        Areas = (await AreaLists.LoadAsync(db, Scope.ClusterId, ct)).AreaRows;
        Area ??= Areas.Count > 0 ? Areas[0].Code : null;
        if (Area is not null) Profile = await CompetenceMap.ProfileAsync(db, Scope.ClusterId, id, Area, ct);
        return true;
    }
}
