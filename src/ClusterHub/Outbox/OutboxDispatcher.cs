using ClusterHub.Data;
using Microsoft.Extensions.Options;

namespace ClusterHub.Outbox;

/// <summary>
/// Polls the outbox and delivers what is due, when SMTP is configured. Several instances of the
/// application may run one each: the claims in <see cref="OutboxDelivery"/> keep them apart.
/// </summary>
internal sealed partial class OutboxDispatcher(IServiceScopeFactory scopes, IOptions<SmtpSettings> smtp, IOptions<OutboxOptions> options,
    TimeProvider clock, ILogger<OutboxDispatcher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!smtp.Value.IsConfigured)
        {
            NoSmtp(log);
            return;
        }
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                DeliveryPass pass;
                do // a full batch suggests more is waiting: go on without waiting for the timer
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await using var mailer = new SmtpMailer(smtp.Value);
                    pass = await OutboxDelivery.RunAsync(scope.ServiceProvider.GetRequiredService<ClusterDb>(), mailer, options.Value, clock, stoppingToken);
                    if (pass.Claimed > 0) Delivered(log, pass.Sent, pass.Retrying, pass.Failed);
                }
                while (pass.Claimed == options.Value.BatchSize && pass.Sent == pass.Claimed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database briefly away: the messages wait for the next tick, nothing is lost.
                PassFailed(log, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMTP is not configured (Smtp:Host, Smtp:From): messages stay in the outbox, readable on its page")]
    private static partial void NoSmtp(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox: {Sent} sent, {Retrying} to retry, {Failed} failed")]
    private static partial void Delivered(ILogger logger, int sent, int retrying, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An outbox delivery pass failed")]
    private static partial void PassFailed(ILogger logger, Exception exception);
}
