using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Projects;

public sealed record PartnerDto(int? MemberId, string Name, PartnerCategory Category, PartnerRole Role, decimal BudgetEur, decimal RequestedEur);
public sealed record StateChangeDto(ProposalState? From, ProposalState To, DateTime At, string Actor, string? Reason);
public sealed record OutcomeDto(int Id, OutcomeKind Kind, string Description, DateOnly On, int? Count);
public sealed record ProposalRow(int Id, string Acronym, string Title, ProposalState State, int? CallId, string? CallTitle, int? StrategicAreaId,
    int? CoordinatorMemberId, string? Coordinator, DateTime CreatedAt, DateTime StateSince);
public sealed record ProposalDetails(ProposalRow Proposal, string? Summary, int? ActivityDomainId, int DurationMonths, int TrlStart, int TrlTarget,
    string? ExpectedOutcomes, decimal BudgetEur, decimal RequestedEur, decimal? GrantedEur, IReadOnlyList<PartnerDto> Partners,
    bool? Eligible, IReadOnlyList<FailedRule> FailedRules, IReadOnlyList<ProposalAction> AllowedActions,
    IReadOnlyList<StateChangeDto> History, IReadOnlyList<OutcomeDto> Outcomes, int Version, IReadOnlyList<NeededCompetenceDto> Competences);

/// <summary>A competence of the taxonomy a proposal needs.</summary>
public sealed record NeededCompetenceDto(string Code, string Name);

/// <summary>The list's filters, bound from the query string in the API and the page alike.</summary>
public sealed record ProposalFilter
{
    /// <summary>Words of the acronym or the title, any case and accents.</summary>
    public string? Q { get; init; }
    public ProposalState? State { get; init; }
    public int? Area { get; init; }
    public int? Call { get; init; }
    /// <summary><c>acronym</c>, <c>title</c>, <c>state</c>, <c>created</c> (newest first, the default) or <c>changed</c> (latest move first).</summary>
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

/// <summary>Who sees which proposal, and the queries the API and the pages share.</summary>
public static class ProposalQueries
{
    /// <summary>
    /// The proposals the user may see: the secretariat all of the cluster's; a member representative those its organisation
    /// is a partner of; a reviewer those assigned to it. Anything else is as if it did not exist (404).
    /// </summary>
    public static IQueryable<Proposal> Visible(ClusterDb db, ClusterScope scope, string? userId)
    {
        var q = db.Proposals.AsNoTracking().Where(p => p.ClusterId == scope.ClusterId);
        if (SeesAll(scope)) return q;
        var member = scope.Roles.Contains(ClusterRole.MemberRepresentative) ? scope.RepresentedMemberId : null;
        var reviewer = scope.Roles.Contains(ClusterRole.Reviewer) ? userId : null;
        return q.Where(p => (member != null && p.Partners.Any(x => x.MemberId == member))
            || (reviewer != null && db.ReviewAssignments.Any(a => a.ProposalId == p.Id && a.UserId == reviewer)));
    }

    /// <summary>The secretariat (who decides on proposals) sees every proposal.</summary>
    public static bool SeesAll(ClusterScope scope) => scope.Can(ProjectPermissions.Decide);

    /// <summary>Whether the user may change the proposal's content or submit it: the secretariat, or the coordinator's representative.</summary>
    public static bool CanEdit(ClusterScope scope, int? coordinatorMemberId) =>
        SeesAll(scope) || (coordinatorMemberId is { } m && scope.CanFor(ProjectPermissions.Edit, m));

