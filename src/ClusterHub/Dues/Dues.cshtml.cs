using System.Globalization;
using System.Text;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Dues;

public sealed class DuesModel(ClusterDb db, TimeProvider clock, IStringLocalizer<Strings> l) : PageModel
{
    public IReadOnlyList<LedgerLine> Lines { get; private set; } = [];
    public int NextYear { get; private set; }
    public string? Message { get; private set; }
    public ClusterScope Scope => HttpContext.ClusterScope();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Scope.Can(ClusterPermission.ReadDashboard)) return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!Scope.Can(ClusterPermission.ReadDashboard)) return Forbid();
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        await DuesLedger.WriteCsvAsync(await DuesLedger.LinesAsync(db, Scope.ClusterId, null, ct), writer);
        return File(Encoding.UTF8.GetBytes(writer.ToString()), "text/csv", $"{Scope.Slug}-dues-ledger.csv");
    }

    /// <summary>The one-action renewal of every active member for a year.</summary>
    public async Task<IActionResult> OnPostRenewAsync(int year, CancellationToken ct)
    {
        if (!Scope.Can(ClusterPermission.ManageDues)) return Forbid();
        var result = await DuesLedger.RenewAsync(db, Scope.ClusterId, year, MembersApi.Today(clock), ct);
        Message = string.Format(CultureInfo.CurrentCulture, l["Dues.Renewed"].Value, result.Year, result.Renewed, result.AlreadyRenewed)
            + (result.MissingTiers.Count > 0 ? " " + l["Dues.MissingTiers"].Value + " " + string.Join(", ", result.MissingTiers) : "");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Lines = await DuesLedger.LinesAsync(db, Scope.ClusterId, null, ct);
        var lastTierYear = await db.DuesTiers.Where(t => t.ClusterId == Scope.ClusterId).MaxAsync(t => (int?)t.Year, ct);
        NextYear = lastTierYear ?? clock.GetUtcNow().Year;
    }
}
