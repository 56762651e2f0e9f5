using System.Text;
using System.Text.Json.Serialization;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Members;

public sealed record ContactDto(string FullName, string? Role, string? Email, string? Phone, bool ConsentToContact);
public sealed record StatusChangeDto(MemberStatus Status, DateOnly On, string? Reason);
public sealed record MemberDetails(MemberRow Member, int? Headcount, long? TurnoverEur, string? NationalId, string? NutsCode,
    DateOnly StatusSince, IReadOnlyList<ContactDto> Contacts, IReadOnlyList<StatusChangeDto> History)
{
    /// <summary>
    /// What the request that stored the member should know although nothing was refused (e.g. a namesake).
    /// Only in the answer to that request, absent otherwise: a success is not a ProblemDetails, so warnings
    /// travel beside the record, named and located like validation errors.
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
        members.MapPost("/import", Import).RequirePermission(MemberPermissions.Import).DisableAntiforgery();
        members.MapGet("/export", Export).RequirePermission(MemberPermissions.Export);
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

    /// <summary>Adds a member. A valid member whose name another member has is stored, and the answer carries a warning.</summary>
    public static async Task<Results<Created<MemberDetails>, ValidationProblem>> Create(MemberInput input, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct)
    {
        var member = new Member { Name = "", ClusterId = scope.ClusterId };
        var errors = MemberValidation.Apply(input, member, clock.Today());
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemDictionary());
        var warnings = await MemberValidation.WarningsAsync(db, member, ct);
        db.Members.Add(member);
        await db.SaveChangesAsync(ct);
        var details = (await MemberDetailsQuery.FindAsync(db, scope.ClusterId, member.Id, ct))! with { Warnings = warnings.Count > 0 ? warnings : null };
        return TypedResults.Created($"/api/v1/clusters/{scope.Slug}/members/{member.Id}", details);
    }

    public static async Task<Results<Ok<MemberDetails>, NotFound, ValidationProblem>> Update(int id, MemberInput input, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct)
    {
        var member = await db.Members.Include(m => m.Contacts).SingleOrDefaultAsync(m => m.Id == id && m.ClusterId == scope.ClusterId, ct);
        if (member is null) return TypedResults.NotFound();
        scope.DemandFor(MemberPermissions.EditProfile, id);
        var errors = MemberValidation.Apply(input, member, clock.Today());
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors.ToProblemDictionary());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await MemberDetailsQuery.FindAsync(db, scope.ClusterId, id, ct))!);
    }

    /// <summary>
    /// Imports a CSV or JSON file sent as the request body (<c>text/csv</c> or <c>application/json</c>).
    /// All or nothing: any invalid row returns 422 with every error and stores nothing.
    /// </summary>
    public static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>>> Import(HttpRequest request, ClusterScope scope, ClusterDb db, TimeProvider clock, string? fileName, CancellationToken ct)
    {
        var format = request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true ? FileFormat.Json : FileFormat.Csv;
        // The parsers read synchronously; Kestrel forbids that on the request stream, so read the body first.
        using var body = new StreamReader(request.Body, Encoding.UTF8);
        using var reader = new StringReader(await body.ReadToEndAsync(ct));
        var report = await MemberImport.RunAsync(db, scope.ClusterId, reader, fileName ?? (format == FileFormat.Json ? "upload.json" : "upload.csv"), format, clock.Today(), ct);
        return report.Succeeded ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
    }

    /// <summary>All members matching the filters, as CSV or JSON in the import format.</summary>
    public static async Task Export(HttpContext http, ClusterScope scope, ClusterDb db, [AsParameters] MemberFilter filter, string? format, CancellationToken ct)
    {
        if (filter.Validate() is { Count: > 0 } errors) { await TypedResults.ValidationProblem(errors).ExecuteAsync(http); return; }
        var fmt = MemberFile.Parse(format);
        http.Response.ContentType = MemberFile.ContentType(fmt);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{MemberFile.DownloadName(scope.Slug, fmt)}\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false));
        await MemberFile.WriteAsync(MemberExport.Query(db, scope.ClusterId, filter), writer, fmt, ct);
    }

    internal static Dictionary<string, string[]> ToProblemDictionary(this IEnumerable<FieldError> errors) =>
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray());
}

public static class MemberExport
{
    public static IAsyncEnumerable<Member> Query(ClusterDb db, int clusterId, MemberFilter filter) =>
        MemberList.Filtered(db, clusterId, filter).Include(m => m.Contacts).AsSplitQuery().AsAsyncEnumerable();
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
