using ClusterHub.Data;
using ClusterHub.Outbox;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Projects;

/// <summary>The pipeline's e-mails, in the cluster's language, queued in the outbox with the change that causes them.</summary>
internal static class ProjectMessages
{
    /// <summary>The decisions a coordinator hears of: the committee's and the funder's.</summary>
    public static bool IsDecision(ProposalAction action) => action is ProposalAction.Certify or ProposalAction.Return or ProposalAction.Reject
        or ProposalAction.Fund or ProposalAction.DeclineFunding;

    /// <summary>
    /// Queues the decision for the coordinator's first contact with an e-mail who agreed to be contacted (none: no message),
    /// in the same save as the transition: a transition that loses a race mails nothing.
    /// </summary>
    public static async Task QueueDecisionAsync(ClusterDb db, Proposal proposal, ProposalAction action, string? reason, DateTime at, CancellationToken ct)
    {
        if (!IsDecision(action) || proposal.CoordinatorMemberId is not { } coordinator) return;
        var to = await db.MemberContacts.AsNoTracking().Where(c => c.MemberId == coordinator && c.ConsentToContact && c.Email != null && c.Email != "")
            .OrderBy(c => c.Id).Select(c => new { c.FullName, c.Email }).FirstOrDefaultAsync(ct);
        if (to is null) return;
        var cluster = await db.Clusters.AsNoTracking().Where(c => c.Id == proposal.ClusterId).Select(c => new { c.Name, c.Language }).SingleAsync(ct);
        var culture = MailTexts.Culture(cluster.Language);
        var state = MailTexts.Text(culture, "Projects.State." + ProposalWorkflow.Target(action));
        db.OutboxMessages.Add(OutboxMessage.Create(MessageKind.ProjectDecision, proposal.ClusterId, to.Email!,
            MailTexts.Text(culture, "Mail.ProjectDecision.Subject", cluster.Name, proposal.Acronym, state),
            MailTexts.Text(culture, "Mail.ProjectDecision.Body", to.FullName, proposal.Acronym, proposal.Title, state,
                reason ?? "-", cluster.Name),
            at));
    }
}
