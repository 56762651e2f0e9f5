using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Outbox;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Projects;

/// <summary>
/// The deadline reminders of the pipeline, queued in the outbox once each: a call's deadline to the representatives of the coordinators
/// of its proposals still in draft; a running project's milestone or deliverable coming due, and again once overdue, to the coordinator's
/// representatives and the cluster's secretariat (managers and staff). Each reminder is recorded as a <see cref="DeadlineNotice"/>
/// (kind, proposal, item, due date: a unique key), so a second sweep queues nothing and a moved due date is reminded again.
/// </summary>
public static class DeadlineReminders
{
    /// <summary>
    /// How many days before a deadline the reminder goes: a constant of the product, the same for every cluster (a week is what the
    /// secretariats of the source case give; a per-cluster setting can replace it without changing the sweep's shape).
    /// </summary>
    public const int LeadDays = 7;

    private sealed record Item(NoticeKind Kind, int ClusterId, int ProposalId, string Acronym, int? CoordinatorMemberId, int ItemId, string Title, DateOnly DueOn);

    /// <summary>Queues every reminder due on <paramref name="today"/> not queued before; returns how many notices it recorded.</summary>
    public static async Task<int> SweepAsync(ClusterDb db, DateOnly today, CancellationToken ct, int leadDays = LeadDays)
    {
        var horizon = today.AddDays(leadDays);
        var notices = db.DeadlineNotices;
        var items = new List<Item>();
        items.AddRange(await db.Proposals.AsNoTracking()
            .Where(p => p.State == ProposalState.Draft && p.Call != null && p.Call.State == CallState.Open && p.Call.ClosesOn >= today && p.Call.ClosesOn <= horizon
                && !notices.Any(n => n.Kind == NoticeKind.CallDeadline && n.ProposalId == p.Id && n.ItemId == p.CallId && n.DueOn == p.Call.ClosesOn))
            .Select(p => new Item(NoticeKind.CallDeadline, p.ClusterId, p.Id, p.Acronym, p.CoordinatorMemberId, p.CallId!.Value, p.Call!.Title, p.Call.ClosesOn))
            .ToListAsync(ct));
        var running = db.Proposals.Where(p => p.State == ProposalState.Running);
        items.AddRange((await db.ProjectMilestones.AsNoTracking()
            .Where(m => m.State == MilestoneState.Open && m.DueOn <= horizon)
            .Join(running, m => m.ProposalId, p => p.Id, (m, p) => new { m, p })
            .Select(x => new { Overdue = x.m.DueOn < today, x.p.ClusterId, ProposalId = x.p.Id, x.p.Acronym, x.p.CoordinatorMemberId, x.m.Id, x.m.Title, x.m.DueOn })
            .ToListAsync(ct))
            .Select(x => new Item(x.Overdue ? NoticeKind.MilestoneOverdue : NoticeKind.MilestoneDue, x.ClusterId, x.ProposalId, x.Acronym, x.CoordinatorMemberId, x.Id, x.Title, x.DueOn)));
        items.AddRange((await db.ProjectDeliverables.AsNoTracking()
            .Where(d => d.DeliveredOn == null && d.DueOn <= horizon)
            .Join(running, d => d.ProposalId, p => p.Id, (d, p) => new { d, p })
            .Select(x => new { Overdue = x.d.DueOn < today, x.p.ClusterId, ProposalId = x.p.Id, x.p.Acronym, x.p.CoordinatorMemberId, x.d.Id, x.d.Title, x.d.DueOn })
            .ToListAsync(ct))
            .Select(x => new Item(x.Overdue ? NoticeKind.DeliverableOverdue : NoticeKind.DeliverableDue, x.ClusterId, x.ProposalId, x.Acronym, x.CoordinatorMemberId, x.Id, x.Title, x.DueOn)));
        if (items.Count == 0) return 0;

        // The notices already recorded for these items (follow-up items; the calls' were filtered in the query).
        var proposalIds = items.Select(i => i.ProposalId).Distinct().ToList();
        var sent = (await notices.AsNoTracking().Where(n => proposalIds.Contains(n.ProposalId)).Select(n => new { n.Kind, n.ProposalId, n.ItemId, n.DueOn }).ToListAsync(ct))
            .Select(n => (n.Kind, n.ProposalId, n.ItemId, n.DueOn)).ToHashSet();
        items = [.. items.Where(i => !sent.Contains((i.Kind, i.ProposalId, i.ItemId, i.DueOn)))];
        if (items.Count == 0) return 0;

        var clusters = new Dictionary<int, (string Name, System.Globalization.CultureInfo Culture, List<string> Secretariat)>();
        var representatives = new Dictionary<(int, int), List<string>>();
        var now = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        foreach (var item in items)
        {
            if (!clusters.TryGetValue(item.ClusterId, out var cluster))
            {
                var c = await db.Clusters.AsNoTracking().Where(c => c.Id == item.ClusterId).Select(c => new { c.Name, c.Language }).SingleAsync(ct);
                clusters[item.ClusterId] = cluster = (c.Name, MailTexts.Culture(c.Language), await EmailsAsync(db, item.ClusterId, [ClusterRole.Manager, ClusterRole.Staff], null, ct));
            }
            var reps = new List<string>();
            if (item.CoordinatorMemberId is { } member && !representatives.TryGetValue((item.ClusterId, member), out reps!))
                representatives[(item.ClusterId, member)] = reps = await EmailsAsync(db, item.ClusterId, [ClusterRole.MemberRepresentative], member, ct);
            var to = item.Kind == NoticeKind.CallDeadline ? reps : [.. reps.Concat(cluster.Secretariat).Distinct(StringComparer.OrdinalIgnoreCase)];
            foreach (var email in to) db.OutboxMessages.Add(Message(item, cluster.Name, cluster.Culture, email, now));
            db.DeadlineNotices.Add(new DeadlineNotice
            {
                ClusterId = item.ClusterId, ProposalId = item.ProposalId, Kind = item.Kind, ItemId = item.ItemId, DueOn = item.DueOn, QueuedAt = now, Recipients = to.Count,
            });
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Another instance's sweep recorded some of these at the same moment: its messages stand, ours are dropped; the next tick queues the rest.
            db.ChangeTracker.Clear();
            return 0;
        }
        return items.Count;
    }

