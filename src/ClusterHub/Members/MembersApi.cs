using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using DataExport = ClusterHub.Exchange.Export;

namespace ClusterHub.Members;

public sealed record ContactDto(string FullName, string? Role, string? Email, string? Phone, bool ConsentToContact);
public sealed record StatusChangeDto(MemberStatus Status, DateOnly On, string? Reason);
public sealed record MemberDetails(MemberRow Member, int? Headcount, long? TurnoverEur, string? NationalId, string? NutsCode,
    DateOnly StatusSince, IReadOnlyList<ContactDto> Contacts, IReadOnlyList<StatusChangeDto> History);

public static class MembersApi
{
    public static void MapMembers(this RouteGroupBuilder cluster)
    {
        var members = cluster.MapGroup("/members").WithTags("Members");
        members.MapGet("/", List);
        members.MapGet("/{id:int}", Get);
        members.MapPost("/", Create);
        members.MapPut("/{id:int}", Update);
        // An import streams to a temporary file, so it may be larger than Kestrel's 30 MB default.
        members.MapPost("/import", Import).DisableAntiforgery().WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxImportBytes));
        members.MapGet("/import/template", ImportTemplate);
        members.MapGet("/export", Export);
    }

    /// <summary>The cluster's member directory, filtered, sorted and paged.</summary>
    public static async Task<Ok<Page<MemberRow>>> List(ClusterScope scope, ClusterDb db, [AsParameters] MemberFilter filter, CancellationToken ct)
    {
        scope.Demand(ClusterPermission.ReadDirectory);
        return TypedResults.Ok(await MemberList.PageAsync(db, scope.ClusterId, filter, ct));
    }

    /// <summary>One member with its contacts and status history (secretariat, or the member's own representative).</summary>
    public static async Task<Results<Ok<MemberDetails>, NotFound>> Get(int id, ClusterScope scope, ClusterDb db, CancellationToken ct)
    {
        var details = await MemberDetailsQuery.FindAsync(db, scope.ClusterId, id, ct);
        if (details is null) return TypedResults.NotFound();
        if (!scope.CanReadMember(id)) throw new AccessRefusedException(StatusCodes.Status403Forbidden, "Only the secretariat and the member's own representative see its full record.");
        return TypedResults.Ok(details);
    }

    public const long MaxImportBytes = 256L * 1024 * 1024;

    /// <summary>Creates a member; 409 when another member has its national id, or (without one) its name in its city.</summary>
    public static async Task<Results<Created<MemberDetails>, ValidationProblem, ProblemHttpResult>> Create(MemberInput input, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct)
    {
        scope.Demand(ClusterPermission.EditMembers);
        var member = new Member { Name = "", ClusterId = scope.ClusterId };
        var errors = MemberValidation.Apply(input, member, clock.Today());
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemDictionary());
        db.Members.Add(member);
        if (await MemberDuplicates.SaveAsync(db, member, ct) is { } duplicate) return Duplicate(duplicate);
        return TypedResults.Created($"/api/v1/clusters/{scope.Slug}/members/{member.Id}", await MemberDetailsQuery.FindAsync(db, scope.ClusterId, member.Id, ct));
    }

    /// <summary>Replaces a member's record; 409 when the change makes it a duplicate of another member.</summary>
    public static async Task<Results<Ok<MemberDetails>, NotFound, ValidationProblem, ProblemHttpResult>> Update(int id, MemberInput input, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct)
    {
        var member = await db.Members.Include(m => m.Contacts).SingleOrDefaultAsync(m => m.Id == id && m.ClusterId == scope.ClusterId, ct);
        if (member is null) return TypedResults.NotFound();
        if (!scope.CanEditMember(id)) throw new AccessRefusedException(StatusCodes.Status403Forbidden, "You may edit only your own organisation.");
        var errors = MemberValidation.Apply(input, member, clock.Today());
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemDictionary());
        if (await MemberDuplicates.SaveAsync(db, member, ct) is { } duplicate) return Duplicate(duplicate);
        return TypedResults.Ok((await MemberDetailsQuery.FindAsync(db, scope.ClusterId, id, ct))!);
    }

    /// <summary>
    /// Imports a CSV or JSON file sent as the request body (<c>text/csv</c> or <c>application/json</c>), in UTF-8, UTF-16
    /// or Windows-1252. All or nothing: any invalid row returns 422 with the first 1,000 errors and their count, and
    /// stores nothing.
    /// </summary>
    public static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>>> Import(HttpRequest request, ClusterScope scope, ClusterDb db, TimeProvider clock, string? fileName, CancellationToken ct)
    {
        scope.Demand(ClusterPermission.EditMembers);
        var format = request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true ? FileFormat.Json : FileFormat.Csv;
        var report = await MemberImport.RunAsync(db, scope.ClusterId, request.Body, fileName ?? (format == FileFormat.Json ? "upload.json" : "upload.csv"), format, clock.Today(), ct);
        return report.Succeeded ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
    }

    /// <summary>A CSV to fill in for an import: the columns, an example row, and the values each enumerated column accepts.</summary>
    public static async Task ImportTemplate(HttpContext http, ClusterScope scope, CancellationToken ct)
    {
        scope.Demand(ClusterPermission.EditMembers);
        await MemberFile.Template.SendAsync(http.Response, ct);
    }

    /// <summary>All members matching the filters in the import format: <c>?format=csv</c> (default), <c>json</c> or <c>xlsx</c>.</summary>
    public static async Task<IResult> Export(HttpContext http, ClusterScope scope, ClusterDb db, [AsParameters] MemberFilter filter, string? format, CancellationToken ct)
    {
        scope.Demand(ClusterPermission.ReadMembers);
        if (DataExport.ParseFormat(format) is not { } fmt) return TypedResults.Problem($"Unknown format '{format}': csv, json or xlsx.", statusCode: StatusCodes.Status400BadRequest);
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
        return new MemberDetails(MemberList.ToRow(m), m.Headcount, m.TurnoverEur, m.NationalId, m.NutsCode, m.StatusSince,
            [.. m.Contacts.OrderBy(c => c.Id).Select(c => new ContactDto(c.FullName, c.Role, c.Email, c.Phone, c.ConsentToContact))],
            [.. m.StatusHistory.OrderBy(s => s.On).ThenBy(s => s.Id).Select(s => new StatusChangeDto(s.Status, s.On, s.Reason))]);
    }
}
