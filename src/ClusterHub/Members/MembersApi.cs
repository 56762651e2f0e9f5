using System.Text.Json.Serialization;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.History;
using ClusterHub.Exchange;
using ClusterHub.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using DataExport = ClusterHub.Exchange.Export;

namespace ClusterHub.Members;

public sealed record ContactDto(string FullName, string? Role, string? Email, string? Phone, bool ConsentToContact);
public sealed record StatusChangeDto(MemberStatus Status, DateOnly On, string? Reason);
public sealed record ChangeRequestDto(int Id, string RequestedBy, DateTime RequestedAt, MemberType Type, int? Headcount, long? TurnoverEur);
public sealed record MemberDetails(MemberRow Member, int? Headcount, long? TurnoverEur, string? NationalId, string? NutsCode,
    DateOnly StatusSince, IReadOnlyList<ContactDto> Contacts, IReadOnlyList<StatusChangeDto> History, ChangeRequestDto? PendingChange)
{
    /// <summary>
    /// What the request that stored the member should know although nothing was refused: a namesake elsewhere
    /// (the same name in the same city is a duplicate, refused with 409). Only in the answer to that request,
    /// absent otherwise: a success is not a ProblemDetails, so warnings travel beside the record.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<MemberWarning>? Warnings { get; init; }
}

