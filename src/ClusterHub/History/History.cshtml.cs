using System.Globalization;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.History;

/// <summary>The whole cluster's change history, newest first, by kind of record and date.</summary>
[RequirePermission(HistoryFeature.Read)]
public sealed class HistoryModel(ClusterDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public HistoryFilter Filter { get; set; } = new();
    public Page<ChangeRow> Changes { get; private set; } = null!;
    public IReadOnlyList<string> Subjects { get; private set; } = [];
    public ClusterScope Scope => HttpContext.ClusterScope();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Changes = await HistoryQuery.PageAsync(db, Scope.ClusterId, Filter with { PageSize = 50 }, ct);
        Subjects = await db.ChangeRecords.AsNoTracking().Where(r => r.ClusterId == Scope.ClusterId).Select(r => r.Subject).Distinct().OrderBy(s => s).ToListAsync(ct);
    }

    public string PageLink(int page) => QueryHelpers.AddQueryString($"/c/{Scope.Slug}/history", new Dictionary<string, string?>
    {
        ["subject"] = Filter.Subject, ["since"] = Filter.Since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["page"] = page.ToString(CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value)));
}
