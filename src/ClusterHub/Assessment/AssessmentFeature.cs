using ClusterHub.Accounts;
using ClusterHub.Web;
using static ClusterHub.Accounts.ClusterRole;

namespace ClusterHub.Assessment;

/// <summary>
/// The assessment's permissions. There is no analyst role: judging and saving go to the manager (the secretariat's
/// analyst works with that role), reading to those who judge a cluster from outside too (observers stand for funders).
/// </summary>
public static class AssessmentPermissions
{
    /// <summary>The report, the trend, the differences between years and the instruments.</summary>
    public const string Read = "assessment.read";
    /// <summary>Judgement items and saving or finalising an assessment.</summary>
    public const string Judge = "assessment.judge";
    /// <summary>Copying an instrument and versioning the copy.</summary>
    public const string ManageInstruments = "assessment.instruments.manage";
}

/// <summary>The Cluster Initiative Performance Model and the excellence benchmark, scored from the platform's data, surveys and judgement; the life-cycle stage; the Table 1 report.</summary>
public sealed class AssessmentFeature : IFeature
{
    public IEnumerable<Permission> Permissions =>
    [
        Permission.Grant(AssessmentPermissions.Read, Manager, Staff, Observer, Funder),
        Permission.Grant(AssessmentPermissions.Judge, Manager),
        Permission.Grant(AssessmentPermissions.ManageInstruments, Manager),
    ];

    public IEnumerable<NavigationEntry> Navigation => [new(38, "Nav.Assessment", "/assessment", AssessmentPermissions.Read)];

    public void AddServices(IServiceCollection services) => services.AddScoped<Assessments>().AddSingleton<ReportPdf>();

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder cluster) => cluster.MapAssessment();

    public void AddVerbs(Cli.CliVerbs verbs) => verbs.Root.Subcommands.Add(AssessmentCommands.Assess(verbs.Out));

    public Task SeedDemoAsync(Demo.DemoSeed seed, CancellationToken ct) => AssessmentDemo.LoadAsync(seed, ct);
}
