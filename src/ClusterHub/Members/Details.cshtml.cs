using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ClusterHub.Members;

[RequirePermission(MemberPermissions.ReadProfile)]
public sealed class DetailsModel(ClusterDb db) : PageModel
{
    private const string NamesakeId = "Members.NamesakeId", NamesakeName = "Members.NamesakeName";

    public MemberDetails Details { get; private set; } = null!;
    public ClusterScope Scope => HttpContext.ClusterScope();

    /// <summary>Another member with the same name, when this one was just added (see <see cref="MemberValidation.WarningsAsync"/>).</summary>
    public (int Id, string Name)? Namesake { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var details = await MemberDetailsQuery.FindAsync(db, Scope.ClusterId, id, ct);
        if (details is null) return NotFound();
        if (!Scope.CanFor(MemberPermissions.ReadProfile, id)) return StatusCode(StatusCodes.Status403Forbidden);
        Details = details;
        if (TempData[NamesakeId] is int namesakeId && TempData[NamesakeName] is string name) Namesake = (namesakeId, name);
        return Page();
    }

    /// <summary>Carries a warning across the redirect after a save, to be shown once.</summary>
    public static void RememberNamesake(ITempDataDictionary tempData, MemberWarning warning)
    {
        tempData[NamesakeId] = warning.MemberId;
        tempData[NamesakeName] = warning.MemberName;
    }
}
