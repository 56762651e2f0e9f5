using ClusterHub.Clusters;
using ClusterHub.Data;
using ClusterHub.Indicators;
using Microsoft.EntityFrameworkCore;
using static ClusterHub.Indicators.IndicatorDirection;
using static ClusterHub.Indicators.IndicatorUnit;

namespace ClusterHub.Members;

/// <summary>
/// The membership's indicators for a year, as of 31 December: a member counts as active then when it had joined
/// by that day and was still active (its current status, or a change of status only after that day).
/// </summary>
public sealed class MemberIndicators : IIndicatorSource
{
    public const string Active = "members.active", SmeShare = "members.sme_share", EducationShare = "members.education_research_share",
        HomeRegionShare = "members.home_region_share", Retention = "members.retention", Joined = "members.joined", Left = "members.left";

    public IEnumerable<IndicatorDefinition> Definitions =>
    [
        new(Active, Count, HigherIsBetter),
        new(SmeShare, Share, HigherIsBetter),
        new(EducationShare, Share, HigherIsBetter),
        new(HomeRegionShare, Share, HigherIsBetter),
        new(Retention, Share, HigherIsBetter),
        new(Joined, Count, HigherIsBetter),
        new(Left, Count, LowerIsBetter),
    ];

    public async Task<IReadOnlyList<IndicatorValue>> ComputeAsync(ClusterDb db, int clusterId, int year, CancellationToken ct)
    {
        var end = new DateOnly(year, 12, 31);
        var previousEnd = end.AddYears(-1);
        var members = db.Members.Where(m => m.ClusterId == clusterId);
        // Counts in the database: the active members grouped by what the shares need (a few hundred rows at most).
        var groups = await members.Where(Member.ActiveOn(end)).GroupBy(m => new { m.Type, m.SizeClass, m.Region })
            .Select(g => new { g.Key.Type, g.Key.SizeClass, g.Key.Region, Count = g.Count() }).ToListAsync(ct);
        var activeBefore = await members.Where(Member.ActiveOn(previousEnd)).CountAsync(ct);
        var retained = await members.Where(Member.ActiveOn(previousEnd)).Where(Member.ActiveOn(end)).CountAsync(ct);
        var start = new DateOnly(year, 1, 1);
        var joined = await members.CountAsync(m => m.JoinedOn >= start && m.JoinedOn <= end, ct);
        var left = await members.CountAsync(m => m.JoinedOn <= end && m.Status != MemberStatus.Active && m.StatusSince >= start && m.StatusSince <= end, ct);
        var homeRegions = (await ClusterOffice.HomeRegionsAsync(db, clusterId, ct)).ToHashSet(StringComparer.Ordinal);

        var active = groups.Sum(g => g.Count);
        var companies = groups.Where(g => g.Type.Family() == MemberFamily.Company && g.SizeClass != SizeClass.Unknown).ToList();
        var smes = companies.Where(g => g.SizeClass is SizeClass.Micro or SizeClass.Small or SizeClass.Medium).Sum(g => g.Count);
        var education = groups.Where(g => g.Type.Family() == MemberFamily.EducationResearch).Sum(g => g.Count);
        var home = groups.Where(g => g.Region is not null && homeRegions.Contains(g.Region)).Sum(g => g.Count);

        return
        [
            new(Active, active, [new("active", active)]),
            IndicatorValue.Share(SmeShare, "smes", smes, "companies_with_size", companies.Sum(g => g.Count)),
            IndicatorValue.Share(EducationShare, "education_research", education, "active", active),
            homeRegions.Count == 0
                ? IndicatorValue.Missing(HomeRegionShare, new IndicatorInput("home_regions", 0))
                : IndicatorValue.Share(HomeRegionShare, "in_home_regions", home, "active", active),
            IndicatorValue.Share(Retention, "retained", retained, "active_previous_year", activeBefore),
            new(Joined, joined, [new("joined", joined)]),
            new(Left, left, [new("left", left)]),
        ];
    }
}
