using ClusterHub.Data;
using ClusterHub.Demo;
using ClusterHub.Members;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Projects;

/// <summary>
/// Nuclear Valley's R&amp;D pipeline 2006–2019: the funders and calls of the period, and a deterministic set of proposals
/// walked through <see cref="ProposalWorkflow.Apply"/> (the same rules as the API) with dates in their year. 2011 matches
/// the source paper: 80 proposals worked on, 34 certified (see <see cref="ProjectFunnel"/> for "worked on"). Every other
/// figure, name and amount is illustrative (samples/nuclear-valley/README.md).
/// </summary>
internal static class ProjectsDemo
{
    /// <summary>Proposals worked on and certified per year; 2011 is the paper's, the rest illustrative (a ramp-up, then a plateau).</summary>
    public static readonly IReadOnlyDictionary<int, (int WorkedOn, int Certified)> Targets = new Dictionary<int, (int, int)>
    {
        [2006] = (24, 9), [2007] = (38, 15), [2008] = (52, 21), [2009] = (63, 26), [2010] = (72, 30), [2011] = (80, 34), [2012] = (78, 33),
        [2013] = (74, 31), [2014] = (70, 30), [2015] = (68, 29), [2016] = (66, 28), [2017] = (64, 27), [2018] = (62, 27), [2019] = (60, 26),
    };

