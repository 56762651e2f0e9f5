using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClusterHub.Accounts;
using ClusterHub.Clusters;
using ClusterHub.Data;
using ClusterHub.Dues;
using ClusterHub.Exchange;
using ClusterHub.Members;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Demo;

/// <summary>Loads <c>samples/nuclear-valley/</c> (see its README) and the demo accounts, once.</summary>
public static class NuclearValleyDemo
{
    public const string Slug = "nuclear-valley";
    public const string Password = "Demo-2005!";
    public const string ManagerEmail = "manager@nuclear-valley.demo";

    /// <summary>The demo accounts: one per role, so each view of the product can be tried.</summary>
    public static readonly (string Email, string Role, string? Member)[] Accounts =
    [
        ("admin@clusterhub.demo", "admin", null),
        (ManagerEmail, nameof(ClusterRole.Manager), null),
        ("staff@nuclear-valley.demo", nameof(ClusterRole.Staff), null),
        ("observer@nuclear-valley.demo", nameof(ClusterRole.Observer), null),
        ("sfarsteel@nuclear-valley.demo", nameof(ClusterRole.MemberRepresentative), "Sfarsteel"),
    ];

    public static string SamplesFolder => Path.Combine(AppContext.BaseDirectory, "samples", "nuclear-valley");

    public static async Task LoadAsync(IServiceProvider services, TextWriter log, CancellationToken ct)
    {
        var db = services.GetRequiredService<ClusterDb>();
        if (await db.Clusters.AnyAsync(c => c.Slug == Slug, ct))
        {
            log.WriteLine("The Nuclear Valley demo is already loaded; reusing it.");
            return;
        }
        var folder = SamplesFolder;
        var cluster = JsonSerializer.Deserialize<Cluster>(await File.ReadAllTextAsync(Path.Combine(folder, "cluster.json"), ct), Json)!;
        db.Clusters.Add(cluster);
        await db.SaveChangesAsync(ct);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using (var members = File.OpenRead(Path.Combine(folder, "members.csv")))
        {
            var report = await MemberImport.RunAsync(db, cluster.Id, members, "members.csv", FileFormat.Csv, today, ct);
            if (!report.Succeeded) throw new InvalidOperationException("demo members: " + report.Errors[0]);
            log.WriteLine($"members.csv: {report.Created} members");
        }

        using (var text = DecodedText.OpenFile(Path.Combine(folder, "dues-tiers.csv"), "dues-tiers.csv"))
        using (var csv = new CsvReader(text.OpenReader(), CultureInfo.InvariantCulture))
        {
            var tiers = csv.GetRecords<TierRow>().ToList();
            foreach (var year in tiers.GroupBy(t => t.year))
                await DuesTiers.ReplaceAsync(db, cluster.Id, year.Key, year.Select(t => new TierDto(Enum.Parse<MemberType>(t.member_type), Enum.Parse<SizeClass>(t.size_class), t.amount_eur)), ct);
        }
        foreach (var year in Enumerable.Range(2016, 4))
            await DuesLedger.RenewAsync(db, cluster.Id, year, new DateOnly(year, 1, 15), ct);

        using (var text = DecodedText.OpenFile(Path.Combine(folder, "payments.csv"), "payments.csv"))
        using (var csv = new CsvReader(text.OpenReader(), CultureInfo.InvariantCulture))
        {
            var invoices = await db.Invoices.Where(i => i.ClusterId == cluster.Id)
                .Select(i => new { Invoice = i, i.MembershipYear!.Year, i.MembershipYear.Member!.Name, i.MembershipYear.Member.City }).ToListAsync(ct);
            var byKey = invoices.ToDictionary(i => (i.Year, i.Name, i.City));
            foreach (var p in csv.GetRecords<PaymentRow>())
            {
                var invoice = byKey[(p.year, p.member_name, p.city)].Invoice;
                invoice.Status = p.outcome == "paid" ? InvoiceStatus.Paid : InvoiceStatus.WrittenOff;
                invoice.PaidOn = p.paid_on is { Length: > 0 } d ? DateOnly.Parse(d, CultureInfo.InvariantCulture) : null;
            }
            await db.SaveChangesAsync(ct);
        }
        await DuesLedger.MarkOverdueAsync(db, today, ct);

        var admin = services.GetRequiredService<UserAdministration>();
        foreach (var (email, role, member) in Accounts)
        {
            await admin.CreateAsync(email, Password, null, ct);
            await admin.GrantAsync(email, role, Slug, member, ct);
        }
        log.WriteLine($"Nuclear Valley demo loaded: invoices for 2016-2019, {Accounts.Length} demo accounts (password {Password}).");
    }


    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

#pragma warning disable IDE1006, CA1812 // CSV column names, instantiated by CsvHelper
    private sealed record TierRow(int year, string member_type, string size_class, decimal amount_eur);
    private sealed record PaymentRow(int year, string member_name, string city, string outcome, string? paid_on);
#pragma warning restore IDE1006, CA1812
}
