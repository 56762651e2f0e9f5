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
/// A reviewer's expertise: a level (or none) for each competence of the taxonomy, their organisations' validated declarations and
/// their committees' areas beside it. A reviewer edits their own (the default); the secretariat picks any reviewer (<c>?user=</c>).
/// </summary>
[RequirePermission(ProjectPermissions.EditExpertise)]
public sealed class ExpertiseModel(ClusterDb db) : PageModel
{
    /// <summary>The reviewer's user id; empty: the signed-in user.</summary>
    [BindProperty(SupportsGet = true, Name = "user")] public string? ReviewerId { get; set; }
    [BindProperty(SupportsGet = true)] public bool Saved { get; set; }
    /// <summary>The form's levels by competence code ("" = none).</summary>
    [BindProperty] public Dictionary<string, string?> Levels { get; set; } = [];

    public ReviewerExpertiseDto? Reviewer { get; private set; }
    public List<(string Code, string Name, string Domain)> Taxonomy { get; private set; } = [];
    public List<(string UserId, string Email)> Reviewers { get; private set; } = [];
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    public ClusterScope Scope => HttpContext.ClusterScope();
    private string? Caller => User.FindFirstValue(ClaimTypes.NameIdentifier);
    private string Subject => string.IsNullOrEmpty(ReviewerId) ? Caller ?? "" : ReviewerId;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ExpertiseProfiles.MayEdit(Scope, Caller, Subject)) return Forbid();
        var input = Levels.Where(l => !string.IsNullOrWhiteSpace(l.Value)).OrderBy(l => l.Key, StringComparer.Ordinal)
            .Select(l => new ExpertiseInput(l.Key, int.TryParse(l.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0)).ToList();
        var (outcome, errors) = await ExpertiseProfiles.SetAsync(db, Scope.ClusterId, Subject, input, ct);
        if (outcome == ExpertiseOutcome.NotFound) return NotFound();
        if (outcome == ExpertiseOutcome.Saved)
            return Redirect($"/c/{Scope.Slug}/projects/committees/expertise?user={Uri.EscapeDataString(Subject)}&saved=true");
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await LoadAsync(ct);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        if (!ExpertiseProfiles.MayEdit(Scope, Caller, Subject)) return Forbid();
        if (Scope.Can(ProjectPermissions.ManageExpertise))
            Reviewers = [.. (await db.Users.AsNoTracking().Where(u => ExpertiseProfiles.Reviewers(db, Scope.ClusterId).Contains(u.Id)).OrderBy(u => u.Email)
                .Select(u => new { u.Id, Email = u.Email ?? u.Id }).ToListAsync(ct)).Select(u => (u.Id, u.Email))];
        Reviewer = await ExpertiseProfiles.FindAsync(db, Scope.ClusterId, Subject, ct);
        // A secretary who is no reviewer lands on the list of reviewers to choose from.
        if (Reviewer is null && !(string.IsNullOrEmpty(ReviewerId) && Scope.Can(ProjectPermissions.ManageExpertise))) return NotFound();
        Taxonomy = [.. (await db.Competences.AsNoTracking().Where(c => c.ClusterId == Scope.ClusterId).OrderBy(c => c.Domain).ThenBy(c => c.Order).ThenBy(c => c.Code)
            .Select(c => new { c.Code, c.Name, c.Domain }).ToListAsync(ct)).Select(c => (c.Code, c.Name, c.Domain))];
        return Page();
    }

    /// <summary>The level the form shows for a competence: what was posted, else what is stored.</summary>
    public string? LevelOf(string code) =>
        Errors.Count > 0 ? Levels.GetValueOrDefault(code) : Reviewer?.Declared.FirstOrDefault(d => d.Code == code)?.Level.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
