using ClusterHub.History;

namespace ClusterHub.Governance;

/// <summary>Where an actor sits in the governance of the cluster: the levels the hub coordinates between.</summary>
public enum ActorLevel { National, Sectoral, Regional, Local, Cluster, Member }

/// <summary>What sort of body an actor is.</summary>
public enum ActorKind { Ministry, Council, Association, Region, LocalAuthority, Company, School, Lab, Funder }

/// <summary>
/// A type of tie between two actors. <see cref="GovernanceTypes.IsDirected"/> says which have a direction (funding goes
/// from the funder to the funded; a sector contract or a partnership binds both sides alike).
/// </summary>
public enum TieType { SectorContract, PartnershipAgreement, Membership, Funding, Representation, ProgrammeExecution, BoardSeat }

/// <summary>
/// One body of a cluster's governance network: a ministry, a sector council, a region, the cluster itself (level
/// <see cref="ActorLevel.Cluster"/>: the hub whose position the network page describes), a member organisation.
/// </summary>
public sealed class GovernanceActor : IVersioned
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    /// <summary>Unique in the cluster: how files and ties name the actor when it has no short name.</summary>
    public required string Name { get; set; }
    /// <summary>"CSFN", "AURA": unique in the cluster when given; what the graph shows.</summary>
    public string? ShortName { get; set; }
    public ActorLevel Level { get; set; }
    public ActorKind Kind { get; set; }
    /// <summary>The member organisation this actor is, when it is one.</summary>
    public int? MemberId { get; set; }
    public string? Notes { get; set; }
    public int Version { get; set; }

    public string Label => ShortName ?? Name;
}

/// <summary>
/// A tie between two actors: its type, when it held (years, both ends included, open when empty), its strength
/// (1 loose … 5 very strong) and where it is documented. <see cref="Sourced"/> ties are stated by the document named
/// in <see cref="Source"/>; the others are illustrative (the analyst's judgement or a demo's assumption).
/// </summary>
public sealed class GovernanceTie : IVersioned
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public int FromActorId { get; set; }
    public GovernanceActor? FromActor { get; set; }
    public int ToActorId { get; set; }
    public GovernanceActor? ToActor { get; set; }
    public TieType Type { get; set; }
    public int? FromYear { get; set; }
    public int? ToYear { get; set; }
    public int Strength { get; set; }
    /// <summary>The document (title, reference or URL) the tie is taken from.</summary>
    public string? Source { get; set; }
    public bool Sourced { get; set; }
    public string? Notes { get; set; }
    public int Version { get; set; }

    /// <summary>Whether the tie held during <paramref name="year"/> (always, when no year is asked).</summary>
    public static System.Linq.Expressions.Expression<Func<GovernanceTie, bool>> HeldIn(int? year) => year is not { } y
        ? t => true
        : t => (t.FromYear == null || t.FromYear <= y) && (t.ToYear == null || t.ToYear >= y);
}

/// <summary>The rules of the governance vocabulary: limits, directions, strength classes.</summary>
public static class GovernanceTypes
{
    public const int NameLength = 200, ShortNameLength = 32, TextLength = 1000, SourceLength = 500;
    public const int MinStrength = 1, MaxStrength = 5;

    /// <summary>Membership, funding, representation, programme execution and a board seat go from one actor to another;
    /// a sector contract and a partnership agreement bind both alike.</summary>
    public static bool IsDirected(TieType type) => type is not (TieType.SectorContract or TieType.PartnershipAgreement);

    /// <summary>Weak (1–2), medium (3), strong (4–5): the classes of the tie-strength distribution.</summary>
    public static TieStrengthClass ClassOf(int strength) => strength <= 2 ? TieStrengthClass.Weak : strength == 3 ? TieStrengthClass.Medium : TieStrengthClass.Strong;
}

public enum TieStrengthClass { Weak, Medium, Strong }
