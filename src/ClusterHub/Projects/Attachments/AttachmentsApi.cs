using System.Security.Claims;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace ClusterHub.Projects.Attachments;

/// <summary><c>…/proposals/{id}/attachments</c>: list, upload (multipart field <c>file</c>), download, delete.</summary>
public static class AttachmentsApi
{
    public static void MapAttachments(this RouteGroupBuilder cluster)
    {
        var attachments = cluster.MapGroup("/proposals/{id:int}/attachments").WithTags("Projects");
        attachments.MapGet("/", List).RequirePermission(ProjectPermissions.ReadAttachments);
        // The body may exceed the configured cap, so that the cap answers 413 ProblemDetails rather than a dropped connection.
        attachments.MapPost("/", Upload).RequirePermission(ProjectPermissions.WriteAttachments).DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(RequestLimits.ImportBodyBytes));
        attachments.MapGet("/{attachmentId:int}", Download).RequirePermission(ProjectPermissions.ReadAttachments);
        attachments.MapDelete("/{attachmentId:int}", Delete).RequirePermission(ProjectPermissions.WriteAttachments);
    }

    private static string? UserId(HttpContext http) => http.User.FindFirstValue(ClaimTypes.NameIdentifier);

    private static string Actor(HttpContext http) => http.User.Identity?.Name ?? UserId(http) ?? "user";

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Refusal(AttachmentOutcome outcome, long maxBytes) =>
        TypedResults.Problem(AttachmentStore.English(outcome, maxBytes), statusCode: AttachmentStore.Status(outcome), extensions: new Dictionary<string, object?> { ["outcome"] = outcome.ToString() });

    /// <summary>A proposal's attachments (name, detected type, size, SHA-256, who and when), without their bytes.</summary>
    public static async Task<IResult> List(int id, ClusterScope scope, ClusterDb db, HttpContext http, IOptions<AttachmentOptions> options, CancellationToken ct)
    {
        var (outcome, items) = await AttachmentStore.ListAsync(db, scope, UserId(http), id, ct);
        return outcome == AttachmentOutcome.Done ? TypedResults.Ok(items) : Refusal(outcome, options.Value.MaxBytes);
    }

    /// <summary>
    /// Attaches a file (multipart/form-data, field <c>file</c>). 201 with the stored record; 413 above the cap
    /// (<c>Projects:Attachments:MaxBytes</c>, 20 MB by default); 415 when the bytes are not an accepted type, whatever the name.
    /// </summary>
    public static async Task<IResult> Upload(int id, HttpRequest request, ClusterScope scope, ClusterDb db, IOptions<AttachmentOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var max = options.Value.MaxBytes;
        if (!request.HasFormContentType) return Refusal(AttachmentOutcome.Empty, max);
        IFormFile? file;
        try { file = (await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = max + 1024 * 1024 }, ct)).Files.GetFile("file"); }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException) { return Refusal(AttachmentOutcome.TooLarge, max); }
        await using var content = file?.OpenReadStream();
        var (outcome, attachment) = await AttachmentStore.AddAsync(db, scope, UserId(request.HttpContext), id, file?.FileName, content, max, Actor(request.HttpContext), clock.GetUtcNow().UtcDateTime, ct);
        return outcome == AttachmentOutcome.Done
            ? TypedResults.Created($"/api/v1/clusters/{scope.Slug}/proposals/{id}/attachments/{attachment!.Id}", attachment)
            : Refusal(outcome, max);
    }

    /// <summary>The file, as an attachment (never shown inline), with its detected type and <c>X-Content-Type-Options: nosniff</c>.</summary>
    public static async Task<IResult> Download(int id, int attachmentId, ClusterScope scope, ClusterDb db, HttpContext http, IOptions<AttachmentOptions> options, CancellationToken ct)
    {
        var (outcome, attachment) = await AttachmentStore.GetAsync(db, scope, UserId(http), id, attachmentId, ct);
        if (outcome != AttachmentOutcome.Done) return Refusal(outcome, options.Value.MaxBytes);
        return Send(http, attachment!);
    }

    /// <summary>The one way a stored file leaves: the API's download and the page's.</summary>
    public static IResult Send(HttpContext http, ProposalAttachment attachment)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(attachment.Content, attachment.ContentType, attachment.FileName);
    }

    /// <summary>Removes an attachment (204, again when it is gone); the coordinator's representative only before submission (409 after).</summary>
    public static async Task<IResult> Delete(int id, int attachmentId, ClusterScope scope, ClusterDb db, HttpContext http, IOptions<AttachmentOptions> options, CancellationToken ct)
    {
        var outcome = await AttachmentStore.DeleteAsync(db, scope, UserId(http), id, attachmentId, ct);
        return outcome == AttachmentOutcome.Done ? TypedResults.NoContent() : Refusal(outcome, options.Value.MaxBytes);
    }
}
