using ClusterHub.Data;
using ClusterHub.Demo;
using ClusterHub.Dues;
using ClusterHub.Indicators;

namespace ClusterHub.Strategy;

/// <summary>
/// Nuclear Valley's strategy lists. The three strategic areas are the source paper's; the names of the four
/// activity domains (the paper gives only "DAS 1–4") and the value-chain stages are illustrative.
/// </summary>
internal static class StrategyDemo
{
    public static async Task LoadAsync(DemoSeed seed, CancellationToken ct)
    {
        var db = seed.Get<ClusterDb>();
        var id = seed.ClusterId;
        db.StrategicAreas.AddRange(
            Entry<StrategicArea>(id, 1, "A1", "Eco-manufacturing and durability of medium and large components"),
            Entry<StrategicArea>(id, 2, "A2", "Management of high-performance components"),
            Entry<StrategicArea>(id, 3, "A3", "Maintenance and dismantling under extreme conditions"));
        db.ActivityDomains.AddRange(
            Entry<ActivityDomain>(id, 1, "DAS1", "New build: reactors and fuel-cycle facilities"),
            Entry<ActivityDomain>(id, 2, "DAS2", "Operating fleet: maintenance and lifetime extension"),
            Entry<ActivityDomain>(id, 3, "DAS3", "Dismantling, decommissioning and waste"),
            Entry<ActivityDomain>(id, 4, "DAS4", "Diversification into other demanding industries"));
        db.ValueChainStages.AddRange(
            Entry<ValueChainStage>(id, 1, "DESIGN", "Design and engineering"),
            Entry<ValueChainStage>(id, 2, "MANUFACTURING", "Manufacturing of components"),
            Entry<ValueChainStage>(id, 3, "CONSTRUCTION", "Construction and installation"),
            Entry<ValueChainStage>(id, 4, "OPERATION", "Operation and maintenance"),
            Entry<ValueChainStage>(id, 5, "DISMANTLING", "Dismantling and waste management"));
        await db.SaveChangesAsync(ct);
        await StrategyPlanning.SetVisionAsync(db, id,
            "A nuclear renaissance built on the excellence of French nuclear manufacturing: make the companies of the sector, "
            + "and its SMEs first, more competitive through collaborative innovation, skills and access to markets.", ct);
        await PlanAsync(seed, db, id, ct);
        seed.Finally(ct => ReviewsAsync(seed, db, id, ct)); // the reviews read every feature's indicators
        seed.Log.WriteLine("strategy: 3 strategic areas, 4 activity domains, 5 value-chain stages, objectives, roadmap, reviews 2016-2019");
    }

