using ClusterHub.Clusters;
using System.Linq.Expressions;
using ClusterHub.History;

namespace ClusterHub.Members;

/// <summary>An organisation that belongs (or belonged) to a cluster.</summary>
public sealed class Member : IVersioned
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public Cluster? Cluster { get; set; }

    public required string Name { get; set; }

    /// <summary>Upper-case, accent-free, single-spaced name: case-insensitive search on every provider and duplicate detection.</summary>
    public string NormalizedName { get; set; } = "";
    public MemberType Type { get; set; }
    public int? Headcount { get; set; }
    public long? TurnoverEur { get; set; }

    /// <summary>Derived from headcount and turnover on every save; stored so lists can filter and group on it.</summary>
    public SizeClass SizeClass { get; set; }

    /// <summary>SIREN (9 digits), SIRET (14 digits) or an EU VAT number, without spaces.</summary>
    public string? NationalId { get; set; }

    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    public string Country { get; set; } = "FR";

    /// <summary>INSEE region code for France (e.g. 27 Bourgogne-Franche-Comté); empty elsewhere.</summary>
    public string? Region { get; set; }
    public string? Departement { get; set; }

    /// <summary>NUTS code for members outside France.</summary>
    public string? NutsCode { get; set; }
    public string? City { get; set; }

    /// <summary>The city as <see cref="NormalizedName"/> is the name ("" for none): with it, the database refuses a second member of the same name in the same city.</summary>
    public string NormalizedCity { get; set; } = "";

    /// <summary>NACE/NAF codes separated by spaces, e.g. "25.11 28.99".</summary>
    public string? SectorCodes { get; set; }
    public bool IsFoundingMember { get; set; }
    public DateOnly JoinedOn { get; set; }
    public MemberStatus Status { get; set; } = MemberStatus.Active;

    /// <summary>When the current status began (the join date for an active member); growth charts count on it.</summary>
    public DateOnly StatusSince { get; set; }

    /// <summary>
    /// The house's one rule for "a member on that day" (indicators, the funding mix): it had joined by then and was
    /// active then, by its current status or because its status changed only after that day. An expression, so that
    /// the counts run in the database instead of over every member row.
    /// </summary>
    public static Expression<Func<Member, bool>> ActiveOn(DateOnly day) =>
        m => m.JoinedOn <= day && (m.Status == MemberStatus.Active || m.StatusSince > day);

    /// <summary>Set when the secretariat archives the member (see <see cref="MemberArchive"/>): out of the directory, never deleted.</summary>
    public DateOnly? ArchivedOn { get; set; }
    public string? ArchiveReason { get; set; }

    /// <summary>Raised on every change; an edit made from an older version is refused instead of overwriting.</summary>
    public int Version { get; set; }

    public List<MemberContact> Contacts { get; set; } = [];
    public List<MemberStatusChange> StatusHistory { get; set; } = [];

    /// <summary>Recomputes the derived columns; call after any change to name, city, national id, headcount or turnover.</summary>
    public void Normalize()
    {
        NormalizedName = Names.Normalize(Name);
        NormalizedCity = Names.Normalize(City);
        SizeClass = SizeClasses.Classify(Headcount, TurnoverEur);
        NationalId = string.IsNullOrWhiteSpace(NationalId) ? null : NationalId.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
    }
}

public sealed class MemberContact : IHistoryPart
{
    public int Id { get; set; }
    public int MemberId { get; set; }
    public required string FullName { get; set; }
    public string? Role { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }

    /// <summary>GDPR: the person agreed to be contacted by the cluster and other members.</summary>
    public bool ConsentToContact { get; set; }

    string IHistoryPart.SubjectType => nameof(Member);
    int IHistoryPart.SubjectId => MemberId;
}

/// <summary>One line of a member's history: the status it moved to and when.</summary>
public sealed class MemberStatusChange : IHistoryPart
{
    public int Id { get; set; }
    public int MemberId { get; set; }
    public MemberStatus Status { get; set; }
    public DateOnly On { get; set; }
    public string? Reason { get; set; }

    string IHistoryPart.SubjectType => nameof(Member);
    int IHistoryPart.SubjectId => MemberId;
}
