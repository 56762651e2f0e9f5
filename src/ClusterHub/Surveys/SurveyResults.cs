using System.Globalization;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Members;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Surveys;

/// <summary>
/// One group's figures for one item. Under <see cref="SurveyResults.MinRespondents"/> respondents the group is
/// <see cref="TooFew"/> and carries its count only: no mean, no dispersion, no distribution, anywhere.
/// <paramref name="Respondents"/> counts scores (1–5); "don't know" answers are counted apart and enter no figure.
/// </summary>
public sealed record GroupStat(MemberType? MemberType, int Respondents, int DontKnow, double? Mean, double? StdDev, IReadOnlyList<int>? Counts)
{
    public bool TooFew => Respondents < SurveyResults.MinRespondents;
}

public sealed record ItemResult(string Key, SurveyItem Item, GroupStat All, IReadOnlyList<GroupStat> ByType);

/// <summary>Invitations and answers of one member type (or of all, when the type is null).</summary>
public sealed record ResponseRate(MemberType? MemberType, int Invited, int Answered)
{
    public double? Rate => Invited == 0 ? null : (double)Answered / Invited;
}

/// <summary>A survey's results: the response rate overall and per member type, and every item's figures overall and per member type.</summary>
public sealed record SurveyReport(Survey Survey, ResponseRate Rate, IReadOnlyList<ResponseRate> RateByType, int Responses, IReadOnlyList<ItemResult> Items);

/// <summary>One line of the results export: an item for all respondents or one member type.</summary>
public sealed record ResultLine(string ItemKey, string Group, int Respondents, int DontKnow, double? Mean, double? StdDev, string Status,
    int? Score1, int? Score2, int? Score3, int? Score4, int? Score5);

/// <summary>
/// The figures of a survey: mean and dispersion (the sample standard deviation, n − 1) of each item's scores, for
/// all respondents and per member type, with the rule that a group of fewer than five respondents shows
/// "too few responses" instead of figures, everywhere (page, API, export, <see cref="SurveyEvidence"/>).
/// </summary>
public static class SurveyResults
{
    public const int MinRespondents = 5;

    /// <summary>The status the export writes for a suppressed group.</summary>
    public const string TooFewResponses = "too few responses";

    public static async Task<SurveyReport?> ComputeAsync(ClusterDb db, int clusterId, int year, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Items).SingleOrDefaultAsync(s => s.ClusterId == clusterId && s.Year == year, ct);
        return survey is null ? null : await ComputeAsync(db, survey, ct);
    }

    public static async Task<SurveyReport> ComputeAsync(ClusterDb db, Survey survey, CancellationToken ct)
    {
        var invitations = await db.SurveyInvitations.AsNoTracking().Where(i => i.SurveyId == survey.Id)
            .GroupBy(i => new { i.MemberType, i.Answered }).Select(g => new { g.Key.MemberType, g.Key.Answered, Count = g.Count() }).ToListAsync(ct);
        var rateByType = invitations.GroupBy(i => i.MemberType).OrderBy(g => g.Key)
            .Select(g => new ResponseRate(g.Key, g.Sum(i => i.Count), g.Where(i => i.Answered).Sum(i => i.Count))).ToList();
        var rate = new ResponseRate(null, rateByType.Sum(r => r.Invited), rateByType.Sum(r => r.Answered));
        var answers = await db.SurveyAnswers.AsNoTracking()
            .Join(db.SurveyResponses.Where(r => r.SurveyId == survey.Id), a => a.ResponseId, r => r.Id, (a, r) => new { a.ItemId, a.Score, r.MemberType })
            .ToListAsync(ct);
        var responses = await db.SurveyResponses.CountAsync(r => r.SurveyId == survey.Id, ct);
        var byItem = answers.ToLookup(a => a.ItemId);
        var items = survey.Items.OrderBy(i => i.Position).Select(item =>
        {
            var given = byItem[item.Id].ToList();
            var all = Stat(null, given.Select(a => a.Score));
            var byType = given.GroupBy(a => a.MemberType).OrderBy(g => g.Key).Select(g => Stat(g.Key, g.Select(a => a.Score))).ToList();
            return new ItemResult(item.Key, item, all, byType);
        }).ToList();
        return new SurveyReport(survey, rate, rateByType, responses, items);
    }

    /// <summary>A group's figures from its answers (null = don't know); suppressed under the threshold.</summary>
    public static GroupStat Stat(MemberType? type, IEnumerable<int?> answers)
    {
        var list = answers.ToList();
        var scores = list.Where(s => s is not null).Select(s => s!.Value).ToList();
        var dontKnow = list.Count - scores.Count;
        if (scores.Count < MinRespondents) return new(type, scores.Count, dontKnow, null, null, null);
        var mean = scores.Average();
        var sd = Math.Sqrt(scores.Sum(s => (s - mean) * (s - mean)) / (scores.Count - 1));
        var counts = Enumerable.Range(SurveyAnswers.MinScore, SurveyAnswers.MaxScore).Select(v => scores.Count(s => s == v)).ToList();
        return new(type, scores.Count, dontKnow, mean, sd, counts);
    }

    /// <summary>The report as export lines: per item, the line for all respondents, then one per member type.</summary>
    public static IEnumerable<ResultLine> Lines(SurveyReport report) =>
        report.Items.SelectMany(i => new[] { Line(i.Key, "all", i.All) }.Concat(i.ByType.Select(g => Line(i.Key, g.MemberType!.Value.ToString(), g))));

    private static ResultLine Line(string key, string group, GroupStat g) =>
        new(key, group, g.Respondents, g.DontKnow, Round(g.Mean), Round(g.StdDev), g.TooFew ? TooFewResponses : "",
            g.Counts?[0], g.Counts?[1], g.Counts?[2], g.Counts?[3], g.Counts?[4]);

    private static double? Round(double? v) => v is { } x ? Math.Round(x, 3) : null;

    public static string DownloadStem(string slug, int year) => string.Create(CultureInfo.InvariantCulture, $"{slug}-survey-{year}");

    public static readonly ExportTable<ResultLine> Table = new("survey-results",
    [
        new("item_key", l => l.ItemKey), new("group", l => l.Group), new("respondents", l => l.Respondents), new("dont_know", l => l.DontKnow),
        new("mean", l => l.Mean), new("std_dev", l => l.StdDev), new("status", l => l.Status),
        new("score_1", l => l.Score1), new("score_2", l => l.Score2), new("score_3", l => l.Score3), new("score_4", l => l.Score4), new("score_5", l => l.Score5),
    ]);
}
