using ClusterHub.Data;
using ClusterHub.Demo;
using ClusterHub.Members;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Projects;

/// <summary>
/// The demo's running projects and their follow-up (illustrative, samples/nuclear-valley/README.md). The 2006–2019 pipeline has
/// finished running long before today, so this step files three projects on an FUI call two years before the demo's day, walks them
/// through <see cref="ProposalWorkflow.Apply"/> to Running, and gives each six-monthly milestones (the past ones done but the latest
/// one or two, which are overdue), deliverables and yearly reports (the first accepted, the second waiting). Sfarsteel coordinates the
/// first, so its representative's account can record progress.
/// </summary>
internal static class FollowUpDemo
{
    public const string FirstAcronym = "NV-FOLLOW-1";

    public static async Task LoadAsync(DemoSeed seed, CancellationToken ct)
    {
        var db = seed.Get<ClusterDb>();
        var clusterId = seed.ClusterId;
        var year = seed.Today.Year - 2;
        var funder = await db.Funders.Where(f => f.ClusterId == clusterId && f.Kind == FunderKind.StateProgramme).OrderBy(f => f.Id).FirstAsync(ct);
        var call = new FundingCall
        {
            ClusterId = clusterId, FunderId = funder.Id, Title = $"FUI call {year} (follow-up demo)", Themes = "Nuclear manufacturing, components, maintenance and dismantling",
            OpensOn = new(year, 1, 1), ClosesOn = new(year, 3, 31), ResultsOn = new(year, 6, 30), State = CallState.Open, MinPartners = 3, RequiresSme = true, MaxDurationMonths = 48,
            FundingRates = [new() { Category = PartnerCategory.LargeCompany, MaxRatePercent = 25 }, new() { Category = PartnerCategory.MidSizeCompany, MaxRatePercent = 30 },
                new() { Category = PartnerCategory.Sme, MaxRatePercent = 45 }, new() { Category = PartnerCategory.Research, MaxRatePercent = 100 }],
        };
        db.FundingCalls.Add(call);
        await db.SaveChangesAsync(ct);

        var members = await db.Members.AsNoTracking().Where(m => m.ClusterId == clusterId).OrderBy(m => m.Id).Select(m => new { m.Id, m.Name, m.Type, m.SizeClass }).ToListAsync(ct);
        var byCategory = members.GroupBy(m => PartnerCategories.Of(m.Type, m.SizeClass)).ToDictionary(g => g.Key, g => g.ToList());
        var sfarsteel = members.FirstOrDefault(m => m.Name.StartsWith("Sfarsteel", StringComparison.Ordinal));
        var companies = byCategory.GetValueOrDefault(PartnerCategory.LargeCompany, []).Concat(byCategory.GetValueOrDefault(PartnerCategory.MidSizeCompany, [])).ToList();
        var smes = byCategory.GetValueOrDefault(PartnerCategory.Sme, []);
        var labs = byCategory.GetValueOrDefault(PartnerCategory.Research, []);
        string[] topics = ["Forged shells for small modular reactors", "Robotic weld inspection of primary loops", "Laser decontamination of dismantling sites"];
        for (var i = 0; i < topics.Length; i++)
        {
            var coordinator = i == 0 && sfarsteel is not null ? sfarsteel : companies[(i * 7) % companies.Count];
            var sme = smes[(i * 5) % smes.Count];
            var lab = labs[(i * 3) % labs.Count];
            ProposalPartner Partner(int id, string name, PartnerCategory category, PartnerRole role, long budget)
            {
                var rate = call.FundingRates.FirstOrDefault(r => r.Category == category)?.MaxRatePercent ?? 0;
                return new() { MemberId = id, Name = name, Category = category, Role = role, BudgetCents = budget, RequestedCents = budget * rate / 100 };
            }
            var created = new DateTime(year, 1, 10 + i, 9, 0, 0, DateTimeKind.Utc);
            var acronym = $"NV-FOLLOW-{i + 1}";
            var p = new Proposal
            {
                ClusterId = clusterId, CallId = call.Id, Call = call, Title = topics[i], Acronym = acronym, NormalizedTitle = Names.Normalize($"{acronym} {topics[i]}"),
                Summary = "Illustrative running project of the Nuclear Valley demo.", DurationMonths = 36, TrlStart = 4, TrlTarget = 7,
                State = ProposalState.Draft, CreatedAt = created, StateSince = created, CoordinatorMemberId = coordinator.Id,
                Partners =
                [
                    Partner(coordinator.Id, coordinator.Name, PartnerCategories.Of(coordinator.Type, coordinator.SizeClass), PartnerRole.Coordinator, 1_200_000_00),
                    Partner(sme.Id, sme.Name, PartnerCategory.Sme, PartnerRole.Partner, 450_000_00),
                    Partner(lab.Id, lab.Name, PartnerCategory.Research, PartnerRole.Partner, 350_000_00),
                ],
            };
            p.StateChanges.Add(new ProposalStateChange { ClusterId = clusterId, To = ProposalState.Draft, At = created, Actor = "demo" });
            var at = created;
            foreach (var (action, days) in new[] { (ProposalAction.Submit, 20), (ProposalAction.StartReview, 10), (ProposalAction.Certify, 21), (ProposalAction.SendToFunder, 20), (ProposalAction.Fund, 90), (ProposalAction.Start, 30 + 10 * i) })
            {
                at = at.AddDays(days);
                var r = ProposalWorkflow.Apply(p, action, null, "demo", at);
                if (r.Outcome != TransitionOutcome.Done) throw new InvalidOperationException($"demo {acronym}: {action} {r.Outcome}");
            }
            p.Call = null;
            db.Proposals.Add(p);
            await db.SaveChangesAsync(ct);

            // Six-monthly milestones over the 36 months; the past ones are done, but for the latest one (two for the second project): overdue.
            var start = DateOnly.FromDateTime(at);
            string[] steps = ["Specification frozen", "Design review", "First prototype", "Test campaign", "Qualification", "Final demonstration"];
            var past = steps.Select((_, k) => start.AddMonths(6 * (k + 1))).Count(d => d < seed.Today);
            for (var k = 0; k < steps.Length; k++)
            {
                var due = start.AddMonths(6 * (k + 1));
                var done = due < seed.Today && k < past - (i == 1 ? 2 : 1);
                db.ProjectMilestones.Add(new ProjectMilestone
                {
                    ProposalId = p.Id, Title = $"M{k + 1} {steps[k]}", DueOn = due, State = done ? MilestoneState.Done : MilestoneState.Open,
                    DoneOn = done ? due.AddDays(-3 + k) : null, DoneBy = done ? "demo" : null,
                });
            }
            (string Title, DeliverableKind Kind, int Months)[] deliverables = [("D1 Requirements report", DeliverableKind.Report, 4), ("D2 Prototype", DeliverableKind.Prototype, 20), ("D3 Inspection software", DeliverableKind.Software, 34)];
            foreach (var (title, kind, months) in deliverables)
            {
                var due = start.AddMonths(months);
                db.ProjectDeliverables.Add(new ProjectDeliverable { ProposalId = p.Id, Title = title, Kind = kind, DueOn = due, DeliveredOn = due < seed.Today.AddMonths(-3) ? due : null, DeliveredBy = due < seed.Today.AddMonths(-3) ? "demo" : null });
            }
            for (var y = 0; start.AddMonths(12 * (y + 1)) <= seed.Today; y++)
            {
                var from = start.AddMonths(12 * y);
                var to = start.AddMonths(12 * (y + 1)).AddDays(-1);
                var accepted = y == 0;
                db.ProjectReports.Add(new ProjectReport
                {
                    ProposalId = p.Id, PeriodStart = from, PeriodEnd = to, Summary = $"Year {y + 1}: work packages on schedule; see the milestones (illustrative).",
                    State = accepted ? ReportState.Accepted : ReportState.Submitted, SubmittedAt = to.AddDays(20).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc), SubmittedBy = "demo",
                    DecidedBy = accepted ? "demo" : null, DecidedAt = accepted ? to.AddDays(35).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc) : null,
                    DecisionNote = accepted ? "Accepted by the secretariat (illustrative)." : null,
                });
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        await db.FundingCalls.Where(c => c.Id == call.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.State, seed.Today >= call.ResultsOn ? CallState.Results : CallState.Closed), ct);
        seed.Log.WriteLine($"follow-up: {topics.Length} running projects of {year} with milestones (some overdue), deliverables and reports");
    }
}
