using ClusterHub.Data;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Outbox;

/// <summary>The <c>Outbox</c> configuration section: how often to look, how often to retry, when to give up.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Attempts before a message is <see cref="MessageState.Failed"/>: with the defaults the last is about 8.5 hours after the first.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first failure; it doubles after each further one, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(6);
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);
    public int BatchSize { get; set; } = 20;

    /// <summary>How long a claim keeps other deliverers off a message; longer than a batch can take, so a claim only lapses when its deliverer died.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt: FirstRetry × 2^(attempts−1), capped.</summary>
    public TimeSpan Backoff(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var ticks = Math.Min(FirstRetry.Ticks * factor, MaxRetryDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}

/// <summary>What one delivery pass did.</summary>
public sealed record DeliveryPass(int Claimed, int Sent, int Retrying, int Failed);

/// <summary>
/// Delivers the messages that are due. Each is claimed first by a conditional update (still pending,
/// still due → due again only after the lease, one more attempt counted), so that of two deliverers,
/// in two application instances, exactly one gets it; only then is it sent. A deliverer that dies
/// between sending and recording leaves the claim to lapse and the message is sent again: delivery
/// is at least once, never twice by two live deliverers.
/// </summary>
public static class OutboxDelivery
{
    public static async Task<DeliveryPass> RunAsync(ClusterDb db, SmtpMailer mailer, OutboxOptions options, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.State == MessageState.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Take(options.BatchSize).ToListAsync(ct);
        var claimed = new List<OutboxMessage>(due.Count);
        var leaseEnd = now + options.Lease;
        foreach (var m in due)
        {
            var won = await db.OutboxMessages.Where(x => x.Id == m.Id && x.State == MessageState.Pending && x.NextAttemptAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextAttemptAt, leaseEnd).SetProperty(x => x.Attempts, x => x.Attempts + 1), ct);
            if (won == 0) continue; // another deliverer has it
            m.Attempts++;
            claimed.Add(m);
        }

        int sent = 0, retrying = 0, failed = 0;
        Exception? unreachable = null;
        for (var i = 0; i < claimed.Count; i++)
        {
            if (ct.IsCancellationRequested)
            {
                await ReleaseAsync(db, claimed.Skip(i), now);
                ct.ThrowIfCancellationRequested();
            }
            var m = claimed[i];
            string? error = null;
            var permanent = false;
            if (unreachable is null)
            {
                try { await mailer.ConnectAsync(ct); }
                catch (Exception e) when (e is not OperationCanceledException) { unreachable = e; }
            }
            if (unreachable is not null) error = Describe(unreachable); // one refused connection speaks for the whole batch
            else
            {
                try { await mailer.SendAsync(m, ct); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    error = Describe(e);
                    permanent = IsPermanent(e);
                }
            }
            var at = clock.GetUtcNow().UtcDateTime;
            // The outcome is recorded even when shutdown began during the send: forgetting a sent message would send it again.
            var mine = db.OutboxMessages.Where(x => x.Id == m.Id && x.State == MessageState.Pending && x.Attempts == m.Attempts);
            if (error is null)
            {
                await mine.ExecuteUpdateAsync(s => s.SetProperty(x => x.State, MessageState.Sent).SetProperty(x => x.SentAt, at)
                    .SetProperty(x => x.LastError, (string?)null), CancellationToken.None);
                sent++;
                continue;
            }
            var giveUp = permanent || m.Attempts >= options.MaxAttempts;
            await mine.ExecuteUpdateAsync(s => s.SetProperty(x => x.State, giveUp ? MessageState.Failed : MessageState.Pending)
                .SetProperty(x => x.NextAttemptAt, giveUp ? at : at + options.Backoff(m.Attempts))
                .SetProperty(x => x.LastError, error), CancellationToken.None);
            if (giveUp) failed++; else retrying++;
        }
        return new DeliveryPass(claimed.Count, sent, retrying, failed);
    }

    /// <summary>Hands back claims not yet tried (the application is stopping): due again, the attempt not counted.</summary>
    private static async Task ReleaseAsync(ClusterDb db, IEnumerable<OutboxMessage> untried, DateTime now)
    {
        foreach (var m in untried)
            await db.OutboxMessages.Where(x => x.Id == m.Id && x.State == MessageState.Pending && x.Attempts == m.Attempts)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextAttemptAt, now).SetProperty(x => x.Attempts, x => x.Attempts - 1), CancellationToken.None);
    }

    /// <summary>The server refused the recipient for good (5xx), or the address cannot be parsed: retrying will not help.</summary>
    private static bool IsPermanent(Exception e) =>
        e is MimeKit.ParseException
        || e is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } c && (int)c.StatusCode >= 500;

    private static string Describe(Exception e)
    {
        var text = $"{e.GetType().Name}: {e.Message}".ReplaceLineEndings(" ");
        return text.Length <= OutboxLimits.Error ? text : text[..OutboxLimits.Error];
    }
}
