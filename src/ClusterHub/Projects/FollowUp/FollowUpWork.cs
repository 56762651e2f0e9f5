using System.Globalization;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.History;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Projects;

/// <summary>A milestone as planned; <c>version</c> (optional, for a change) is the one the person saw.</summary>
public sealed record MilestoneInput(string? Title, DateOnly? DueOn, int? Version = null);
/// <summary>A deliverable as planned; <c>version</c> (optional, for a change) is the one the person saw.</summary>
public sealed record DeliverableInput(string? Title, DeliverableKind? Kind, DateOnly? DueOn, int? Version = null);
/// <summary>Marks a milestone done or a deliverable delivered; <c>on</c> defaults to today, <c>version</c> (optional) is the one the person saw.</summary>
public sealed record ProgressInput(DateOnly? On, int? Version);
public sealed record ReportInput(DateOnly? PeriodStart, DateOnly? PeriodEnd, string? Summary);
/// <summary>The secretariat's decision on a report: a note (required to return it) and the version the person saw.</summary>
public sealed record ReportDecisionInput(string? Note, int? Version);

public sealed record MilestoneDto(int Id, string Title, DateOnly DueOn, MilestoneState State, DateOnly? DoneOn, string? DoneBy, bool Overdue, int Version);
public sealed record DeliverableDto(int Id, string Title, DeliverableKind Kind, DateOnly DueOn, DateOnly? DeliveredOn, string? DeliveredBy, bool Overdue, int Version);
public sealed record ReportDto(int Id, DateOnly PeriodStart, DateOnly PeriodEnd, string Summary, ReportState State, DateTime SubmittedAt, string SubmittedBy,
    string? DecisionNote, string? DecidedBy, DateTime? DecidedAt, int Version);

/// <summary>
/// A funded project's follow-up as one view: its span (from the start of its running, else its funding, for its duration), milestones
/// with the share done, deliverables, reports, and what the caller may do.
/// </summary>
public sealed record FollowUpView(int ProposalId, string Acronym, ProposalState State, bool Followed, DateOnly? Start, DateOnly? End,
    int MilestonesDone, int MilestonesTotal, int ProgressPercent, int Overdue, bool CanManage, bool CanRecord,
    IReadOnlyList<MilestoneDto> Milestones, IReadOnlyList<DeliverableDto> Deliverables, IReadOnlyList<ReportDto> Reports);

public enum FollowUpOutcome
{
    Done,
    NotFound,
    Invalid,
    /// <summary>Recording progress is the coordinator's representative's (or the secretariat's), not a partner's.</summary>
    NotCoordinator,
    /// <summary>The project is not in a state that takes this (a milestone is marked done while the project runs).</summary>
    WrongState,
    /// <summary>The milestone is done, the deliverable delivered, the report decided already (or not returned, to submit again).</summary>
    AlreadyDone,
    /// <summary>Someone acted on the same row at the same time and won; nothing of this request was written.</summary>
    Concurrent,
}

public sealed record FollowUpResult(FollowUpOutcome Outcome, IReadOnlyList<FieldError>? Errors = null, int? Id = null)
{
    public static readonly FollowUpResult NotFound = new(FollowUpOutcome.NotFound);
}

/// <summary>
/// The follow-up of funded projects (issue 9, "running (milestones, deliverables, reports) → completed"): one operation per act, each
/// returning a <see cref="FollowUpOutcome"/>, shared by the API, the proposal page and the demo. The secretariat manages
/// (adds milestones and deliverables, decides on reports); the coordinator's representative records progress on its own project.
/// </summary>
public static class FollowUpWork
{
    /// <summary>States whose project is followed: funded (milestones may be planned), running (progress), completed and on the market (read).</summary>
    public static bool IsFollowed(ProposalState s) => s is ProposalState.Funded or ProposalState.Running or ProposalState.Completed or ProposalState.OnTheMarket;

    /// <summary>
    /// The proposals whose follow-up the caller reads: every one of the cluster for the secretariat and observers, those its organisation
    /// is a partner of for a member representative, none for anyone else (as if they did not exist).
    /// </summary>
    public static IQueryable<Proposal> Visible(ClusterDb db, ClusterScope scope)
    {
        var q = db.Proposals.AsNoTracking().Where(p => p.ClusterId == scope.ClusterId);
        if (ReadsAll(scope)) return q;
        var member = scope.Roles.Contains(ClusterRole.MemberRepresentative) && scope.Can(ProjectPermissions.ReadFollowUp) ? scope.RepresentedMemberId : null;
        return member is null ? q.Where(p => false) : q.Where(p => p.Partners.Any(x => x.MemberId == member));
    }

