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
        // One row per member who had joined by the year's end: a few columns, never the member rows themselves.
        var members = await db.Members.AsNoTracking()
            .Where(m => m.ClusterId == clusterId && m.JoinedOn <= end)
            .Select(m => new { m.Type, m.SizeClass, m.Region, m.JoinedOn, m.Status, m.StatusSince })
            .ToListAsync(ct);
        var homeRegions = (await ClusterOffice.HomeRegionsAsync(db, clusterId, ct)).ToHashSet(StringComparer.Ordinal);

        bool ActiveOn(DateOnly day, MemberStatus status, DateOnly since, DateOnly joined) =>
            joined <= day && (status == MemberStatus.Active || since > day);

        var active = members.Where(m => ActiveOn(end, m.Status, m.StatusSince, m.JoinedOn)).ToList();
        var companies = active.Where(m => m.Type.Family() == MemberFamily.Company && m.SizeClass != SizeClass.Unknown).ToList();
        var smes = companies.Count(m => m.SizeClass is SizeClass.Micro or SizeClass.Small or SizeClass.Medium);
        var education = active.Count(m => m.Type.Family() == MemberFamily.EducationResearch);
        var home = active.Count(m => m.Region is not null && homeRegions.Contains(m.Region));
        var activeBefore = members.Where(m => ActiveOn(previousEnd, m.Status, m.StatusSince, m.JoinedOn)).ToList();
        var retained = activeBefore.Count(m => ActiveOn(end, m.Status, m.StatusSince, m.JoinedOn));
        var joined = members.Count(m => m.JoinedOn.Year == year);
        var left = members.Count(m => m.Status != MemberStatus.Active && m.StatusSince.Year == year);

        return
        [
            new(Active, active.Count, [new("active", active.Count)]),
            IndicatorValue.Share(SmeShare, "smes", smes, "companies_with_size", companies.Count),
            IndicatorValue.Share(EducationShare, "education_research", education, "active", active.Count),
            homeRegions.Count == 0
                ? IndicatorValue.Missing(HomeRegionShare, new IndicatorInput("home_regions", 0))
                : IndicatorValue.Share(HomeRegionShare, "in_home_regions", home, "active", active.Count),
            IndicatorValue.Share(Retention, "retained", retained, "active_previous_year", activeBefore.Count),
            new(Joined, joined, [new("joined", joined)]),
            new(Left, left, [new("left", left)]),
        ];
    }
}
