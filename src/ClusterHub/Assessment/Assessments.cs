using System.Text.Json;
using ClusterHub.Clusters;
using ClusterHub.Data;
using ClusterHub.Indicators;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Assessment;

/// <summary>
/// Survey evidence, implemented by the surveys feature (Surveys/SurveyEvidence) and resolved optionally: without it every survey
/// item is missing. <see cref="SurveyItemStat.Mean"/> is null below five respondents.
/// </summary>
public interface ISurveyEvidence
{
    Task<IReadOnlyList<SurveyItemStat>> ItemStatsAsync(ClusterDb db, int clusterId, int year, CancellationToken ct);
}

public sealed record SurveyItemStat(string ItemKey, int Respondents, double? Mean, double? StdDev);

/// <summary>
/// A cluster's assessment for one year on one instrument version: the scores with their evidence, the life-cycle stage and
/// the findings. What is stored (saved or final) is read back as it was; otherwise it is computed live.
/// </summary>
public sealed record AssessmentReport(
    string Cluster, string ClusterName, int Year, string InstrumentKey, int InstrumentVersion, Texts InstrumentName,
    InstrumentScore Result, LifeCycleReading LifeCycle, IReadOnlyList<Finding> Findings, DateTime ComputedAt)
{
    public RecordState? State { get; init; }
    public DateTime? SavedAt { get; init; }
    public string? SavedBy { get; init; }
}

public enum JudgeOutcome { Done, NotFound, NotAJudgementItem, Invalid, Finalised, Conflict }
public enum SaveOutcome { Done, NotFound, Finalised, Conflict }

public sealed record JudgementInput(double Value, string? Evidence);

/// <summary>The assessment's operations, for the API, the pages, the CLI and the demo.</summary>
public sealed class Assessments(IndicatorRegistry registry, TimeProvider clock, IServiceProvider services)
{
    public const int MinRespondents = 5;

    /// <summary>The stored assessment if an analyst saved one, else the live one on the instrument's latest version; null when there is no such instrument.</summary>
    public async Task<AssessmentReport?> ReportAsync(ClusterDb db, Cluster cluster, int year, string instrumentKey, CancellationToken ct)
    {
        if (!Instruments.IsKey(instrumentKey)) return null;
        var stored = await db.Set<AssessmentRecord>().AsNoTracking()
            .SingleOrDefaultAsync(r => r.ClusterId == cluster.Id && r.Year == year && r.InstrumentKey == instrumentKey, ct);
        if (stored is not null)
            return JsonSerializer.Deserialize<AssessmentReport>(stored.Result, InstrumentSpec.Json)! with { State = stored.State, SavedAt = stored.SavedAt, SavedBy = stored.SavedBy };
        var instrument = await Instruments.LatestAsync(db, clock, cluster.Id, instrumentKey, ct);
        return instrument is null ? null : await ComputeAsync(db, cluster, year, instrument, ct);
    }

    /// <summary>Gathers every indicator's evidence, scores the instrument, infers the stage and derives the findings.</summary>
    public async Task<AssessmentReport> ComputeAsync(ClusterDb db, Cluster cluster, int year, AssessmentInstrument instrument, CancellationToken ct)
    {
        var spec = InstrumentMapping.ToSpec(instrument);
        var readings = (await registry.ComputeAsync(db, cluster.Id, year, ct)).ToDictionary(r => r.Definition.Key, StringComparer.Ordinal);
        var judgements = await db.Set<AssessmentJudgement>().AsNoTracking()
            .Where(j => j.ClusterId == cluster.Id && j.Year == year && j.InstrumentId == instrument.Id).ToListAsync(ct);
        var survey = services.GetService<ISurveyEvidence>() is { } s
            ? (await s.ItemStatsAsync(db, cluster.Id, year, ct)).ToDictionary(i => i.ItemKey, StringComparer.Ordinal)
            : null;

        var evidence = new Dictionary<string, Evidence>(StringComparer.Ordinal);
        foreach (var x in spec.Indicators)
            evidence[x.Key] = x.Source switch
            {
                EvidenceSource.Registry => readings.GetValueOrDefault(x.SourceKey!) is { } r
                    ? new Evidence(x.Source, x.SourceKey, r.Value, r.Value is null ? MissingReason.NotComputable : null)
                        { Unit = r.Definition.Unit, Inputs = r.Inputs, DefinitionKey = r.Definition.DefinitionKey }
                    : Evidence.Absent(x.Source, x.SourceKey, MissingReason.NotRegistered),
                EvidenceSource.Survey => survey is null ? Evidence.Absent(x.Source, x.SourceKey, MissingReason.NoSurvey)
                    : survey.GetValueOrDefault(x.SourceKey!) is not { } stat || stat.Respondents == 0 ? Evidence.Absent(x.Source, x.SourceKey, MissingReason.NoSurvey)
                    : stat.Respondents < MinRespondents || stat.Mean is null ? Evidence.Absent(x.Source, x.SourceKey, MissingReason.TooFewRespondents) with { Respondents = stat.Respondents }
                    : new Evidence(x.Source, x.SourceKey, stat.Mean, null) { Respondents = stat.Respondents, StdDev = stat.StdDev, Unit = IndicatorUnit.Ratio },
                _ => judgements.FirstOrDefault(j => j.IndicatorKey == x.Key) is { } j
                    ? new Evidence(x.Source, null, j.Value, null) { Text = j.Evidence, Author = j.Author, At = j.JudgedAt, Unit = IndicatorUnit.Ratio }
                    : Evidence.Absent(x.Source, null, MissingReason.NotJudged),
            };
        var result = AssessmentScorer.Score(spec, evidence);

        double? V(string key) => readings.GetValueOrDefault(key)?.Value;
        var lifeCycle = LifeCycleRules.Infer(new LifeCycleFacts(year, cluster.FoundedOn?.Year, V("members.active"), V("finance.staff"), V("strategy.reviews_held"),
            V("projects.worked_on"), V("projects.certified"), V("governance.ties")));
        var findings = FindingRules.Derive(await FactsAsync(db, cluster, year, readings, evidence, ct));
        return new AssessmentReport(cluster.Slug, cluster.Name, year, instrument.Key, instrument.Version, spec.Name, result, lifeCycle, findings, clock.GetUtcNow().UtcDateTime);
    }

