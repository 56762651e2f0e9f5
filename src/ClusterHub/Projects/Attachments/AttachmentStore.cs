using System.Globalization;
using System.Security.Cryptography;
using ClusterHub.Accounts;
using ClusterHub.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Projects.Attachments;

public sealed record AttachmentDto(int Id, string FileName, string ContentType, long SizeBytes, string Sha256, string UploadedBy, DateTime UploadedAt);

/// <summary>What became of an attachment request; the API maps it to a status, the page to a message (<c>Attachments.{outcome}</c>).</summary>
public enum AttachmentOutcome
{
    Done,
    /// <summary>No such proposal (or attachment) for the caller: as if it did not exist (404).</summary>
    NotFound,
    /// <summary>The caller sees the proposal but not its attachments, or may not add or remove them (403).</summary>
    Forbidden,
    /// <summary>No file, or an empty one (400).</summary>
    Empty,
    /// <summary>Over the configured cap (413).</summary>
    TooLarge,
    /// <summary>The bytes are none of the accepted types, whatever the name says (415).</summary>
    TypeNotAllowed,
    /// <summary>The coordinator removes attachments only before submission; the secretariat any time (409).</summary>
    Locked,
}

/// <summary>Who may do what with one proposal's attachments.</summary>
public sealed record AttachmentAccess(bool Read, bool Add, bool Delete, bool Secretariat);

/// <summary>
/// The one set of attachment operations for the API and the page. Access is a record rule over the route's permission:
/// the proposal's coordinator representative and the secretariat add; assigned reviewers, the users of the funder the
/// proposal was sent to, the secretariat and the coordinator's representative (who added them) read; nobody else. A
/// proposal the caller cannot see at all is 404; one it sees without that right, 403.
/// </summary>
public static class AttachmentStore
{
    public static async Task<AttachmentAccess?> AccessAsync(ClusterDb db, ClusterScope scope, string? userId, int proposalId, CancellationToken ct)
    {
        var p = await db.Proposals.AsNoTracking().Where(x => x.Id == proposalId && x.ClusterId == scope.ClusterId)
            .Select(x => new { x.State, x.CoordinatorMemberId, FunderId = x.Call != null ? (int?)x.Call.FunderId : null }).SingleOrDefaultAsync(ct);
        if (p is null) return null;
        var secretariat = ProposalQueries.SeesAll(scope);
        var coordinator = p.CoordinatorMemberId is { } m && scope.Roles.Contains(ClusterRole.MemberRepresentative) && scope.CanFor(ProjectPermissions.WriteAttachments, m);
        var reviewer = userId is not null && scope.Roles.Contains(ClusterRole.Reviewer)
            && await db.ReviewAssignments.AnyAsync(a => a.ProposalId == proposalId && a.UserId == userId, ct);
        var funder = userId is not null && scope.Roles.Contains(ClusterRole.Funder) && p.FunderId is { } f && FunderView.SentStates.Contains(p.State)
            && await db.FunderUsers.AnyAsync(u => u.UserId == userId && u.FunderId == f, ct);
        var read = secretariat || coordinator || reviewer || funder;
        if (!read && !await ProposalQueries.Visible(db, scope, userId).AnyAsync(x => x.Id == proposalId, ct)) return null;
        return new(read, secretariat || coordinator, secretariat || (coordinator && ProposalWorkflow.IsEditable(p.State)), secretariat);
    }

    public static async Task<(AttachmentOutcome Outcome, List<AttachmentDto> Items)> ListAsync(ClusterDb db, ClusterScope scope, string? userId, int proposalId, CancellationToken ct)
    {
        var access = await AccessAsync(db, scope, userId, proposalId, ct);
        if (access is null) return (AttachmentOutcome.NotFound, []);
        if (!access.Read) return (AttachmentOutcome.Forbidden, []);
        var items = await db.ProposalAttachments.AsNoTracking().Where(a => a.ProposalId == proposalId).OrderBy(a => a.Id)
            .Select(a => new AttachmentDto(a.Id, a.FileName, a.ContentType, a.SizeBytes, a.Sha256, a.UploadedBy, a.UploadedAt)).ToListAsync(ct);
        return (AttachmentOutcome.Done, items);
    }

