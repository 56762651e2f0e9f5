using System.Globalization;
using ClusterHub.Accounts;
using ClusterHub.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Members;

/// <summary>
/// What became of an edit: field errors (nothing saved), a request for the secretariat, or saved; refused as
/// stale (someone saved first), or as a duplicate of another member (the field that clashes).
/// </summary>
public sealed record EditOutcome(IReadOnlyList<FieldError> Errors, MemberChangeRequest? Requested, bool Stale = false, FieldError? Duplicate = null)
{
    public bool Saved => Errors.Count == 0 && !Stale && Duplicate is null;
}

public enum DecisionOutcome { Approved, Rejected, NotFound, AlreadyDecided }

/// <summary>
/// Editing a member's record, for the API and the edit page alike. The secretariat edits every field.
/// A member representative edits what describes its organisation (contacts, address, sector codes);
/// a change to a field its dues depend on (type, headcount, turnover) becomes a <see cref="MemberChangeRequest"/>
/// the secretariat approves; the fields that make the membership itself (name, national id, founding flag,
/// joined date, status) are the secretariat's, and a representative's change to them is refused with the field named.
/// </summary>
public static class MemberEdits
{
    public const string KeptBySecretariat = "is kept by the secretariat; ask them to change it";

    public static async Task<EditOutcome> UpdateAsync(ClusterDb db, ClusterScope scope, Member member, MemberInput input, DateOnly today, string actor, DateTime now, CancellationToken ct)
    {
        if (scope.Can(MemberPermissions.EditRecords))
        {
            var errors = MemberValidation.Apply(input, member, today);
            return errors.Count > 0 ? new(errors, null) : await SaveAsync(db, member, new EditOutcome([], null), ct);
        }

        // A representative: validate the whole input on a scratch copy, then see which fields it would change.
        var scratch = new Member { Id = member.Id, ClusterId = member.ClusterId, Name = "", Status = member.Status, StatusSince = member.StatusSince };
        var invalid = MemberValidation.Apply(input, scratch, today);
        if (invalid.Count > 0) return new(invalid, null);
        var refused = new List<FieldError>();
        void Keep(bool changed, string field, string? value) { if (changed) refused.Add(new(field, value, KeptBySecretariat)); }
        Keep(scratch.Name != member.Name, "name", input.Name);
        Keep(scratch.NationalId != member.NationalId, "national_id", input.NationalId);
        Keep(scratch.IsFoundingMember != member.IsFoundingMember, "founding_member", input.FoundingMember);
        Keep(scratch.JoinedOn != member.JoinedOn, "joined_on", input.JoinedOn);
        Keep(scratch.Status != member.Status, "status", input.Status);
        if (refused.Count > 0) return new(refused, null);

        MemberChangeRequest? request = null;
        if (scratch.Type != member.Type || scratch.Headcount != member.Headcount || scratch.TurnoverEur != member.TurnoverEur)
        {
            request = await db.Set<MemberChangeRequest>().SingleOrDefaultAsync(r => r.MemberId == member.Id && r.State == ChangeRequestState.Pending, ct)
                ?? db.Set<MemberChangeRequest>().Add(new MemberChangeRequest { ClusterId = member.ClusterId, MemberId = member.Id, RequestedBy = actor }).Entity;
            request.RequestedBy = actor;
            request.RequestedAt = now;
            request.Type = scratch.Type;
            request.Headcount = scratch.Headcount;
            request.TurnoverEur = scratch.TurnoverEur;
        }
        var inv = CultureInfo.InvariantCulture;
        var described = input with
        {
            Type = member.Type.ToString(), Headcount = member.Headcount?.ToString(inv), TurnoverEur = member.TurnoverEur?.ToString(inv),
            Status = member.Status.ToString(), StatusSince = null,
        };
        var errors2 = MemberValidation.Apply(described, member, today);
        return errors2.Count > 0 ? new(errors2, null) : await SaveAsync(db, member, new EditOutcome([], request), ct);
    }

    /// <summary>Applies or rejects a pending request; of two staff deciding at once, one wins.</summary>
    public static async Task<DecisionOutcome> DecideAsync(ClusterDb db, int clusterId, int memberId, int requestId, bool approve, string actor, DateTime now, CancellationToken ct)
    {
        var request = await db.Set<MemberChangeRequest>().SingleOrDefaultAsync(r => r.Id == requestId && r.MemberId == memberId && r.ClusterId == clusterId, ct);
        if (request is null) return DecisionOutcome.NotFound;
        if (request.State != ChangeRequestState.Pending) return DecisionOutcome.AlreadyDecided;
        request.State = approve ? ChangeRequestState.Approved : ChangeRequestState.Rejected;
        request.DecidedBy = actor;
        request.DecidedAt = now;
        if (approve)
        {
            var member = await db.Members.SingleAsync(m => m.Id == memberId, ct);
            member.Type = request.Type;
            member.Headcount = request.Headcount;
            member.TurnoverEur = request.TurnoverEur;
            member.Normalize();
        }
        db.ChangeReason = string.Create(CultureInfo.InvariantCulture, $"change request #{request.Id} {(approve ? "approved" : "rejected")}");
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); return DecisionOutcome.AlreadyDecided; }
        return approve ? DecisionOutcome.Approved : DecisionOutcome.Rejected;
    }

    private static async Task<EditOutcome> SaveAsync(ClusterDb db, Member member, EditOutcome outcome, CancellationToken ct)
    {
        try
        {
            return await MemberDuplicates.SaveAsync(db, member, ct) is { } duplicate ? outcome with { Duplicate = duplicate } : outcome;
        }
        catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); return outcome with { Stale = true }; }
    }
}
