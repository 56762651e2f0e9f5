using ClusterHub.Assessment;
using ClusterHub.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Surveys;

/// <summary>
/// The survey evidence of a cluster-year for the assessment's instruments, by item key (all respondents together): the year's survey once it
/// has been sent (a draft has no evidence); an empty list when there is none. The same rule as everywhere: under
/// <see cref="SurveyResults.MinRespondents"/> respondents, the count alone and no figures.
/// </summary>
public sealed class SurveyEvidence : ISurveyEvidence
{
    public async Task<IReadOnlyList<SurveyItemStat>> ItemStatsAsync(ClusterDb db, int clusterId, int year, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Items)
            .SingleOrDefaultAsync(s => s.ClusterId == clusterId && s.Year == year && s.State != SurveyState.Draft, ct);
        if (survey is null) return [];
        var report = await SurveyResults.ComputeAsync(db, survey, ct);
        return [.. report.Items.Select(i => new SurveyItemStat(i.Key, i.All.Respondents, i.All.Mean, i.All.StdDev))];
    }
}
