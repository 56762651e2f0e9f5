using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace ClusterHub.Outbox;

/// <summary>
/// The <c>Smtp</c> configuration section. Without <see cref="Host"/> and <see cref="From"/> the
/// product runs without mail: messages stay in the outbox, readable on its page.
/// </summary>
public sealed class SmtpSettings
{
    public const string Section = "Smtp";
    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>The sender, e.g. <c>ClusterHub &lt;noreply@cluster.example&gt;</c>.</summary>
    public string? From { get; set; }
    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>MailKit's names: <c>Auto</c> (TLS on 465, STARTTLS when offered), <c>None</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c>, <c>SslOnConnect</c>.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    /// <summary>Per SMTP command; a batch of <see cref="OutboxOptions.BatchSize"/> must fit in the claim's lease.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}

/// <summary>Sends outbox messages over one SMTP connection, opened at the first message and kept for the pass.</summary>
public sealed class SmtpMailer(SmtpSettings settings) : IAsyncDisposable
{
    private SmtpClient? client;

    /// <summary>Connects (and authenticates) unless already connected. Throws what the server or the network says.</summary>
    public async Task ConnectAsync(CancellationToken ct)
    {
        if (client is { IsConnected: true }) return;
        client?.Dispose();
        client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("Smtp:Host is not configured"), settings.Port, settings.Security, ct);
        if (!string.IsNullOrEmpty(settings.User)) await client.AuthenticateAsync(settings.User, settings.Password ?? "", ct);
    }

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        await ConnectAsync(ct);
        var mime = new MimeMessage { Subject = message.Subject, Body = new TextPart("plain") { Text = message.Body } };
        mime.From.Add(MailboxAddress.Parse(settings.From ?? throw new InvalidOperationException("Smtp:From is not configured")));
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        // Lets a reader or a mail log find the outbox row a message came from.
        mime.Headers.Add("X-ClusterHub-Outbox-Id", message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await client!.SendAsync(mime, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (client is null) return;
        try
        {
            if (client.IsConnected) await client.DisconnectAsync(quit: true);
        }
        catch (Exception e) when (e is IOException or ProtocolException or CommandException or OperationCanceledException)
        {
            // The messages are sent and recorded; a failed goodbye changes nothing.
        }
        client.Dispose();
    }
}
