using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Tests.Members;

/// <summary>GDPR articles 15 and 17: a person's data found by e-mail, exported, and erased everywhere the cluster kept it.</summary>
public abstract class PersonalDataTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    [Fact]
    public async Task A_manager_exports_then_erases_a_persons_data_and_nothing_of_it_remains()
    {
        var c = await app.CreateClusterAsync("gdpr-" + Guid.NewGuid().ToString("N")[..8]);
        var manager = await app.CreateClientAsync("Manager", c.Slug);
        var created = await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/members", new
        {
            name = "Forges de Bourgogne", type = "Sme", headcount = "30", joinedOn = "2015-03-01",
            contacts = new[] { new { fullName = "Ada Martin", email = "Ada.Martin@forges.example", phone = "+33 3 85 00 00 00", consentToContact = "yes" } },
        })).Json(HttpStatusCode.Created);
        var memberId = created.GetProperty("member").GetProperty("id").GetInt32();
        await (await manager.PutAsJsonAsync($"/api/v1/clusters/{c.Slug}/dues/tiers/2024", new[] { new { memberType = "Sme", sizeClass = "Small", amountEur = 800m } })).Json(HttpStatusCode.OK);
        await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/dues/renewals", new { year = 2024 })).Json(HttpStatusCode.OK); // e-mails Ada her invoice

        var found = await (await manager.GetAsync($"/api/v1/clusters/{c.Slug}/personal-data?email=ada.martin@forges.example")).Json(HttpStatusCode.OK);
        Assert.Equal("Ada Martin", found.GetProperty("contacts")[0].GetProperty("fullName").GetString());
        Assert.Equal(1, found.GetProperty("messages").GetArrayLength());

        await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/personal-data/erasure", new { email = "ada.martin@forges.example", reason = "" })).Problem(HttpStatusCode.BadRequest);
        var erased = await (await manager.PostJson($"/api/v1/clusters/{c.Slug}/personal-data/erasure", new { email = "ada.martin@forges.example", reason = "her request of 2026-11-20" })).Json(HttpStatusCode.OK);
        Assert.Equal(1, erased.GetProperty("contacts").GetInt32());
        Assert.Equal(1, erased.GetProperty("messages").GetInt32());

        var after = await (await manager.GetAsync($"/api/v1/clusters/{c.Slug}/personal-data?email=ada.martin@forges.example")).Json(HttpStatusCode.OK);
        Assert.Equal(0, after.GetProperty("contacts").GetArrayLength());
        Assert.Equal(0, after.GetProperty("messages").GetArrayLength());
        var member = await (await manager.GetAsync($"/api/v1/clusters/{c.Slug}/members/{memberId}")).Json(HttpStatusCode.OK);
        Assert.Equal("(erased)", member.GetProperty("contacts")[0].GetProperty("fullName").GetString());
        // Nowhere in the database: contacts, outbox, change history.
        var traces = await app.WithDb(async (db, _) =>
            await db.MemberContacts.CountAsync(x => x.FullName.Contains("Ada") || (x.Phone != null && x.Phone.Contains("85 00")))
            + await db.OutboxMessages.CountAsync(m => m.Recipient.Contains("forges") || m.Body.Contains("Ada"))
            + await db.ChangeRecords.CountAsync(r => (r.OldValue != null && (r.OldValue.Contains("Ada") || r.OldValue.Contains("forges") || r.OldValue.Contains("85 00")))
                || (r.NewValue != null && (r.NewValue.Contains("Ada") || r.NewValue.Contains("forges")))));
        Assert.Equal(0, traces);
        var why = await app.WithDb(async (db, _) => await db.ChangeRecords.Where(r => r.Entity == "MemberContact" && r.Reason != null).Select(r => r.Reason).FirstAsync());
        Assert.Contains("her request", why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_managers_reach_personal_data()
    {
        var c = await app.CreateClusterAsync("gdpr-refused-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var role in new[] { "Staff", "Observer" })
        {
            var api = await app.CreateClientAsync(role, c.Slug);
            await (await api.GetAsync($"/api/v1/clusters/{c.Slug}/personal-data?email=a@b.example")).Problem(HttpStatusCode.Forbidden);
        }
        var manager = await app.CreateClientAsync("Manager", c.Slug);
        await (await manager.GetAsync($"/api/v1/clusters/{c.Slug}/personal-data?email=not-an-address")).Problem(HttpStatusCode.BadRequest);
    }
}

public sealed class PersonalDataOnSqlite(SqliteApplication app) : PersonalDataTests<SqliteApplication>(app);
public sealed class PersonalDataOnPostgres(PostgresApplication app) : PersonalDataTests<PostgresApplication>(app);
