using System.Globalization;
using ClusterHub.Data;
using ClusterHub.Exchange;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Projects;

/// <summary>
/// One row of a projects export: one partner of a proposal, with the proposal's columns (its totals, the dates of its moves)
/// repeated on each of its partners' rows, so that <c>import projects</c> reads the file back with its consortium.
/// </summary>
public sealed record ProjectExportRow(int Id, string Acronym, string Title, ProposalState State, string? Call, string? Funder, string? Area,
    string? Coordinator, int Partners, int DurationMonths, int TrlStart, int TrlTarget, long BudgetCents, long RequestedCents, long? GrantedCents,
    DateTime CreatedAt, DateTime StateSince, string? Domain, IReadOnlyDictionary<ProposalState, DateTime> Moves, ProjectPartnerRow? Partner,
    string? Competences = null);

/// <summary>The partner a projects export row is about: its name, its member's national id when it is a member, its part.</summary>
public sealed record ProjectPartnerRow(string Name, string? NationalId, PartnerRole Role, PartnerCategory Category, long BudgetCents, long RequestedCents);

/// <summary>One organisation's part in one project, in the shape <c>network project</c> reads (actor × event).</summary>
public sealed record ParticipationRow(int ProjectId, int OrganisationId, PartnerRole Role, int Year);

/// <summary>The projects' export formats, through the exchange kit (CSV, JSON, xlsx) for the API and the CLI alike.</summary>
public static class ProjectFile
{
    public static readonly ExportTable<ProjectExportRow> Table = new("projects",
    [
        new("id", r => r.Id), new("acronym", r => r.Acronym), new("title", r => r.Title), new("state", r => r.State.ToString()),
        new("call", r => r.Call), new("funder", r => r.Funder), new("strategic_area", r => r.Area), new("coordinator", r => r.Coordinator),
        new("partners", r => r.Partners), new("duration_months", r => r.DurationMonths), new("trl_start", r => r.TrlStart), new("trl_target", r => r.TrlTarget),
        new("budget_eur", r => r.BudgetCents * 0.01m), new("requested_eur", r => r.RequestedCents * 0.01m), new("granted_eur", r => r.GrantedCents * 0.01m),
        new("created_at", r => Day(r.CreatedAt)), new("state_since", r => Day(r.StateSince)),
        new("activity_domain", r => r.Domain),
        new("competences", r => r.Competences), // the taxonomy's codes the project needs, separated by spaces
        .. ProjectHistory.Dated.Select(s => new ExportColumn<ProjectExportRow>(ProjectHistory.Column(s), r => r.Moves.TryGetValue(s, out var at) ? Day(at) : null)),
        new("partner", r => r.Partner?.Name), new("partner_national_id", r => r.Partner?.NationalId), new("partner_role", r => r.Partner?.Role.ToString()),
        new("partner_category", r => r.Partner?.Category.ToString()), new("partner_budget_eur", r => r.Partner?.BudgetCents * 0.01m),
        new("partner_requested_eur", r => r.Partner?.RequestedCents * 0.01m),
    ]);

