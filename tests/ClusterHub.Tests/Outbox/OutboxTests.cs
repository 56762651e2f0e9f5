using System.Net;
using System.Net.Http.Json;
using ClusterHub.Dues;
using ClusterHub.Outbox;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Tests.Outbox;

/// <summary>Members with and without a contact who may be mailed, for the dues messages.</summary>
internal static class Contacts
{
    public const string Csv = """
        name,type,headcount,joined_on,contact_name,contact_email,contact_consent
        Forges Un,Sme,20,2010-01-01,Anne Un,{0},yes
        Forges Deux,Sme,20,2010-01-01,Bob Deux,bob@deux.example,no
        Forges Trois,Sme,20,2010-01-01,,,
        """;

    /// <summary>A cluster with three members (one mailable, at a fresh address returned) and a 2019 tier for them.</summary>
    public static async Task<(ClusterHub.Clusters.Cluster Cluster, HttpClient Manager, string Email)> ClusterAsync(ClusterHubApplication app, string slug, string? language = null)
    {
        var c = await app.CreateClusterAsync(slug);
        if (language is not null) await app.WithDb(async db => { await db.Clusters.Where(x => x.Id == c.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Language, language)); });
        var manager = await app.CreateClientAsync("Manager", c.Slug);
        var email = $"anne-{Guid.NewGuid():N}@un.example";
        await (await manager.PostText($"/api/v1/clusters/{c.Slug}/members/import", Csv.Replace("{0}", email, StringComparison.Ordinal), "text/csv")).Json(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await manager.PutAsJsonAsync($"/api/v1/clusters/{c.Slug}/dues/tiers/2019", new[] { new { memberType = "Sme", sizeClass = "Small", amountEur = 812.5m } })).StatusCode);
        return (c, manager, email);
    }
}

