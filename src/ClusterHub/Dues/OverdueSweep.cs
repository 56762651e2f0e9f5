using ClusterHub.Data;
using ClusterHub.Web;

namespace ClusterHub.Dues;

/// <summary>
/// Marks issued invoices past their due date as overdue and queues their reminders, at start-up and then
/// every six hours. Every instance of the application runs one; the sweep's conditional updates let
/// only one of them remind.
/// </summary>
internal sealed partial class OverdueSweep(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OverdueSweep> log) : BackgroundService
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
                var marked = await DuesLedger.MarkOverdueAsync(db, clock.Today(), stoppingToken);
                if (marked > 0) Marked(log, marked);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed sweep (database briefly away, schema not migrated yet) waits for the next tick.
                SweepFailed(log, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} invoices are now overdue")]
    private static partial void Marked(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The overdue sweep failed")]
    private static partial void SweepFailed(ILogger logger, Exception exception);
}
