using ClusterHub.History;

namespace ClusterHub.Projects;

/// <summary>Who funds collaborative R&amp;D: the kinds a French competitiveness cluster sends proposals to.</summary>
public enum FunderKind { StateProgramme, Anr, Bpifrance, Region, HorizonEurope, PrivateInvestor }

/// <summary>A funder of the cluster's projects (FUI/PSPC, ANR, Bpifrance, a region, Horizon Europe, an investor).</summary>
public sealed class Funder : IVersioned
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public required string Name { get; set; }
    public FunderKind Kind { get; set; }
    public int Version { get; set; }

    /// <summary>Public money: every kind but a private investor. "Funding leveraged per euro of public support" divides by it.</summary>
    public static bool IsPublicKind(FunderKind kind) => kind != FunderKind.PrivateInvestor;
}

public enum CallState { Open, Closed, Results }

/// <summary>
/// A funder's call for proposals with its eligibility rules. A null rule is no rule; a partner category the
/// call lists no funding rate for may request no funding (a call funds whom it says it funds).
/// </summary>
public sealed class FundingCall : IVersioned
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public int FunderId { get; set; }
    public Funder? Funder { get; set; }
    public required string Title { get; set; }

    /// <summary>Themes as free text (one per line or comma-separated), shown to proposers.</summary>
    public string? Themes { get; set; }
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    public DateOnly? ResultsOn { get; set; }
    public CallState State { get; set; }

    public int? MinPartners { get; set; }
    public bool RequiresSme { get; set; }
    public int? MaxDurationMonths { get; set; }
    public List<CallFundingRate> FundingRates { get; set; } = [];

    /// <summary>The conflict rules' window: a project shared within this many years before the call's year (and in it) is a conflict.</summary>
    public int ConflictYears { get; set; } = 3;
    public int Version { get; set; }
}

/// <summary>The share of its budget a partner of one category may request, in percent (0–100).</summary>
public sealed class CallFundingRate : IHistoryPart
{
    public int Id { get; set; }
    public int CallId { get; set; }
    public PartnerCategory Category { get; set; }
    public int MaxRatePercent { get; set; }

    string IHistoryPart.SubjectType => nameof(FundingCall);
    int IHistoryPart.SubjectId => CallId;
}
