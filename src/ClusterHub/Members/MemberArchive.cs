using ClusterHub.Accounts;
using ClusterHub.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Members;

public enum ArchiveOutcome { Archived, Restored, NotFound, AlreadyArchived, NotArchived, ReasonRequired }

public sealed record ArchiveRequest(string? Reason);

/// <summary>
/// Members are never deleted: their dues, projects and history refer to them. Archiving takes a member
/// out of the directory and the renewals (its status becomes Left, dated today, with the reason), keeps
/// everything it had, and can be undone.
/// </summary>
public static class MemberArchive
{
    public const int MaxReasonLength = 500;

    public static async Task<ArchiveOutcome> ArchiveAsync(ClusterDb db, int clusterId, int memberId, string? reason, DateOnly today, CancellationToken ct)
    {
        // Stored (and in the history's reason): PostgreSQL refuses U+0000, so the text rule of every field applies.
        if (Web.InputText.Required(reason, MaxReasonLength) is not { } text) return ArchiveOutcome.ReasonRequired;
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == memberId && m.ClusterId == clusterId, ct);
        if (member is null) return ArchiveOutcome.NotFound;
        if (member.ArchivedOn is not null) return ArchiveOutcome.AlreadyArchived;
        member.ArchivedOn = today;
        member.ArchiveReason = text;
        if (member.Status != MemberStatus.Left)
        {
            member.Status = MemberStatus.Left;
            member.StatusSince = today;
            db.MemberStatusChanges.Add(new MemberStatusChange { MemberId = member.Id, Status = MemberStatus.Left, On = today, Reason = member.ArchiveReason });
        }
        return await SaveAsync(db, "archived: " + member.ArchiveReason, ArchiveOutcome.Archived, ct);
    }

    /// <summary>Back in the directory; its status stays Left until the secretariat sets it (a returning member rejoins).</summary>
    public static async Task<ArchiveOutcome> RestoreAsync(ClusterDb db, int clusterId, int memberId, CancellationToken ct)
    {
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == memberId && m.ClusterId == clusterId, ct);
        if (member is null) return ArchiveOutcome.NotFound;
        if (member.ArchivedOn is null) return ArchiveOutcome.NotArchived;
        member.ArchivedOn = null;
        member.ArchiveReason = null;
        return await SaveAsync(db, "restored from the archive", ArchiveOutcome.Restored, ct);
    }

    private static async Task<ArchiveOutcome> SaveAsync(ClusterDb db, string reason, ArchiveOutcome done, CancellationToken ct)
    {
        db.ChangeReason = reason;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); return done == ArchiveOutcome.Archived ? ArchiveOutcome.AlreadyArchived : ArchiveOutcome.NotArchived; }
        return done;
    }

    public static void MapMemberArchive(this RouteGroupBuilder cluster)
    {
        var members = cluster.MapGroup("/members").WithTags("Members").RequirePermission(MemberPermissions.EditRecords);
        members.MapPost("/{id:int}/archive", Archive);
        members.MapPost("/{id:int}/restore", Restore);
    }

    /// <summary>Archives a member with a reason: out of the directory and the renewals, nothing deleted.</summary>
    public static async Task<Results<Ok<MemberDetails>, NotFound, ValidationProblem, ProblemHttpResult>> Archive(int id, ArchiveRequest request, ClusterScope scope, ClusterDb db, TimeProvider clock, CancellationToken ct) =>
        await Answer(await ArchiveAsync(db, scope.ClusterId, id, request.Reason, Web.Clock.Today(clock), ct), id, scope, db, ct);

    /// <summary>Brings an archived member back into the directory.</summary>
    public static async Task<Results<Ok<MemberDetails>, NotFound, ValidationProblem, ProblemHttpResult>> Restore(int id, ClusterScope scope, ClusterDb db, CancellationToken ct) =>
        await Answer(await RestoreAsync(db, scope.ClusterId, id, ct), id, scope, db, ct);

    private static async Task<Results<Ok<MemberDetails>, NotFound, ValidationProblem, ProblemHttpResult>> Answer(ArchiveOutcome outcome, int id, ClusterScope scope, ClusterDb db, CancellationToken ct) => outcome switch
    {
        ArchiveOutcome.NotFound => TypedResults.NotFound(),
        ArchiveOutcome.ReasonRequired => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [$"is required (at most {MaxReasonLength} characters, no control character)"] }),
        ArchiveOutcome.AlreadyArchived => TypedResults.Problem("The member is already archived.", statusCode: StatusCodes.Status409Conflict),
        ArchiveOutcome.NotArchived => TypedResults.Problem("The member is not archived.", statusCode: StatusCodes.Status409Conflict),
        _ => TypedResults.Ok((await MemberDetailsQuery.FindAsync(db, scope.ClusterId, id, ct))!),
    };
}
