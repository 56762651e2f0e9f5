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
    public Page<InvoiceRow> Invoices { get; private set; } = null!;
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public InvoiceStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? P { get; set; }
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

    /// <summary>Records a payment dated today (secretariat).</summary>
    public Task<IActionResult> OnPostPayAsync(int id, CancellationToken ct) =>
        SettleAsync(id, InvoiceStatus.Paid, MembersApi.Today(clock), ClusterPermission.EditMembers, ct);

    /// <summary>Writes an unpaid invoice off (managers).</summary>
    public Task<IActionResult> OnPostWriteOffAsync(int id, CancellationToken ct) =>
        SettleAsync(id, InvoiceStatus.WrittenOff, null, ClusterPermission.ManageDues, ct);

    private async Task<IActionResult> SettleAsync(int id, InvoiceStatus to, DateOnly? paidOn, ClusterPermission needed, CancellationToken ct)
    {
        if (!Scope.Can(needed)) return Forbid();
        var (found, problem) = await DuesLedger.SettleAsync(db, Scope.ClusterId, id, to, paidOn, ct);
        if (!found) return NotFound();
        Message = problem?.Detail;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Invoices = await InvoiceList.PageAsync(db, Scope.ClusterId, Year, Status, P, 25, ct);
        Lines = await DuesLedger.LinesAsync(db, Scope.ClusterId, null, ct);
        var lastTierYear = await db.DuesTiers.Where(t => t.ClusterId == Scope.ClusterId).MaxAsync(t => (int?)t.Year, ct);
        NextYear = lastTierYear ?? clock.GetUtcNow().Year;
    }
}
