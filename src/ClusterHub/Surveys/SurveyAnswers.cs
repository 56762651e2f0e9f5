using ClusterHub.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Surveys;

/// <summary>Where a personal link stands; anything but <see cref="Open"/> gets its own page, never an error.</summary>
public enum LinkState { Open, Unknown, Expired, Used, Closed }

/// <summary>What the answer page shows for a valid link: the survey's title, cluster, closing day, anonymity, language and items.</summary>
public sealed record AnswerForm(int SurveyId, int InvitationId, string ClusterName, string Title, DateOnly ClosesOn, bool Anonymous, string Language, IReadOnlyList<SurveyItem> Items);

/// <summary>The page's answer to a link: its state, and the form when it is open.</summary>
public sealed record LinkView(LinkState State, AnswerForm? Form = null);

/// <summary>What became of a submission.</summary>
public enum SubmitOutcome { Recorded, Invalid, Unknown, Expired, Used, Closed }

/// <summary>
/// Answering through a personal link, without an account: the token is the only key. It opens exactly one
/// invitation, of one survey of one cluster, and nothing else.
/// </summary>
public static class SurveyAnswers
{
    /// <summary>The lowest and highest score of the scale; "don't know" is stored as no score.</summary>
    public const int MinScore = 1, MaxScore = 5;

    public static async Task<LinkView> OpenAsync(ClusterDb db, string? token, DateTime now, CancellationToken ct)
    {
        if (!SurveyTokens.IsWellFormed(token)) return new(LinkState.Unknown);
        var hash = SurveyTokens.Hash(token!);
        var found = await db.SurveyLinks.AsNoTracking().Where(l => l.TokenHash == hash)
            .Select(l => new { l.Invitation!.Id, l.Invitation.SurveyId, l.Invitation.Answered, l.Invitation.ExpiresAt, l.Invitation.Language })
            .SingleOrDefaultAsync(ct);
        if (found is null) return new(LinkState.Unknown);
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Items).SingleAsync(s => s.Id == found.SurveyId, ct);
        var state = survey.State == SurveyState.Closed ? LinkState.Closed
            : found.Answered ? LinkState.Used
            : found.ExpiresAt <= now || survey.ExpiresAt <= now ? LinkState.Expired
            : LinkState.Open;
        var cluster = await db.Clusters.AsNoTracking().Where(c => c.Id == survey.ClusterId).Select(c => c.Name).SingleAsync(ct);
        return new(state, new AnswerForm(survey.Id, found.Id, cluster, survey.Title, survey.ClosesOn, survey.Anonymous, found.Language,
            [.. survey.Items.OrderBy(i => i.Position)]));
    }

    /// <summary>
    /// Records one response for the link's invitation. Every item is optional: <paramref name="scores"/> holds the
    /// answered items only, each a score from 1 to 5 or null for "don't know"; an item of another survey, or a score
    /// off the scale, refuses the whole submission. Single use under a race: in one transaction the invitation is
    /// marked answered by a conditional update (not yet answered, not expired) before the response is written, so of
    /// two submissions of one link the database lets exactly one through and the other writes nothing.
    /// </summary>
    public static async Task<SubmitOutcome> SubmitAsync(ClusterDb db, string? token, IReadOnlyDictionary<int, int?> scores, DateTime now, CancellationToken ct)
    {
        var view = await OpenAsync(db, token, now, ct);
        switch (view.State)
        {
            case LinkState.Unknown: return SubmitOutcome.Unknown;
            case LinkState.Expired: return SubmitOutcome.Expired;
            case LinkState.Used: return SubmitOutcome.Used;
            case LinkState.Closed: return SubmitOutcome.Closed;
        }
        var form = view.Form!;
        var itemIds = form.Items.Select(i => i.Id).ToHashSet();
        if (scores.Any(s => !itemIds.Contains(s.Key) || s.Value is < MinScore or > MaxScore)) return SubmitOutcome.Invalid;

        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.SurveyInvitations
                .Where(i => i.Id == form.InvitationId && !i.Answered && i.ExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Answered, true), ct);
            if (claimed == 0) return SubmitOutcome.Used; // another submission of the link won, or it expired since it was read
            // Still open? A close that committed after the page was read refuses the answer too.
            if (!await db.Surveys.AnyAsync(s => s.Id == form.SurveyId && s.State == SurveyState.Open, ct)) return SubmitOutcome.Closed;
            var invitation = await db.SurveyInvitations.AsNoTracking().Where(i => i.Id == form.InvitationId)
                .Select(i => new { i.ClusterId, i.MemberId, i.MemberType }).SingleAsync(ct);
            db.SurveyResponses.Add(new SurveyResponse
            {
                SurveyId = form.SurveyId, ClusterId = invitation.ClusterId, MemberType = invitation.MemberType,
                MemberId = form.Anonymous ? null : invitation.MemberId,
                Answers = [.. scores.OrderBy(s => s.Key).Select(s => new SurveyAnswer { ItemId = s.Key, Score = s.Value })],
            });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return SubmitOutcome.Recorded;
        }, ct);
    }
}
