using ClusterHub.Analytics.Projects;
using ClusterHub.Data;
using ClusterHub.Members;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Projects;

/// <summary>One conflict as the API and the pages show it: the rule, the organisation and project behind it, and a sentence.</summary>
public sealed record ConflictEvidence(ConflictRule Rule, string? Partner, string? Project, int? Year, string Evidence);

/// <summary>
/// The engine's conflict rules (<see cref="ConflictRules"/>) fed from the database: reviewers' organisations (their committee
/// seats), their declarations, declared competitors, and who worked with whom in the platform's own funded projects and in the
/// cluster's imported participation files. Organisations meet by key: a member's national id when it has one (so a PIC in an
/// imported file meets the member), else <c>member:{id}</c>; a non-member partner by <c>name:{normalised name}</c>.
/// </summary>
public static class ReviewConflicts
{
    public static string MemberKey(int id, string? nationalId) => string.IsNullOrEmpty(nationalId) ? $"member:{id}" : nationalId;

    public static string NonMemberKey(string name) => "name:" + Names.Normalize(name);

    /// <summary>The proposals that became projects, whose consortia collaborated: funded and after.</summary>
    private static readonly ProposalState[] Projects = [ProposalState.Funded, ProposalState.Running, ProposalState.Completed, ProposalState.OnTheMarket];

    /// <summary>
    /// The collaboration index of a cluster: its own projects (each partner from the funding decision's year, or the creation's, to
    /// the completion's, or <paramref name="currentYear"/> while it runs) and its imported participations.
    /// </summary>
    public static async Task<CollaborationIndex> IndexAsync(ClusterDb db, int clusterId, int currentYear, CancellationToken ct)
    {
        var own = await db.Proposals.AsNoTracking().Where(p => p.ClusterId == clusterId && Projects.Contains(p.State))
            .Select(p => new
            {
                p.Id, p.Acronym, p.CreatedAt,
                Funded = p.StateChanges.Where(s => s.To == ProposalState.Funded).Max(s => (DateTime?)s.At),
                Completed = p.StateChanges.Where(s => s.To == ProposalState.Completed).Max(s => (DateTime?)s.At),
                Partners = p.Partners.Select(x => new { x.MemberId, x.Name, NationalId = x.Member != null ? x.Member.NationalId : null }).ToList(),
            }).ToListAsync(ct);
        var participations = new List<Participation>();
        foreach (var p in own)
        {
            var first = (p.Funded ?? p.CreatedAt).Year;
            var last = Math.Max(first, p.Completed?.Year ?? currentYear);
            var project = ProjectKey(p.Acronym, p.Id);
            participations.AddRange(p.Partners.Select(x => new Participation(Key(x.MemberId, x.NationalId, x.Name), project, first, last)));
        }
        await foreach (var x in db.ImportedParticipations.AsNoTracking().Where(x => x.ClusterId == clusterId)
            .Select(x => new { x.Organisation, x.Project, x.FirstYear, x.LastYear }).AsAsyncEnumerable().WithCancellation(ct))
            participations.Add(new Participation(x.Organisation, x.Project, x.FirstYear, x.LastYear));
        return CollaborationIndex.Build(participations);
    }

    public static string ProjectKey(string acronym, int id) => $"{acronym} #{id}";

    private static string Key(int? memberId, string? nationalId, string name) => memberId is { } m ? MemberKey(m, nationalId) : NonMemberKey(name);

    /// <summary>A call's (or a lone proposal's) side of the check: each proposal's consortium keys and the names to show.</summary>
    public sealed record Consortium(int ProposalId, IReadOnlyList<string> Keys);

    /// <summary>Everything the rules need about a set of reviewers and proposals, loaded once.</summary>
    public sealed class Context
    {
        public required IReadOnlyList<string> UserIds { get; init; }
        public required IReadOnlyList<ConflictReviewer> Reviewers { get; init; }
        public required IReadOnlyList<Consortium> Proposals { get; init; }
        public required Competitors Competitors { get; init; }
        public required CollaborationIndex Index { get; init; }
        public required ConflictOptions Options { get; init; }
        public required IReadOnlyDictionary<string, string> Names { get; init; }

        public ConflictEvidence Describe(Conflict c)
        {
            var partner = c.Partner is null ? null : Names.GetValueOrDefault(c.Partner, c.Partner);
            var text = c.Rule switch
            {
                ConflictRule.OwnOrganisation => $"the reviewer's organisation {partner} is in the consortium",
                ConflictRule.DeclaredCompetitor => $"{partner} is a declared competitor of the reviewer's organisation",
                ConflictRule.ReviewerDeclaration when partner is null => "the reviewer declared a conflict with this proposal",
                ConflictRule.ReviewerDeclaration => $"the reviewer declared a conflict with {partner}",
                _ => $"shared project {c.Project} with partner {partner} in {c.Year}",
            };
            return new ConflictEvidence(c.Rule, partner, c.Project, c.Year, text);
        }

        /// <summary>Every conflict of one reviewer (by index) with one proposal (by index).</summary>
        public IReadOnlyList<ConflictEvidence> Check(int reviewer, int proposal) =>
            [.. ConflictRules.Check(reviewer, Reviewers[reviewer], proposal, Proposals[proposal].Keys, Competitors, Index, Options).Select(Describe)];
    }

