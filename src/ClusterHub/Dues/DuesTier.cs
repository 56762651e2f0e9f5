using ClusterHub.Members;

namespace ClusterHub.Dues;

/// <summary>What a member of a given type and size pays for one year of membership.</summary>
public sealed class DuesTier
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public int Year { get; set; }
    public MemberType MemberType { get; set; }
    public SizeClass SizeClass { get; set; }

    /// <summary>Whole cents: exact sums on every provider (SQLite has no decimal arithmetic).</summary>
    public long AmountCents { get; set; }
}

/// <summary>One member's membership for one calendar year, with the dues owed and the invoice that claims them.</summary>
public sealed class MembershipYear
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public int MemberId { get; set; }
    public Member? Member { get; set; }
    public int Year { get; set; }

    /// <summary>The tier the dues came from, copied so later tier edits do not rewrite history.</summary>
    public MemberType TierMemberType { get; set; }
    public SizeClass TierSizeClass { get; set; }
    public long DuesCents { get; set; }
    public Invoice? Invoice { get; set; }
}

public enum InvoiceStatus { Issued, Paid, Overdue, WrittenOff }

public sealed class Invoice : History.IVersioned
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public int MembershipYearId { get; set; }
    public MembershipYear? MembershipYear { get; set; }

    /// <summary>Human number, unique in the cluster: "2019-0042".</summary>
    public required string Number { get; set; }
    public DateOnly IssuedOn { get; set; }
    public DateOnly DueOn { get; set; }
    public long AmountCents { get; set; }
    public InvoiceStatus Status { get; set; }
    public DateOnly? PaidOn { get; set; }

    /// <summary>Raised on every change: a payment and a write-off racing for one invoice cannot both win.</summary>
    public int Version { get; set; }
}
