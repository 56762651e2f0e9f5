using ClusterHub.History;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterHub.Projects.Attachments;

/// <summary>
/// A file attached to a proposal (the full application, a letter of support, a budget sheet). Its bytes are stored in the
/// database, beside the proposal: outside wwwroot by construction, the same on SQLite and PostgreSQL, inside the proposal's
/// transactions and in every database backup, and deleted with the proposal; at 20 MB a file, the cap, that is what
/// either database stores comfortably. The change history records its creation and removal with the name, size and hash as
/// the reason (never the bytes: a created or deleted record carries no values).
/// </summary>
public sealed class ProposalAttachment : IHistoryPart
{
    public int Id { get; set; }
    public int ProposalId { get; set; }

    /// <summary>Sanitised (<see cref="AttachmentTypes.SafeName"/>), with an extension of its detected type.</summary>
    public required string FileName { get; set; }

    /// <summary>The type detected from the bytes: what the download is served as.</summary>
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }

    /// <summary>SHA-256 of the bytes, lower-case hex: what the history and the list show to tell two versions apart.</summary>
    public required string Sha256 { get; set; }
    public required string UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
    public byte[] Content { get; set; } = [];

    string IHistoryPart.SubjectType => nameof(Proposal);
    int IHistoryPart.SubjectId => ProposalId;
}

internal sealed class ProposalAttachmentConfiguration : IEntityTypeConfiguration<ProposalAttachment>
{
    public void Configure(EntityTypeBuilder<ProposalAttachment> b)
    {
        b.ToTable("ProposalAttachments");
        b.HasOne<Proposal>().WithMany().HasForeignKey(a => a.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.Property(a => a.FileName).HasMaxLength(200);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.Property(a => a.UploadedBy).HasMaxLength(256);
        b.HasIndex(a => a.ProposalId);
    }
}

/// <summary><c>Projects:Attachments</c> in the configuration.</summary>
public sealed class AttachmentOptions
{
    /// <summary>The largest file accepted, in bytes (default 20 MB); a larger one answers 413.</summary>
    public long MaxBytes { get; set; } = 20L * 1024 * 1024;
}
