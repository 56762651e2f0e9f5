namespace ClusterHub.Web;

public static class Clock
{
    /// <summary>Today's date in UTC: the date every operation stamps (joins, renewals, payments).</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
