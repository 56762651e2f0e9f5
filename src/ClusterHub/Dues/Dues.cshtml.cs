using System.Globalization;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Exchange;
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

    /// <summary>The year whose tier table is shown and edited (<c>?tierYear=</c>, default the latest).</summary>
    [BindProperty(SupportsGet = true)] public int? TierYear { get; set; }
    public Dictionary<(MemberType, SizeClass), long> Tiers { get; private set; } = [];
    public List<string> TierErrors { get; private set; } = [];
    public string? Message { get; private set; }
    public ClusterScope Scope => HttpContext.ClusterScope();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Scope.Can(ClusterPermission.ReadDashboard)) return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The ledger as a download, <c>?format=csv</c> or <c>xlsx</c>, written as the API writes it.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (!Scope.Can(ClusterPermission.ReadDashboard)) return Forbid();
        if (Export.ParseFormat(format) is not { } fmt) return BadRequest();
        var lines = await DuesLedger.LinesAsync(db, Scope.ClusterId, null, ct);
        await Export.SendAsync(Response, DuesLedger.DownloadStem(Scope.Slug), DuesLedger.Table, lines.ToAsyncEnumerable(), fmt, ct);
        return new EmptyResult();
    }

    /// <summary>The one-action renewal of every active member for a year.</summary>
    public async Task<IActionResult> OnPostRenewAsync(int year, CancellationToken ct)
    {
        if (!Scope.Can(ClusterPermission.ManageDues)) return Forbid();
        var result = await DuesLedger.RenewAsync(db, Scope.ClusterId, year, clock.Today(), ct);
        Message = string.Format(CultureInfo.CurrentCulture, l["Dues.Renewed"].Value, result.Year, result.Renewed, result.AlreadyRenewed)
            + (result.MissingTiers.Count > 0 ? " " + l["Dues.MissingTiers"].Value + " " + string.Join(", ", result.MissingTiers) : "");
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>
    /// Saves the tier grid of one year: one amount per member type and size class, blank for
    /// none ("any size" is the catch-all of a type). All or nothing, like the API.
    /// </summary>
    public async Task<IActionResult> OnPostTiersAsync(int tierYear, CancellationToken ct)
    {
        if (!Scope.Can(ClusterPermission.ManageDues)) return Forbid();
        var tiers = new List<TierDto>();
        foreach (var type in Enum.GetValues<MemberType>())
            foreach (var size in Enum.GetValues<SizeClass>())
            {
                var text = Request.Form[$"tier-{type}-{size}"].ToString().Trim();
                if (text.Length == 0) continue;
                if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.CurrentCulture, out var euros) && euros >= 0) tiers.Add(new(type, size, euros));
                else TierErrors.Add($"{l[$"MemberType.{type}"]} / {l[$"SizeClass.{size}"]}: '{text}'");
            }
        if (tierYear is < 1900 or > 2200) TierErrors.Add(l["Dues.Year"] + ": " + tierYear.ToString(CultureInfo.CurrentCulture));
        TierYear = tierYear;
        if (TierErrors.Count == 0)
        {
            await DuesTiers.ReplaceAsync(db, Scope.ClusterId, tierYear, tiers, ct);
            Message = string.Format(CultureInfo.CurrentCulture, l["Dues.TiersSaved"].Value, tierYear, tiers.Count);
        }
        else Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Records a payment dated today (secretariat).</summary>
    public Task<IActionResult> OnPostPayAsync(int id, CancellationToken ct) =>
        SettleAsync(id, InvoiceStatus.Paid, clock.Today(), ClusterPermission.EditMembers, ct);

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
        TierYear ??= NextYear;
        var year = TierYear.Value;
        Tiers = await db.DuesTiers.AsNoTracking().Where(t => t.ClusterId == Scope.ClusterId && t.Year == year)
            .ToDictionaryAsync(t => (t.MemberType, t.SizeClass), t => t.AmountCents, ct);
    }
}
