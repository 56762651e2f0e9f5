using ClusterHub.Accounts;
using ClusterHub.Web;
using static ClusterHub.Accounts.ClusterRole;

namespace ClusterHub.Projects;

/// <summary>The permissions the R&amp;D projects feature owns.</summary>
public static class ProjectPermissions
{
    /// <summary>Funders and their calls: public information for everyone in the cluster.</summary>
    public const string ReadCalls = "projects.calls.read";
    public const string ManageCalls = "projects.calls.manage";
    /// <summary>Proposals: the secretariat's all; a representative's those of its organisation; a reviewer's those assigned to it.</summary>
    public const string Read = "projects.proposals.read";
    /// <summary>Create, edit and submit: the secretariat, and a representative for proposals its organisation coordinates.</summary>
    public const string Edit = "projects.proposals.edit";
    /// <summary>Every move after submission (review, certification, funding, follow-up) and outcome records: the secretariat's.</summary>
    public const string Decide = "projects.proposals.decide";
    public const string Assign = "projects.reviews.assign";
    /// <summary>Committees, their grids and meetings: the secretariat and the reviewers who sit on them.</summary>
    public const string ReadCommittees = "projects.committees.read";
    public const string ManageCommittees = "projects.committees.manage";
    /// <summary>Score an assigned proposal on the grid (record rule: only what is assigned to the caller).</summary>
    public const string WriteReviews = "projects.reviews.write";
    /// <summary>Declare one's own conflicts and one's organisation's competitors.</summary>
    public const string Declare = "projects.reviews.declare";
    /// <summary>Assign despite a conflict, with a written reason (record rule: the chair of the proposal's committee).</summary>
    public const string OverrideConflicts = "projects.reviews.override";
    /// <summary>Read and edit a reviewer's expertise (record rule: a reviewer their own; <see cref="ManageExpertise"/> anyone's).</summary>
    public const string EditExpertise = "projects.expertise.edit";
    /// <summary>Read and edit every reviewer's expertise: the secretariat's.</summary>
    public const string ManageExpertise = "projects.expertise.manage";
    /// <summary>Import participation data (e.g. H2020) for the conflict rules.</summary>
    public const string ImportParticipations = "projects.participations.import";
    /// <summary>The certified proposals sent to a funder: its users see their funder's, the secretariat every funder's.</summary>
    public const string ReadSentToFunder = "projects.funder.read";
    /// <summary>The pipeline funnel: what observers and funders' analysts see.</summary>
    public const string ReadDashboard = "projects.dashboard.read";
    /// <summary>The projects and their participations as files (CSV, JSON, xlsx).</summary>
    public const string Export = "projects.export";
    /// <summary>A funded project's milestones, deliverables and reports: the secretariat and observers all, a representative its organisation's.</summary>
    public const string ReadFollowUp = "projects.followup.read";
    /// <summary>Mark a milestone done, a deliverable delivered, submit a report (record rule: the coordinator's representative, on its own project).</summary>
    public const string RecordProgress = "projects.followup.record";
    /// <summary>Plan milestones and deliverables, accept or return reports: the secretariat's.</summary>
    public const string ManageFollowUp = "projects.followup.manage";
    /// <summary>Past projects from a file (<c>import projects</c>): the secretariat's.</summary>
    public const string Import = "projects.proposals.import";
    /// <summary>A proposal's attachments (record rule: the coordinator's representative, assigned reviewers, the funder it was sent to, the secretariat).</summary>
    public const string ReadAttachments = "projects.attachments.read";
    /// <summary>Add and remove attachments (record rule: the coordinator's representative, removing only before submission; the secretariat).</summary>
    public const string WriteAttachments = "projects.attachments.write";
}

