using System.Net;
using ClusterHub.Outbox;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Tests.Outbox;

// Delivery passes take every due message in the database, so each scenario has a database of its own.

/// <summary>A renewal's invoice reaches a real SMTP server.</summary>
public abstract class DeliveryTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    [Fact]
    public async Task A_renewals_invoice_is_delivered_to_the_members_contact_and_marked_sent()
    {
        var (c, manager, email) = await Contacts.ClusterAsync(app, "deliver-" + typeof(TApp).Name.ToLowerInvariant());
        await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/dues/renewals", new { year = 2019 })).Json(HttpStatusCode.OK);

        var pass = await app.DeliverAsync(SmtpSink.Settings);
        Assert.Equal((1, 1), (pass.Claimed, pass.Sent));
        var received = Assert.Single(SmtpSink.ReceivedBy(email));
        Assert.Equal(email, received.To.Mailboxes.Single().Address);
        Assert.Equal($"Cluster {c.Slug}: membership dues 2019, invoice 2019-0001", received.Subject);
        Assert.Contains("€812.50", received.TextBody, StringComparison.Ordinal);
        Assert.Equal("noreply@clusterhub.test", received.From.Mailboxes.Single().Address);

        var message = Assert.Single(await app.MessagesAsync(c.Id));
        Assert.Equal((MessageState.Sent, 1, null), (message.State, message.Attempts, message.LastError));
        Assert.NotNull(message.SentAt);
        Assert.Equal(message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), received.Headers["X-ClusterHub-Outbox-Id"]);

        // Sent is sent: another pass sends nothing.
        Assert.Equal(0, (await app.DeliverAsync(SmtpSink.Settings)).Claimed);
        Assert.Single(SmtpSink.ReceivedBy(email));
    }
}

/// <summary>A mail server that cannot be reached: retries with backoff, then Failed with the error shown, and nothing lost.</summary>
public abstract class UnreachableSmtpTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    [Fact]
    public async Task Messages_fail_after_their_retries_with_the_error_visible_and_are_sent_once_retried()
    {
        var c = await app.CreateClusterAsync("unreachable-" + typeof(TApp).Name.ToLowerInvariant());
        var recipients = await app.EnqueueAsync(c.Id, 3, "down");
        var down = SmtpSink.Unreachable();

        // The first failure waits for the backoff: a pass right after it finds nothing due.
        var first = await app.DeliverAsync(down);
        Assert.Equal((3, 3, 0), (first.Claimed, first.Retrying, first.Failed));
        var waiting = await app.MessagesAsync(c.Id);
        Assert.All(waiting, m =>
        {
            Assert.Equal((MessageState.Pending, 1), (m.State, m.Attempts));
            Assert.Contains("Connection refused", m.LastError, StringComparison.OrdinalIgnoreCase);
            Assert.InRange(m.NextAttemptAt - TimeProvider.System.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1));
        });
        Assert.Equal(0, (await app.DeliverAsync(down)).Claimed);

        // With no wait between attempts, the third failure is the last.
        var quick = new OutboxOptions { MaxAttempts = 3, FirstRetry = TimeSpan.Zero };
        await app.WithDb(async db => await db.OutboxMessages.Where(m => m.ClusterId == c.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, m => m.CreatedAt)));
        Assert.Equal(3, (await app.DeliverAsync(down, quick)).Retrying);
        Assert.Equal(3, (await app.DeliverAsync(down, quick)).Failed);
        var failed = await app.MessagesAsync(c.Id);
        Assert.All(failed, m => Assert.Equal((MessageState.Failed, 3), (m.State, m.Attempts)));
        Assert.Equal(recipients.Order(), failed.Select(m => m.Recipient).Order()); // nothing lost
        Assert.Equal(0, (await app.DeliverAsync(SmtpSink.Settings)).Claimed); // failed stays failed

        // The error is on the page and in the API; "retry now" queues one again, and it goes.
        var manager = await app.CreatePersonAsync("Manager", c.Slug);
        var listed = await (await manager.Api.GetAsync($"/api/v1/clusters/{c.Slug}/outbox?state=Failed")).Json(HttpStatusCode.OK);
        Assert.Equal(3, listed.GetProperty("total").GetInt32());
        Assert.All(listed.GetProperty("items").EnumerateArray(), m => Assert.Contains("refused", m.GetProperty("lastError").GetString(), StringComparison.OrdinalIgnoreCase));
        using var web = new WebSession(app.BaseAddress);
        Assert.True(await web.LogInAsync(manager.Email));
        var page = await web.PageAsync($"/c/{c.Slug}/outbox?state=Failed");
        Assert.Contains("refused", page, StringComparison.OrdinalIgnoreCase);

        var retried = await (await manager.Api.PostAsync($"/api/v1/clusters/{c.Slug}/outbox/{failed[0].Id}/retry", null)).Json(HttpStatusCode.OK);
        Assert.Equal(("Pending", 0), (retried.GetProperty("state").GetString(), retried.GetProperty("attempts").GetInt32()));
        await (await manager.Api.PostAsync($"/api/v1/clusters/{c.Slug}/outbox/{failed[0].Id}/retry", null)).Problem(HttpStatusCode.Conflict);
        // Retrying from the page: the second failed message.
        var posted = await web.SubmitAsync($"/c/{c.Slug}/outbox/{failed[1].Id}", $"/c/{c.Slug}/outbox/{failed[1].Id}?handler=retry", []);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("id=\"outbox-notice\"", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(2, (await app.DeliverAsync(SmtpSink.Settings)).Sent);
        Assert.Single(SmtpSink.ReceivedBy(failed[0].Recipient));
        Assert.Single(SmtpSink.ReceivedBy(failed[1].Recipient));
        Assert.Empty(SmtpSink.ReceivedBy(failed[2].Recipient));
    }
}

