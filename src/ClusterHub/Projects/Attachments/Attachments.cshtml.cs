using System.Security.Claims;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClusterHub.Projects.Attachments;

/// <summary>A proposal's attachments: the list and downloads for those who read them, the upload and removal for those who add them; the same <see cref="AttachmentStore"/> as the API.</summary>
[RequirePermission(ProjectPermissions.ReadAttachments)]
[RequestSizeLimit(RequestLimits.ImportBodyBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimits.ImportBodyBytes)]
public sealed class AttachmentsModel(ClusterDb db, IOptions<AttachmentOptions> options, TimeProvider clock) : PageModel
{
    public ClusterScope Scope => HttpContext.ClusterScope();
    public int ProposalId { get; private set; }
    public string Acronym { get; private set; } = "";
    public List<AttachmentDto> Items { get; private set; } = [];
    public AttachmentAccess Access { get; private set; } = null!;
    public long MaxBytes => options.Value.MaxBytes;

    /// <summary>The last upload's or removal's refusal, shown with its status.</summary>
    public AttachmentOutcome? Refused { get; private set; }
    public AttachmentOutcome? Done { get; private set; }

    private string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) is { } refusal ? refusal : Page();

    public async Task<IActionResult> OnGetDownloadAsync(int id, int attachmentId, CancellationToken ct)
    {
        var (outcome, attachment) = await AttachmentStore.GetAsync(db, Scope, UserId, id, attachmentId, ct);
        return outcome switch
        {
            AttachmentOutcome.Done => new ResultAdapter(AttachmentsApi.Send(HttpContext, attachment!)),
            AttachmentOutcome.Forbidden => Forbid(),
            _ => NotFound(),
        };
    }

    [RequirePermission(ProjectPermissions.WriteAttachments)]
    public async Task<IActionResult> OnPostUploadAsync(int id, IFormFile? file, CancellationToken ct)
    {
        await using var content = file?.OpenReadStream();
        var (outcome, _) = await AttachmentStore.AddAsync(db, Scope, UserId, id, file?.FileName, content, MaxBytes, User.Identity?.Name ?? "user", clock.GetUtcNow().UtcDateTime, ct);
        return await AnswerAsync(id, outcome, ct);
    }

    [RequirePermission(ProjectPermissions.WriteAttachments)]
    public async Task<IActionResult> OnPostDeleteAsync(int id, int attachmentId, CancellationToken ct) =>
        await AnswerAsync(id, await AttachmentStore.DeleteAsync(db, Scope, UserId, id, attachmentId, ct), ct);

    private async Task<IActionResult> AnswerAsync(int id, AttachmentOutcome outcome, CancellationToken ct)
    {
        if (outcome == AttachmentOutcome.NotFound) return NotFound();
        if (outcome == AttachmentOutcome.Forbidden) return Forbid();
        if (outcome == AttachmentOutcome.Done) Done = outcome;
        else { Refused = outcome; Response.StatusCode = AttachmentStore.Status(outcome); }
        return await LoadAsync(id, ct) ?? Page();
    }

    /// <summary>Loads the page; a refusal to answer instead when the caller may not read the attachments.</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        ProposalId = id;
        var (outcome, items) = await AttachmentStore.ListAsync(db, Scope, UserId, id, ct);
        if (outcome == AttachmentOutcome.NotFound) return NotFound();
        if (outcome == AttachmentOutcome.Forbidden) return Forbid();
        Items = items;
        Access = (await AttachmentStore.AccessAsync(db, Scope, UserId, id, ct))!;
        Acronym = await db.Proposals.Where(p => p.Id == id).Select(p => p.Acronym).SingleAsync(ct);
        return null;
    }

    /// <summary>An endpoint result (the API's download) answered from a page handler.</summary>
    private sealed class ResultAdapter(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }
}
