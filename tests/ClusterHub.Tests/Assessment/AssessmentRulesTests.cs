using ClusterHub.Assessment;
using ClusterHub.Indicators;

namespace ClusterHub.Tests.Assessment;

/// <summary>The pure pieces: the scorer, the life-cycle rules and the findings' rules, without a database.</summary>
public sealed class AssessmentRulesTests
{
    private static Texts T(string en) => new() { ["en"] = en };

    private static IndicatorSpec Ind(string key, double weight, ScoringRule rule, EvidenceSource source = EvidenceSource.Registry) =>
        new(key, T(key), source, source == EvidenceSource.Judgement ? null : "x." + key, weight, rule);

    private static readonly ScoringRule Linear = new(null, 0, 10);

    private static InstrumentSpec Instrument(params LevelSpec[] levels) => new("t", T("test"), null,
    [
        new DimensionSpec("d1", T("d1"), 1, [new FactorSpec("f1", T("f1"), 1, [Ind("a", 1, Linear), Ind("b", 3, Linear)]), new FactorSpec("f2", T("f2"), 1, [Ind("c", 1, Linear)])]),
        new DimensionSpec("d2", T("d2"), 3, [new FactorSpec("f3", T("f3"), 1, [Ind("j", 1, new ScoringRule(null, 1, 5), EvidenceSource.Judgement)])]),
    ], levels);

    private static Evidence Value(double v) => new(EvidenceSource.Registry, null, v, null);

    [Fact]
    public void Scores_are_weighted_means_over_what_has_evidence_and_missing_evidence_is_never_zero()
    {
        var all = AssessmentScorer.Score(Instrument(), new Dictionary<string, Evidence> { ["a"] = Value(2), ["b"] = Value(6), ["c"] = Value(10), ["j"] = Value(4) });
        var f1 = all.Dimensions[0].Factors[0];
        Assert.Equal((1 * 20 + 3 * 60) / 4.0, f1.Score!.Value, 9);
        Assert.Equal(1, all.Coverage);
        Assert.Equal(((50 + 100) / 2.0 * 1 + 75 * 3) / 4, all.Score!.Value, 9);

        // b missing: f1 is a's score alone (not dragged to zero), covering a quarter of its weight.
        var some = AssessmentScorer.Score(Instrument(), new Dictionary<string, Evidence> { ["a"] = Value(2), ["c"] = Value(10) });
        f1 = some.Dimensions[0].Factors[0];
        Assert.Equal(20, f1.Score);
        Assert.Equal(0.25, f1.Coverage);
        var b = f1.Indicators[1];
        Assert.Null(b.Score);
        Assert.Equal(MissingReason.NotRegistered, b.Evidence.Missing);
        Assert.Null(some.Dimensions[1].Score); // the judgement was never made: no score, not zero
        Assert.Equal(MissingReason.NotJudged, some.Dimensions[1].Factors[0].Indicators[0].Evidence.Missing);
        Assert.Equal((1 * (0.25 + 1) / 2 + 3 * 0) / 4, some.Coverage, 9);
        Assert.Equal(60, some.Score); // the mean of d1's factors (20 and 100); d2 has nothing to count
    }

    [Fact]
    public void Bands_take_the_first_band_holding_the_value_in_either_direction_and_the_linear_scale_clamps()
    {
        var higher = new ScoringRule([new(10, null, 100), new(5, null, 50), new(null, null, 10)], null, null);
        Assert.Equal([100.0, 100, 50, 10], new double[] { 12, 10, 7, -1 }.Select(v => AssessmentScorer.Apply(higher, v)!.Value));
        var lower = new ScoringRule([new(null, 0.25, 100), new(null, 0.5, 60)], null, null);
        Assert.Equal(100, AssessmentScorer.Apply(lower, 0.1));
        Assert.Equal(60, AssessmentScorer.Apply(lower, 0.25));
        Assert.Null(AssessmentScorer.Apply(lower, 0.9)); // no band holds it: no score
        var within = new ScoringRule([new(0.25, 0.6, 100), new(null, null, 25)], null, null);
        Assert.Equal([25.0, 100, 25], new[] { 0.1, 0.4, 0.7 }.Select(v => AssessmentScorer.Apply(within, v)!.Value));
        Assert.Equal([0.0, 50, 100, 100], new double[] { 0, 3, 5, 9 }.Select(v => AssessmentScorer.Apply(new ScoringRule(null, 1, 5), v)!.Value));
        Assert.Equal(75, AssessmentScorer.Apply(new ScoringRule(null, 1, 0), 0.25)); // from above to below: lower is better
    }