    /// <summary>The e-mails of the cluster's users holding one of <paramref name="roles"/> (for a representative, of one member), in a stable order.</summary>
    private static Task<List<string>> EmailsAsync(ClusterDb db, int clusterId, ClusterRole[] roles, int? memberId, CancellationToken ct) =>
        db.RoleGrants.AsNoTracking().Where(g => g.ClusterId == clusterId && roles.Contains(g.Role) && (memberId == null || g.MemberId == memberId))
            .Join(db.Users, g => g.UserId, u => u.Id, (g, u) => u.Email)
            .Where(e => e != null && e != "").Distinct().OrderBy(e => e).Select(e => e!).ToListAsync(ct);

    private static OutboxMessage Message(Item item, string clusterName, System.Globalization.CultureInfo culture, string email, DateTime now)
    {
        var due = MailTexts.Date(culture, item.DueOn);
        if (item.Kind == NoticeKind.CallDeadline)
            return OutboxMessage.Create(MessageKind.CallDeadline, item.ClusterId, email,
                MailTexts.Text(culture, "Mail.CallDeadline.Subject", clusterName, item.Acronym, due),
                MailTexts.Text(culture, "Mail.CallDeadline.Body", item.Acronym, item.Title, due, clusterName), now);
        var overdue = item.Kind is NoticeKind.MilestoneOverdue or NoticeKind.DeliverableOverdue;
        var word = MailTexts.Text(culture, item.Kind is NoticeKind.MilestoneDue or NoticeKind.MilestoneOverdue ? "FollowUp.Word.Milestone" : "FollowUp.Word.Deliverable");
        var key = overdue ? "Mail.FollowUpOverdue" : "Mail.FollowUpDue";
        return OutboxMessage.Create(overdue ? MessageKind.FollowUpOverdue : MessageKind.FollowUpDue, item.ClusterId, email,
            MailTexts.Text(culture, key + ".Subject", clusterName, item.Title, item.Acronym, due),
            MailTexts.Text(culture, key + ".Body", word, item.Title, item.Acronym, due, clusterName), now);
    }
}

/// <summary>
/// Runs <see cref="DeadlineReminders.SweepAsync"/> at start-up and then every six hours (the shape of <see cref="Dues.OverdueSweep"/>);
/// the notices' unique key lets only one instance of the application remind.
/// </summary>
internal sealed partial class DeadlineSweep(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DeadlineSweep> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(6), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ClusterDb>();
                var queued = await DeadlineReminders.SweepAsync(db, clock.Today(), stoppingToken);
                if (queued > 0) Queued(log, queued);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed sweep (database briefly away, schema not migrated yet) waits for the next tick.
                SweepFailed(log, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} deadline reminders queued")]
    private static partial void Queued(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The deadline sweep failed")]
    private static partial void SweepFailed(ILogger logger, Exception exception);
}
