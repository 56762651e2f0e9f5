using ClusterHub.Data;
using ClusterHub.Demo;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Projects;

/// <summary>
/// The demo's committees (illustrative, samples/nuclear-valley/README.md): one thematic committee per strategic area with the same
/// four-criterion grid, three reviewers (an independent chair, an Areva expert, a Université de Bourgogne expert), one 2019 meeting
/// of the first committee whose agenda records the decisions the pipeline's demo made, and the FUI's officer as a funder's user.
/// </summary>
public static class CommitteesDemo
{
    public const string ChairEmail = "chair@nuclear-valley.demo";
    public const string ArevaExpertEmail = "expert.areva@nuclear-valley.demo";
    public const string LabExpertEmail = "expert.lab@nuclear-valley.demo";
    public const string FunderEmail = "funder@nuclear-valley.demo";

    /// <summary>The review demo's call (<see cref="ProjectsDemo"/>): its proposals wait for reviewers, each naming the competences it needs.</summary>
    public const string ReviewCallTitle = "FUI call (review demo)";

    private static readonly (string Name, int Weight)[] Grid = [("Scientific and technical excellence", 40), ("Market impact and jobs", 30), ("Consortium and SME role", 20), ("Fit with the roadmap", 10)];

    public static async Task LoadAsync(DemoSeed seed, CancellationToken ct)
    {
        var db = seed.Get<ClusterDb>();
        var clusterId = seed.ClusterId;
        var users = await db.Users.AsNoTracking().Where(u => u.Email != null && u.Email.EndsWith("@nuclear-valley.demo")).ToDictionaryAsync(u => u.Email!, u => u.Id, ct);
        var members = await db.Members.AsNoTracking().Where(m => m.ClusterId == clusterId).Select(m => new { m.Id, m.Name }).ToListAsync(ct);
        int? Member(string name) => members.FirstOrDefault(m => m.Name.StartsWith(name, StringComparison.Ordinal))?.Id;
        var areas = await db.StrategicAreas.AsNoTracking().Where(a => a.ClusterId == clusterId).OrderBy(a => a.Order).ToListAsync(ct);
        var committees = new List<Committee>();
        foreach (var area in areas)
        {
            var committee = new Committee { ClusterId = clusterId, StrategicAreaId = area.Id, Name = $"Committee {area.Code}: {area.Name}" };
            committee.Criteria.AddRange(Grid.Select((g, i) => new ScoringCriterion { Name = g.Name, Weight = g.Weight, Order = i + 1 }));
            committee.Members.Add(new CommitteeMember { UserId = users[ChairEmail], IsChair = true });
            committee.Members.Add(new CommitteeMember { UserId = users[ArevaExpertEmail], MemberId = Member("Areva") });
            committee.Members.Add(new CommitteeMember { UserId = users[LabExpertEmail], MemberId = Member("Université de Bourgogne") });
            committees.Add(committee);
        }
        db.Committees.AddRange(committees);
        await db.SaveChangesAsync(ct);

        // One meeting: the first committee's 2019 decisions, as the demo's pipeline made them.
        if (committees.Count > 0)
        {
            var first = committees[0];
            var decided = await db.ProposalStateChanges.AsNoTracking()
                .Where(s => s.ClusterId == clusterId && s.At.Year == 2019 && (s.To == ProposalState.Certified || s.To == ProposalState.Rejected || s.To == ProposalState.ReturnedForRevision)
                    && db.Proposals.Any(p => p.Id == s.ProposalId && p.StrategicAreaId == first.StrategicAreaId))
                .OrderBy(s => s.At).ThenBy(s => s.Id).Take(8).Select(s => new { s.ProposalId, s.To, s.At, s.Reason }).ToListAsync(ct);
            var meeting = new CommitteeMeeting
            {
                ClusterId = clusterId, CommitteeId = first.Id, On = new DateOnly(2019, 6, 18),
                Minutes = "Illustrative minutes. Present: the chair, the Areva and Université de Bourgogne experts, the general delegate.\n"
                    + "The committee reviewed the proposals of the area on the grid and decided as recorded on each item.",
            };
            meeting.Items.AddRange(decided.Select((d, i) => new MeetingItem
            {
                ProposalId = d.ProposalId, Order = i + 1, DecidedAt = d.At, Reason = d.Reason,
                Decision = d.To switch { ProposalState.Certified => ProposalAction.Certify, ProposalState.Rejected => ProposalAction.Reject, _ => ProposalAction.Return },
            }));
            db.CommitteeMeetings.Add(meeting);
        }
        await ExpertiseAsync(db, clusterId, users, Member("Areva"), ct);
        if (await db.Funders.Where(f => f.ClusterId == clusterId && f.Kind == FunderKind.StateProgramme).Select(f => (int?)f.Id).FirstOrDefaultAsync(ct) is { } fui)
            db.FunderUsers.Add(new FunderUser { FunderId = fui, UserId = users[FunderEmail] });
        await db.SaveChangesAsync(ct);
        seed.Log.WriteLine($"committees: {committees.Count} with grids, 3 reviewers with their expertise, 1 meeting; the FUI's officer as a funder's user (illustrative)");
    }

    /// <summary>The reviewers' own competences (illustrative), and the Areva expert as Areva's representative too: the assignment
    /// page then matches both families, the expert's own levels and Areva's validated declarations.</summary>
    private static readonly (string Email, (string Code, int Level)[] Levels)[] Expertise =
    [
        (ChairEmail, [("SAFE", 4), ("DISM", 3), ("WASTE", 3), ("ROBOT", 2)]),
        (ArevaExpertEmail, [("FORGE", 4), ("WELD", 3)]),
        (LabExpertEmail, [("SIMU", 4), ("METRO", 3), ("MATER", 3)]),
    ];

    private static async Task ExpertiseAsync(ClusterDb db, int clusterId, Dictionary<string, string> users, int? areva, CancellationToken ct)
    {
        var competences = await db.Competences.AsNoTracking().Where(c => c.ClusterId == clusterId).ToDictionaryAsync(c => c.Code, c => c.Id, ct);
        foreach (var (email, levels) in Expertise)
            foreach (var (code, level) in levels.Where(l => competences.ContainsKey(l.Code)))
                db.ReviewerExpertise.Add(new ReviewerExpertise { ClusterId = clusterId, UserId = users[email], CompetenceId = competences[code], Level = level });
        if (areva is { } member)
            db.RoleGrants.Add(new Accounts.ClusterRoleGrant { UserId = users[ArevaExpertEmail], ClusterId = clusterId, Role = Accounts.ClusterRole.MemberRepresentative, MemberId = member });
    }
}
