using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ClusterHub.Outbox;

/// <summary>The cluster's outbox for its managers: what was sent, what waits, what failed and why.</summary>
[RequirePermission(OutboxPermissions.Read)]
public sealed class ClusterOutboxModel(ClusterDb db, TimeProvider clock, IOptions<SmtpSettings> smtp) : PageModel
{
    public OutboxView View { get; private set; } = null!;
    private ClusterScope Scope => HttpContext.ClusterScope();

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct) =>
        await OutboxPages.ShowAsync(this, db, Scope.ClusterId, id, $"/c/{Scope.Slug}/outbox", Scope.Can(OutboxPermissions.Retry), false, smtp.Value, null, v => View = v, ct);

    [RequirePermission(OutboxPermissions.Retry)]
    public async Task<IActionResult> OnPostRetryAsync(int id, CancellationToken ct) =>
        await OutboxPages.RetryAsync(this, db, Scope.ClusterId, id, $"/c/{Scope.Slug}/outbox", true, false, smtp.Value, clock, v => View = v, ct);
}

/// <summary>Every message on the platform, for the platform administrator.</summary>
[PlatformAdministrator]
public sealed class AllOutboxModel(ClusterDb db, TimeProvider clock, IOptions<SmtpSettings> smtp) : PageModel
{
    public OutboxView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct) =>
        await OutboxPages.ShowAsync(this, db, null, id, "/outbox", true, true, smtp.Value, null, v => View = v, ct);

    public async Task<IActionResult> OnPostRetryAsync(int id, CancellationToken ct) =>
        await OutboxPages.RetryAsync(this, db, null, id, "/outbox", true, true, smtp.Value, clock, v => View = v, ct);
}

/// <summary>What the two outbox pages share: the list or the message, and "retry now".</summary>
internal static class OutboxPages
{
    public static async Task<IActionResult> ShowAsync(PageModel page, ClusterDb db, int? clusterId, int? id, string basePath, bool canRetry, bool showCluster,
        SmtpSettings smtp, string? notice, Action<OutboxView> show, CancellationToken ct)
    {
        var state = page.Request.Query.TryGetValue("state", out var s) && Enum.TryParse<MessageState>(s, out var parsed) ? parsed : (MessageState?)null;
        if (id is { } messageId)
        {
            var message = await OutboxList.FindAsync(db, clusterId, messageId, ct);
            if (message is null) return page.NotFound();
            show(new OutboxView(basePath, state, null, message, canRetry, showCluster, smtp.IsConfigured, notice));
            return page.Page();
        }
        var number = int.TryParse(page.Request.Query["page"], out var n) ? n : (int?)null;
        show(new OutboxView(basePath, state, await OutboxList.PageAsync(db, clusterId, state, number, Paging.DefaultSize, ct), null, canRetry, showCluster, smtp.IsConfigured, notice));
        return page.Page();
    }

    public static async Task<IActionResult> RetryAsync(PageModel page, ClusterDb db, int? clusterId, int id, string basePath, bool canRetry, bool showCluster,
        SmtpSettings smtp, TimeProvider clock, Action<OutboxView> show, CancellationToken ct)
    {
        var outcome = await OutboxList.RetryAsync(db, clusterId, id, clock.GetUtcNow().UtcDateTime, ct);
        if (outcome == RetryOutcome.NotFound) return page.NotFound();
        if (outcome == RetryOutcome.NotFailed) page.Response.StatusCode = StatusCodes.Status409Conflict;
        return await ShowAsync(page, db, clusterId, id, basePath, canRetry, showCluster, smtp,
            outcome == RetryOutcome.Retried ? "Outbox.Retried" : "Outbox.NotFailed", show, ct);
    }
}
