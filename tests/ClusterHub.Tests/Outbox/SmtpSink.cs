using System.Net.Sockets;
using ClusterHub.Data;
using ClusterHub.Outbox;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace ClusterHub.Tests.Outbox;

/// <summary>
/// The real SMTP server test.sh starts (aiosmtpd with <c>tests/smtp_sink.py</c>), named by
/// <c>CLUSTERHUB_TEST_SMTP</c> (host:port), and the folder where it writes each message it receives,
/// <c>CLUSTERHUB_TEST_SMTP_FOLDER</c>. Tests tell their messages apart by recipient.
/// </summary>
public static class SmtpSink
{
    public const string Variable = "CLUSTERHUB_TEST_SMTP", FolderVariable = "CLUSTERHUB_TEST_SMTP_FOLDER";

    private static string Required(string variable) => Environment.GetEnvironmentVariable(variable)
        ?? throw new InvalidOperationException($"{variable} is not set: run ./test.sh, which starts an SMTP server (aiosmtpd) for the delivery tests.");

    /// <summary>Settings that deliver to the sink.</summary>
    public static SmtpSettings Settings
    {
        get
        {
            var address = Required(Variable);
            var colon = address.LastIndexOf(':');
            return new SmtpSettings
            {
                Host = address[..colon], Port = int.Parse(address[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture),
                From = "ClusterHub <noreply@clusterhub.test>", Security = MailKit.Security.SecureSocketOptions.None,
            };
        }
    }

    /// <summary>Settings naming a port nobody listens on: the connection is refused.</summary>
    public static SmtpSettings Unreachable()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new SmtpSettings { Host = "127.0.0.1", Port = port, From = "noreply@clusterhub.test", Security = MailKit.Security.SecureSocketOptions.None, Timeout = TimeSpan.FromSeconds(5) };
    }

    /// <summary>Every message the sink received for <paramref name="recipient"/> (by the envelope).</summary>
    public static IReadOnlyList<MimeMessage> ReceivedBy(string recipient)
    {
        var folder = Required(FolderVariable);
        if (!Directory.Exists(folder)) return [];
        return [.. Directory.EnumerateFiles(folder, "*.eml").Select(f => MimeMessage.Load(f))
            .Where(m => m.Headers["X-Sink-Rcpt-To"]?.Split(',').Any(r => r.Trim().Equals(recipient, StringComparison.OrdinalIgnoreCase)) == true)];
    }

    /// <summary>One delivery pass, as the application's dispatcher runs it, with the given settings.</summary>
    public static Task<DeliveryPass> DeliverAsync(this ClusterHubApplication app, SmtpSettings smtp, OutboxOptions? options = null) =>
        app.WithDb(async (db, _) =>
        {
            await using var mailer = new SmtpMailer(smtp);
            return await OutboxDelivery.RunAsync(db, mailer, options ?? new OutboxOptions(), TimeProvider.System, default);
        });

    /// <summary>Queues <paramref name="count"/> messages to fresh addresses in the cluster; returns the addresses.</summary>
    public static Task<List<string>> EnqueueAsync(this ClusterHubApplication app, int clusterId, int count, string prefix) =>
        app.WithDb(async (db, _) =>
        {
            var recipients = Enumerable.Range(0, count).Select(i => $"{prefix}-{i}-{Guid.NewGuid():N}@members.example").ToList();
            foreach (var r in recipients)
                db.OutboxMessages.Add(OutboxMessage.Create(MessageKind.Invoice, clusterId, r, $"Test {r}", "Hello.", TimeProvider.System.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
            return recipients;
        });

    public static Task<List<OutboxMessage>> MessagesAsync(this ClusterHubApplication app, int clusterId) =>
        app.WithDb((db, _) => db.OutboxMessages.AsNoTracking().Where(m => m.ClusterId == clusterId).OrderBy(m => m.Id).ToListAsync());
}