/// <summary>The R&amp;D project labelling pipeline: funders and calls, proposals, the workflow to market, its dashboard.</summary>
public sealed class ProjectsFeature : IFeature
{
    public IEnumerable<Permission> Permissions =>
    [
        Permission.Grant(ProjectPermissions.ReadCalls, Manager, Staff, MemberRepresentative, Reviewer, Observer, ClusterRole.Funder),
        Permission.Grant(ProjectPermissions.ManageCalls, Manager, Staff),
        // Reviewers hold it too: which proposals they see is the assignment table's (ProposalQueries.Visible).
        Permission.GrantWithOwnOrganisation(ProjectPermissions.Read, Manager, Staff, Reviewer),
        Permission.GrantWithOwnOrganisation(ProjectPermissions.Edit, Manager, Staff),
        Permission.Grant(ProjectPermissions.Decide, Manager, Staff),
        Permission.Grant(ProjectPermissions.Assign, Manager, Staff),
        Permission.Grant(ProjectPermissions.ReadDashboard, Manager, Staff, Observer, ClusterRole.Funder),
        Permission.Grant(ProjectPermissions.ReadCommittees, Manager, Staff, Reviewer),
        Permission.Grant(ProjectPermissions.ManageCommittees, Manager, Staff),
        Permission.Grant(ProjectPermissions.WriteReviews, Manager, Staff, Reviewer),
        Permission.Grant(ProjectPermissions.Declare, Manager, Staff, Reviewer),
        Permission.Grant(ProjectPermissions.OverrideConflicts, Manager, Staff, Reviewer),
        Permission.Grant(ProjectPermissions.ImportParticipations, Manager, Staff),
        // Whose expertise a reviewer edits is a record rule (ExpertiseProfiles.MayEdit): their own.
        Permission.Grant(ProjectPermissions.EditExpertise, Manager, Staff, Reviewer),
        Permission.Grant(ProjectPermissions.ManageExpertise, Manager, Staff),
        Permission.Grant(ProjectPermissions.ReadSentToFunder, Manager, Staff, ClusterRole.Funder),
        Permission.Grant(ProjectPermissions.Export, Manager, Staff),
        // Which projects a representative reads and records on is the follow-up's record rule (FollowUpWork.Visible, CanRecord).
        Permission.GrantWithOwnOrganisation(ProjectPermissions.ReadFollowUp, Manager, Staff, Observer),
        Permission.GrantWithOwnOrganisation(ProjectPermissions.RecordProgress, Manager, Staff),
        Permission.Grant(ProjectPermissions.ManageFollowUp, Manager, Staff),
        Permission.Grant(ProjectPermissions.Import, Manager, Staff),
        Permission.GrantWithOwnOrganisation(ProjectPermissions.ReadAttachments, Manager, Staff, Reviewer, ClusterRole.Funder),
        Permission.GrantWithOwnOrganisation(ProjectPermissions.WriteAttachments, Manager, Staff),
    ];

    public IEnumerable<NavigationEntry> Navigation =>
    [
        new(40, "Nav.Proposals", "/projects", ProjectPermissions.Read),
        new(41, "Nav.Calls", "/projects/calls", ProjectPermissions.ReadCalls),
        new(42, "Nav.ProjectFunnel", "/projects/funnel", ProjectPermissions.ReadDashboard),
        new(43, "Nav.Committees", "/projects/committees", ProjectPermissions.ReadCommittees),
        new(44, "Nav.FunderProposals", "/projects/funder", ProjectPermissions.ReadSentToFunder),
    ];

    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton<Indicators.IIndicatorSource, ProjectIndicators>();
        services.AddHostedService<DeadlineSweep>();
        services.AddOptions<Attachments.AttachmentOptions>().BindConfiguration("Projects:Attachments");
    }

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder cluster)
    {
        cluster.MapProjects();
        cluster.MapCommittees();
        cluster.MapFollowUp();
        Attachments.AttachmentsApi.MapAttachments(cluster);
    }

    public void AddVerbs(Cli.CliVerbs verbs) => ProjectCommands.Add(verbs);

    public async Task SeedDemoAsync(Demo.DemoSeed seed, CancellationToken ct)
    {
        await ProjectsDemo.LoadAsync(seed, ct);
        await FollowUpDemo.LoadAsync(seed, ct);
    }
}