    /// <summary>Whether a role of the caller other than a member representative reads follow-ups (the secretariat, observers).</summary>
    public static bool ReadsAll(ClusterScope scope) =>
        scope.IsAdministrator || scope.Roles.Any(r => r != ClusterRole.MemberRepresentative && PermissionTable.Find(ProjectPermissions.ReadFollowUp).GrantedTo.Contains(r));

    public static bool CanManage(ClusterScope scope) => scope.Can(ProjectPermissions.ManageFollowUp);

    /// <summary>The secretariat, or the representative of the project's coordinator.</summary>
    public static bool CanRecord(ClusterScope scope, int? coordinatorMemberId) =>
        CanManage(scope) || (coordinatorMemberId is { } m && scope.CanFor(ProjectPermissions.RecordProgress, m));

    private sealed record Project(int Id, string Acronym, ProposalState State, int? CoordinatorMemberId, int DurationMonths, DateOnly? Running, DateOnly? Funded)
    {
        /// <summary>The project's span: from its start (the move to Running, else the funding decision) for its duration.</summary>
        public DateOnly? Start => Running ?? Funded;
        public DateOnly? End => Start?.AddMonths(DurationMonths);
    }

    private static async Task<Project?> ProjectAsync(ClusterDb db, ClusterScope scope, int proposalId, CancellationToken ct)
    {
        var p = await Visible(db, scope).Where(p => p.Id == proposalId).Select(p => new
        {
            p.Id, p.Acronym, p.State, p.CoordinatorMemberId, p.DurationMonths,
            Running = p.StateChanges.Where(s => s.To == ProposalState.Running).OrderByDescending(s => s.At).Select(s => (DateTime?)s.At).FirstOrDefault(),
            Funded = p.StateChanges.Where(s => s.To == ProposalState.Funded).OrderByDescending(s => s.At).Select(s => (DateTime?)s.At).FirstOrDefault(),
        }).SingleOrDefaultAsync(ct);
        static DateOnly? Day(DateTime? at) => at is { } a ? DateOnly.FromDateTime(a) : null;
        return p is null ? null : new Project(p.Id, p.Acronym, p.State, p.CoordinatorMemberId, p.DurationMonths, Day(p.Running), Day(p.Funded));
    }

    public static async Task<FollowUpView?> ViewAsync(ClusterDb db, ClusterScope scope, int proposalId, DateOnly today, CancellationToken ct)
    {
        var p = await ProjectAsync(db, scope, proposalId, ct);
        if (p is null) return null;
        var milestones = await db.ProjectMilestones.AsNoTracking().Where(m => m.ProposalId == proposalId).OrderBy(m => m.DueOn).ThenBy(m => m.Id).ToListAsync(ct);
        var deliverables = await db.ProjectDeliverables.AsNoTracking().Where(d => d.ProposalId == proposalId).OrderBy(d => d.DueOn).ThenBy(d => d.Id).ToListAsync(ct);
        var reports = await db.ProjectReports.AsNoTracking().Where(r => r.ProposalId == proposalId).OrderBy(r => r.PeriodStart).ThenBy(r => r.Id).ToListAsync(ct);
        var done = milestones.Count(m => m.State == MilestoneState.Done);
        var ms = milestones.Select(m => new MilestoneDto(m.Id, m.Title, m.DueOn, m.State, m.DoneOn, m.DoneBy, m.State == MilestoneState.Open && m.DueOn < today, m.Version)).ToList();
        var ds = deliverables.Select(d => new DeliverableDto(d.Id, d.Title, d.Kind, d.DueOn, d.DeliveredOn, d.DeliveredBy, d.DeliveredOn is null && d.DueOn < today, d.Version)).ToList();
        return new FollowUpView(p.Id, p.Acronym, p.State, IsFollowed(p.State), p.Start, p.End, done, milestones.Count,
            milestones.Count == 0 ? 0 : (int)Math.Round(100.0 * done / milestones.Count), ms.Count(m => m.Overdue) + ds.Count(d => d.Overdue),
            CanManage(scope) && IsFollowed(p.State), CanRecord(scope, p.CoordinatorMemberId) && p.State == ProposalState.Running, ms, ds,
            [.. reports.Select(r => new ReportDto(r.Id, r.PeriodStart, r.PeriodEnd, r.Summary, r.State, r.SubmittedAt, r.SubmittedBy, r.DecisionNote, r.DecidedBy, r.DecidedAt, r.Version))]);
    }