/// <summary>Two deliverers (two application instances) at once: every message goes out exactly once.</summary>
public abstract class ConcurrentDeliveryTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    [Fact]
    public async Task Two_deliverers_never_send_one_message_twice()
    {
        var c = await app.CreateClusterAsync("concurrent-" + typeof(TApp).Name.ToLowerInvariant());
        var recipients = await app.EnqueueAsync(c.Id, 40, "twice");
        var options = new OutboxOptions { BatchSize = 100 };
        using var start = new SemaphoreSlim(0, 2);
        var passes = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await app.DeliverAsync(SmtpSink.Settings, options);
        })).ToList();
        start.Release(2);
        var results = await Task.WhenAll(passes);

        Assert.Equal(40, results.Sum(r => r.Sent));
        Assert.Equal(40, results.Sum(r => r.Claimed));
        Assert.All(recipients, r => Assert.Single(SmtpSink.ReceivedBy(r)));
        Assert.All(await app.MessagesAsync(c.Id), m => Assert.Equal((MessageState.Sent, 1), (m.State, m.Attempts)));
    }
}

public sealed class DeliveryOnSqlite(SqliteApplication app) : DeliveryTests<SqliteApplication>(app);
public sealed class DeliveryOnPostgres(PostgresApplication app) : DeliveryTests<PostgresApplication>(app);
public sealed class UnreachableSmtpOnSqlite(SqliteApplication app) : UnreachableSmtpTests<SqliteApplication>(app);
public sealed class UnreachableSmtpOnPostgres(PostgresApplication app) : UnreachableSmtpTests<PostgresApplication>(app);
public sealed class ConcurrentDeliveryOnSqlite(SqliteApplication app) : ConcurrentDeliveryTests<SqliteApplication>(app);
public sealed class ConcurrentDeliveryOnPostgres(PostgresApplication app) : ConcurrentDeliveryTests<PostgresApplication>(app);
