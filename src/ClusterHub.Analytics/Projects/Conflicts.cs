using System.Collections;
using ClusterHub.Analytics.Networks;

namespace ClusterHub.Analytics.Projects;

/// <summary>Why a reviewer may not review a proposal.</summary>
public enum ConflictRule
{
    /// <summary>The reviewer's organisation is in the consortium.</summary>
    OwnOrganisation,

    /// <summary>The reviewer's organisation and a consortium member are declared competitors.</summary>
    DeclaredCompetitor,

    /// <summary>The reviewer declared a conflict with the proposal or with one of its organisations.</summary>
    ReviewerDeclaration,

    /// <summary>The reviewer's organisation shared a project with a consortium member within the window.</summary>
    SharedProject,
}

/// <summary>
/// One conflict with its evidence: the consortium member concerned (<see cref="Partner"/>, null for a declaration about
/// the proposal itself) and, for <see cref="ConflictRule.SharedProject"/>, the project and the last year they shared it.
/// </summary>
public sealed record Conflict(int Reviewer, int Proposal, ConflictRule Rule, string? Partner = null, string? Project = null, int? Year = null);

/// <summary>A reviewer as the conflict rules see it: an organisation (null for an independent expert) and declarations.</summary>
/// <param name="Organisation">The reviewer's organisation, null for an independent expert.</param>
/// <param name="DeclaredProposals">Proposals (by index in the call) the reviewer declared a conflict with.</param>
/// <param name="DeclaredOrganisations">Organisations the reviewer declared a conflict with, in any proposal.</param>
public sealed record ConflictReviewer(string? Organisation, IReadOnlyList<int>? DeclaredProposals = null, IReadOnlyList<string>? DeclaredOrganisations = null);

/// <summary>Pairs of organisations declared competitors (by either of them); the relation is symmetric.</summary>
public sealed class Competitors
{
    private readonly HashSet<(string, string)> pairs = [];

    public Competitors(IEnumerable<(string Organisation, string Competitor)> declared)
    {
        ArgumentNullException.ThrowIfNull(declared);
        foreach (var (a, b) in declared)
        {
            pairs.Add((a, b));
            pairs.Add((b, a));
        }
    }

    public static Competitors None { get; } = new([]);

    public bool Are(string organisation, string other) => pairs.Contains((organisation, other));
}

/// <summary>The collaboration window: years before the reference year (the call's year) that a shared project counts in.</summary>
public sealed record ConflictOptions(int ReferenceYear, int Years = 3)
{
    public YearWindow Window => Years is >= 0 and <= 100
        ? YearWindow.Before(ReferenceYear, Years)
        : throw new ArgumentOutOfRangeException(nameof(Years), Years, "the collaboration window is 0 to 100 years");
}

/// <summary>
/// The conflict rules as pure functions of one reviewer and one proposal (what an assignment checks), and all pairs of a
/// call at once (<see cref="ForCall"/>, what the assignment suggestion needs).
/// </summary>
public static class ConflictRules
{
    /// <summary>The reviewer's organisation is one of the consortium's.</summary>
    public static bool OwnOrganisation(string? reviewerOrganisation, IReadOnlyList<string> consortium) =>
        reviewerOrganisation is not null && consortium.Contains(reviewerOrganisation, StringComparer.Ordinal);

    /// <summary>The consortium members declared competitors of the reviewer's organisation, in consortium order.</summary>
    public static IReadOnlyList<string> DeclaredCompetitors(string? reviewerOrganisation, IReadOnlyList<string> consortium, Competitors competitors) =>
        reviewerOrganisation is null ? [] : [.. consortium.Where(o => o != reviewerOrganisation && competitors.Are(reviewerOrganisation, o)).Distinct()];

