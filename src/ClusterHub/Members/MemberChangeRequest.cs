using ClusterHub.History;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterHub.Members;

public enum ChangeRequestState { Pending, Approved, Rejected }

/// <summary>
/// A member representative's change to a field its dues depend on (type, headcount, turnover):
/// not applied until the secretariat approves it, since it moves the member to another dues tier.
/// A member has at most one pending request; a new one replaces its proposal.
/// </summary>
public sealed class MemberChangeRequest : IHistoryPart, IVersioned
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public int MemberId { get; set; }
    public required string RequestedBy { get; set; }
    public DateTime RequestedAt { get; set; }
    public MemberType Type { get; set; }
    public int? Headcount { get; set; }
    public long? TurnoverEur { get; set; }
    public ChangeRequestState State { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public int Version { get; set; }

    string IHistoryPart.SubjectType => nameof(Member);
    int IHistoryPart.SubjectId => MemberId;
}

internal sealed class MemberChangeRequestConfiguration : IEntityTypeConfiguration<MemberChangeRequest>
{
    public void Configure(EntityTypeBuilder<MemberChangeRequest> b)
    {
        b.Property(r => r.RequestedBy).HasMaxLength(256);
        b.Property(r => r.DecidedBy).HasMaxLength(256);
        b.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.ClusterId, r.State });
        b.HasIndex(r => r.MemberId);
    }
}