    private static string Day(DateTime at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// <c>network project FILE --actor organisation_id --event project_id</c> reads it. One row per member organisation in a
    /// consortium (non-members have no id of the cluster's); the year is the one the proposal was created, when its consortium formed.
    /// </summary>
    public static readonly ExportTable<ParticipationRow> Participations = new("participations",
    [
        new("project_id", r => r.ProjectId), new("organisation_id", r => r.OrganisationId), new("role", r => r.Role.ToString()), new("year", r => r.Year),
    ]);

    /// <summary>
    /// The projects export: a row per partner in proposal order, each carrying its proposal's columns and the dates of the moves on
    /// the way to its state (the latest move into each state: what <see cref="ProjectImport"/> recreates).
    /// </summary>
    public static async IAsyncEnumerable<ProjectExportRow> Query(ClusterDb db, int clusterId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var moves = new Dictionary<int, Dictionary<ProposalState, DateTime>>();
        await foreach (var m in db.ProposalStateChanges.AsNoTracking().Where(c => c.ClusterId == clusterId && c.From != null)
            .GroupBy(c => new { c.ProposalId, c.To }).Select(g => new { g.Key.ProposalId, g.Key.To, At = g.Max(c => c.At) }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!moves.TryGetValue(m.ProposalId, out var byState)) moves[m.ProposalId] = byState = [];
            byState[m.To] = m.At;
        }
        var partners = new Dictionary<int, List<ProjectPartnerRow>>();
        await foreach (var x in db.ProposalPartners.AsNoTracking().Where(x => db.Proposals.Any(p => p.Id == x.ProposalId && p.ClusterId == clusterId)).OrderBy(x => x.Id)
            .Select(x => new { x.ProposalId, Row = new ProjectPartnerRow(x.Name, x.Member != null ? x.Member.NationalId : null, x.Role, x.Category, x.BudgetCents, x.RequestedCents) })
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!partners.TryGetValue(x.ProposalId, out var list)) partners[x.ProposalId] = list = [];
            list.Add(x.Row);
        }
        var competences = new Dictionary<int, List<string>>();
        await foreach (var x in db.ProposalCompetences.AsNoTracking().Where(x => db.Proposals.Any(p => p.Id == x.ProposalId && p.ClusterId == clusterId))
            .OrderBy(x => x.ProposalId).ThenBy(x => x.Competence!.Code).Select(x => new { x.ProposalId, x.Competence!.Code }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!competences.TryGetValue(x.ProposalId, out var list)) competences[x.ProposalId] = list = [];
            list.Add(x.Code);
        }
        var proposals = db.Proposals.AsNoTracking().Where(p => p.ClusterId == clusterId).OrderBy(p => p.Id)
            .Select(p => new ProjectExportRow(p.Id, p.Acronym, p.Title, p.State, p.Call != null ? p.Call.Title : null, p.Call != null ? p.Call.Funder!.Name : null,
                db.StrategicAreas.Where(a => a.Id == p.StrategicAreaId).Select(a => a.Code).FirstOrDefault(),
                p.Partners.Where(x => x.Role == PartnerRole.Coordinator).Select(x => x.Name).FirstOrDefault(), p.Partners.Count,
                p.DurationMonths, p.TrlStart, p.TrlTarget, p.Partners.Sum(x => x.BudgetCents), p.Partners.Sum(x => x.RequestedCents), p.GrantedCents, p.CreatedAt, p.StateSince,
                db.ActivityDomains.Where(a => a.Id == p.ActivityDomainId).Select(a => a.Code).FirstOrDefault(), null!, null))
            .AsAsyncEnumerable();
        var none = new Dictionary<ProposalState, DateTime>();
        await foreach (var p in proposals.WithCancellation(ct))
        {
            var all = moves.GetValueOrDefault(p.Id) ?? none;
            var path = ProjectHistory.Path(p.State);
            var dated = all.Where(m => path.Contains(m.Key)).ToDictionary();
            var codes = competences.TryGetValue(p.Id, out var needed) ? string.Join(' ', needed) : null;
            foreach (var partner in partners.GetValueOrDefault(p.Id) ?? [null!])
                yield return p with { Moves = dated, Partner = partner, Competences = codes };
        }
    }

    public static IAsyncEnumerable<ParticipationRow> ParticipationQuery(ClusterDb db, int clusterId) =>
        db.ProposalPartners.AsNoTracking()
            .Where(x => x.MemberId != null && db.Proposals.Any(p => p.Id == x.ProposalId && p.ClusterId == clusterId))
            .OrderBy(x => x.ProposalId).ThenBy(x => x.Id)
            .Select(x => new ParticipationRow(x.ProposalId, x.MemberId!.Value, x.Role, db.Proposals.Where(p => p.Id == x.ProposalId).Select(p => p.CreatedAt.Year).First()))
            .AsAsyncEnumerable();
}