    /// <summary>
    /// The reviewer's declarations that concern this proposal: null for a declaration of the proposal itself, else the
    /// declared consortium member.
    /// </summary>
    public static IReadOnlyList<string?> Declarations(ConflictReviewer reviewer, int proposal, IReadOnlyList<string> consortium)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        var found = new List<string?>();
        if (reviewer.DeclaredProposals?.Contains(proposal) == true) found.Add(null);
        if (reviewer.DeclaredOrganisations is { } declared)
            found.AddRange(consortium.Where(declared.Contains).Distinct());
        return found;
    }

    /// <summary>The projects the reviewer's organisation shared with each consortium member in the window, most recent first.</summary>
    public static IReadOnlyList<(string Partner, string Project, int Year)> SharedProjects(
        CollaborationIndex index, string? reviewerOrganisation, IReadOnlyList<string> consortium, YearWindow window)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (reviewerOrganisation is null) return [];
        var self = index.IdOf(reviewerOrganisation);
        return [.. consortium.Distinct().Where(o => o != reviewerOrganisation)
            .SelectMany(o => index.Shared(self, index.IdOf(o), window))
            .OrderByDescending(s => s.Year).ThenBy(s => s.Project)
            .Select(s => (index.Organisation(s.Partner), index.Project(s.Project), s.Year))];
    }

    /// <summary>Every conflict between one reviewer and one proposal, rule by rule; a shared project gives its most recent evidence per partner.</summary>
    public static IReadOnlyList<Conflict> Check(int reviewerIndex, ConflictReviewer reviewer, int proposal, IReadOnlyList<string> consortium,
        Competitors competitors, CollaborationIndex index, ConflictOptions options)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        ArgumentNullException.ThrowIfNull(options);
        var found = new List<Conflict>();
        if (OwnOrganisation(reviewer.Organisation, consortium))
            found.Add(new Conflict(reviewerIndex, proposal, ConflictRule.OwnOrganisation, reviewer.Organisation));
        found.AddRange(DeclaredCompetitors(reviewer.Organisation, consortium, competitors)
            .Select(o => new Conflict(reviewerIndex, proposal, ConflictRule.DeclaredCompetitor, o)));
        found.AddRange(Declarations(reviewer, proposal, consortium)
            .Select(o => new Conflict(reviewerIndex, proposal, ConflictRule.ReviewerDeclaration, o)));
        if (reviewer.Organisation is { } own)
            foreach (var partner in consortium.Distinct())
                if (partner != own && index.Shared(index.IdOf(own), index.IdOf(partner), options.Window) is [var last, ..]) // most recent first
                    found.Add(new Conflict(reviewerIndex, proposal, ConflictRule.SharedProject, partner, index.Project(last.Project), last.Year));
        return found;
    }

    /// <summary>
    /// Every conflict of a call, reviewer by reviewer on all cores: each reviewer's partners in the window are found once
    /// (one walk of its organisation's projects), then each proposal's consortium is looked up in them. The result is the
    /// same as <see cref="Check"/> over every pair, in (reviewer, proposal) order.
    /// </summary>
    /// <param name="reviewers">The call's reviewers.</param>
    /// <param name="consortia">Each proposal's organisations.</param>
    /// <param name="competitors">Declared competitors.</param>
    /// <param name="index">Participations, for shared projects.</param>
    /// <param name="options">The reference year and the window.</param>
    public static ConflictReport ForCall(IReadOnlyList<ConflictReviewer> reviewers, IReadOnlyList<IReadOnlyList<string>> consortia,
        Competitors competitors, CollaborationIndex index, ConflictOptions options)
    {
        ArgumentNullException.ThrowIfNull(reviewers);
        ArgumentNullException.ThrowIfNull(consortia);
        ArgumentNullException.ThrowIfNull(competitors);
        ArgumentNullException.ThrowIfNull(index);
        var window = options.Window;
        // Consortia without repeats and as index ids (−1: never indexed, so no shared project), once for all reviewers.
        var members = consortia.Select(c => c.Distinct(StringComparer.Ordinal).ToArray()).ToArray();
        var ids = members.Select(c => Array.ConvertAll(c, index.IdOf)).ToArray();
        var perReviewer = new List<Conflict>[reviewers.Count];
        Workers.ForEach(reviewers.Count, () => new PartnerScratch(index.OrganisationCount), (scratch, r) =>
        {
            var reviewer = reviewers[r];
            var org = reviewer.Organisation;
            index.Partners(org is null ? -1 : index.IdOf(org), window, scratch);
            var declared = reviewer.DeclaredOrganisations;
            var found = perReviewer[r] = [];
            // Rule by rule, each in consortium order, as Check gives them; plain loops, as this runs for every pair.
            for (var p = 0; p < members.Length; p++)
            {
                var consortium = members[p];
                if (org is not null && Array.IndexOf(consortium, org) >= 0) found.Add(new Conflict(r, p, ConflictRule.OwnOrganisation, org));
                if (org is not null)
                    foreach (var o in consortium)
                        if (o != org && competitors.Are(org, o)) found.Add(new Conflict(r, p, ConflictRule.DeclaredCompetitor, o));
                if (reviewer.DeclaredProposals?.Contains(p) == true) found.Add(new Conflict(r, p, ConflictRule.ReviewerDeclaration));
                if (declared is not null)
                    foreach (var o in consortium)
                        if (declared.Contains(o)) found.Add(new Conflict(r, p, ConflictRule.ReviewerDeclaration, o));
                for (var i = 0; i < consortium.Length; i++)
                {
                    if (!scratch.IsPartner(ids[p][i])) continue;
                    var e = scratch.Evidence[ids[p][i]];
                    found.Add(new Conflict(r, p, ConflictRule.SharedProject, consortium[i], index.Project(e.Project), e.Year));
                }
            }
        });
        return new ConflictReport(reviewers.Count, consortia.Count, [.. perReviewer.SelectMany(c => c)]);
    }
}

/// <summary>The conflicts of a call, in (reviewer, proposal) order, and which pairs they block.</summary>
public sealed class ConflictReport
{
    public ConflictReport(int reviewers, int proposals, IReadOnlyList<Conflict> conflicts)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        Conflicts = conflicts;
        Blocked = new PairMask(reviewers, proposals);
        foreach (var c in conflicts) Blocked.Set(c.Reviewer, c.Proposal);
    }

    public IReadOnlyList<Conflict> Conflicts { get; }

    /// <summary>The pairs that may not be assigned.</summary>
    public PairMask Blocked { get; }
}

/// <summary>A set of (reviewer, proposal) pairs as one bit each.</summary>
public sealed class PairMask(int reviewers, int proposals)
{
    private readonly BitArray bits = new(checked(reviewers * proposals));

    public int Reviewers { get; } = reviewers;
    public int Proposals { get; } = proposals;

    public bool this[int reviewer, int proposal] => bits[Index(reviewer, proposal)];

    public void Set(int reviewer, int proposal) => bits[Index(reviewer, proposal)] = true;

    /// <summary>Frees a pair: a committee chair's override of its conflicts (the feature records the reason).</summary>
    public void Clear(int reviewer, int proposal) => bits[Index(reviewer, proposal)] = false;

    private int Index(int reviewer, int proposal)
    {
        if ((uint)reviewer >= (uint)Reviewers) throw new ArgumentOutOfRangeException(nameof(reviewer), reviewer, $"there are {Reviewers} reviewers");
        if ((uint)proposal >= (uint)Proposals) throw new ArgumentOutOfRangeException(nameof(proposal), proposal, $"there are {Proposals} proposals");
        return reviewer * Proposals + proposal;
    }
}