    private static async Task<FindingFacts> FactsAsync(ClusterDb db, Cluster cluster, int year, Dictionary<string, IndicatorReading> readings,
        Dictionary<string, Evidence> evidence, CancellationToken ct)
    {
        var end = new DateOnly(year, 12, 31);
        var certification = await db.Set<ClusterCertification>().AsNoTracking().Where(c => c.ClusterId == cluster.Id)
            .OrderBy(c => c.GrantedOn).Select(c => new { c.Label, c.GrantedOn }).FirstOrDefaultAsync(ct);
        var founders = await db.Members.AsNoTracking().CountAsync(m => m.ClusterId == cluster.Id && m.IsFoundingMember && m.JoinedOn <= end, ct);
        var reviewYears = await db.StrategyReviews.AsNoTracking()
            .Where(r => r.ClusterId == cluster.Id && r.State == Strategy.ReviewState.Closed && r.Year <= year).Select(r => r.Year).ToListAsync(ct);
        var home = await ClusterOffice.HomeRegionsAsync(db, cluster.Id, ct);
        int? outsideInProjects = null;
        if (home.Count > 0)
        {
            var until = new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            outsideInProjects = await (from p in db.ProposalPartners.AsNoTracking()
                                       join pr in db.Proposals on p.ProposalId equals pr.Id
                                       join m in db.Members on p.MemberId equals m.Id
                                       where pr.ClusterId == cluster.Id && pr.CreatedAt < until && m.Region != null && !home.Contains(m.Region)
                                       select m.Id).Distinct().CountAsync(ct);
        }
        return new FindingFacts(year, readings.ToDictionary(r => r.Key, r => r.Value.Value, StringComparer.Ordinal),
            certification?.Label, certification?.GrantedOn.Year, founders, reviewYears, outsideInProjects,
            evidence.Where(e => e.Value.Source == EvidenceSource.Judgement).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));
    }

    /// <summary>Saves (or finalises) the year's assessment on the instrument's latest version; a final one is never changed.</summary>
    public async Task<(SaveOutcome, AssessmentReport?)> SaveAsync(ClusterDb db, Cluster cluster, int year, string instrumentKey, bool finalise, string actor, CancellationToken ct)
    {
        var instrument = await Instruments.LatestAsync(db, clock, cluster.Id, instrumentKey, ct);
        if (instrument is null) return (SaveOutcome.NotFound, null);
        var record = await db.Set<AssessmentRecord>().SingleOrDefaultAsync(r => r.ClusterId == cluster.Id && r.Year == year && r.InstrumentKey == instrumentKey, ct);
        if (record?.State == RecordState.Final) return (SaveOutcome.Finalised, null);
        var report = await ComputeAsync(db, cluster, year, instrument, ct);
        if (record is null)
            db.Add(record = new AssessmentRecord { ClusterId = cluster.Id, Year = year, InstrumentKey = instrumentKey });
        record.InstrumentId = instrument.Id;
        record.InstrumentVersion = instrument.Version;
        record.State = finalise ? RecordState.Final : RecordState.Saved;
        record.Result = JsonSerializer.Serialize(report, InstrumentSpec.Json);
        record.SavedAt = clock.GetUtcNow().UtcDateTime;
        record.SavedBy = actor.Length > 256 ? actor[..256] : actor;
        db.ChangeReason = finalise ? $"assessment {year} finalised" : $"assessment {year} saved";
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e)) { return (SaveOutcome.Conflict, null); }
        return (SaveOutcome.Done, report with { State = record.State, SavedAt = record.SavedAt, SavedBy = record.SavedBy });
    }

    /// <summary>An analyst's judgement of a judgement item of the instrument's latest version: 1–5 with written evidence.</summary>
    public async Task<(JudgeOutcome, List<FieldError>)> JudgeAsync(ClusterDb db, int clusterId, int year, string instrumentKey, string itemKey, JudgementInput input, string author, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (Years.Validate(year) is { } y) errors.Add(y);
        if (!double.IsFinite(input.Value) || input.Value is < 1 or > 5) errors.Add(new("value", input.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be between 1 and 5"));
        var text = InputText.Blank(input.Evidence);
        if (text is null) errors.Add(new("evidence", null, "is required: a judgement states its evidence"));
        else if (InputText.Check(text, AssessmentLimits.Evidence) is { } reason) errors.Add(new("evidence", InputText.Echo(text), reason));
        if (errors.Count > 0) return (JudgeOutcome.Invalid, errors);
        var instrument = await Instruments.LatestAsync(db, clock, clusterId, instrumentKey, ct); // checks the key before any query
        if (instrument is null) return (JudgeOutcome.NotFound, errors);
        var item = instrument.Dimensions.SelectMany(d => d.Factors).SelectMany(f => f.Indicators).FirstOrDefault(i => i.Key == itemKey);
        if (item is null) return (JudgeOutcome.NotFound, errors);
        if (item.Source != EvidenceSource.Judgement) return (JudgeOutcome.NotAJudgementItem, errors);
        if (await db.Set<AssessmentRecord>().AnyAsync(r => r.ClusterId == clusterId && r.Year == year && r.InstrumentKey == instrumentKey && r.State == RecordState.Final, ct))
            return (JudgeOutcome.Finalised, errors);
        var judgement = await db.Set<AssessmentJudgement>()
            .SingleOrDefaultAsync(j => j.ClusterId == clusterId && j.Year == year && j.InstrumentId == instrument.Id && j.IndicatorKey == itemKey, ct);
        if (judgement is null)
            db.Add(judgement = new AssessmentJudgement { ClusterId = clusterId, Year = year, InstrumentId = instrument.Id, IndicatorKey = itemKey });
        judgement.Value = input.Value;
        judgement.Evidence = text!;
        judgement.Author = author.Length > 256 ? author[..256] : author;
        judgement.JudgedAt = clock.GetUtcNow().UtcDateTime;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e)) { return (JudgeOutcome.Conflict, errors); }
        return (JudgeOutcome.Done, errors);
    }

    /// <summary>The assessment of each year of a range (stored ones as stored), for the trend.</summary>
    public async Task<List<AssessmentReport>> TrendAsync(ClusterDb db, Cluster cluster, int from, int to, string instrumentKey, CancellationToken ct)
    {
        var reports = new List<AssessmentReport>();
        for (var year = from; year <= to; year++)
            if (await ReportAsync(db, cluster, year, instrumentKey, ct) is { } r) reports.Add(r);
        return reports;
    }
}