    public static Task<Page<ProposalRow>> PageAsync(ClusterDb db, ClusterScope scope, string? userId, ProposalFilter f, CancellationToken ct)
    {
        var q = Visible(db, scope, userId);
        if (!string.IsNullOrWhiteSpace(f.Q))
            foreach (var word in Names.Normalize(f.Q).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                q = q.Where(p => p.NormalizedTitle.Contains(word));
        if (f.State is { } s) q = q.Where(p => p.State == s);
        if (f.Area is { } a) q = q.Where(p => p.StrategicAreaId == a);
        if (f.Call is { } c) q = q.Where(p => p.CallId == c);
        var ordered = f.Sort switch
        {
            "acronym" => q.OrderBy(p => p.Acronym).ThenBy(p => p.Id),
            "title" => q.OrderBy(p => p.Title).ThenBy(p => p.Id),
            "state" => q.OrderBy(p => p.State).ThenBy(p => p.Id),
            "changed" => q.OrderByDescending(p => p.StateSince).ThenByDescending(p => p.Id),
            _ => q.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id),
        };
        return ordered.Select(Row).PageAsync(f.Page, f.PageSize, ct);
    }

    public static readonly string[] Sorts = ["created", "changed", "acronym", "title", "state"];

    public static async Task<ProposalDetails?> FindAsync(ClusterDb db, ClusterScope scope, string? userId, int id, CancellationToken ct)
    {
        var p = await Visible(db, scope, userId).Where(p => p.Id == id)
            .Include(x => x.Partners).Include(x => x.StateChanges).Include(x => x.Outcomes).Include(x => x.Call).ThenInclude(c => c!.FundingRates)
            .AsSplitQuery().SingleOrDefaultAsync(ct);
        if (p is null) return null;
        var row = await db.Proposals.AsNoTracking().Where(x => x.Id == id).Select(Row).SingleAsync(ct);
        var competences = await db.ProposalCompetences.AsNoTracking().Where(x => x.ProposalId == id)
            .OrderBy(x => x.Competence!.Order).ThenBy(x => x.Competence!.Code).Select(x => new NeededCompetenceDto(x.Competence!.Code, x.Competence.Name)).ToListAsync(ct);
        var failed = p.Call is { } call ? Eligibility.Check(call, p.DurationMonths, p.Partners) : [];
        var actions = ProposalWorkflow.AllowedFrom(p.State)
            .Where(a => a == ProposalAction.Submit ? CanEdit(scope, p.CoordinatorMemberId) : scope.Can(ProjectPermissions.Decide)).ToList();
        return new ProposalDetails(row, p.Summary, p.ActivityDomainId, p.DurationMonths, p.TrlStart, p.TrlTarget, p.ExpectedOutcomes,
            Dues.Money.Euros(p.Partners.Sum(x => x.BudgetCents)), Dues.Money.Euros(p.Partners.Sum(x => x.RequestedCents)),
            p.GrantedCents is { } g ? Dues.Money.Euros(g) : null,
            [.. p.Partners.OrderBy(x => x.Role).ThenBy(x => x.Name).Select(x => new PartnerDto(x.MemberId, x.Name, x.Category, x.Role, Dues.Money.Euros(x.BudgetCents), Dues.Money.Euros(x.RequestedCents)))],
            p.Call is null ? null : failed.Count == 0, failed, actions,
            [.. p.StateChanges.OrderBy(s => s.At).ThenBy(s => s.Id).Select(s => new StateChangeDto(s.From, s.To, s.At, s.Actor, s.Reason))],
            [.. p.Outcomes.OrderBy(o => o.On).ThenBy(o => o.Id).Select(o => new OutcomeDto(o.Id, o.Kind, o.Description, o.On, o.Count))],
            p.Version, competences);
    }

    /// <summary>A proposal as a list row: the proposals list's and the funder's view's one projection.</summary>
    internal static readonly System.Linq.Expressions.Expression<Func<Proposal, ProposalRow>> Row = p =>
        new ProposalRow(p.Id, p.Acronym, p.Title, p.State, p.CallId, p.Call != null ? p.Call.Title : null, p.StrategicAreaId,
            p.CoordinatorMemberId, p.Partners.Where(x => x.Role == PartnerRole.Coordinator).Select(x => x.Name).FirstOrDefault(), p.CreatedAt, p.StateSince);
}
