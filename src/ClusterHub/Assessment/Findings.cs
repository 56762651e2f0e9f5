using ClusterHub.Indicators;

namespace ClusterHub.Assessment;

public enum FindingState { Stated, NotSupported, EvidenceMissing }

/// <summary>
/// One piece of a finding's evidence: a value (with its unit, for formatting) or a text, labelled by a resource
/// (<c>Indicator.{key}</c> for a registry value, <c>Assessment.Evidence.{key}</c> otherwise).
/// </summary>
public sealed record FindingEvidence(string LabelKey, double? Value, IndicatorUnit Unit, string? Text = null)
{
    public bool Present => Value is not null || Text is not null;
}

/// <summary>
/// A finding of the paper's section IV, reached (or not) by a rule over the evidence. Its sentence is the resource
/// <c>Assessment.Finding.{Key}</c> with the first <see cref="Arguments"/> pieces of evidence as its arguments, so the
/// words carry the figures of the data they were computed from; the rest is supporting evidence.
/// </summary>
public sealed record Finding(string Key, FindingState State, int Arguments, IReadOnlyList<FindingEvidence> Evidence);

/// <summary>What the findings read beyond the registry: the cluster's record and the analysts' judgements.</summary>
public sealed record FindingFacts(
    int Year,
    IReadOnlyDictionary<string, double?> Registry,
    string? FirstCertification,
    int? FirstCertificationYear,
    int FoundingMembers,
    IReadOnlyList<int> ClosedReviewYears,
    int? OutsideMembersInProjects,
    IReadOnlyDictionary<string, Evidence> Judgements);

/// <summary>
/// The six findings of the paper's section IV as rules over the evidence (thresholds stated here and in
/// docs/guide/assessment.md). A finding whose evidence is missing says so; one the data contradicts is "not supported".
/// </summary>
public static class FindingRules
{
    public const string Initiation = "initiation", Momentum = "momentum", Framework = "framework", Governance = "governance", Hub = "hub", Community = "community";

    /// <summary>The judgement items the findings read (keys of the CIPM instrument).</summary>
    public const string InitiationItem = "process.initiation", MomentumItem = "process.momentum";

    public static IReadOnlyList<Finding> Derive(FindingFacts f) =>
        [InitiationFinding(f), MomentumFinding(f), FrameworkFinding(f), GovernanceFinding(f), HubFinding(f), CommunityFinding(f)];

    private static double? R(FindingFacts f, string key) => f.Registry.GetValueOrDefault(key);
    private static FindingEvidence Reg(FindingFacts f, string key, IndicatorUnit unit) => new($"Indicator.{key}", R(f, key), unit);
    private static FindingEvidence Fact(string key, double? value, IndicatorUnit unit = IndicatorUnit.Count, string? text = null) => new($"Assessment.Evidence.{key}", value, unit, text);

    private static FindingEvidence? Judged(FindingFacts f, string item) =>
        f.Judgements.GetValueOrDefault(item) is { Present: true } j ? Fact("judgement", j.Value, IndicatorUnit.Ratio, $"{j.Text} — {j.Author}") : null;

    private static Finding Make(string key, bool? holds, int arguments, params FindingEvidence?[] evidence) =>
        new(key, holds switch { true => FindingState.Stated, false => FindingState.NotSupported, null => FindingState.EvidenceMissing }, arguments,
            [.. evidence.OfType<FindingEvidence>()]);

    /// <summary>(1) A state label (top-down) met a forum of at least three founding members (bottom-up) by the year.</summary>
    private static Finding InitiationFinding(FindingFacts f)
    {
        var labelled = f.FirstCertificationYear is { } y && y <= f.Year;
        return Make(Initiation, labelled && f.FoundingMembers >= 3, 3,
            Fact("state_label", null, text: f.FirstCertification), Fact("label_year", f.FirstCertificationYear, IndicatorUnit.Years), Fact("founders", f.FoundingMembers),
            Judged(f, InitiationItem));
    }

