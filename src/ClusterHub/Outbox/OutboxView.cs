using System.Globalization;
using ClusterHub.Web;
using Microsoft.AspNetCore.WebUtilities;

namespace ClusterHub.Outbox;

/// <summary>
/// What <c>_Outbox.cshtml</c> shows, for a cluster's managers and for the platform administrator alike:
/// a page of messages, or one message in full.
/// </summary>
public sealed record OutboxView(string BasePath, MessageState? State, Page<MessageRow>? List, MessageDetail? Message,
    bool CanRetry, bool ShowCluster, bool SmtpConfigured, string? Notice)
{
    public string ListLink(int page) => QueryHelpers.AddQueryString(BasePath, new Dictionary<string, string?>
    {
        ["state"] = State?.ToString(), ["page"] = page.ToString(CultureInfo.InvariantCulture),
    }.Where(q => q.Value is not null));

    public string MessageLink(int id) => string.Create(CultureInfo.InvariantCulture, $"{BasePath}/{id}");

    /// <summary>Date and time in the reader's notation, in UTC (the clock every instance shares).</summary>
    public static string Stamp(DateTime utc) =>
        utc.ToString("d", CultureInfo.CurrentCulture) + " " + utc.ToString("HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
