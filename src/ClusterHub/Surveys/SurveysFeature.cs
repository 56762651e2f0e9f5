using ClusterHub.Accounts;
using ClusterHub.Web;
using static ClusterHub.Accounts.ClusterRole;

namespace ClusterHub.Surveys;

public static class SurveyPermissions
{
    /// <summary>The surveys, their response rates and results (groups under five respondents suppressed).</summary>
    public const string Read = "surveys.read";
    /// <summary>Creating, sending, reminding and closing: the secretariat's.</summary>
    public const string Manage = "surveys.manage";
}

/// <summary>Stakeholder surveys: Likert questionnaires sent to the members' contacts with personal links, answered without an account.</summary>
public sealed class SurveysFeature : IFeature
{
    public IEnumerable<Permission> Permissions =>
    [
        Permission.Grant(SurveyPermissions.Read, Manager, Staff, Observer),
        Permission.Grant(SurveyPermissions.Manage, Manager, Staff),
    ];

    public IEnumerable<NavigationEntry> Navigation => [new(37, "Nav.Surveys", "/surveys", SurveyPermissions.Read)];

    public void AddServices(IServiceCollection services) => services.AddSingleton<Assessment.ISurveyEvidence, SurveyEvidence>();

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder cluster) => cluster.MapSurveys();

    public void AddVerbs(Cli.CliVerbs verbs) => verbs.Root.Subcommands.Add(SurveyCommands.Survey(verbs.Out));

    public Task SeedDemoAsync(Demo.DemoSeed seed, CancellationToken ct) => SurveysDemo.LoadAsync(seed, ct);
}