    /// <summary>(2) An analyst judged the momentum strong (4 or 5 of 5), and the initiative grew beyond its founders.</summary>
    private static Finding MomentumFinding(FindingFacts f)
    {
        var judged = f.Judgements.GetValueOrDefault(MomentumItem);
        var members = R(f, "members.active");
        bool? holds = judged is not { Present: true } || members is null ? null : judged.Value >= 4 && members > f.FoundingMembers;
        return Make(Momentum, holds, 3,
            Fact("judgement", judged?.Value, IndicatorUnit.Ratio, judged is { Present: true } ? $"{judged.Text} — {judged.Author}" : null),
            Fact("founders", f.FoundingMembers), Reg(f, "members.active", IndicatorUnit.Count));
    }

    /// <summary>(3) At least three strategy reviews closed, one every year from the first to the year before this one.</summary>
    private static Finding FrameworkFinding(FindingFacts f)
    {
        var held = R(f, "strategy.reviews_held");
        var years = f.ClosedReviewYears.Where(y => y <= f.Year).Order().ToList();
        var first = years.Count > 0 ? years[0] : (int?)null;
        var yearly = first is { } start && Enumerable.Range(start, Math.Max(0, f.Year - start)).All(years.Contains);
        return Make(Framework, held is null ? null : held >= 3 && yearly, 2,
            Reg(f, "strategy.reviews_held", IndicatorUnit.Count), Fact("first_review", first, IndicatorUnit.Years),
            Reg(f, "strategy.review_regularity", IndicatorUnit.Share), Reg(f, "strategy.targets_met_share", IndicatorUnit.Share));
    }

    /// <summary>(4) Neither too strong nor too loose: at most half the ties strong and at most half weak; the hub bridges at least two levels.</summary>
    private static Finding GovernanceFinding(FindingFacts f)
    {
        double? weak = R(f, "governance.weak_tie_share"), medium = R(f, "governance.medium_tie_share"), strong = R(f, "governance.strong_tie_share"),
            levels = R(f, "governance.hub_levels_bridged");
        bool? holds = weak is null || medium is null || strong is null ? null : weak <= 0.5 && strong <= 0.5 && (levels is null || levels >= 2);
        return Make(Governance, holds, 4,
            Reg(f, "governance.weak_tie_share", IndicatorUnit.Share), Reg(f, "governance.medium_tie_share", IndicatorUnit.Share),
            Reg(f, "governance.strong_tie_share", IndicatorUnit.Share), Reg(f, "governance.hub_levels_bridged", IndicatorUnit.Count),
            Reg(f, "governance.ties", IndicatorUnit.Count));
    }

    /// <summary>
    /// (5) An effective hub: at least 5 staff; public money between 20 % and 60 % of the budget (enough to lower SME dues,
    /// not so much that the state runs it); at least 20 % of members outside the home regions, some of them in the cluster's projects.
    /// </summary>
    private static Finding HubFinding(FindingFacts f)
    {
        double? staff = R(f, "finance.staff"), publicShare = R(f, "finance.public_share"), home = R(f, "members.home_region_share");
        var outside = home is { } h ? 1 - h : (double?)null;
        bool? holds = staff is null || publicShare is null || outside is null || f.OutsideMembersInProjects is null ? null
            : staff >= 5 && publicShare is >= 0.2 and <= 0.6 && outside >= 0.2 && f.OutsideMembersInProjects >= 1;
        return Make(Hub, holds, 4,
            Reg(f, "finance.staff", IndicatorUnit.Count), Reg(f, "finance.public_share", IndicatorUnit.Share),
            Fact("outside_share", outside, IndicatorUnit.Share), Fact("outside_in_projects", f.OutsideMembersInProjects),
            Reg(f, "finance.top3_payer_share", IndicatorUnit.Share));
    }

    /// <summary>(6) Rooted locally: at least half the members in the home regions, and schools and research at least 10 % of them.</summary>
    private static Finding CommunityFinding(FindingFacts f)
    {
        double? home = R(f, "members.home_region_share"), education = R(f, "members.education_research_share");
        return Make(Community, home is null || education is null ? null : home >= 0.5 && education >= 0.1, 2,
            Reg(f, "members.home_region_share", IndicatorUnit.Share), Reg(f, "members.education_research_share", IndicatorUnit.Share),
            Reg(f, "members.active", IndicatorUnit.Count));
    }
}