    /// <summary>The milestones of a project not done yet, as the workflow's refusal lists them ("M2 'Prototype' due 2025-06-01").</summary>
    public static async Task<IReadOnlyList<FailedRule>> OpenMilestonesAsync(ClusterDb db, int proposalId, CancellationToken ct) =>
        [.. (await db.ProjectMilestones.AsNoTracking().Where(m => m.ProposalId == proposalId && m.State == MilestoneState.Open).OrderBy(m => m.DueOn)
            .Select(m => new { m.Title, m.DueOn }).ToListAsync(ct))
            .Select(m => new FailedRule("OpenMilestone", $"'{m.Title}' due {m.DueOn:yyyy-MM-dd}"))];

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // ---- validators: one per input ----

    /// <summary>A title, and a due date within the project's span.</summary>
    public static List<FieldError> Validate(MilestoneInput input, DateOnly start, DateOnly end)
    {
        var errors = new List<FieldError>();
        Title(input.Title, errors);
        Due(input.DueOn, start, end, errors);
        return errors;
    }

    public static List<FieldError> Validate(DeliverableInput input, DateOnly start, DateOnly end)
    {
        var errors = new List<FieldError>();
        Title(input.Title, errors);
        if (input.Kind is not { } k || !Enum.IsDefined(k)) errors.Add(new("kind", input.Kind?.ToString(), "is required"));
        Due(input.DueOn, start, end, errors);
        return errors;
    }

    /// <summary>Done (or delivered) on a day the project was running, not in the future.</summary>
    public static List<FieldError> Validate(ProgressInput input, DateOnly? running, DateOnly today)
    {
        var errors = new List<FieldError>();
        var on = input.On ?? today;
        if (running is { } r && on < r) errors.Add(new("on", Iso(on), "is before the project started running"));
        if (on > today) errors.Add(new("on", Iso(on), "is in the future"));
        return errors;
    }

    /// <summary>A period inside the project's span, started and ended in order, not ending in the future, with a summary.</summary>
    public static List<FieldError> Validate(ReportInput input, DateOnly start, DateOnly end, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (input.PeriodStart is not { } from) errors.Add(new("periodStart", null, "is required"));
        else if (from < start || from > end) errors.Add(new("periodStart", Iso(from), "is outside the project's span"));
        if (input.PeriodEnd is not { } to) errors.Add(new("periodEnd", null, "is required"));
        else if (to < start || to > end) errors.Add(new("periodEnd", Iso(to), "is outside the project's span"));
        else if (to > today) errors.Add(new("periodEnd", Iso(to), "is in the future"));
        if (input.PeriodStart is { } a && input.PeriodEnd is { } b && b < a) errors.Add(new("periodEnd", Iso(b), "is before the period's start"));
        if (InputText.Blank(input.Summary) is not { } summary) errors.Add(new("summary", null, "is required"));
        else if (InputText.CheckLines(summary, FollowUpLimits.Summary) is { } reason) errors.Add(new("summary", InputText.Echo(summary), reason));
        return errors;
    }

    /// <summary>A note is required to return a report; either way it fits its column.</summary>
    public static List<FieldError> Validate(ReportDecisionInput input, bool returning)
    {
        var errors = new List<FieldError>();
        var note = InputText.Blank(input.Note);
        if (note is null && returning) errors.Add(new("note", null, "is required"));
        else if (note is not null && InputText.CheckLines(note, ProjectLimits.Reason) is { } reason) errors.Add(new("note", InputText.Echo(note), reason));
        return errors;
    }

    private static void Title(string? title, List<FieldError> errors)
    {
        if (InputText.Blank(title) is not { } t) errors.Add(new("title", null, "is required"));
        else if (InputText.Check(t, ProjectLimits.Title) is { } reason) errors.Add(new("title", InputText.Echo(t), reason));
    }

    private static void Due(DateOnly? due, DateOnly start, DateOnly end, List<FieldError> errors)
    {
        if (due is not { } d) errors.Add(new("dueOn", null, "is required"));
        else if (d < start || d > end) errors.Add(new("dueOn", Iso(d), "is outside the project's span"));
    }

    // ---- operations ----