public static class MembersApi
{
    public static void MapMembers(this RouteGroupBuilder cluster)
    {
        var members = cluster.MapGroup("/members").WithTags("Members");
        members.MapGet("/", List).RequirePermission(MemberPermissions.ReadDirectory);
        members.MapGet("/{id:int}", Get).RequirePermission(MemberPermissions.ReadProfile);
        members.MapPost("/", Create).RequirePermission(MemberPermissions.EditRecords);
        members.MapPut("/{id:int}", Update).RequirePermission(MemberPermissions.EditProfile);
        // A file, not fields: the import's body limit (it streams to a temporary file).
        members.MapPost("/import", Import).RequirePermission(MemberPermissions.Import).DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(RequestLimits.ImportBodyBytes));
        members.MapGet("/import/template", ImportTemplate).RequirePermission(MemberPermissions.Import);
        members.MapGet("/export", Export).RequirePermission(MemberPermissions.Export);
        members.MapGet("/{id:int}/history", History).RequirePermission(MemberPermissions.ReadHistory);
        members.MapPost("/{id:int}/change-requests/{requestId:int}/approve", (int id, int requestId, ClusterScope scope, ClusterDb db, HttpContext http, TimeProvider clock, CancellationToken ct) =>
            Decide(id, requestId, true, scope, db, http, clock, ct)).RequirePermission(MemberPermissions.EditRecords);
        members.MapPost("/{id:int}/change-requests/{requestId:int}/reject", (int id, int requestId, ClusterScope scope, ClusterDb db, HttpContext http, TimeProvider clock, CancellationToken ct) =>
            Decide(id, requestId, false, scope, db, http, clock, ct)).RequirePermission(MemberPermissions.EditRecords);
    }

    /// <summary>The cluster's member directory, filtered, sorted and paged.</summary>
    public static async Task<Results<Ok<Page<MemberRow>>, ValidationProblem>> List(ClusterScope scope, ClusterDb db, [AsParameters] MemberFilter filter, CancellationToken ct)
    {
        if (filter.Validate() is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await MemberList.PageAsync(db, scope.ClusterId, filter, ct));
    }

    /// <summary>One member with its contacts and status history (secretariat, or the member's own representative).</summary>
    public static async Task<Results<Ok<MemberDetails>, NotFound>> Get(int id, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        var details = await MemberDetailsQuery.FindAsync(db, scope.ClusterId, id, ct);
        if (details is null) return TypedResults.NotFound();
        scope.DemandFor(MemberPermissions.ReadProfile, id);
        return TypedResults.Ok(details);
    }

    /// <summary>
    /// Creates a member; 409 when another member has its national id, or (without one) its name in its city.
    /// A member whose name another member has elsewhere is stored, and the answer carries a warning.
    /// </summary>
    public static async Task<Results<Created<MemberDetails>, ValidationProblem, ProblemHttpResult>> Create(MemberInput input, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct)
    {
        var member = new Member { Name = "", ClusterId = scope.ClusterId };
        var errors = MemberValidation.Apply(input, member, clock.Today());
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemDictionary());
        db.Members.Add(member);
        if (await MemberDuplicates.SaveAsync(db, member, ct) is { } duplicate) return Duplicate(duplicate);
        var warnings = await MemberDuplicates.NamesakesAsync(db, member, ct);
        var details = (await MemberDetailsQuery.FindAsync(db, scope.ClusterId, member.Id, ct))! with { Warnings = warnings.Count > 0 ? warnings : null };
        return TypedResults.Created($"/api/v1/clusters/{scope.Slug}/members/{member.Id}", details);
    }

    /// <summary>
    /// Replaces a member's record. The secretariat edits every field; a member representative edits its own
    /// organisation's contacts, address and sector codes, and its change to type, headcount or turnover
    /// becomes a request the secretariat approves (returned as <c>pendingChange</c>).
    /// </summary>
    public static async Task<Results<Ok<MemberDetails>, NotFound, ValidationProblem, ProblemHttpResult>> Update(int id, MemberInput input, ClusterScope scope, ClusterDb db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var member = await db.Members.Include(m => m.Contacts).SingleOrDefaultAsync(m => m.Id == id && m.ClusterId == scope.ClusterId, ct);
        if (member is null) return TypedResults.NotFound();
        scope.DemandFor(MemberPermissions.EditProfile, id);
        var outcome = await MemberEdits.UpdateAsync(db, scope, member, input, clock.Today(), http.User.Identity?.Name ?? "", clock.GetUtcNow().UtcDateTime, ct);
        if (outcome.Stale) return TypedResults.Problem("Someone else changed this member at the same time; reload and try again.", statusCode: StatusCodes.Status409Conflict);
        if (outcome.Duplicate is { } duplicate) return Duplicate(duplicate);
        if (outcome.Errors.Count > 0) return TypedResults.ValidationProblem(outcome.Errors.ToProblemDictionary());
        return TypedResults.Ok((await MemberDetailsQuery.FindAsync(db, scope.ClusterId, id, ct))!);
    }

    /// <summary>Approves or rejects a representative's requested change (secretariat).</summary>
    public static async Task<Results<Ok<MemberDetails>, NotFound, ProblemHttpResult>> Decide(int id, int requestId, bool approve, ClusterScope scope, ClusterDb db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await MemberEdits.DecideAsync(db, scope.ClusterId, id, requestId, approve, http.User.Identity?.Name ?? "", clock.GetUtcNow().UtcDateTime, ct);
        return outcome switch
        {
            DecisionOutcome.NotFound => TypedResults.NotFound(),
            DecisionOutcome.AlreadyDecided => TypedResults.Problem("This request was already decided.", statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.Ok((await MemberDetailsQuery.FindAsync(db, scope.ClusterId, id, ct))!),
        };
    }

    /// <summary>
    /// Imports a CSV or JSON file sent as the request body (<c>text/csv</c> or <c>application/json</c>), in UTF-8, UTF-16
    /// or Windows-1252. All or nothing: any invalid row returns 422 with the first 1,000 errors and their count, and
    /// stores nothing.
    /// </summary>
    public static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>>> Import(HttpRequest request, ClusterScope scope, ClusterDb db, TimeProvider clock, string? fileName, CancellationToken ct)
    {
        var format = request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true ? FileFormat.Json : FileFormat.Csv;
        var report = await MemberImport.RunAsync(db, scope.ClusterId, request.Body, fileName ?? (format == FileFormat.Json ? "upload.json" : "upload.csv"), format, clock.Today(), ct);
        return report.Succeeded ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
    }

    /// <summary>Who changed what in this member's record (its contacts and status history included), newest first.</summary>
    public static async Task<Ok<Page<ChangeRow>>> History(int id, ClusterScope scope, ClusterDb db, int? page, int? pageSize, CancellationToken ct)
    {
        scope.DemandFor(MemberPermissions.ReadHistory, id);
        return TypedResults.Ok(await HistoryQuery.PageAsync(db, scope.ClusterId,
            new HistoryFilter { Subject = nameof(Member), SubjectId = id.ToString(System.Globalization.CultureInfo.InvariantCulture), Page = page, PageSize = pageSize }, ct));
    }

    /// <summary>A CSV to fill in for an import: the columns, an example row, and the values each enumerated column accepts.</summary>
    public static async Task ImportTemplate(HttpContext http, ClusterScope scope, CancellationToken ct)
    {
        await MemberFile.Template.SendAsync(http.Response, ct);
    }

    /// <summary>All members matching the filters in the import format: <c>?format=csv</c> (default), <c>json</c> or <c>xlsx</c>.</summary>
    public static async Task<IResult> Export(HttpContext http, ClusterScope scope, ClusterDb db, [AsParameters] MemberFilter filter, string? format, CancellationToken ct)
    {
        if (DataExport.ParseFormat(format) is not { } fmt) return DataExport.UnknownFormat(format);
        if (filter.Validate() is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        await DataExport.SendAsync(http.Response, MemberFile.DownloadStem(scope.Slug), MemberFile.Table, MemberExport.Query(db, scope.ClusterId, filter), fmt, ct);
        return TypedResults.Empty;
    }

    /// <summary>409 naming the field that makes the member a duplicate.</summary>
    private static ProblemHttpResult Duplicate(FieldError duplicate) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new[] { duplicate }.ToProblemDictionary())
        {
            Status = StatusCodes.Status409Conflict, Title = "Duplicate member", Detail = $"{duplicate.Field} {duplicate.Reason}",
        });

    internal static Dictionary<string, string[]> ToProblemDictionary(this IEnumerable<FieldError> errors) =>
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray());
}