    /// <summary>
    /// Stores a file: the caller's right first, then at most <paramref name="maxBytes"/> read (one byte more means too large),
    /// its type by its bytes, its name sanitised; the history's reason names it, its size and its hash.
    /// </summary>
    public static async Task<(AttachmentOutcome Outcome, AttachmentDto? Attachment)> AddAsync(ClusterDb db, ClusterScope scope, string? userId, int proposalId,
        string? fileName, Stream? content, long maxBytes, string actor, DateTime now, CancellationToken ct)
    {
        var access = await AccessAsync(db, scope, userId, proposalId, ct);
        if (access is null) return (AttachmentOutcome.NotFound, null);
        if (!access.Add) return (AttachmentOutcome.Forbidden, null);
        if (content is null) return (AttachmentOutcome.Empty, null);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes) return (AttachmentOutcome.TooLarge, null);
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) return (AttachmentOutcome.Empty, null);
        var bytes = buffer.ToArray();
        if (AttachmentTypes.Detect(bytes) is not { } type) return (AttachmentOutcome.TypeNotAllowed, null);
        var attachment = new ProposalAttachment
        {
            ProposalId = proposalId, FileName = AttachmentTypes.SafeName(fileName, type), ContentType = type.ContentType, SizeBytes = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), UploadedBy = actor.Length > 256 ? actor[..256] : actor, UploadedAt = now, Content = bytes,
        };
        db.Add(attachment);
        db.ChangeReason = Describe("attachment added", attachment);
        await db.SaveChangesAsync(ct);
        return (AttachmentOutcome.Done, Dto(attachment));
    }

    /// <summary>One attachment with its bytes, for a download.</summary>
    public static async Task<(AttachmentOutcome Outcome, ProposalAttachment? Attachment)> GetAsync(ClusterDb db, ClusterScope scope, string? userId, int proposalId, int attachmentId, CancellationToken ct)
    {
        var access = await AccessAsync(db, scope, userId, proposalId, ct);
        if (access is null) return (AttachmentOutcome.NotFound, null);
        if (!access.Read) return (AttachmentOutcome.Forbidden, null);
        var attachment = await db.ProposalAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.ProposalId == proposalId, ct);
        return attachment is null ? (AttachmentOutcome.NotFound, null) : (AttachmentOutcome.Done, attachment);
    }

    /// <summary>Removes an attachment; one already gone is done (idempotent). The coordinator's representative only before submission.</summary>
    public static async Task<AttachmentOutcome> DeleteAsync(ClusterDb db, ClusterScope scope, string? userId, int proposalId, int attachmentId, CancellationToken ct)
    {
        var access = await AccessAsync(db, scope, userId, proposalId, ct);
        if (access is null) return AttachmentOutcome.NotFound;
        if (!access.Add) return AttachmentOutcome.Forbidden;
        var attachment = await db.ProposalAttachments.Where(a => a.Id == attachmentId && a.ProposalId == proposalId)
            .Select(a => new ProposalAttachment { Id = a.Id, ProposalId = a.ProposalId, FileName = a.FileName, ContentType = a.ContentType, SizeBytes = a.SizeBytes, Sha256 = a.Sha256, UploadedBy = a.UploadedBy, UploadedAt = a.UploadedAt })
            .SingleOrDefaultAsync(ct);
        if (attachment is null) return AttachmentOutcome.Done;
        if (!access.Delete) return AttachmentOutcome.Locked;
        db.Remove(attachment); // the bytes are not read to be deleted
        db.ChangeReason = Describe("attachment removed", attachment);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); } // removed meanwhile: the same end
        return AttachmentOutcome.Done;
    }

    private static string Describe(string what, ProposalAttachment a) =>
        string.Create(CultureInfo.InvariantCulture, $"{what}: {a.FileName}, {a.SizeBytes} bytes, sha256 {a.Sha256}");

    private static AttachmentDto Dto(ProposalAttachment a) => new(a.Id, a.FileName, a.ContentType, a.SizeBytes, a.Sha256, a.UploadedBy, a.UploadedAt);

    public static int Status(AttachmentOutcome outcome) => outcome switch
    {
        AttachmentOutcome.NotFound => StatusCodes.Status404NotFound,
        AttachmentOutcome.Forbidden => StatusCodes.Status403Forbidden,
        AttachmentOutcome.Empty => StatusCodes.Status400BadRequest,
        AttachmentOutcome.TooLarge => StatusCodes.Status413PayloadTooLarge,
        AttachmentOutcome.TypeNotAllowed => StatusCodes.Status415UnsupportedMediaType,
        AttachmentOutcome.Locked => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status200OK,
    };

    public static string English(AttachmentOutcome outcome, long maxBytes) => outcome switch
    {
        AttachmentOutcome.NotFound => "No such proposal or attachment.",
        AttachmentOutcome.Forbidden => "Only the proposal's coordinator representative and the secretariat add or remove attachments; assigned reviewers and the funder it was sent to read them.",
        AttachmentOutcome.Empty => "No file was sent, or it is empty: send it as the multipart field 'file'.",
        AttachmentOutcome.TooLarge => string.Create(CultureInfo.InvariantCulture, $"The file is larger than {maxBytes / 1024.0 / 1024.0:0.#} MB, the largest accepted."),
        AttachmentOutcome.TypeNotAllowed => "The file's content is not an accepted type (" + AttachmentTypes.Accepted + "); its name or declared type does not matter.",
        AttachmentOutcome.Locked => "The proposal has been submitted: only the secretariat removes its attachments now.",
        _ => outcome.ToString(),
    };
}