    [Fact]
    public void A_level_needs_both_its_score_and_its_coverage()
    {
        LevelSpec[] levels = [new("gold", T("Gold"), 80, 0.9), new("silver", T("Silver"), 60, 0.7), new("bronze", T("Bronze"), 40, 0.5)];
        Assert.Equal("gold", AssessmentScorer.LevelFor(levels, 85, 0.95)?.Key);
        Assert.Equal("silver", AssessmentScorer.LevelFor(levels, 85, 0.8)?.Key); // high score on too little evidence
        Assert.Equal("bronze", AssessmentScorer.LevelFor(levels, 45, 1)?.Key);
        Assert.Null(AssessmentScorer.LevelFor(levels, 39, 1));
        Assert.Null(AssessmentScorer.LevelFor(levels, null, 0));
    }

    [Fact]
    public void The_shipped_instruments_are_valid_and_the_validator_refuses_what_the_scorer_could_not_read()
    {
        Assert.Equal([Instruments.Cipm, Instruments.Excellence], Instruments.Shipped.Select(s => s.Key).Order(StringComparer.Ordinal));
        var cipm = Instruments.Shipped.Single(s => s.Key == Instruments.Cipm);
        Assert.Equal(["setting", "objectives", "process", "performance"], cipm.Dimensions.Select(d => d.Key));
        Assert.Equal(["initiation_planning", "momentum", "framework_consensus", "governance", "facilitator_resources"], cipm.Dimensions[2].Factors.Select(f => f.Key));
        Assert.All(cipm.Indicators, i => Assert.True(i.Name.ContainsKey("ko") && i.Name.ContainsKey("fr"), i.Key));
        Assert.Equal(["gold", "silver", "bronze"], Instruments.Shipped.Single(s => s.Key == Instruments.Excellence).Levels!.Select(l => l.Key));

        var bad = cipm with
        {
            Key = "Bad Key",
            Dimensions = [cipm.Dimensions[0] with { Weight = -1, Factors = [cipm.Dimensions[0].Factors[0] with { Indicators =
                [cipm.Dimensions[0].Factors[0].Indicators[0] with { Scoring = new ScoringRule([new(5, 1, 50)], null, null) },
                 cipm.Dimensions[0].Factors[0].Indicators[0] with { SourceKey = null }] }] }],
        };
        var fields = Instruments.Validate(bad).Select(e => e.Field).ToList();
        Assert.Contains("key", fields);
        Assert.Contains("dimensions[0].weight", fields);
        Assert.Contains("dimensions[0].factors[0].indicators[0].scoring.bands[0]", fields);
        Assert.Contains("dimensions[0].factors[0].indicators[1].key", fields); // used twice
        Assert.Contains("dimensions[0].factors[0].indicators[1].sourceKey", fields);
        Assert.Empty(Instruments.Validate(cipm));
    }