    public static async Task LoadAsync(DemoSeed seed, CancellationToken ct)
    {
        var db = seed.Get<ClusterDb>();
        var clusterId = seed.ClusterId;
        var now = seed.Today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var funders = new Dictionary<string, Funder>
        {
            ["FUI"] = new() { ClusterId = clusterId, Name = "FUI (Fonds unique interministériel)", Kind = FunderKind.StateProgramme },
            ["ANR"] = new() { ClusterId = clusterId, Name = "ANR", Kind = FunderKind.Anr },
            ["BPI"] = new() { ClusterId = clusterId, Name = "Bpifrance (PSPC)", Kind = FunderKind.Bpifrance },
            ["REG"] = new() { ClusterId = clusterId, Name = "Région Bourgogne", Kind = FunderKind.Region },
            ["EU"] = new() { ClusterId = clusterId, Name = "EU framework programme (FP7, H2020)", Kind = FunderKind.HorizonEurope },
            ["INV"] = new() { ClusterId = clusterId, Name = "Nuclear industry investors (illustrative)", Kind = FunderKind.PrivateInvestor },
        };
        db.Funders.AddRange(funders.Values);
        var calls = new List<FundingCall>();
        foreach (var year in Targets.Keys)
            foreach (var (key, title, minPartners, sme, months, rates) in CallShapes)
                calls.Add(new FundingCall
                {
                    ClusterId = clusterId, Funder = funders[key], Title = $"{title} {year}", Themes = "Nuclear manufacturing, components, maintenance and dismantling",
                    OpensOn = new(year, 1, 1), ClosesOn = new(year, 12, 31), ResultsOn = new(year + 1, 3, 31),
                    // Open while the demo files its proposals; set to its real state at the end.
                    State = CallState.Open, MinPartners = minPartners, RequiresSme = sme, MaxDurationMonths = months,
                    FundingRates = [.. rates.Select(r => new CallFundingRate { Category = r.Category, MaxRatePercent = r.Rate })],
                });
        db.FundingCalls.AddRange(calls);
        await db.SaveChangesAsync(ct);

        var areas = await db.StrategicAreas.Where(a => a.ClusterId == clusterId).OrderBy(a => a.Order).Select(a => a.Id).ToListAsync(ct);
        var domains = await db.ActivityDomains.Where(a => a.ClusterId == clusterId).OrderBy(a => a.Order).Select(a => a.Id).ToListAsync(ct);
        var members = await db.Members.AsNoTracking().Where(m => m.ClusterId == clusterId).OrderBy(m => m.Id)
            .Select(m => new Org(m.Id, m.Name, m.Type, m.SizeClass, m.JoinedOn)).ToListAsync(ct);
        var random = new Random(2011);
        var total = 0;
        foreach (var (year, (workedOn, certified)) in Targets)
        {
            var active = members.Where(m => m.JoinedOn.Year <= year).ToList();
            var companies = active.Where(m => PartnerCategories.Of(m.Type, m.SizeClass) is PartnerCategory.LargeCompany or PartnerCategory.MidSizeCompany).ToList();
            var smes = active.Where(m => PartnerCategories.Of(m.Type, m.SizeClass) == PartnerCategory.Sme).ToList();
            var labs = active.Where(m => PartnerCategories.Of(m.Type, m.SizeClass) == PartnerCategory.Research).ToList();
            var yearCalls = calls.Where(c => c.OpensOn.Year == year).ToList();
            for (var i = 0; i < workedOn; i++)
            {
                var call = yearCalls[i % yearCalls.Count];
                var coordinator = i % 3 == 0 ? smes[random.Next(smes.Count)] : companies[random.Next(companies.Count)];
                var sme = smes.Where(s => s.Id != coordinator.Id).ElementAt(random.Next(smes.Count - 1));
                var lab = labs[random.Next(labs.Count)];
                ProposalPartner Partner(Org m, PartnerRole role) => Consortium(m.Id, m.Name, PartnerCategories.Of(m.Type, m.SizeClass), role, call, random);
                var created = new DateTime(year, 1 + i % 6, 1 + i % 27, 9, 0, 0, DateTimeKind.Utc);
                var acronym = $"NV{year % 100:D2}-{i + 1:D2}";
                var proposal = new Proposal
                {
                    ClusterId = clusterId, CallId = call.Id, Call = call, Title = $"{Topics[i % Topics.Length]} ({acronym})", Acronym = acronym,
                    NormalizedTitle = Names.Normalize($"{acronym} {Topics[i % Topics.Length]} ({acronym})"),
                    Summary = "Illustrative proposal of the Nuclear Valley demo.", StrategicAreaId = areas.Count > 0 ? areas[i % areas.Count] : null,
                    ActivityDomainId = domains.Count > 0 ? domains[i % domains.Count] : null, DurationMonths = 24 + 4 * (i % 4), TrlStart = 3 + i % 3, TrlTarget = 6 + i % 3,
                    State = ProposalState.Draft, CreatedAt = created, StateSince = created, CoordinatorMemberId = coordinator.Id,
                    Partners = [Partner(coordinator, PartnerRole.Coordinator), Partner(sme, PartnerRole.Partner), Partner(lab, PartnerRole.Partner)],
                };
                proposal.StateChanges.Add(new ProposalStateChange { ClusterId = clusterId, To = ProposalState.Draft, At = created, Actor = "demo" });
                Walk(proposal, i, certified, created, now);
                proposal.Call = null; // the calls are saved already; the tracker is cleared after each year
                db.Proposals.Add(proposal);
                total++;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        foreach (var call in await db.FundingCalls.Where(c => c.ClusterId == clusterId).ToListAsync(ct))
            call.State = call.ResultsOn is { } r && DateOnly.FromDateTime(now) >= r ? CallState.Results : DateOnly.FromDateTime(now) > call.ClosesOn ? CallState.Closed : CallState.Open;
        await db.SaveChangesAsync(ct);
        await ReviewCallAsync(seed, members, ct);
        seed.Finally(ct2 => CommitteesDemo.LoadAsync(seed, ct2)); // after the accounts exist
        seed.Log.WriteLine($"projects: {funders.Count} funders, {calls.Count} calls, {total} proposals 2006-2019 (2011: 80 worked on, 34 certified)");
    }

    /// <summary>
    /// One proposal's path, all labelling moves inside its year: the first <paramref name="certified"/> of the year are certified,
    /// every fourth of them after one return; the rest rejected. Certified ones go on to the funder, most are funded the next year,
    /// and some reach the market; no move is dated after <paramref name="now"/>.
    /// </summary>
    private static void Walk(Proposal p, int i, int certified, DateTime created, DateTime now)
    {
        var at = created;
        bool Move(ProposalAction action, int days, string? reason = null)
        {
            at = at.AddDays(days);
            if (at > now) return false;
            var result = ProposalWorkflow.Apply(p, action, reason, "demo", at);
            return result.Outcome == TransitionOutcome.Done ? true : throw new InvalidOperationException($"demo {p.Acronym}: {action} {result.Outcome}");
        }
        if (!Move(ProposalAction.Submit, 20) || !Move(ProposalAction.StartReview, 10)) return;
        if (i >= certified) { Move(ProposalAction.Reject, 30, "Outside the cluster's strategic areas or not mature enough (illustrative)"); return; }
        if (i % 4 == 1 && !(Move(ProposalAction.Return, 20, "Clarify the SME's role and the market (illustrative)") && Move(ProposalAction.Submit, 25) && Move(ProposalAction.StartReview, 7))) return;
        if (!Move(ProposalAction.Certify, 21)) return;
        if (i % 5 == 4 || !Move(ProposalAction.SendToFunder, 20)) return; // some certified proposals are not sent on
        if (i % 3 == 2) { Move(ProposalAction.DeclineFunding, 150, "Not selected by the funder (illustrative)"); return; }
        if (!Move(ProposalAction.Fund, 150) || !Move(ProposalAction.Start, 60) || !Move(ProposalAction.Complete, 30 * p.DurationMonths)) return;
        if (i % 2 == 0) Move(ProposalAction.ReachMarket, 240);
    }

    private sealed record Org(int Id, string Name, MemberType Type, SizeClass SizeClass, DateOnly JoinedOn);

    /// <summary>
    /// Illustrative: a call of this year whose submissions closed a fortnight ago (so no call is open, as the reference case
    /// expects) and whose four proposals are under committee review without reviewers, each with the competences it needs, so
    /// that the call's assignment page shows competence matches. Areva and the Université de Bourgogne, whose experts sit on
    /// the committees, stay out of the consortia.
    /// </summary>
    private static async Task ReviewCallAsync(DemoSeed seed, List<Org> members, CancellationToken ct)
    {
        var db = seed.Get<ClusterDb>();
        var clusterId = seed.ClusterId;
        var today = seed.Today;
        var funder = await db.Funders.Where(f => f.ClusterId == clusterId && f.Kind == FunderKind.StateProgramme).OrderBy(f => f.Id).FirstAsync(ct);
        var call = new FundingCall
        {
            ClusterId = clusterId, FunderId = funder.Id, Title = CommitteesDemo.ReviewCallTitle, Themes = "Nuclear manufacturing, components, maintenance and dismantling",
            OpensOn = today.AddDays(-120), ClosesOn = today.AddDays(-14), ResultsOn = today.AddDays(90), State = CallState.Open, // closed below MinPartners = 3, RequiresSme = true, MaxDurationMonths = 48,
            FundingRates = [new() { Category = PartnerCategory.LargeCompany, MaxRatePercent = 25 }, new() { Category = PartnerCategory.MidSizeCompany, MaxRatePercent = 30 },
                new() { Category = PartnerCategory.Sme, MaxRatePercent = 45 }, new() { Category = PartnerCategory.Research, MaxRatePercent = 100 }],
        };
        db.FundingCalls.Add(call);
        await db.SaveChangesAsync(ct);
        var areas = await db.StrategicAreas.Where(a => a.ClusterId == clusterId).OrderBy(a => a.Order).Select(a => a.Id).ToListAsync(ct);
        var competences = await db.Competences.AsNoTracking().Where(c => c.ClusterId == clusterId).ToDictionaryAsync(c => c.Code, c => c.Id, ct);
        var eligible = members.Where(m => !m.Name.StartsWith("Areva", StringComparison.Ordinal) && !m.Name.StartsWith("Université de Bourgogne", StringComparison.Ordinal)).ToList();
        List<Org> Of(params PartnerCategory[] categories) => [.. eligible.Where(m => categories.Contains(PartnerCategories.Of(m.Type, m.SizeClass)))];
        var (companies, smes, labs) = (Of(PartnerCategory.LargeCompany, PartnerCategory.MidSizeCompany), Of(PartnerCategory.Sme), Of(PartnerCategory.Research));
        (string Acronym, string Title, string[] Needs)[] topics =
        [
            ("NV-REVIEW-1", "Qualification of forged shells for small modular reactors", ["FORGE", "MATER", "NDT"]),
            ("NV-REVIEW-2", "Remote-operated cutting for dismantling under radiation", ["ROBOT", "DISM", "SAFE"]),
            ("NV-REVIEW-3", "Digital twin of primary-loop instrumentation", ["SIMU", "INSTR", "METRO"]),
            ("NV-REVIEW-4", "Automated inspection of narrow-gap welds", ["WELD", "NDT", "TRAIN"]),
        ];
        var random = new Random(2026);
        for (var i = 0; i < topics.Length; i++)
        {
            var (acronym, title, needs) = topics[i];
            var (coordinator, sme, lab) = (companies[(i * 5 + 1) % companies.Count], smes[(i * 3 + 2) % smes.Count], labs[(i * 2 + 1) % labs.Count]);
            ProposalPartner Partner(Org m, PartnerRole role) => Consortium(m.Id, m.Name, PartnerCategories.Of(m.Type, m.SizeClass), role, call, random);
            var created = call.OpensOn.AddDays(10 + 7 * i).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
            var proposal = new Proposal
            {
                ClusterId = clusterId, CallId = call.Id, Call = call, Title = title, Acronym = acronym, NormalizedTitle = Names.Normalize($"{acronym} {title}"),
                Summary = "Illustrative proposal of the Nuclear Valley demo, waiting for reviewers.", StrategicAreaId = areas.Count > 0 ? areas[i % areas.Count] : null,
                DurationMonths = 36, TrlStart = 3, TrlTarget = 6, State = ProposalState.Draft, CreatedAt = created, StateSince = created, CoordinatorMemberId = coordinator.Id,
                Partners = [Partner(coordinator, PartnerRole.Coordinator), Partner(sme, PartnerRole.Partner), Partner(lab, PartnerRole.Partner)],
                Competences = [.. needs.Where(competences.ContainsKey).Select(code => new ProposalCompetence { CompetenceId = competences[code] })],
            };
            proposal.StateChanges.Add(new ProposalStateChange { ClusterId = clusterId, To = ProposalState.Draft, At = created, Actor = "demo" });
            foreach (var (action, at) in new[] { (ProposalAction.Submit, created.AddDays(30)), (ProposalAction.StartReview, call.ClosesOn.AddDays(3).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc)) })
            {
                var result = ProposalWorkflow.Apply(proposal, action, null, "demo", at);
                if (result.Outcome != TransitionOutcome.Done) throw new InvalidOperationException($"demo {acronym}: {action} {result.Outcome}");
            }
            proposal.Call = null;
            db.Proposals.Add(proposal);
        }
        call.State = CallState.Closed; // the proposals were filed while it was open
        await db.SaveChangesAsync(ct);
        seed.Log.WriteLine($"projects: '{CommitteesDemo.ReviewCallTitle}' with {topics.Length} proposals under review, each with the competences it needs (illustrative)");
    }

    private static ProposalPartner Consortium(int memberId, string name, PartnerCategory category, PartnerRole role, FundingCall call, Random random)
    {
        var budget = (long)random.Next(150, 1500) * 1000_00;
        var rate = call.FundingRates.FirstOrDefault(r => r.Category == category)?.MaxRatePercent ?? 0;
        return new ProposalPartner { MemberId = memberId, Name = name, Category = category, Role = role, BudgetCents = budget, RequestedCents = budget * rate / 100 };
    }

    private static readonly (string Funder, string Title, int? MinPartners, bool Sme, int? Months, (PartnerCategory Category, int Rate)[] Rates)[] CallShapes =
    [
        ("FUI", "FUI call", 3, true, 48, [(PartnerCategory.LargeCompany, 25), (PartnerCategory.MidSizeCompany, 30), (PartnerCategory.Sme, 45), (PartnerCategory.Research, 100)]),
        ("ANR", "ANR industrial research call", 2, false, 48, [(PartnerCategory.LargeCompany, 30), (PartnerCategory.MidSizeCompany, 35), (PartnerCategory.Sme, 45), (PartnerCategory.Research, 100)]),
        ("REG", "Regional innovation call", 2, true, 36, [(PartnerCategory.LargeCompany, 20), (PartnerCategory.MidSizeCompany, 30), (PartnerCategory.Sme, 50), (PartnerCategory.Research, 80)]),
    ];

    private static readonly string[] Topics =
    [
        "Forging of large steam-generator shells", "Laser cladding for valve seats", "Robotic inspection of primary circuits", "Additive repair of pump impellers",
        "Remote cutting for reactor dismantling", "Non-destructive testing of thick welds", "Digital twin of component ageing", "Radiation-hard sensors for maintenance",
        "Low-carbon steel for pressure vessels", "Decontamination of concrete surfaces",
    ];
}
