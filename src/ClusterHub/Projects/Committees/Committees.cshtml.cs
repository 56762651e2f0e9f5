using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Projects;

[RequirePermission(ProjectPermissions.ReadCommittees)]
public sealed class CommitteesModel(ClusterDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? P { get; set; }
    public Page<CommitteeRow> Result { get; private set; } = null!;
    public List<(int Id, string Name)> Areas { get; private set; } = [];
    public IReadOnlyList<Members.FieldError> Errors { get; private set; } = [];
    public ClusterScope Scope => HttpContext.ClusterScope();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [RequirePermission(ProjectPermissions.ManageCommittees)]
    public async Task<IActionResult> OnPostCreateAsync(string? name, int? strategicAreaId, CancellationToken ct)
    {
        var committee = new Committee { ClusterId = Scope.ClusterId, Name = "" };
        var errors = await Committees.ApplyAsync(db, Scope.ClusterId, new CommitteeInput(name, strategicAreaId), committee, ct);
        if (errors.Count == 0)
        {
            db.Committees.Add(committee);
            await db.SaveChangesAsync(ct);
            return Redirect($"/c/{Scope.Slug}/projects/committees/{committee.Id}");
        }
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Result = await Committees.Rows(db, Scope.ClusterId).PageAsync(P, null, ct);
        Areas = [.. (await db.StrategicAreas.AsNoTracking().Where(a => a.ClusterId == Scope.ClusterId).OrderBy(a => a.Order).ThenBy(a => a.Code)
            .Select(a => new { a.Id, Name = a.Code + " " + a.Name }).ToListAsync(ct)).Select(a => (a.Id, a.Name))];
    }

    public string PageUrl(int page) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/c/{Scope.Slug}/projects/committees?p={page}");
}