/// <summary>One indicator's change between two assessments, and its effect on the total score (its score change times its share of the weight).</summary>
public sealed record IndicatorChange(string Key, Texts Name, string Dimension, string Factor, double? ValueFrom, double? ValueTo, double? ScoreFrom, double? ScoreTo, double? Effect);

public static class AssessmentDiff
{
    /// <summary>
    /// The differences between two years, explained by indicator, largest effect first. An indicator's share of the weight
    /// is its weight within its factor × the factor's within its dimension × the dimension's within the instrument.
    /// </summary>
    public static List<IndicatorChange> Between(AssessmentReport from, AssessmentReport to)
    {
        var before = from.Result.Indicators.ToDictionary(i => i.Spec.Key, StringComparer.Ordinal);
        var changes = new List<IndicatorChange>();
        var dimWeight = to.Result.Dimensions.Sum(d => d.Spec.Weight);
        foreach (var d in to.Result.Dimensions)
        {
            var factorWeight = d.Factors.Sum(f => f.Spec.Weight);
            foreach (var f in d.Factors)
            {
                var indicatorWeight = f.Indicators.Sum(i => i.Spec.Weight);
                foreach (var i in f.Indicators)
                {
                    var old = before.GetValueOrDefault(i.Spec.Key);
                    var share = d.Spec.Weight / dimWeight * (f.Spec.Weight / factorWeight) * (i.Spec.Weight / indicatorWeight);
                    double? effect = i.Score is { } s && old?.Score is { } o ? (s - o) * share : null;
                    changes.Add(new IndicatorChange(i.Spec.Key, i.Spec.Name, d.Spec.Key, f.Spec.Key, old?.Evidence.Value, i.Evidence.Value, old?.Score, i.Score, effect));
                }
            }
        }
        return [.. changes.OrderByDescending(c => Math.Abs(c.Effect ?? 0)).ThenBy(c => c.Key, StringComparer.Ordinal)];
    }
}