/// <summary>What queues messages, and the outbox read without mail: pages and API.</summary>
public abstract class OutboxTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private static string Suffix => typeof(TApp).Name.ToLowerInvariant();

    [Fact]
    public async Task Renewal_queues_one_invoice_for_each_member_with_a_consenting_contact_and_counts_the_others()
    {
        var (c, manager, email) = await Contacts.ClusterAsync(app, "renew-mail-" + Suffix);
        var renewal = await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/dues/renewals", new { year = 2019 })).Json(HttpStatusCode.OK);
        Assert.Equal(3, renewal.GetProperty("renewed").GetInt32());
        Assert.Equal(1, renewal.GetProperty("notified").GetInt32());
        Assert.Equal(2, renewal.GetProperty("withoutContact").GetInt32()); // no consent; no contact

        var list = await (await manager.GetAsync($"/api/v1/clusters/{c.Slug}/outbox")).Json(HttpStatusCode.OK);
        var message = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal((email, "Invoice", "Pending"), (message.GetProperty("recipient").GetString(), message.GetProperty("kind").GetString(), message.GetProperty("state").GetString()));
        Assert.Contains("2019-0001", message.GetProperty("subject").GetString(), StringComparison.Ordinal);
        var id = message.GetProperty("id").GetInt32();
        var detail = await (await manager.GetAsync($"/api/v1/clusters/{c.Slug}/outbox/{id}")).Json(HttpStatusCode.OK);
        var body = detail.GetProperty("body").GetString()!;
        Assert.Contains("Dear Anne Un", body, StringComparison.Ordinal);
        Assert.Contains("€812.50", body, StringComparison.Ordinal);

        // Renewing again renews nobody and queues nothing more.
        await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/dues/renewals", new { year = 2019 })).Json(HttpStatusCode.OK);
        Assert.Single(await app.MessagesAsync(c.Id));
    }

    [Fact]
    public async Task Messages_are_written_in_the_clusters_language()
    {
        var (c, manager, _) = await Contacts.ClusterAsync(app, "french-mail-" + Suffix, "fr");
        await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/dues/renewals", new { year = 2019 })).Json(HttpStatusCode.OK);
        var message = Assert.Single(await app.MessagesAsync(c.Id));
        Assert.StartsWith("Bonjour Anne Un", message.Body, StringComparison.Ordinal);
        Assert.Contains("cotisation 2019", message.Subject, StringComparison.Ordinal);
        Assert.Contains("812,50", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoices_falling_overdue_queue_one_reminder_each_even_when_two_sweeps_run_at_once()
    {
        var (c, _, email) = await Contacts.ClusterAsync(app, "overdue-mail-" + Suffix);
        await app.WithDb(async (db, _) => (await DuesLedger.RenewAsync(db, c.Id, 2019, new DateOnly(2019, 1, 15), default)).Renewed);
        var sweeps = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            app.WithDb((db, _) => DuesLedger.MarkOverdueAsync(db, new DateOnly(2019, 3, 17), default))));
        Assert.Equal(3, sweeps.Sum()); // three invoices fell overdue, each counted by one sweep
        await app.WithDb((db, _) => DuesLedger.MarkOverdueAsync(db, new DateOnly(2019, 4, 1), default)); // nothing new
        var reminders = (await app.MessagesAsync(c.Id)).Where(m => m.Kind == MessageKind.OverdueReminder).ToList();
        var reminder = Assert.Single(reminders);
        Assert.Equal(email, reminder.Recipient);
        Assert.Contains("overdue", reminder.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_smtp_messages_stay_pending_and_are_read_in_full_on_the_pages_and_the_api()
    {
        var (c, manager, email) = await Contacts.ClusterAsync(app, "no-smtp-" + Suffix);
        await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/dues/renewals", new { year = 2019 })).Json(HttpStatusCode.OK);
        var message = Assert.Single(await app.MessagesAsync(c.Id));

        var pending = await (await manager.GetAsync($"/api/v1/clusters/{c.Slug}/outbox?state=Pending")).Json(HttpStatusCode.OK);
        Assert.Equal(1, pending.GetProperty("total").GetInt32());
        var sent = await (await manager.GetAsync($"/api/v1/clusters/{c.Slug}/outbox?state=Sent")).Json(HttpStatusCode.OK);
        Assert.Equal(0, sent.GetProperty("total").GetInt32());

        var person = await app.CreatePersonAsync("Manager", c.Slug);
        using var web = new WebSession(app.BaseAddress);
        Assert.True(await web.LogInAsync(person.Email));
        var page = await web.PageAsync($"/c/{c.Slug}/outbox");
        Assert.Contains("id=\"no-smtp\"", page, StringComparison.Ordinal);
        Assert.Contains(email, page, StringComparison.Ordinal);
        var full = WebUtility.HtmlDecode(await web.PageAsync($"/c/{c.Slug}/outbox/{message.Id}"));
        Assert.Contains(message.Body, full.ReplaceLineEndings("\n"), StringComparison.Ordinal);

        // The platform administrator reads every cluster's messages; a manager reads only their own cluster's.
        var admin = await app.CreatePersonAsync("admin");
        var all = await (await admin.Api.GetAsync("/api/v1/outbox?pageSize=200")).Json(HttpStatusCode.OK);
        Assert.Contains(all.GetProperty("items").EnumerateArray(), m => m.GetProperty("id").GetInt32() == message.Id && m.GetProperty("cluster").GetString() == c.Slug);
        await (await manager.GetAsync("/api/v1/outbox")).Problem(HttpStatusCode.Forbidden);
        using var adminWeb = new WebSession(app.BaseAddress);
        Assert.True(await adminWeb.LogInAsync(admin.Email));
        Assert.Contains(email, await adminWeb.PageAsync("/outbox?state=Pending"), StringComparison.Ordinal);
        await web.PageAsync("/outbox", HttpStatusCode.Forbidden);

        var other = await app.CreateClusterAsync("no-smtp-other-" + Suffix);
        var theirs = await app.CreateClientAsync("Manager", other.Slug);
        await (await theirs.GetAsync($"/api/v1/clusters/{other.Slug}/outbox/{message.Id}")).Json(HttpStatusCode.NotFound);
        var observer = await app.CreateClientAsync("Observer", c.Slug);
        await (await observer.GetAsync($"/api/v1/clusters/{c.Slug}/outbox")).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public void Retries_wait_longer_each_time_up_to_a_cap()
    {
        var options = new OutboxOptions { FirstRetry = TimeSpan.FromMinutes(1), MaxRetryDelay = TimeSpan.FromHours(6) };
        Assert.Equal([1, 2, 4, 8, 16], Enumerable.Range(1, 5).Select(a => options.Backoff(a).TotalMinutes));
        Assert.Equal(TimeSpan.FromHours(6), options.Backoff(12));
        Assert.Equal(TimeSpan.FromHours(6), options.Backoff(1000));
    }
}

public sealed class OutboxOnSqlite(SqliteApplication app) : OutboxTests<SqliteApplication>(app);
public sealed class OutboxOnPostgres(PostgresApplication app) : OutboxTests<PostgresApplication>(app);
