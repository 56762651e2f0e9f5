using System.Globalization;
using ClusterHub.Data;
using ClusterHub.Exchange;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Projects;

/// <summary>One row of a projects export: a proposal with its totals.</summary>
public sealed record ProjectExportRow(int Id, string Acronym, string Title, ProposalState State, string? Call, string? Funder, string? Area,
    string? Coordinator, int Partners, int DurationMonths, int TrlStart, int TrlTarget, long BudgetCents, long RequestedCents, long? GrantedCents,
    DateTime CreatedAt, DateTime StateSince);

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
        new("created_at", r => r.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), new("state_since", r => r.StateSince.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
    ]);

    /// <summary>
    /// <c>network project FILE --actor organisation_id --event project_id</c> reads it. One row per member organisation in a
    /// consortium (non-members have no id of the cluster's); the year is the one the proposal was created, when its consortium formed.
    /// </summary>
    public static readonly ExportTable<ParticipationRow> Participations = new("participations",
    [
        new("project_id", r => r.ProjectId), new("organisation_id", r => r.OrganisationId), new("role", r => r.Role.ToString()), new("year", r => r.Year),
    ]);

    public static IAsyncEnumerable<ProjectExportRow> Query(ClusterDb db, int clusterId) =>
        db.Proposals.AsNoTracking().Where(p => p.ClusterId == clusterId).OrderBy(p => p.Id)
            .Select(p => new ProjectExportRow(p.Id, p.Acronym, p.Title, p.State, p.Call != null ? p.Call.Title : null, p.Call != null ? p.Call.Funder!.Name : null,
                db.StrategicAreas.Where(a => a.Id == p.StrategicAreaId).Select(a => a.Code).FirstOrDefault(),
                p.Partners.Where(x => x.Role == PartnerRole.Coordinator).Select(x => x.Name).FirstOrDefault(), p.Partners.Count,
                p.DurationMonths, p.TrlStart, p.TrlTarget, p.Partners.Sum(x => x.BudgetCents), p.Partners.Sum(x => x.RequestedCents), p.GrantedCents, p.CreatedAt, p.StateSince))
            .AsAsyncEnumerable();

    public static IAsyncEnumerable<ParticipationRow> ParticipationQuery(ClusterDb db, int clusterId) =>
        db.ProposalPartners.AsNoTracking()
            .Where(x => x.MemberId != null && db.Proposals.Any(p => p.Id == x.ProposalId && p.ClusterId == clusterId))
            .OrderBy(x => x.ProposalId).ThenBy(x => x.Id)
            .Select(x => new ParticipationRow(x.ProposalId, x.MemberId!.Value, x.Role, db.Proposals.Where(p => p.Id == x.ProposalId).Select(p => p.CreatedAt.Year).First()))
            .AsAsyncEnumerable();
}