    /// <summary>The reviewers' organisations: the member each sits on a committee for (the first seat naming one).</summary>
    public static async Task<Dictionary<string, int>> OrganisationsAsync(ClusterDb db, int clusterId, IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        var seats = await db.CommitteeMembers.AsNoTracking()
            .Where(m => userIds.Contains(m.UserId) && m.MemberId != null && db.Committees.Any(c => c.Id == m.CommitteeId && c.ClusterId == clusterId))
            .OrderBy(m => m.Id).Select(m => new { m.UserId, MemberId = m.MemberId!.Value }).ToListAsync(ct);
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in seats) found.TryAdd(s.UserId, s.MemberId);
        return found;
    }

    /// <summary>Loads the context of <paramref name="userIds"/> against <paramref name="proposalIds"/>, with the window of <paramref name="options"/>.</summary>
    public static async Task<Context> LoadAsync(ClusterDb db, int clusterId, IReadOnlyList<string> userIds, IReadOnlyList<int> proposalIds,
        ConflictOptions options, int currentYear, CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var partners = await db.ProposalPartners.AsNoTracking().Where(x => proposalIds.Contains(x.ProposalId))
            .Select(x => new { x.ProposalId, x.MemberId, x.Name, NationalId = x.Member != null ? x.Member.NationalId : null, MemberName = x.Member != null ? x.Member.Name : null })
            .ToListAsync(ct);
        var byProposal = partners.ToLookup(x => x.ProposalId);
        var consortia = proposalIds.Select(id => new Consortium(id, [.. byProposal[id].Select(x =>
        {
            var key = Key(x.MemberId, x.NationalId, x.Name);
            names[key] = x.MemberName ?? x.Name;
            return key;
        }).Distinct()])).ToList();

        var organisations = await OrganisationsAsync(db, clusterId, userIds, ct);
        var declarations = await db.ConflictDeclarations.AsNoTracking().Where(d => d.ClusterId == clusterId && userIds.Contains(d.UserId))
            .Select(d => new { d.UserId, d.ProposalId, d.MemberId }).ToListAsync(ct);
        var memberIds = organisations.Values.Concat(declarations.Where(d => d.MemberId != null).Select(d => d.MemberId!.Value)).Distinct().ToList();
        var competitors = await db.CompetitorDeclarations.AsNoTracking().Where(d => d.ClusterId == clusterId)
            .Select(d => new { d.MemberId, d.CompetitorMemberId }).ToListAsync(ct);
        memberIds.AddRange(competitors.SelectMany(c => new[] { c.MemberId, c.CompetitorMemberId }));
        var members = await db.Members.AsNoTracking().Where(m => m.ClusterId == clusterId && memberIds.Contains(m.Id))
            .Select(m => new { m.Id, m.NationalId, m.Name }).ToDictionaryAsync(m => m.Id, ct);
        string KeyOf(int memberId)
        {
            var m = members[memberId];
            var key = MemberKey(m.Id, m.NationalId);
            names.TryAdd(key, m.Name);
            return key;
        }
        var proposalIndex = proposalIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var reviewers = userIds.Select(u => new ConflictReviewer(
            organisations.TryGetValue(u, out var org) ? KeyOf(org) : null,
            [.. declarations.Where(d => d.UserId == u && d.ProposalId is { } p && proposalIndex.ContainsKey(p)).Select(d => proposalIndex[d.ProposalId!.Value])],
            [.. declarations.Where(d => d.UserId == u && d.MemberId != null).Select(d => KeyOf(d.MemberId!.Value))])).ToList();
        return new Context
        {
            UserIds = userIds,
            Reviewers = reviewers,
            Proposals = consortia,
            Competitors = new Competitors(competitors.Select(c => (KeyOf(c.MemberId), KeyOf(c.CompetitorMemberId)))),
            Index = await IndexAsync(db, clusterId, currentYear, ct),
            Options = options,
            Names = names,
        };
    }

    /// <summary>The window of a proposal's call (its opening year, its N), or of the current year and 3 without a call.</summary>
    public static async Task<ConflictOptions> OptionsAsync(ClusterDb db, int proposalId, int currentYear, CancellationToken ct)
    {
        var call = await db.Proposals.AsNoTracking().Where(p => p.Id == proposalId && p.Call != null)
            .Select(p => new { p.Call!.OpensOn, p.Call.ConflictYears }).SingleOrDefaultAsync(ct);
        return call is null ? new ConflictOptions(currentYear) : new ConflictOptions(call.OpensOn.Year, call.ConflictYears);
    }

    /// <summary>Every conflict of one reviewer with one proposal, with its evidence.</summary>
    public static async Task<IReadOnlyList<ConflictEvidence>> CheckAsync(ClusterDb db, int clusterId, int proposalId, string userId, int currentYear, CancellationToken ct)
    {
        var options = await OptionsAsync(db, proposalId, currentYear, ct);
        var context = await LoadAsync(db, clusterId, [userId], [proposalId], options, currentYear, ct);
        return context.Check(0, 0);
    }
}
