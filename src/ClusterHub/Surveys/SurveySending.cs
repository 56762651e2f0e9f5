using ClusterHub.Data;
using ClusterHub.Members;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Surveys;

/// <summary>
/// What sending did: <paramref name="Invited"/> invitations queued now, <paramref name="AlreadyInvited"/> members
/// invited before (sending again reaches only members who were not), <paramref name="WithoutContact"/> active
/// members without a contact who has an e-mail and agreed to be contacted.
/// </summary>
public sealed record SendResult(SurveyChange Change, int Invited = 0, int AlreadyInvited = 0, int WithoutContact = 0);

/// <summary>What a round of reminders did: reminded now, reminded already today (nothing sent twice a day), and without a reachable contact.</summary>
public sealed record RemindResult(SurveyChange Change, int Reminded = 0, int AlreadyRemindedToday = 0, int WithoutContact = 0);

/// <summary>Sending a questionnaire to the members, reminding those who have not answered, and closing it.</summary>
public static class SurveySending
{
    /// <summary>
    /// Opens the survey (draft → open) and invites every active member that has not been invited yet, through its
    /// first consenting contact with an e-mail (one voice per organisation, as the dues' invoices go): a personal link
    /// each, and the message in the same save. Sending again later invites only the members added since. Of two
    /// sends at once, the unique (survey, member) index lets one through; the other is <see cref="SurveyChange.Concurrent"/>.
    /// </summary>
    public static async Task<SendResult> SendAsync(ClusterDb db, int clusterId, int year, Uri site, DateTime now, CancellationToken ct)
    {
        var survey = await db.Surveys.SingleOrDefaultAsync(s => s.ClusterId == clusterId && s.Year == year, ct);
        if (survey is null) return new(SurveyChange.NotFound);
        if (survey.State == SurveyState.Closed) return new(SurveyChange.AlreadyClosed);
        if (survey.ExpiresAt <= now) return new(SurveyChange.ClosesInThePast);
        var sender = await SenderAsync(db, clusterId, ct);
        var members = await db.Members.AsNoTracking()
            .Where(m => m.ClusterId == clusterId && m.Status == MemberStatus.Active && m.ArchivedOn == null)
            .Select(m => new
            {
                m.Id, m.Type, m.Country,
                Invited = db.SurveyInvitations.Any(i => i.SurveyId == survey.Id && i.MemberId == m.Id),
                Contact = m.Contacts.Where(c => c.ConsentToContact && c.Email != null && c.Email != "").OrderBy(c => c.Id)
                    .Select(c => new { c.Id, c.FullName, c.Email }).FirstOrDefault(),
            })
            .OrderBy(m => m.Id).ToListAsync(ct);
        if (survey.State == SurveyState.Draft) { survey.State = SurveyState.Open; survey.SentAt = now; }
        int invited = 0, without = 0;
        foreach (var m in members.Where(m => !m.Invited))
        {
            if (m.Contact is null) { without++; continue; }
            var language = SurveyMessages.LanguageOf(m.Country, sender.Language);
            var token = SurveyTokens.New();
            var invitation = new SurveyInvitation
            {
                SurveyId = survey.Id, ClusterId = clusterId, MemberId = m.Id, ContactId = m.Contact.Id, MemberType = m.Type,
                Language = language, SentAt = now, ExpiresAt = survey.ExpiresAt,
            };
            db.SurveyInvitations.Add(invitation);
            db.SurveyLinks.Add(new SurveyLink { Invitation = invitation, TokenHash = SurveyTokens.Hash(token), IssuedAt = now });
            db.OutboxMessages.Add(SurveyMessages.Invitation(sender, language, m.Contact.Email!, m.Contact.FullName, survey.Title, SurveyTokens.Link(site, token), survey.ClosesOn, now));
            invited++;
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); return new(SurveyChange.Concurrent); }
        catch (DbUpdateException e) when (e.IsUniqueViolation()) { db.ChangeTracker.Clear(); return new(SurveyChange.Concurrent); }
        return new(SurveyChange.Done, invited, members.Count(m => m.Invited), without);
    }

    /// <summary>
    /// Reminds every member invited to the open survey that has not answered and whose link has not expired, once a
    /// day at most: each invitation moves by a conditional update (not reminded today), so a second round on the same
    /// day, or two at once, reminds no one twice. Each reminder carries a fresh link (the first one keeps working).
    /// </summary>
    public static async Task<RemindResult> RemindAsync(ClusterDb db, int clusterId, int year, Uri site, DateTime now, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.ClusterId == clusterId && s.Year == year, ct);
        if (survey is null) return new(SurveyChange.NotFound);
        if (survey.State != SurveyState.Open) return new(SurveyChange.NotOpen);
        if (survey.ExpiresAt <= now) return new(SurveyChange.ClosesInThePast);
        var today = DateOnly.FromDateTime(now);
        var sender = await SenderAsync(db, clusterId, ct);
        var pending = await db.SurveyInvitations.AsNoTracking()
            .Where(i => i.SurveyId == survey.Id && !i.Answered && i.ExpiresAt > now)
            .Select(i => new
            {
                i.Id, i.Language, i.LastRemindedOn,
                Contact = db.MemberContacts.Where(c => c.Id == i.ContactId && c.Email != null && c.Email != "").Select(c => new { c.FullName, c.Email }).FirstOrDefault(),
            })
            .OrderBy(i => i.Id).ToListAsync(ct);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            int reminded = 0, already = 0, without = 0;
            foreach (var i in pending)
            {
                if (i.Contact is null) { without++; continue; }
                var moved = await db.SurveyInvitations.Where(x => x.Id == i.Id && !x.Answered && (x.LastRemindedOn == null || x.LastRemindedOn < today))
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastRemindedOn, today).SetProperty(x => x.Reminders, x => x.Reminders + 1), ct);
                if (moved == 0) { already++; continue; }
                var token = SurveyTokens.New();
                db.SurveyLinks.Add(new SurveyLink { InvitationId = i.Id, TokenHash = SurveyTokens.Hash(token), IssuedAt = now });
                db.OutboxMessages.Add(SurveyMessages.Reminder(sender, i.Language, i.Contact.Email!, i.Contact.FullName, survey.Title, SurveyTokens.Link(site, token), survey.ClosesOn, now));
                reminded++;
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new RemindResult(SurveyChange.Done, reminded, already, without);
        }, ct);
    }

    /// <summary>Closes an open survey for good: its links stop working and its results are final.</summary>
    public static async Task<SurveyChange> CloseAsync(ClusterDb db, int clusterId, int year, DateTime now, CancellationToken ct)
    {
        var survey = await db.Surveys.SingleOrDefaultAsync(s => s.ClusterId == clusterId && s.Year == year, ct);
        if (survey is null) return SurveyChange.NotFound;
        if (survey.State == SurveyState.Closed) return SurveyChange.AlreadyClosed;
        if (survey.State == SurveyState.Draft) return SurveyChange.NotOpen;
        survey.State = SurveyState.Closed;
        survey.ClosedAt = now;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); return SurveyChange.AlreadyClosed; }
        return SurveyChange.Done;
    }

    private static async Task<SurveyMessages.Sender> SenderAsync(ClusterDb db, int clusterId, CancellationToken ct) =>
        await db.Clusters.AsNoTracking().Where(c => c.Id == clusterId).Select(c => new SurveyMessages.Sender(c.Id, c.Name, c.Language)).SingleAsync(ct);
}