    /// <summary>Plans a milestone of a funded or running project (the secretariat).</summary>
    public static Task<FollowUpResult> AddMilestoneAsync(ClusterDb db, ClusterScope scope, int proposalId, MilestoneInput input, CancellationToken ct) =>
        AddAsync(db, scope, proposalId, (start, end) => Validate(input, start, end), "milestones",
            () => new ProjectMilestone { ProposalId = proposalId, Title = input.Title!.Trim(), DueOn = input.DueOn!.Value, State = MilestoneState.Open }, m => m.Id, ct);

    /// <summary>Plans a deliverable of a funded or running project (the secretariat).</summary>
    public static Task<FollowUpResult> AddDeliverableAsync(ClusterDb db, ClusterScope scope, int proposalId, DeliverableInput input, CancellationToken ct) =>
        AddAsync(db, scope, proposalId, (start, end) => Validate(input, start, end), "deliverables",
            () => new ProjectDeliverable { ProposalId = proposalId, Title = input.Title!.Trim(), Kind = input.Kind!.Value, DueOn = input.DueOn!.Value }, d => d.Id, ct);

    /// <summary>Adds a planned row (milestone or deliverable) after its validator, within the project's span and the count limit.</summary>
    private static async Task<FollowUpResult> AddAsync<T>(ClusterDb db, ClusterScope scope, int proposalId, Func<DateOnly, DateOnly, List<FieldError>> validate,
        string plural, Func<T> create, Func<T, int> idOf, CancellationToken ct) where T : class
    {
        if (await ProjectAsync(db, scope, proposalId, ct) is not { } p) return FollowUpResult.NotFound;
        if (p.State is not (ProposalState.Funded or ProposalState.Running) || p.Start is not { } start) return new(FollowUpOutcome.WrongState);
        var errors = validate(start, p.End!.Value);
        if (errors.Count == 0 && await db.Set<T>().CountAsync(x => EF.Property<int>(x, "ProposalId") == proposalId, ct) >= FollowUpLimits.MaxItems)
            errors.Add(new("title", null, $"a project has at most {FollowUpLimits.MaxItems} {plural}"));
        if (errors.Count > 0) return new(FollowUpOutcome.Invalid, errors);
        var row = create();
        db.Set<T>().Add(row);
        await db.SaveChangesAsync(ct);
        return new(FollowUpOutcome.Done, Id: idOf(row));
    }

    /// <summary>Changes an open milestone's title and due date (the secretariat), at the version the person saw.</summary>
    public static Task<FollowUpResult> ChangeMilestoneAsync(ClusterDb db, ClusterScope scope, int proposalId, int milestoneId, MilestoneInput input, CancellationToken ct) =>
        ReplanAsync(db, scope, proposalId, db.ProjectMilestones.Where(x => x.Id == milestoneId && x.ProposalId == proposalId), m => m.State == MilestoneState.Done,
            m => { m.Title = input.Title!.Trim(); m.DueOn = input.DueOn!.Value; }, (start, end) => Validate(input, start, end), "Milestone changed", input.Version, ct);

    /// <summary>Removes an open milestone planned by mistake (the secretariat); a milestone done stays, as the record of the work.</summary>
    public static Task<FollowUpResult> RemoveMilestoneAsync(ClusterDb db, ClusterScope scope, int proposalId, int milestoneId, int? version, CancellationToken ct) =>
        ReplanAsync(db, scope, proposalId, db.ProjectMilestones.Where(x => x.Id == milestoneId && x.ProposalId == proposalId), m => m.State == MilestoneState.Done,
            null, null, "Milestone removed", version, ct);

    /// <summary>Changes a deliverable not yet delivered (the secretariat), at the version the person saw.</summary>
    public static Task<FollowUpResult> ChangeDeliverableAsync(ClusterDb db, ClusterScope scope, int proposalId, int deliverableId, DeliverableInput input, CancellationToken ct) =>
        ReplanAsync(db, scope, proposalId, db.ProjectDeliverables.Where(x => x.Id == deliverableId && x.ProposalId == proposalId), d => d.DeliveredOn is not null,
            d => { d.Title = input.Title!.Trim(); d.Kind = input.Kind!.Value; d.DueOn = input.DueOn!.Value; }, (start, end) => Validate(input, start, end), "Deliverable changed", input.Version, ct);

