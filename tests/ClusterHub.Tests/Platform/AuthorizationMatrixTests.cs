using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using ClusterHub.Accounts;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterHub.Tests.Platform;

/// <summary>
/// Generated from the running application: every route × every role × own and other cluster. The
/// expected answer comes from the route's declared rule and the permission table, so a new endpoint
/// is covered the day it is added, and a rule that the code does not honour fails here.
/// "Allowed" means anything but 401, 403 and 404 (a validation error is an allowed caller's answer).
/// </summary>
public abstract class AuthorizationMatrixTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private static readonly string[] Roles = ["admin", .. Enum.GetNames<ClusterRole>(), .. Enum.GetNames<PortfolioRole>().Select(r => Portfolio + r)];

    /// <summary>The prefix of the portfolio roles on the role axis: "PortfolioAnalyst" holds Analyst in the fixture's own portfolio and no cluster role.</summary>
    private const string Portfolio = "Portfolio";

    private static PortfolioRole? PortfolioRoleOf(string role) => role.StartsWith(Portfolio, StringComparison.Ordinal) ? Enum.Parse<PortfolioRole>(role[Portfolio.Length..]) : null;

    private sealed record Fixture(string Own, string Other, int MemberId, int InvoiceId, int RequestId, int MessageId, string PersonId,
        int ProposalId, int CallId, int CompetenceId, int WithdrawnCompetenceId, int DeclarationId, GovernanceIds Governance, int BudgetLineId, int NetworkId, int JobId,
        StrategyEntries Strategy, MappingIds Mapping, string OwnPortfolio, string OtherPortfolio, int OwnPortfolioId, CommitteeIds Committee, FollowUpIds FollowUp, AttachmentIds Attachments,
        string ReviewerId);

    /// <summary>
    /// A proposal Sfarsteel coordinates, already sent to the fixture's funder (so its users read its attachments), with one
    /// attachment the routes read and one the DELETE routes remove (idempotent): the attachment routes address this proposal.
    /// </summary>
    private sealed record AttachmentIds(int ProposalId, int AttachmentId, int DeletableAttachmentId, int FunderId);

    /// <summary>One entry of each strategic list, each in use (so a removal is refused alike for every role, and the entry stays).</summary>
    private sealed record StrategyEntries(int Area, int Domain, int Stage);
    private sealed record MappingIds(int DatasetId, int DeletableDatasetId, int DefinitionId, int DeletableDefinitionId, int JobId);

    /// <summary>Governance records: the PUT routes edit the first actor and tie; the DELETE routes (idempotent) remove others, so that
    /// a role deleting first leaves the next roles something to edit.</summary>
    private sealed record GovernanceIds(int ActorId, int TieId, int DeletableActorId, int DeletableTieId);

    /// <summary>A committee, its funder's id and a meeting with the fixture's proposal on the agenda (decisions with {} answer 400 for every role).</summary>
    private sealed record CommitteeIds(int CommitteeId, int MeetingId, int ItemId, int FunderId);

    /// <summary>
    /// A milestone, a deliverable and a submitted report of the fixture's proposal, and a milestone and a deliverable for the DELETE
    /// routes (idempotent): the other routes move the proposal along, so one role's removal could reach the rows the others address.
    /// </summary>
    private sealed record FollowUpIds(int MilestoneId, int DeliverableId, int ReportId, int DeletableMilestoneId, int DeletableDeliverableId);

    private Task<FollowUpIds> FollowUpAsync(int proposalId) => app.WithDb<FollowUpIds>(async (db, _) =>
    {
        var m = new ClusterHub.Projects.ProjectMilestone { ProposalId = proposalId, Title = "M1", DueOn = new DateOnly(2025, 1, 1) };
        var d = new ClusterHub.Projects.ProjectDeliverable { ProposalId = proposalId, Title = "D1", DueOn = new DateOnly(2025, 1, 1) };
        var r = new ClusterHub.Projects.ProjectReport { ProposalId = proposalId, PeriodStart = new DateOnly(2024, 1, 1), PeriodEnd = new DateOnly(2024, 12, 31), Summary = "Year 1", SubmittedBy = "matrix", State = ClusterHub.Projects.ReportState.Returned };
        var m2 = new ClusterHub.Projects.ProjectMilestone { ProposalId = proposalId, Title = "M2", DueOn = new DateOnly(2025, 1, 1) };
        var d2 = new ClusterHub.Projects.ProjectDeliverable { ProposalId = proposalId, Title = "D2", DueOn = new DateOnly(2025, 1, 1) };
        db.AddRange(m, d, r, m2, d2);
        await db.SaveChangesAsync();
        return new FollowUpIds(m.Id, d.Id, r.Id, m2.Id, d2.Id);
    });

    private Task<CommitteeIds> CommitteeAsync(int clusterId, int proposalId, int funderId) => app.WithDb<CommitteeIds>(async (db, _) =>
    {
        var area = new ClusterHub.Strategy.StrategicArea { ClusterId = clusterId, Code = "A1", Name = "Area", Order = 1 };
        db.StrategicAreas.Add(area);
        await db.SaveChangesAsync();
        var committee = new ClusterHub.Projects.Committee { ClusterId = clusterId, Name = "Committee", StrategicAreaId = area.Id };
        db.Committees.Add(committee);
        await db.SaveChangesAsync();
        var meeting = new ClusterHub.Projects.CommitteeMeeting { ClusterId = clusterId, CommitteeId = committee.Id, On = new DateOnly(2024, 6, 12) };
        meeting.Items.Add(new ClusterHub.Projects.MeetingItem { ProposalId = proposalId, Order = 1 });
        db.CommitteeMeetings.Add(meeting);
        await db.SaveChangesAsync();
        return new CommitteeIds(committee.Id, meeting.Id, meeting.Items[0].Id, funderId);
    });

    private Task<AttachmentIds> AttachmentsAsync(int clusterId, int memberId, int callId, int funderId) => app.WithDb<AttachmentIds>(async (db, _) =>
    {
        var now = DateTime.UtcNow;
        var proposal = new ClusterHub.Projects.Proposal
        {
            ClusterId = clusterId, Title = "Sent to the funder", Acronym = "SENT", CallId = callId, DurationMonths = 24, TrlStart = 3, TrlTarget = 6,
            State = ClusterHub.Projects.ProposalState.SubmittedToFunder, CreatedAt = now, StateSince = now, CoordinatorMemberId = memberId,
            Partners = [new() { MemberId = memberId, Name = "Sfarsteel", Role = ClusterHub.Projects.PartnerRole.Coordinator, Category = ClusterHub.Projects.PartnerCategory.LargeCompany }],
        };
        db.Proposals.Add(proposal);
        await db.SaveChangesAsync();
        ClusterHub.Projects.Attachments.ProposalAttachment File(string name) => new()
            { ProposalId = proposal.Id, FileName = name, ContentType = "text/plain; charset=utf-8", SizeBytes = 2, Sha256 = new string('0', 64), UploadedBy = "matrix", UploadedAt = now, Content = "ok"u8.ToArray() };
        var (kept, deletable) = (File("kept.txt"), File("deletable.txt"));
        db.AddRange(kept, deletable);
        await db.SaveChangesAsync();
        return new AttachmentIds(proposal.Id, kept.Id, deletable.Id, funderId);
    });

    private Task<GovernanceIds> GovernanceAsync(int clusterId) => app.WithDb<GovernanceIds>(async (db, _) =>
    {
        var actors = new[] { "Nuclear Valley", "GIFEN", "CSFN", "Spare" }.Select(n => new ClusterHub.Governance.GovernanceActor
            { ClusterId = clusterId, Name = n, Level = ClusterHub.Governance.ActorLevel.Sectoral, Kind = ClusterHub.Governance.ActorKind.Association }).ToArray();
        db.AddRange(actors);
        await db.SaveChangesAsync();
        var ties = new[] { (0, 1), (0, 2) }.Select(p => new ClusterHub.Governance.GovernanceTie
            { ClusterId = clusterId, FromActorId = actors[p.Item1].Id, ToActorId = actors[p.Item2].Id, Type = ClusterHub.Governance.TieType.Membership, Strength = 3 }).ToArray();
        db.AddRange(ties);
        await db.SaveChangesAsync();
        return new GovernanceIds(actors[0].Id, ties[0].Id, actors[3].Id, ties[1].Id);
    });

    private static bool IsDelete(RouteEndpoint e) => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("DELETE") == true;

    private async Task<Fixture> ArrangeAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var own = await app.CreateClusterAsync("matrix-" + suffix);
        var other = await app.CreateClusterAsync("matrix-other-" + suffix);
        var manager = await app.CreateClientAsync("Manager", own.Slug);
        var member = await (await manager.PostJson($"/api/v1/clusters/{own.Slug}/members",
            new { name = "Sfarsteel", type = "LargeCompany", headcount = "300", joinedOn = "2005-07-12",
                contacts = new[] { new { fullName = "Ada Martin", email = "ada@sfarsteel.example", consentToContact = "yes" } } })).Json(HttpStatusCode.Created);
        var memberId = member.GetProperty("member").GetProperty("id").GetInt32();
        await (await manager.PutAsJsonAsync($"/api/v1/clusters/{own.Slug}/dues/tiers/2024", new[] { new { memberType = "LargeCompany", sizeClass = "Unknown", amountEur = 5000m } })).Json(HttpStatusCode.OK);
        await (await manager.PostJson($"/api/v1/clusters/{own.Slug}/dues/renewals", new { year = 2024 })).Json(HttpStatusCode.OK);
        var invoices = await (await manager.GetAsync($"/api/v1/clusters/{own.Slug}/invoices")).Json(HttpStatusCode.OK);
        var rep = await app.CreateClientAsync("MemberRepresentative", own.Slug, "Sfarsteel");
        var requested = await (await rep.PutAsJsonAsync($"/api/v1/clusters/{own.Slug}/members/{memberId}",
            new { name = "Sfarsteel", type = "LargeCompany", headcount = "320", joinedOn = "2005-07-12" })).Json(HttpStatusCode.OK);
        var messages = await (await manager.GetAsync($"/api/v1/clusters/{own.Slug}/outbox")).Json(HttpStatusCode.OK); // the renewal's invoice e-mail
        // A person holding two roles: the matrix grants and revokes the one, the other keeps them in the cluster.
        var person = await app.CreatePersonAsync("Observer", own.Slug);
        await app.WithDb(async (_, sp) => { await sp.GetRequiredService<UserAdministration>().GrantAsync(person.Email, "Reviewer", own.Slug, null, default); return 0; });
        await app.WithDb(async (db, sp) => (await sp.GetRequiredService<ClusterHub.Strategy.Reviews>().OpenAsync(db, own.Id, new(2024, new DateOnly(2024, 8, 29), null), default)).Item1);
        // A manual indicator the routes that name one address (its key is the same in every run).
        await (await manager.PostJson($"/api/v1/clusters/{own.Slug}/indicators/manual", new { code = "matrix", name = "Matrix", definition = "For the matrix." })).Json(HttpStatusCode.Created);
        // Two competences declared by the representative's organisation: decisions and the taxonomy's routes use the first
        // (declared, so its deletion is refused for everyone alike), withdrawal the second (idempotent).
        var weld = await (await manager.PostJson($"/api/v1/clusters/{own.Slug}/competences", new { code = "WELD", name = "Welding", domain = "Manufacturing" })).Json(HttpStatusCode.Created);
        var ndt = await (await manager.PostJson($"/api/v1/clusters/{own.Slug}/competences", new { code = "NDT", name = "Testing", domain = "Inspection" })).Json(HttpStatusCode.Created);
        var declaration = await (await rep.PostJson($"/api/v1/clusters/{own.Slug}/members/{memberId}/competences", new { competence = "WELD", level = 3 })).Json(HttpStatusCode.OK);
        await (await rep.PostJson($"/api/v1/clusters/{own.Slug}/members/{memberId}/competences", new { competence = "NDT", level = 2 })).Json(HttpStatusCode.OK);
        // A call and a proposal that Sfarsteel coordinates: its representative's own; each reviewer gets it assigned (see AssignedReviewerAsync).
        var funder = await (await manager.PostJson($"/api/v1/clusters/{own.Slug}/funders", new { name = "FUI", kind = "StateProgramme" })).Json(HttpStatusCode.Created);
        var call = await (await manager.PostJson($"/api/v1/clusters/{own.Slug}/calls", new { funderId = funder.GetProperty("id").GetInt32(), title = "FUI 30", opensOn = "2020-01-01", closesOn = "2099-12-31", state = "Open", requiresSme = false })).Json(HttpStatusCode.Created);
        var callId = call.GetProperty("call").GetProperty("id").GetInt32();
        var proposal = await (await manager.PostJson($"/api/v1/clusters/{own.Slug}/proposals", new
        {
            title = "Forged components", acronym = "FORGE", callId, durationMonths = 24, trlStart = 3, trlTarget = 6,
            partners = new[] { new { memberId = memberId, role = "Coordinator", budgetEur = 1000m, requestedEur = 0m } },
        })).Json(HttpStatusCode.Created);
        var budgetLine = await (await manager.PostJson($"/api/v1/clusters/{own.Slug}/finance/lines", new { year = 2024, source = "Regions", actualEur = 1000m, payerName = "Région" })).Json(HttpStatusCode.Created);
        // A 2024 survey, for the {year} of the survey routes (its links go to Sfarsteel's contact when a role sends it).
        await (await manager.PostJson($"/api/v1/clusters/{own.Slug}/surveys", new { year = 2024, title = "Stakeholders", closesOn = "2099-12-31",
            items = new[] { new { key = "cipm.framework.consensus", textEn = "The strategy is agreed." } } })).Json(HttpStatusCode.Created);
        // A workspace network with a job held running (so that no role's DELETE removes the network the other routes need)
        // and a finished job without a result for the job routes (cancel and results answer 409 alike for every role).
        var network = await (await manager.PostAsync($"/api/v1/clusters/{own.Slug}/networks?fileName=pair.csv",
            new StringContent("source,target\na,b\n", Encoding.UTF8, "text/csv"))).Json(HttpStatusCode.Created);
        var networkId = network.GetProperty("id").GetInt32();
        var jobId = await app.WithDb(async (db, _) =>
        {
            var held = new ClusterHub.Jobs.Job { ClusterId = own.Id, Kind = "network.metrics", SubjectId = networkId, Parameters = "{\"kind\":\"Metrics\",\"seed\":0}", State = ClusterHub.Jobs.JobState.Running, StartedBy = "matrix", QueuedAt = DateTime.UtcNow };
            var sample = new ClusterHub.Jobs.Job { ClusterId = own.Id, Kind = "network.metrics", SubjectId = networkId, Parameters = "{\"kind\":\"Metrics\",\"seed\":0}", State = ClusterHub.Jobs.JobState.Failed, FailureReason = "matrix", StartedBy = "matrix", QueuedAt = DateTime.UtcNow };
            db.Jobs.AddRange(held, sample);
            await db.SaveChangesAsync();
            return sample.Id;
        });
        var strategy = await app.WithDb(async (db, _) =>
        {
            var area = new ClusterHub.Strategy.StrategicArea { ClusterId = own.Id, Code = "MA", Name = "Matrix area", Order = 1 };
            var domain = new ClusterHub.Strategy.ActivityDomain { ClusterId = own.Id, Code = "MD", Name = "Matrix domain", Order = 1 };
            var stage = new ClusterHub.Strategy.ValueChainStage { ClusterId = own.Id, Code = "MS", Name = "Matrix stage", Order = 1 };
            db.AddRange(area, domain, stage);
            await db.SaveChangesAsync();
            var weldId = weld.GetProperty("id").GetInt32();
            (await db.Competences.SingleAsync(c => c.Id == weldId)).ValueChainStageId = stage.Id;
            var proposalId = proposal.GetProperty("proposal").GetProperty("id").GetInt32();
            (await db.Proposals.SingleAsync(p => p.Id == proposalId)).ActivityDomainId = domain.Id;
            db.Add(new ClusterHub.Strategy.Objective { ClusterId = own.Id, Title = "Matrix", IndicatorKey = "members.active", StrategicAreaId = area.Id });
            await db.SaveChangesAsync();
            return new StrategyEntries(area.Id, domain.Id, stage.Id);
        });
        var mapping = await MappingAsync(own.Id);
        // Two portfolios: the portfolio roles hold a role in the first; a route naming the second is "the other" for them.
        var ownPortfolio = "matrix-p-" + suffix;
        var otherPortfolio = "matrix-q-" + suffix;
        var ownPortfolioId = await ClusterHub.Tests.Portfolios.PortfolioPeople.CreatePortfolioAsync(app, ownPortfolio);
        await ClusterHub.Tests.Portfolios.PortfolioPeople.CreatePortfolioAsync(app, otherPortfolio);
        return new(own.Slug, other.Slug, memberId, invoices.GetProperty("items")[0].GetProperty("id").GetInt32(),
            requested.GetProperty("pendingChange").GetProperty("id").GetInt32(), messages.GetProperty("items")[0].GetProperty("id").GetInt32(), person.UserId,
            proposal.GetProperty("proposal").GetProperty("id").GetInt32(), callId,
            weld.GetProperty("id").GetInt32(), ndt.GetProperty("id").GetInt32(), declaration.GetProperty("id").GetInt32(), await GovernanceAsync(own.Id), budgetLine.GetProperty("id").GetInt32(), networkId, jobId,
            strategy, mapping, ownPortfolio, otherPortfolio, ownPortfolioId,
            await CommitteeAsync(own.Id, proposal.GetProperty("proposal").GetProperty("id").GetInt32(), funder.GetProperty("id").GetInt32()),
            await FollowUpAsync(proposal.GetProperty("proposal").GetProperty("id").GetInt32()),
            await AttachmentsAsync(own.Id, memberId, callId, funder.GetProperty("id").GetInt32()),
            (await app.CreatePersonAsync(nameof(ClusterRole.Reviewer), own.Slug)).UserId); // whose expertise /reviewers/{userId} addresses
    }

    /// <summary>Two mapping datasets (one of region 76540 × industry 2530Z in 2022, one for the DELETE routes), two definitions alike, an import job.</summary>
    private Task<MappingIds> MappingAsync(int clusterId) => app.WithDb(async (db, _) =>
    {
        var job = new ClusterHub.Jobs.Job { ClusterId = clusterId, Kind = ClusterHub.Mapping.MappingWorkspace.ImportKind, Parameters = "{}", State = ClusterHub.Jobs.JobState.Succeeded, StartedBy = "matrix", QueuedAt = DateTime.UtcNow };
        db.Jobs.Add(job);
        await db.SaveChangesAsync();
        ClusterHub.Mapping.MappingDataset Dataset() => new() { ClusterId = clusterId, Name = "matrix", FileName = "m.csv", Columns = "{}", CreatedBy = "matrix", FirstYear = 2022, LastYear = 2022, JobId = job.Id };
        var (kept, deletable) = (Dataset(), Dataset());
        ClusterHub.Mapping.MappingDefinition Definition(string name) => new() { ClusterId = clusterId, Name = name, UpdatedBy = "matrix", Codes = [new() { Industry = "2530Z", Cluster = "nuclear" }] };
        var (definition, deletableDefinition) = (Definition("matrix"), Definition("matrix-deletable"));
        db.AddRange(kept, deletable, definition, deletableDefinition);
        await db.SaveChangesAsync();
        db.MappingRegions.Add(new() { DatasetId = kept.Id, Index = 0, Code = "76540" });
        db.MappingIndustries.Add(new() { DatasetId = kept.Id, Index = 0, Code = "2530Z" });
        db.MappingValues.Add(new() { DatasetId = kept.Id, Year = 2022, Region = 0, Industry = 0, Value = 12 });
        await db.SaveChangesAsync();
        return new MappingIds(kept.Id, deletable.Id, definition.Id, deletableDefinition.Id, job.Id);
    });

    /// <summary>A concrete address for a route template; an unknown parameter fails the test (add it here).</summary>
    private static string Address(RouteEndpoint e, string cluster, Fixture f) => Address(e, cluster, f, cluster == f.Own);

    /// <summary>A reviewer's own record (its expertise) is addressed by its own user id: <paramref name="self"/> for the Reviewer role.</summary>
    private static string Address(RouteEndpoint e, string cluster, Fixture f, bool own, string? self) =>
        self is not null && e.RoutePattern.RawText!.Contains("/reviewers/{userId}", StringComparison.Ordinal)
            ? Address(e, cluster, f with { ReviewerId = self }, own)
            : Address(e, cluster, f, own);

    /// <summary>A route naming a cluster and a portfolio (a cluster's consent) varies the cluster and names the fixture's own portfolio.</summary>
    private static string Address(RouteEndpoint e, string cluster, Fixture f, bool own)
    {
        var names = e.RoutePattern.Parameters.Select(p => p.Name).ToList();
        var path = "/" + e.RoutePattern.RawText!.TrimStart('/');
        foreach (var p in e.RoutePattern.Parameters)
        {
            var value = p.Name switch
            {
                "cluster" => cluster,
                "portfolio" => own || names.Contains("cluster") ? f.OwnPortfolio : f.OtherPortfolio,
                "entryId" when path.Contains("/portfolios/", StringComparison.Ordinal) => "0", // a delete of an entry that is not there answers 204: allowed for every role that may delete
                "id" when path.Contains("/invoices/", StringComparison.Ordinal) => f.InvoiceId.ToString(CultureInfo.InvariantCulture),
                "id" when path.Contains("/outbox/", StringComparison.Ordinal) => f.MessageId.ToString(CultureInfo.InvariantCulture),
                "id" when path.Contains("/calls/", StringComparison.Ordinal) => f.CallId.ToString(CultureInfo.InvariantCulture),
                "id" when path.Contains("/attachments", StringComparison.Ordinal) => f.Attachments.ProposalId.ToString(CultureInfo.InvariantCulture),
                "id" when path.Contains("/proposals/", StringComparison.Ordinal) || path.Contains("/projects/", StringComparison.Ordinal) => f.ProposalId.ToString(CultureInfo.InvariantCulture),
                "attachmentId" => (IsDelete(e) ? f.Attachments.DeletableAttachmentId : f.Attachments.AttachmentId).ToString(CultureInfo.InvariantCulture),
                "userId" when path.Contains("/reviewers/", StringComparison.Ordinal) => f.ReviewerId,
                "userId" => f.PersonId,
                "role" => nameof(ClusterRole.Reviewer),
                "id" => f.MemberId.ToString(CultureInfo.InvariantCulture),
                "requestId" => f.RequestId.ToString(CultureInfo.InvariantCulture),
                "competenceId" when path.Contains("/members/", StringComparison.Ordinal) => f.WithdrawnCompetenceId.ToString(CultureInfo.InvariantCulture),
                "competenceId" => f.CompetenceId.ToString(CultureInfo.InvariantCulture),
                "declarationId" => f.DeclarationId.ToString(CultureInfo.InvariantCulture),
                "actorId" => (IsDelete(e) ? f.Governance.DeletableActorId : f.Governance.ActorId).ToString(CultureInfo.InvariantCulture),
                "tieId" => (IsDelete(e) ? f.Governance.DeletableTieId : f.Governance.TieId).ToString(CultureInfo.InvariantCulture),
                "lineId" => f.BudgetLineId.ToString(CultureInfo.InvariantCulture), // a delete answers 204 again, an edit with {} 400: allowed for every role after it
                "networkId" => f.NetworkId.ToString(CultureInfo.InvariantCulture),
                "jobId" when path.Contains("/mapping/", StringComparison.Ordinal) => f.Mapping.JobId.ToString(CultureInfo.InvariantCulture),
                "jobId" => f.JobId.ToString(CultureInfo.InvariantCulture),
                "entryId" when path.Contains("/areas/", StringComparison.Ordinal) => f.Strategy.Area.ToString(CultureInfo.InvariantCulture),
                "entryId" when path.Contains("/domains/", StringComparison.Ordinal) => f.Strategy.Domain.ToString(CultureInfo.InvariantCulture),
                "entryId" => f.Strategy.Stage.ToString(CultureInfo.InvariantCulture),
                "committeeId" => f.Committee.CommitteeId.ToString(CultureInfo.InvariantCulture),
                "meetingId" => f.Committee.MeetingId.ToString(CultureInfo.InvariantCulture),
                "itemId" => f.Committee.ItemId.ToString(CultureInfo.InvariantCulture),
                "funderId" => f.Committee.FunderId.ToString(CultureInfo.InvariantCulture),
                "milestoneId" => (IsDelete(e) ? f.FollowUp.DeletableMilestoneId : f.FollowUp.MilestoneId).ToString(CultureInfo.InvariantCulture),
                "deliverableId" => (IsDelete(e) ? f.FollowUp.DeletableDeliverableId : f.FollowUp.DeliverableId).ToString(CultureInfo.InvariantCulture),
                "reportId" => f.FollowUp.ReportId.ToString(CultureInfo.InvariantCulture),
                "year" => "2024",
                "datasetId" => (IsDelete(e) ? f.Mapping.DeletableDatasetId : f.Mapping.DatasetId).ToString(CultureInfo.InvariantCulture), // a delete answers 204 again
                "definitionId" => (IsDelete(e) ? f.Mapping.DeletableDefinitionId : f.Mapping.DefinitionId).ToString(CultureInfo.InvariantCulture),
                "region" => "76540",
                "code" => "404",
                "key" when path.Contains("/indicators/", StringComparison.Ordinal) => "manual.matrix",
                "key" => "cipm",
                "item" => "process.momentum",
                _ => throw new InvalidOperationException($"{e.RoutePattern.RawText}: the matrix has no value for {{{p.Name}}}; add one"),
            };
            path = System.Text.RegularExpressions.Regex.Replace(path, "\\{" + p.Name + "[^}]*\\}", value);
        }
        return path;
    }

    /// <summary>A reviewer sees the proposals assigned to it (a record rule, like a representative's own organisation): the matrix's reviewer has the fixture's.</summary>
    private async Task<TestPerson> AssignedReviewerAsync(Fixture f)
    {
        var reviewer = await app.CreatePersonAsync(nameof(ClusterRole.Reviewer), f.Own);
        await AssignAsync(f, reviewer.UserId);
        return reviewer;
    }

    private Task AssignAsync(Fixture f, string userId) => app.WithDb(async db =>
    {
        db.ReviewAssignments.Add(new ClusterHub.Projects.ReviewAssignment { ProposalId = f.ProposalId, UserId = userId, AssignedAt = DateTime.UtcNow });
        db.ReviewAssignments.Add(new ClusterHub.Projects.ReviewAssignment { ProposalId = f.Attachments.ProposalId, UserId = userId, AssignedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    });

    /// <summary>A funder's user reads what was sent to its funder (a record rule): the matrix's funder is the fixture's funder's.</summary>
    private async Task<HttpClient> LinkedFunderAsync(Fixture f)
    {
        var person = await app.CreatePersonAsync(nameof(ClusterRole.Funder), f.Own);
        await LinkFunderAsync(f, person.UserId);
        return person.Api;
    }

    private Task LinkFunderAsync(Fixture f, string userId) => app.WithDb(async db =>
    {
        db.FunderUsers.Add(new ClusterHub.Projects.FunderUser { FunderId = f.Attachments.FunderId, UserId = userId });
        await db.SaveChangesAsync();
    });

    private static bool Expected(IAccessRule rule, string role, bool ownCluster) => rule switch
    {
        PublicAttribute or SignedInAttribute => true,
        PlatformAdministratorAttribute => role == "admin",
        RequirePermissionAttribute p when PermissionTable.Find(p.Permission).IsPortfolio =>
            role == "admin" || (ownCluster && PortfolioRoleOf(role) is { } pr && PermissionTable.Grants(p.Permission, new HashSet<PortfolioRole> { pr })),
        RequirePermissionAttribute p => role == "admin" || (ownCluster && Enum.TryParse<ClusterRole>(role, out var cr) && PermissionTable.Grants(p.Permission, new HashSet<ClusterRole> { cr })),
        _ => throw new InvalidOperationException(rule.GetType().Name),
    };

    /// <summary>
    /// The administrator may enter every cluster, but the fixture's records live in one: in the other
    /// cluster a route naming a record answers 404 for it, rightly. That one case is not judged.
    /// </summary>
    private static bool Judged(RouteEndpoint e, string role, bool own) =>
        own || role != "admin" || !e.RoutePattern.Parameters.Any(p => p.Name is "id" or "requestId" or "userId" or "competenceId" or "declarationId" or "key" or "actorId" or "tieId" or "lineId" or "networkId" or "jobId" or "entryId" or "datasetId" or "definitionId" or "committeeId" or "meetingId" or "itemId" or "funderId" or "attachmentId"
            || (p.Name == "year" && (e.RoutePattern.RawText!.Contains("/reviews/", StringComparison.Ordinal) || e.RoutePattern.RawText!.Contains("/surveys/", StringComparison.Ordinal))));

    private static bool Allowed(HttpStatusCode status) => status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound);

    [Fact]
    public async Task Every_api_route_answers_every_role_as_its_rule_says()
    {
        var f = await ArrangeAsync();
        var endpoints = AccessRuleTests.Routes(app.Services).Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        var wrong = new List<string>();
        var checkedCount = 0;
        foreach (var role in Roles)
        {
            var client = PortfolioRoleOf(role) is { } portfolioRole
                ? (await ClusterHub.Tests.Portfolios.PortfolioPeople.CreatePortfolioPersonAsync(app, f.OwnPortfolioId, portfolioRole)).Api
                : await app.CreateClientAsync(role, role == "admin" ? null : f.Own, role == nameof(ClusterRole.MemberRepresentative) ? "Sfarsteel" : null);
            string? self = null;
            if (role == nameof(ClusterRole.Reviewer)) (client, self) = await AssignedReviewerAsync(f) is var r ? (r.Api, r.UserId) : default;
            if (role == nameof(ClusterRole.Funder)) client = await LinkedFunderAsync(f);
            foreach (var e in endpoints)
            {
                var rule = e.Metadata.GetMetadata<IAccessRule>()!;
                var methods = e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods;
                foreach (var own in new[] { true, false })
                {
                    if (!own && !e.RoutePattern.Parameters.Any(p => p.Name is "cluster" or "portfolio")) continue;
                    if (!Judged(e, role, own)) continue;
                    var url = Address(e, own ? f.Own : f.Other, f, own, self);
                    foreach (var method in methods)
                    {
                        using var request = new HttpRequestMessage(new HttpMethod(method), url);
                        if (method is "POST" or "PUT")
                            request.Content = url.EndsWith("/import", StringComparison.Ordinal) ? new StringContent("", Encoding.UTF8, "text/csv") : JsonContent.Create(new { });
                        var status = (await client.SendAsync(request)).StatusCode;
                        checkedCount++;
                        if (Allowed(status) != Expected(rule, role, own))
                            wrong.Add($"{role} {method} {url} ({(own ? "own" : "other")} cluster): {(int)status}, expected {(Expected(rule, role, own) ? "allowed" : "refused")}");
                    }
                }
            }
        }
        Assert.True(checkedCount > 100, $"only {checkedCount} requests");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task Every_cluster_page_answers_every_role_as_its_rule_says()
    {
        var f = await ArrangeAsync();
        var pages = AccessRuleTests.Routes(app.Services)
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("c/", StringComparison.Ordinal) || (!e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) && e.RoutePattern.Parameters.Any(p => p.Name == "portfolio"))).ToList();
        Assert.NotEmpty(pages);
        var wrong = new List<string>();
        foreach (var role in Roles)
        {
            var client = PortfolioRoleOf(role) is { } portfolioRole
                ? await app.LogInAsync((await ClusterHub.Tests.Portfolios.PortfolioPeople.CreatePortfolioPersonAsync(app, f.OwnPortfolioId, portfolioRole)).Email)
                : await app.CreatePageClientAsync(role, role == "admin" ? null : f.Own, role == nameof(ClusterRole.MemberRepresentative) ? "Sfarsteel" : null);
            if (role == nameof(ClusterRole.Reviewer)) await AssignAsync(f, await app.WithDb(async (db, _) => await db.RoleGrants.Where(g => g.Role == ClusterRole.Reviewer && g.Cluster!.Slug == f.Own).OrderByDescending(g => g.Id).Select(g => g.UserId).FirstAsync()));
            if (role == nameof(ClusterRole.Funder)) await LinkFunderAsync(f, await app.WithDb(async (db, _) => await db.RoleGrants.Where(g => g.Role == ClusterRole.Funder && g.Cluster!.Slug == f.Own).OrderByDescending(g => g.Id).Select(g => g.UserId).FirstAsync()));
            foreach (var e in pages)
                foreach (var own in new[] { true, false })
                {
                    if (!Judged(e, role, own)) continue;
                    var url = Address(e, own ? f.Own : f.Other, f, own);
                    var status = (await client.GetAsync(url)).StatusCode;
                    var expected = Expected(e.Metadata.GetMetadata<IAccessRule>()!, role, own);
                    // A page that lets the user in answers 200 (the dashboard never redirects a role it admits).
                    if ((status == HttpStatusCode.OK) != expected || (!expected && status is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound)))
                        wrong.Add($"{role} GET {url} ({(own ? "own" : "other")} cluster): {(int)status}, expected {(expected ? "200" : "403/404")}");
                }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}

public sealed class AuthorizationMatrixOnSqlite(SqliteApplication app) : AuthorizationMatrixTests<SqliteApplication>(app);
public sealed class AuthorizationMatrixOnPostgres(PostgresApplication app) : AuthorizationMatrixTests<PostgresApplication>(app);
