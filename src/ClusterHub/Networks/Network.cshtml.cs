using System.Globalization;
using System.Text;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Jobs;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Networks;

/// <summary>
/// One network of the workspace: its jobs (started here, followed live, cancelled), a result's table paged on the
/// server with a node search and its downloads, and the picture drawn from the stored layout.
/// </summary>
[RequirePermission(NetworkPermissions.Read)]
public sealed class NetworkModel(ClusterDb db, JobQueue queue, IStringLocalizer<Strings> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public int NetworkId { get; set; }
    /// <summary>The job whose result the table shows (default: the latest metrics result).</summary>
    [BindProperty(SupportsGet = true)] public int? Job { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public int? P { get; set; }
    public NetworkRow Network { get; private set; } = null!;
    public Page<JobRow> Jobs { get; private set; } = null!;
    public ResultPage? Result { get; private set; }
    public bool HasLayout { get; private set; }
    public bool HasCommunities { get; private set; }
    public string? Message { get; private set; }
    public ClusterScope Scope => HttpContext.ClusterScope();
    public bool CanRun => Scope.Can(NetworkPermissions.Run);
    public string Self => string.Create(CultureInfo.InvariantCulture, $"/c/{Scope.Slug}/networks/{NetworkId}");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await NetworkWorkspace.FindAsync(db, Scope.ClusterId, NetworkId, ct) is not { } network) return false;
        Network = network;
        Jobs = await NetworkWorkspace.JobsAsync(db, Scope.ClusterId, NetworkId, 1, 50, ct);
        var done = Jobs.Items.Where(j => j.HasResult).ToList();
        HasLayout = done.Any(j => j.Parameters?.Kind == NetworkJobKind.Layout);
        HasCommunities = done.Any(j => j.Parameters?.Kind == NetworkJobKind.Communities);
        var shown = Job ?? done.FirstOrDefault(j => j.Parameters?.Kind == NetworkJobKind.Metrics)?.Id ?? done.FirstOrDefault(j => j.Parameters?.Kind != NetworkJobKind.Layout)?.Id;
        if (shown is { } id && done.Any(j => j.Id == id))
        {
            var (_, result) = await NetworkWorkspace.ResultAsync(db, Scope.ClusterId, id, Search, P, null, ct);
            Result = result;
        }
        return true;
    }

    /// <summary>The network's jobs as JSON, for the page's script to follow their progress.</summary>
    public async Task<IActionResult> OnGetJobsAsync(CancellationToken ct) =>
        await NetworkWorkspace.FindAsync(db, Scope.ClusterId, NetworkId, ct) is null ? NotFound()
            : new JsonResult((await NetworkWorkspace.JobsAsync(db, Scope.ClusterId, NetworkId, 1, 50, ct)).Items.Select(j => new { j.Id, State = j.State.ToString(), j.Progress, j.Step }));

    /// <summary>The stored layout to draw, as the API serves it.</summary>
    public async Task<IActionResult> OnGetLayoutAsync(bool? summary, int? community, int? edges, CancellationToken ct)
    {
        var (outcome, view) = await NetworkWorkspace.LayoutAsync(db, Scope.ClusterId, NetworkId, summary ?? false, community, edges, ct);
        return outcome switch
        {
            ResultOutcome.Found => new JsonResult(view),
            ResultOutcome.NotFound => NotFound(),
            _ => StatusCode(StatusCodes.Status409Conflict),
        };
    }

    /// <summary>A result as a file (csv, gexf, graphml), written as the API writes it.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(int job, string? format, CancellationToken ct)
    {
        if (NetworkWorkspace.ParseDownload(format) is not { } fmt) return BadRequest();
        var row = await NetworkWorkspace.JobAsync(db, Scope.ClusterId, job, ct);
        if (row is null || row.NetworkId != NetworkId || !row.HasResult) return NotFound();
        Response.ContentType = fmt == NetworkWorkspace.DownloadFormat.Csv ? "text/csv; charset=utf-8" : "application/xml; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{NetworkWorkspace.DownloadName(job, row.Parameters?.Kind.ToString() ?? "result", fmt)}\"";
        await using var buffer = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
            await NetworkWorkspace.WriteResultAsync(db, Scope.ClusterId, job, fmt, writer, ct);
        buffer.Position = 0;
        Response.ContentLength = buffer.Length;
        await buffer.CopyToAsync(Response.Body, ct);
        return new EmptyResult();
    }

    [RequirePermission(NetworkPermissions.Run)]
    public async Task<IActionResult> OnPostStartAsync(NetworkJobKind kind, int? pivots, int? seed, CommunityMethod? method, double? resolution, int? iterations, CancellationToken ct)
    {
        var start = await NetworkWorkspace.StartJobAsync(db, queue, Scope.ClusterId, NetworkId, new NetworkJobRequest(kind, pivots, seed, method, resolution, iterations), User.Identity?.Name ?? "user", ct);
        switch (start.Outcome)
        {
            case JobStartOutcome.NetworkNotFound: return NotFound();
            case JobStartOutcome.Queued: return Redirect(Self);
            case JobStartOutcome.LimitReached: Message = string.Format(CultureInfo.CurrentCulture, l["Networks.LimitReached"].Value, start.Limit); break;
            default: Message = string.Join("; ", start.Errors.Select(e => $"{e.Field} {e.Value}: {l[e.Reason]}")); break;
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(ct);
        return Page();
    }

    [RequirePermission(NetworkPermissions.Run)]
    public async Task<IActionResult> OnPostCancelAsync(int job, CancellationToken ct)
    {
        var outcome = await NetworkWorkspace.CancelAsync(db, queue, Scope.ClusterId, job, ct);
        if (outcome == CancelOutcome.NotFound) return NotFound();
        return Redirect(Self);
    }

    [RequirePermission(NetworkPermissions.Run)]
    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        switch (await NetworkWorkspace.DeleteAsync(db, Scope.ClusterId, NetworkId, ct))
        {
            case DeleteOutcome.NotFound: return NotFound();
            case DeleteOutcome.Deleted: return Redirect($"/c/{Scope.Slug}/networks");
        }
        Message = l["Networks.DeleteRefused"];
        Response.StatusCode = StatusCodes.Status409Conflict;
        await LoadAsync(ct);
        return Page();
    }

    public string PageUrl(int page) => string.Create(CultureInfo.InvariantCulture, $"{Self}?job={Result?.JobId}&search={Uri.EscapeDataString(Search ?? "")}&p={page}");
}