    /// <summary>Removes a deliverable not yet delivered (the secretariat).</summary>
    public static Task<FollowUpResult> RemoveDeliverableAsync(ClusterDb db, ClusterScope scope, int proposalId, int deliverableId, int? version, CancellationToken ct) =>
        ReplanAsync(db, scope, proposalId, db.ProjectDeliverables.Where(x => x.Id == deliverableId && x.ProposalId == proposalId), d => d.DeliveredOn is not null,
            null, null, "Deliverable removed", version, ct);

    /// <summary>
    /// Changes (<paramref name="change"/>, after <paramref name="validate"/>) or, without a change, removes one planned row of a funded or
    /// running project: not once it is done (<see cref="FollowUpOutcome.AlreadyDone"/>), not from a version other than the one the person
    /// saw, nor when someone saves it at the same moment (<see cref="FollowUpOutcome.Concurrent"/>). A removal is idempotent: a row
    /// already gone is done.
    /// </summary>
    private static async Task<FollowUpResult> ReplanAsync<T>(ClusterDb db, ClusterScope scope, int proposalId, IQueryable<T> row, Func<T, bool> isDone,
        Action<T>? change, Func<DateOnly, DateOnly, List<FieldError>>? validate, string reason, int? version, CancellationToken ct) where T : class, IVersioned
    {
        if (await ProjectAsync(db, scope, proposalId, ct) is not { } p) return FollowUpResult.NotFound;
        if (await row.SingleOrDefaultAsync(ct) is not { } x) return change is null ? new(FollowUpOutcome.Done) : FollowUpResult.NotFound;
        if (p.State is not (ProposalState.Funded or ProposalState.Running) || p.Start is not { } start) return new(FollowUpOutcome.WrongState);
        if (isDone(x)) return new(FollowUpOutcome.AlreadyDone);
        if (version is { } v && v != x.Version) return new(FollowUpOutcome.Concurrent);
        if (validate?.Invoke(start, p.End!.Value) is { Count: > 0 } errors) return new(FollowUpOutcome.Invalid, errors);
        if (change is null) db.Remove(x);
        else change(x);
        db.ChangeReason = reason;
        return await SaveAsync(db, 0, ct);
    }

    /// <summary>
    /// Marks a milestone done, on a day the project ran. Of two people marking it at once one wins, the other gets
    /// <see cref="FollowUpOutcome.Concurrent"/> (or <see cref="FollowUpOutcome.AlreadyDone"/> when it reads the winner's row).
    /// </summary>
    public static Task<FollowUpResult> MarkDoneAsync(ClusterDb db, ClusterScope scope, int proposalId, int milestoneId, ProgressInput input, string actor, DateOnly today, CancellationToken ct) =>
        RecordAsync(db, scope, proposalId, db.ProjectMilestones.Where(x => x.Id == milestoneId && x.ProposalId == proposalId), m => m.State == MilestoneState.Done,
            (m, on) => { m.State = MilestoneState.Done; m.DoneOn = on; m.DoneBy = actor; }, "Milestone done", input, today, ct);

    /// <summary>Marks a deliverable delivered, as <see cref="MarkDoneAsync"/> marks a milestone done.</summary>
    public static Task<FollowUpResult> DeliverAsync(ClusterDb db, ClusterScope scope, int proposalId, int deliverableId, ProgressInput input, string actor, DateOnly today, CancellationToken ct) =>
        RecordAsync(db, scope, proposalId, db.ProjectDeliverables.Where(x => x.Id == deliverableId && x.ProposalId == proposalId), d => d.DeliveredOn is not null,
            (d, on) => { d.DeliveredOn = on; d.DeliveredBy = actor; }, "Deliverable delivered", input, today, ct);

    /// <summary>Records progress on one row of a running project: the coordinator's representative's or the secretariat's, once, at its version.</summary>
    private static async Task<FollowUpResult> RecordAsync<T>(ClusterDb db, ClusterScope scope, int proposalId, IQueryable<T> row, Func<T, bool> isDone,
        Action<T, DateOnly> apply, string reason, ProgressInput input, DateOnly today, CancellationToken ct) where T : class, IVersioned
    {
        if (await ProjectAsync(db, scope, proposalId, ct) is not { } p) return FollowUpResult.NotFound;
        if (await row.SingleOrDefaultAsync(ct) is not { } x) return FollowUpResult.NotFound;
        if (!CanRecord(scope, p.CoordinatorMemberId)) return new(FollowUpOutcome.NotCoordinator);
        if (p.State != ProposalState.Running) return new(FollowUpOutcome.WrongState);
        if (isDone(x)) return new(FollowUpOutcome.AlreadyDone);
        if (input.Version is { } v && v != x.Version) return new(FollowUpOutcome.Concurrent);
        var errors = Validate(input, p.Running, today);
        if (errors.Count > 0) return new(FollowUpOutcome.Invalid, errors);
        apply(x, input.On ?? today);
        db.ChangeReason = reason;
        return await SaveAsync(db, 0, ct);
    }