    /// <summary>Objectives on the registry's membership and dues indicators, and a roadmap on the paper's five axes (targets and actions illustrative).</summary>
    private static async Task PlanAsync(DemoSeed seed, ClusterDb db, int id, CancellationToken ct)
    {
        var planning = seed.Get<StrategyPlanning>();
        await DelegationsAsync(seed, db, id, ct);
        static List<TargetInput> Targets(params (int Year, double Value)[] t) => [.. t.Select(x => new TargetInput(x.Year, x.Value))];
        ObjectiveInput[] objectives =
        [
            new("Grow the membership to 270 organisations", Members.MemberIndicators.Active, null, 2015, null, 0.05,
                Targets((2016, 230), (2017, 245), (2018, 258), (2019, 270))),
            new("Keep SMEs at the heart of the cluster", Members.MemberIndicators.SmeShare, "A1", null, null, 0.05,
                Targets((2016, 0.75), (2017, 0.75), (2018, 0.75), (2019, 0.75))),
            new("Anchor the cluster in its two home regions", Members.MemberIndicators.HomeRegionShare, null, null, null, 0.1,
                Targets((2016, 0.6), (2017, 0.6), (2018, 0.6), (2019, 0.6))),
            new("Bring schools and research into the network", Members.MemberIndicators.EducationShare, "A3", null, null, 0.1,
                Targets((2017, 0.14), (2018, 0.15), (2019, 0.15))),
            new("Collect the dues that fund the secretariat", Dues.DuesIndicators.CollectionRate, null, null, null, 0.05,
                Targets((2016, 0.95), (2017, 0.95), (2018, 0.95), (2019, 0.95))),
            new("Make the French nuclear supply chain visible abroad", "manual.foreign_delegations", null, null, null, 0.1,
                Targets((2016, 8), (2017, 10), (2018, 12), (2019, 14))),
        ];
        foreach (var o in objectives)
        {
            var (_, errors) = await planning.AddObjectiveAsync(db, id, o, ct);
            if (errors.Count > 0) throw new InvalidOperationException($"demo objective '{o.Title}': {errors[0].Field} {errors[0].Reason}");
        }
        ActionInput[] actions =
        [
            new(RoadmapAxis.Research, "Call for collaborative projects on large forged components", "R&D team", "A1", new(2018, 1, 15), new(2019, 12, 31), ActionStatus.InProgress, 60),
            new(RoadmapAxis.Research, "Robotics for dismantling under extreme conditions: roadmap with CEA", "R&D team", "A3", new(2017, 9, 1), new(2019, 6, 30), ActionStatus.Done, 100),
            new(RoadmapAxis.Workforce, "International Nuclear Academy: continuing-education catalogue", "Training manager", null, new(2018, 3, 1), new(2019, 9, 30), ActionStatus.InProgress, 70),
            new(RoadmapAxis.Workforce, "Place PhD and master graduates in member SMEs", "Regional manager", null, new(2019, 1, 1), new(2020, 12, 31), ActionStatus.Planned, 10),
            new(RoadmapAxis.Attractiveness, "Welcome pack for new members in Auvergne-Rhône-Alpes", "Lyon branch", null, new(2019, 2, 1), new(2019, 10, 31), ActionStatus.InProgress, 40),
            new(RoadmapAxis.Promotion, "World Nuclear Exhibition stand shared with GIFEN", "Communication manager", null, new(2019, 5, 1), new(2019, 11, 28), ActionStatus.InProgress, 50),
            new(RoadmapAxis.Funding, "Guide members to the regions' and Bpifrance's funding", "Business-consulting manager", "A2", new(2018, 9, 1), new(2019, 12, 31), ActionStatus.InProgress, 55),
        ];
        foreach (var a in actions) await StrategyPlanning.SaveActionAsync(db, id, null, a, ct);
    }

    /// <summary>A manual indicator the platform cannot count, with a value and its evidence per year (illustrative figures).</summary>
    private static async Task DelegationsAsync(DemoSeed seed, ClusterDb db, int id, CancellationToken ct)
    {
        const string key = "manual.foreign_delegations";
        await ManualIndicators.SaveAsync(db, id, null, new ManualIndicatorInput("foreign_delegations", "Foreign delegations hosted",
            "Delegations of foreign utilities, vendors or agencies the secretariat hosted or led to members' sites, counted from its visit log.",
            IndicatorUnit.Count, IndicatorDirection.HigherIsBetter), ct);
        var now = seed.Get<TimeProvider>().GetUtcNow();
        foreach (var (year, count, evidence) in new[]
        {
            (2016, 7, "Visit log 2016: delegations from China (2), the United Kingdom (2), Japan, Finland and South Africa. (Illustrative record.)"),
            (2017, 11, "Visit log 2017: eleven delegations, four of them during the World Nuclear Exhibition preparation. (Illustrative record.)"),
            (2018, 12, "Visit log 2018: twelve delegations, including the Czech and Polish new-build programmes. (Illustrative record.)"),
            (2019, 13, "Visit log 2019 to August: thirteen delegations, including Korea's KHNP and India's NPCIL. (Illustrative record.)"),
        })
            await ManualIndicators.RecordAsync(db, id, key, year, new ManualValueInput(count, evidence), "secretariat", now, ct);
    }

    /// <summary>The bureau's August seminars: 2016–2018 held and closed, 2019 open (its indicators read live).</summary>
    private static async Task ReviewsAsync(DemoSeed seed, ClusterDb db, int id, CancellationToken ct)
    {
        var reviews = seed.Get<Reviews>();
        foreach (var year in Enumerable.Range(2016, 4))
        {
            await reviews.OpenAsync(db, id, new ReviewInput(year, new DateOnly(year, 8, 25), $"August seminar {year}"), ct);
            if (year == 2019) continue;
            await Reviews.RecordDecisionsAsync(db, id, year,
                $"The bureau confirmed the three strategic areas and set the targets for {year + 1}. (Illustrative record.)", ct);
            await reviews.CloseAsync(db, id, year, "bureau", ct);
        }
    }

    private static T Entry<T>(int clusterId, int order, string code, string name) where T : StrategyListEntry, new() =>
        new() { ClusterId = clusterId, Order = order, Code = code, Name = name };
}
