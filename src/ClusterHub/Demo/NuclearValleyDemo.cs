using ClusterHub.Projects;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Demo;

/// <summary>Loads <c>samples/nuclear-valley/</c> (see its README) and the demo accounts, once: each feature adds its step.</summary>
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
        // Committee reviewers (their seats and organisations come with the projects' demo step) and a funder's officer.
        (CommitteesDemo.ChairEmail, nameof(ClusterRole.Reviewer), null),
        (CommitteesDemo.ArevaExpertEmail, nameof(ClusterRole.Reviewer), null),
        (CommitteesDemo.LabExpertEmail, nameof(ClusterRole.Reviewer), null),
        (CommitteesDemo.FunderEmail, nameof(ClusterRole.Funder), null),
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
        var seed = new DemoSeed(services, SamplesFolder, services.GetRequiredService<TimeProvider>().Today(), log);
        foreach (var feature in ClusterHubApp.Features) await feature.SeedDemoAsync(seed, ct);
        await seed.RunFinalStepsAsync(ct);
        log.WriteLine("Nuclear Valley demo loaded.");
    }
}
