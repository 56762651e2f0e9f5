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

[RequirePermission(DuesPermissions.ReadLedger)]
public sealed class DuesModel(ClusterDb db, TimeProvider clock, IStringLocalizer<Strings> l) : PageModel
{
    public IReadOnlyList<LedgerLine> Lines { get; private set; } = [];
    public Page<InvoiceRow>? Invoices { get; private set; }
    /// <summary>The invoice list's year: <see cref="DefaultYear"/> when the request does not say, all years when it says <c>year=</c>.</summary>
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public InvoiceStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? P { get; set; }

    /// <summary>
    /// The one year the page opens on, for the tier table, the renewal and the invoice list alike:
    /// the latest year with tiers (tiers are set for the year about to be invoiced), else this year.
    /// </summary>
    public int DefaultYear { get; private set; }

    /// <summary>The year whose tier table is shown and edited (<c>?tierYear=</c>, default <see cref="DefaultYear"/>).</summary>
    [BindProperty(SupportsGet = true)] public int? TierYear { get; set; }
    public Dictionary<(MemberType, SizeClass), long> Tiers { get; private set; } = [];
    public List<string> TierErrors { get; private set; } = [];
    public string? Message { get; private set; }
    public ClusterScope Scope => HttpContext.ClusterScope();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The ledger as a download, <c>?format=csv</c> or <c>xlsx</c>, written as the API writes it.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (Export.ParseFormat(format) is not { } fmt) return BadRequest();
        var lines = await DuesLedger.LinesAsync(db, Scope.ClusterId, null, ct);
        await Export.SendAsync(Response, DuesLedger.DownloadStem(Scope.Slug), DuesLedger.Table, lines.ToAsyncEnumerable(), fmt, ct);
        return new EmptyResult();
    }

    /// <summary>The one-action renewal of every active member for a year.</summary>
    [RequirePermission(DuesPermissions.Manage)]
    public async Task<IActionResult> OnPostRenewAsync(int year, CancellationToken ct)
    {
        if (Years.Validate(year) is { } invalid)
        {
            Message = $"{l["Dues.Year"]}: {invalid.Value} {l[invalid.Reason]}";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(ct);
            return Page();
        }
        var result = await DuesLedger.RenewAsync(db, Scope.ClusterId, year, clock.Today(), ct);
        Message = string.Format(CultureInfo.CurrentCulture, l["Dues.Renewed"].Value, result.Year, Format.Number(result.Renewed), Format.Number(result.AlreadyRenewed))
            + (result.MissingTiers.Count > 0 ? " " + l["Dues.MissingTiers"].Value + " " + string.Join(", ", result.MissingTiers.Select(TierName)) : "");
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>A missing tier as the ledger names it (<c>Sme/Small</c>), in the reader's words.</summary>
    private string TierName(string tier) =>
        tier.Split('/') is [var type, var size] && Enum.TryParse<MemberType>(type, out var t) && Enum.TryParse<SizeClass>(size, out var z)
            ? $"{l[$"MemberType.{t}"]} / {l[$"SizeClass.{z}"]}"
            : tier;

    /// <summary>
    /// Saves the tier grid of one year: one amount per member type and size class, blank for
    /// none ("any size" is the catch-all of a type). All or nothing, like the API.
    /// </summary>
    [RequirePermission(DuesPermissions.Manage)]
    public async Task<IActionResult> OnPostTiersAsync(int tierYear, CancellationToken ct)
    {
        var tiers = new List<TierDto>();
        foreach (var type in Enum.GetValues<MemberType>())
            foreach (var size in Enum.GetValues<SizeClass>())
            {
                var text = Request.Form[$"tier-{type}-{size}"].ToString().Trim();
                if (text.Length == 0) continue;
                if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.CurrentCulture, out var euros)) tiers.Add(new(type, size, euros));
                else TierErrors.Add($"{l[$"MemberType.{type}"]} / {l[$"SizeClass.{size}"]}: '{text}'");
            }
        TierErrors.AddRange(DuesTiers.Validate(tierYear, tiers).Select(e => $"{e.Field}: {e.Value} {l[e.Reason]}"));
        TierYear = tierYear;
        if (TierErrors.Count == 0)
        {
            await DuesTiers.ReplaceAsync(db, Scope.ClusterId, tierYear, tiers, ct);
            Message = string.Format(CultureInfo.CurrentCulture, l["Dues.TiersSaved"].Value, tierYear, Format.Number(tiers.Count));
        }
        else Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Records a payment dated today (secretariat).</summary>
    [RequirePermission(DuesPermissions.RecordPayments)]
    public Task<IActionResult> OnPostPayAsync(int id, CancellationToken ct) => SettleAsync(id, InvoiceStatus.Paid, clock.Today(), ct);

    /// <summary>Writes an unpaid invoice off (managers).</summary>
    [RequirePermission(DuesPermissions.Manage)]
    public Task<IActionResult> OnPostWriteOffAsync(int id, CancellationToken ct) => SettleAsync(id, InvoiceStatus.WrittenOff, null, ct);

    private async Task<IActionResult> SettleAsync(int id, InvoiceStatus to, DateOnly? paidOn, CancellationToken ct)
    {
        var outcome = await DuesLedger.SettleAsync(db, Scope.ClusterId, id, to, paidOn, clock.Today(), ct);
        if (outcome == SettleOutcome.NotFound) return NotFound();
        if (outcome != SettleOutcome.Settled)
        {
            Message = l[SettleMessages.Key(outcome)];
            Response.StatusCode = outcome == SettleOutcome.AlreadySettled ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var lastTierYear = await db.DuesTiers.Where(t => t.ClusterId == Scope.ClusterId).MaxAsync(t => (int?)t.Year, ct);
        DefaultYear = lastTierYear ?? clock.GetUtcNow().Year;
        TierYear ??= DefaultYear;
        // A year in the request, even a blank one (all years), is the reader's choice; without one, the page's year.
        var yearGiven = Request.Query.ContainsKey("year") || (Request.HasFormContentType && Request.Form.ContainsKey("year"));
        if (!yearGiven) Year = DefaultYear;
        // Observers see the totals, not who owes what: the same rule as the API's invoice list.
        Invoices = Scope.Can(DuesPermissions.ReadInvoices) ? await InvoiceList.PageAsync(db, Scope.ClusterId, Year, Status, P, 25, ct) : null;
        Lines = await DuesLedger.LinesAsync(db, Scope.ClusterId, null, ct);
        var year = TierYear.Value;
        if (!Scope.Can(DuesPermissions.ReadTiers)) return;
        Tiers = await db.DuesTiers.AsNoTracking().Where(t => t.ClusterId == Scope.ClusterId && t.Year == year)
            .ToDictionaryAsync(t => (t.MemberType, t.SizeClass), t => t.AmountCents, ct);
    }
}