    /// <summary>
    /// Submits a periodic report (a new one), or submits a returned report again when <paramref name="reportId"/> names it. Reports are
    /// submitted while the project runs, and once more after it completed (the final report).
    /// </summary>
    public static async Task<FollowUpResult> SubmitReportAsync(ClusterDb db, ClusterScope scope, int proposalId, int? reportId, ReportInput input, string actor, DateTime now, CancellationToken ct)
    {
        if (await ProjectAsync(db, scope, proposalId, ct) is not { } p) return FollowUpResult.NotFound;
        ProjectReport? report = null;
        if (reportId is { } rid && (report = await db.ProjectReports.SingleOrDefaultAsync(r => r.Id == rid && r.ProposalId == proposalId, ct)) is null) return FollowUpResult.NotFound;
        if (!CanRecord(scope, p.CoordinatorMemberId)) return new(FollowUpOutcome.NotCoordinator);
        if (p.State is not (ProposalState.Running or ProposalState.Completed) || p.Start is not { } start) return new(FollowUpOutcome.WrongState);
        if (report is { State: not ReportState.Returned }) return new(FollowUpOutcome.AlreadyDone);
        var errors = Validate(input, start, p.End!.Value, DateOnly.FromDateTime(now));
        if (errors.Count == 0 && report is null && await db.ProjectReports.CountAsync(r => r.ProposalId == proposalId, ct) >= FollowUpLimits.MaxItems)
            errors.Add(new("summary", null, $"a project has at most {FollowUpLimits.MaxItems} reports"));
        if (errors.Count > 0) return new(FollowUpOutcome.Invalid, errors);
        if (report is null) db.ProjectReports.Add(report = new ProjectReport { ProposalId = proposalId, Summary = "", SubmittedBy = actor });
        report.PeriodStart = input.PeriodStart!.Value;
        report.PeriodEnd = input.PeriodEnd!.Value;
        report.Summary = InputText.Blank(input.Summary)!;
        report.State = ReportState.Submitted;
        report.SubmittedAt = now;
        report.SubmittedBy = actor;
        db.ChangeReason = reportId is null ? "Report submitted" : "Report submitted again";
        var result = await SaveAsync(db, 0, ct);
        return result.Outcome == FollowUpOutcome.Done ? result with { Id = report.Id } : result;
    }

    /// <summary>
    /// Accepts or returns a submitted report (the secretariat). Of two people deciding at once one wins; the other gets
    /// <see cref="FollowUpOutcome.Concurrent"/> (or <see cref="FollowUpOutcome.AlreadyDone"/> when it reads the decided row) and writes nothing.
    /// </summary>
    public static async Task<FollowUpResult> DecideReportAsync(ClusterDb db, ClusterScope scope, int proposalId, int reportId, bool accept, ReportDecisionInput input, string actor, DateTime now, CancellationToken ct)
    {
        if (await ProjectAsync(db, scope, proposalId, ct) is null) return FollowUpResult.NotFound;
        var report = await db.ProjectReports.SingleOrDefaultAsync(r => r.Id == reportId && r.ProposalId == proposalId, ct);
        if (report is null) return FollowUpResult.NotFound;
        if (report.State != ReportState.Submitted) return new(FollowUpOutcome.AlreadyDone);
        if (input.Version is { } v && v != report.Version) return new(FollowUpOutcome.Concurrent);
        var errors = Validate(input, returning: !accept);
        if (errors.Count > 0) return new(FollowUpOutcome.Invalid, errors);
        report.State = accept ? ReportState.Accepted : ReportState.Returned;
        report.DecisionNote = InputText.Blank(input.Note);
        report.DecidedBy = actor;
        report.DecidedAt = now;
        db.ChangeReason = (accept ? "Report accepted" : "Report returned") + (report.DecisionNote is { } n ? ": " + n : "");
        return await SaveAsync(db, report.Id, ct);
    }

    private static async Task<FollowUpResult> SaveAsync(ClusterDb db, int id, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); return new(FollowUpOutcome.Concurrent); }
        return new(FollowUpOutcome.Done, Id: id);
    }
}
