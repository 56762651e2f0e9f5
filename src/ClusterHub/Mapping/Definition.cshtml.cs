using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Mapping;

/// <summary>A cluster definition: its codes and clusters, edited as <c>code,cluster</c> lines, or deleted.</summary>
[RequirePermission(MappingPermissions.Read)]
public sealed class DefinitionModel(ClusterDb db, TimeProvider clock, IStringLocalizer<Strings> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public int DefinitionId { get; set; }
    public DefinitionDetail Definition { get; private set; } = null!;
    public string? Error { get; private set; }
    public ClusterScope Scope => HttpContext.ClusterScope();
    public bool CanManage => Scope.Can(MappingPermissions.Manage);
    public string Codes => string.Join("\n", Definition.Entries.Select(e => $"{e.Industry},{e.Cluster}"));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await MappingWorkspace.DefinitionAsync(db, Scope.ClusterId, DefinitionId, ct) is not { } d) return NotFound();
        Definition = d;
        return Page();
    }

    [RequirePermission(MappingPermissions.Manage)]
    public async Task<IActionResult> OnPostAsync(string? name, string? codeSystem, string? codes, int? version, CancellationToken ct)
    {
        var save = await MappingWorkspace.SaveDefinitionAsync(db, Scope.ClusterId, DefinitionId, new DefinitionInput(name, codeSystem, MappingWorkspace.ParseEntries(codes, InputText.Blank(name)), version),
            User.Identity?.Name ?? "user", clock, ct);
        switch (save.Outcome)
        {
            case MappingSave.NotFound: return NotFound();
            case MappingSave.Saved: return Redirect($"/c/{Scope.Slug}/mapping/definitions/{DefinitionId}");
            case MappingSave.Conflict: Error = l["Mapping.Conflict"]; Response.StatusCode = StatusCodes.Status409Conflict; break;
            default: Error = string.Join("; ", save.Errors.Select(e => $"{e.Field} {e.Value}: {l[e.Reason]}")); Response.StatusCode = StatusCodes.Status422UnprocessableEntity; break;
        }
        Definition = (await MappingWorkspace.DefinitionAsync(db, Scope.ClusterId, DefinitionId, ct))!;
        return Page();
    }

    [RequirePermission(MappingPermissions.Manage)]
    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct) =>
        await MappingWorkspace.DeleteDefinitionAsync(db, Scope.ClusterId, DefinitionId, ct) ? Redirect($"/c/{Scope.Slug}/mapping") : NotFound();
}