    [Fact]
    public void The_life_cycle_stage_follows_stated_rules_and_says_why()
    {
        LifeCycleFacts Facts(int year, double? members = 150, double? staff = null, double? reviews = 3, double? certified = 2, double? ties = null) =>
            new(year, 2005, members, staff, reviews, 10, certified, ties);
        Assert.Equal(LifeCycleStage.Preconditions, LifeCycleRules.Infer(Facts(2004)).Stage); // not founded yet
        Assert.Equal(LifeCycleStage.InitiativeFormed, LifeCycleRules.Infer(Facts(2006)).Stage); // too young to run
        Assert.Equal(LifeCycleStage.InitiativeRunning, LifeCycleRules.Infer(Facts(2010)).Stage); // too young to be an institution
        Assert.Equal(LifeCycleStage.InstitutionForCollaboration, LifeCycleRules.Infer(Facts(2019)).Stage); // staff and ties unknown: not counted
        var fewStaff = LifeCycleRules.Infer(Facts(2019, staff: 2));
        Assert.Equal(LifeCycleStage.InitiativeRunning, fewStaff.Stage); // known and too few
        Assert.Contains(fewStaff.Checks, c => c.Stage == LifeCycleStage.InstitutionForCollaboration && c.Key == "staff" && c.Holds == false && c.Value == 2);
        var noMembers = LifeCycleRules.Infer(Facts(2019, members: null));
        Assert.Equal(LifeCycleStage.Preconditions, noMembers.Stage); // required and missing: not reached
        Assert.Contains(noMembers.Checks, c => c.Key == "members" && c.Holds is null);
    }

    private static FindingFacts Facts(Dictionary<string, double?> registry, Dictionary<string, Evidence>? judgements = null, int[]? reviews = null, int? outside = 5) =>
        new(2019, registry, "Pôle de compétitivité", 2005, 9, reviews ?? [2016, 2017, 2018], outside, judgements ?? []);

    [Fact]
    public void Findings_follow_the_evidence_and_say_when_it_is_missing_or_against_them()
    {
        var registry = new Dictionary<string, double?>
        {
            ["members.active"] = 270, ["members.home_region_share"] = 0.6, ["members.education_research_share"] = 0.15,
            ["strategy.reviews_held"] = 3, ["finance.staff"] = 12, ["finance.public_share"] = 0.4,
            ["governance.weak_tie_share"] = 0.3, ["governance.medium_tie_share"] = 0.5, ["governance.strong_tie_share"] = 0.2, ["governance.hub_levels_bridged"] = 3,
        };
        var momentum = new Dictionary<string, Evidence> { [FindingRules.MomentumItem] = new(EvidenceSource.Judgement, null, 5, null) { Text = "crisis", Author = "a" } };
        var all = FindingRules.Derive(Facts(registry, momentum)).ToDictionary(f => f.Key);
        Assert.All(all.Values, f => Assert.Equal(FindingState.Stated, f.State));
        Assert.Equal(9, all[FindingRules.Initiation].Evidence[2].Value);
        Assert.Equal(0.4, all[FindingRules.Hub].Evidence[2].Value!.Value, 9); // 40 % outside the home regions

        // The data change, the findings follow: a gap in the reviews, ties mostly strong, the state paying most, no judgement.
        registry["governance.strong_tie_share"] = 0.7;
        registry["finance.public_share"] = 0.8;
        var changed = FindingRules.Derive(Facts(registry, reviews: [2014, 2016, 2018])).ToDictionary(f => f.Key);
        Assert.Equal(FindingState.NotSupported, changed[FindingRules.Framework].State);
        Assert.Equal(FindingState.NotSupported, changed[FindingRules.Governance].State);
        Assert.Equal(FindingState.NotSupported, changed[FindingRules.Hub].State);
        Assert.Equal(FindingState.EvidenceMissing, changed[FindingRules.Momentum].State);

        // Without the governance and finance indicators the two findings that need them say their evidence is missing.
        foreach (var key in registry.Keys.Where(k => k.StartsWith("governance.", StringComparison.Ordinal) || k.StartsWith("finance.", StringComparison.Ordinal)).ToList())
            registry.Remove(key);
        var partial = FindingRules.Derive(Facts(registry, momentum)).ToDictionary(f => f.Key);
        Assert.Equal(FindingState.EvidenceMissing, partial[FindingRules.Governance].State);
        Assert.Equal(FindingState.EvidenceMissing, partial[FindingRules.Hub].State);
        Assert.Equal(FindingState.Stated, partial[FindingRules.Community].State);
    }
}
