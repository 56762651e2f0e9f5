using ClusterHub.Accounts;
using ClusterHub.Cli;
using ClusterHub.Web;
using static ClusterHub.Accounts.ClusterRole;

namespace ClusterHub.Competences;

/// <summary>The permissions the competence map owns.</summary>
public static class CompetencePermissions
{
    /// <summary>The taxonomy and "who can do X in region Y": what every member of the cluster may look up.</summary>
    public const string Read = "competences.map.read";
    /// <summary>The heat map, the gap analysis and the coverage by region.</summary>
    public const string Analyse = "competences.analysis.read";
    public const string ManageTaxonomy = "competences.taxonomy.manage";
    /// <summary>Declarations with their evidence and state; a representative reads its own organisation's.</summary>
    public const string ReadDeclarations = "competences.declarations.read";
    /// <summary>Declaring, changing and withdrawing; a representative for its own organisation.</summary>
    public const string EditDeclarations = "competences.declarations.edit";
    /// <summary>Validating or rejecting declarations: the secretariat's.</summary>
    public const string Validate = "competences.declarations.validate";
    public const string Import = "competences.import";
    public const string Export = "competences.export";
}

/// <summary>The competence map: a taxonomy mapped to the strategic areas, members' declarations, the analyses of gaps.</summary>
public sealed class CompetencesFeature : IFeature
{
    public IEnumerable<Permission> Permissions =>
    [
        Permission.Grant(CompetencePermissions.Read, Enum.GetValues<ClusterRole>()),
        Permission.Grant(CompetencePermissions.Analyse, Manager, Staff, Observer),
        Permission.Grant(CompetencePermissions.ManageTaxonomy, Manager),
        Permission.GrantWithOwnOrganisation(CompetencePermissions.ReadDeclarations, Manager, Staff, Observer),
        Permission.GrantWithOwnOrganisation(CompetencePermissions.EditDeclarations, Manager, Staff),
        Permission.Grant(CompetencePermissions.Validate, Manager, Staff),
        Permission.Grant(CompetencePermissions.Import, Manager, Staff),
        Permission.Grant(CompetencePermissions.Export, Manager, Staff),
    ];

    public IEnumerable<NavigationEntry> Navigation =>
    [
        new(35, "Nav.Competences", "/competences", CompetencePermissions.Analyse),
        new(36, "Nav.CompetenceSearch", "/competences/search", CompetencePermissions.Read),
        new(37, "Nav.MyCompetences", "/members/" + NavigationEntry.RepresentedMember + "/competences", CompetencePermissions.EditDeclarations),
    ];

    public void AddServices(IServiceCollection services) => services.AddSingleton<Indicators.IIndicatorSource, CompetenceIndicators>();

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder cluster) => cluster.MapCompetences();

    public void AddVerbs(CliVerbs verbs) => CompetenceCommands.Add(verbs);

    public Task SeedDemoAsync(Demo.DemoSeed seed, CancellationToken ct) => CompetencesDemo.LoadAsync(seed, ct);
}
