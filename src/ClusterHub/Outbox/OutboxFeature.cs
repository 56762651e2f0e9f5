using ClusterHub.Accounts;
using ClusterHub.Web;

namespace ClusterHub.Outbox;

/// <summary>The permissions the outbox owns.</summary>
public static class OutboxPermissions
{
    /// <summary>The cluster's messages, bodies included (invitation links too: without mail, someone passes them on).</summary>
    public const string Read = "outbox.read";
    /// <summary>Queueing a failed message again.</summary>
    public const string Retry = "outbox.retry";
}

/// <summary>
/// Every e-mail the product sends goes through here: written with the change that causes it,
/// delivered over SMTP when configured, retried with backoff, and readable on a page either way.
/// </summary>
public sealed class OutboxFeature : IFeature
{
    public IEnumerable<Permission> Permissions =>
    [
        Permission.Grant(OutboxPermissions.Read, ClusterRole.Manager),
        Permission.Grant(OutboxPermissions.Retry, ClusterRole.Manager),
    ];

    public IEnumerable<NavigationEntry> Navigation => [new(90, "Nav.Outbox", "/outbox", OutboxPermissions.Read)];

    public void AddServices(IServiceCollection services)
    {
        services.AddOptions<SmtpSettings>().BindConfiguration(SmtpSettings.Section);
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section);
        services.AddHostedService<OutboxDispatcher>();
    }

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder cluster) => api.MapOutbox(cluster);
}
