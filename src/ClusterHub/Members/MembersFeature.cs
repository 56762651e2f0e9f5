using ClusterHub.Accounts;
using ClusterHub.Cli;
using ClusterHub.Data;
using ClusterHub.Demo;
using ClusterHub.Exchange;
using ClusterHub.Web;
using static ClusterHub.Accounts.ClusterRole;

namespace ClusterHub.Members;

/// <summary>The permissions the members feature owns.</summary>
public static class MemberPermissions
{
    /// <summary>The directory: names, types, places; no contacts, no figures.</summary>
    public const string ReadDirectory = "members.directory.read";
    /// <summary>A full record: contacts, headcount, turnover, status history.</summary>
    public const string ReadProfile = "members.profile.read";
    /// <summary>Contacts, address, description and sector codes; a representative's change to a dues-relevant field becomes a request.</summary>
    public const string EditProfile = "members.profile.edit";
    /// <summary>Every field, new members, and approving representatives' requests: the secretariat's.</summary>
    public const string EditRecords = "members.records.edit";
    public const string Import = "members.import";
    public const string Export = "members.export";
    /// <summary>Who changed what and when.</summary>
    public const string ReadHistory = "members.history.read";
    /// <summary>A person's data by e-mail: export and erasure (GDPR articles 15 and 17).</summary>
    public const string ManagePersonalData = "members.personaldata.manage";
}

/// <summary>The organisations of a cluster: directory, records, import and export.</summary>
public sealed class MembersFeature : IFeature
{
    public IEnumerable<Permission> Permissions =>
    [
        Permission.Grant(MemberPermissions.ReadDirectory, Enum.GetValues<ClusterRole>()),
        Permission.GrantWithOwnOrganisation(MemberPermissions.ReadProfile, Manager, Staff),
        Permission.GrantWithOwnOrganisation(MemberPermissions.EditProfile, Manager, Staff),
        Permission.Grant(MemberPermissions.EditRecords, Manager, Staff),
        Permission.Grant(MemberPermissions.Import, Manager, Staff),
        Permission.Grant(MemberPermissions.Export, Manager, Staff),
        Permission.GrantWithOwnOrganisation(MemberPermissions.ReadHistory, Manager, Staff),
        Permission.Grant(MemberPermissions.ManagePersonalData, Manager),
    ];

    public void AddServices(IServiceCollection services) => services.AddSingleton<Indicators.IIndicatorSource, MemberIndicators>();

    public IEnumerable<NavigationEntry> Navigation =>
    [
        new(20, "Nav.Members", "/members", MemberPermissions.ReadDirectory),
        new(21, "Nav.MyOrganisation", "/members/" + NavigationEntry.RepresentedMember, MemberPermissions.ReadProfile),
        new(90, "Nav.PersonalData", "/personal-data", MemberPermissions.ManagePersonalData),
    ];

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder cluster)
    {
        cluster.MapMembers();
        cluster.MapPersonalData();
        cluster.MapMemberArchive();
    }

    public void AddVerbs(CliVerbs verbs) => MemberCommands.Add(verbs);

    /// <summary>Imports <c>members.csv</c> through the same import the CLI, the API and the upload page run.</summary>
    public async Task SeedDemoAsync(DemoSeed seed, CancellationToken ct)
    {
        await using var file = File.OpenRead(seed.File("members.csv"));
        var report = await MemberImport.RunAsync(seed.Get<ClusterDb>(), seed.ClusterId, file, "members.csv", FileFormat.Csv, seed.Today, ct);
        if (!report.Succeeded) throw new InvalidOperationException("demo members: " + report.Errors[0]);
        seed.Log.WriteLine($"members.csv: {report.Created} members");
    }
}