public static class MemberExport
{
    /// <summary>
    /// The members to export, as they come from the database: one query (a member has a contact or two), because a split
    /// query buffers all but its last result on PostgreSQL, which has no multiple active result sets.
    /// </summary>
    public static IAsyncEnumerable<Member> Query(ClusterDb db, int clusterId, MemberFilter filter) =>
        MemberList.Filtered(db, clusterId, filter).Include(m => m.Contacts.OrderBy(c => c.Id)).AsSingleQuery().AsAsyncEnumerable();
}

public static class MemberDetailsQuery
{
    public static async Task<MemberDetails?> FindAsync(ClusterDb db, int clusterId, int id, CancellationToken ct)
    {
        var m = await db.Members.AsNoTracking().Include(x => x.Contacts).Include(x => x.StatusHistory).AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == id && x.ClusterId == clusterId, ct);
        if (m is null) return null;
        var pending = await db.MemberChangeRequests.AsNoTracking().Where(r => r.MemberId == id && r.State == ChangeRequestState.Pending)
            .Select(r => new ChangeRequestDto(r.Id, r.RequestedBy, r.RequestedAt, r.Type, r.Headcount, r.TurnoverEur)).FirstOrDefaultAsync(ct);
        return new MemberDetails(MemberList.ToRow(m), m.Headcount, m.TurnoverEur, m.NationalId, m.NutsCode, m.StatusSince,
            [.. m.Contacts.OrderBy(c => c.Id).Select(c => new ContactDto(c.FullName, c.Role, c.Email, c.Phone, c.ConsentToContact))],
            [.. m.StatusHistory.OrderBy(s => s.On).ThenBy(s => s.Id).Select(s => new StatusChangeDto(s.Status, s.On, s.Reason))], pending);
    }
}
