using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Members;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Projects;

/// <summary>
/// What became of a proposal's creation or edit. <see cref="ProposalEditOutcome.Forbidden"/>: a representative acting for an
/// organisation that does not coordinate it; <see cref="ProposalEditOutcome.NotEditable"/>: past the draft (or returned) state;
/// <see cref="ProposalEditOutcome.Stale"/>: someone saved it first.
/// </summary>
public enum ProposalEditOutcome { Saved, NotFound, Invalid, Forbidden, NotEditable, Stale }

public sealed record ProposalEdit(ProposalEditOutcome Outcome, int? Id = null, IReadOnlyList<FieldError>? Errors = null)
{
    public IReadOnlyList<FieldError> FieldErrors => Errors ?? [];

    /// <summary>The sentence the API's problem details carry for a refusal (the pages show the same outcome from the resources).</summary>
    public string Refusal => Outcome switch
    {
        ProposalEditOutcome.Forbidden => "A member representative creates and edits only the proposals its own organisation coordinates.",
        ProposalEditOutcome.NotEditable => "Only a draft or a proposal returned for revision is edited.",
        ProposalEditOutcome.Stale => "Someone else changed this proposal at the same time; reload and try again.",
        _ => Outcome.ToString(),
    };
}

/// <summary>Creating and editing a proposal, for the API and the proposal form alike: one validation, one rule on who coordinates.</summary>
public static class ProposalEdits
{
    /// <summary>Creates a draft, its first move recorded. A member representative creates proposals its organisation coordinates.</summary>
    public static async Task<ProposalEdit> CreateAsync(ClusterDb db, ClusterScope scope, ProposalInput input, string actor, DateTime now, CancellationToken ct)
    {
        var proposal = new Proposal { ClusterId = scope.ClusterId, Title = "", Acronym = "", State = ProposalState.Draft, CreatedAt = now, StateSince = now };
        var errors = await ProposalValidation.ApplyAsync(db, scope.ClusterId, input, proposal, ct);
        if (errors.Count > 0) return new(ProposalEditOutcome.Invalid, Errors: errors);
        if (!ProposalQueries.CanEdit(scope, proposal.CoordinatorMemberId)) return new(ProposalEditOutcome.Forbidden);
        proposal.StateChanges.Add(new ProposalStateChange { ClusterId = scope.ClusterId, To = ProposalState.Draft, At = now, Actor = actor });
        db.Proposals.Add(proposal);
        await db.SaveChangesAsync(ct);
        return new(ProposalEditOutcome.Saved, proposal.Id);
    }

    /// <summary>Replaces a draft's (or a returned proposal's) content: the coordinator's representative or the secretariat, who cannot hand the coordination away.</summary>
    public static async Task<ProposalEdit> UpdateAsync(ClusterDb db, ClusterScope scope, string? userId, int id, ProposalInput input, CancellationToken ct)
    {
        if (await LoadAsync(db, scope, userId, id, ct) is not { } proposal) return new(ProposalEditOutcome.NotFound);
        if (!ProposalQueries.CanEdit(scope, proposal.CoordinatorMemberId)) return new(ProposalEditOutcome.Forbidden, id);
        if (!ProposalWorkflow.IsEditable(proposal.State)) return new(ProposalEditOutcome.NotEditable, id);
        var errors = await ProposalValidation.ApplyAsync(db, scope.ClusterId, input, proposal, ct);
        if (errors.Count > 0) return new(ProposalEditOutcome.Invalid, id, errors);
        if (!ProposalQueries.CanEdit(scope, proposal.CoordinatorMemberId)) return new(ProposalEditOutcome.Forbidden, id);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return new(ProposalEditOutcome.Stale, id); }
        return new(ProposalEditOutcome.Saved, id);
    }

    /// <summary>The proposal with its consortium and competences (both replaced by an edit), tracked, when the caller may see it.</summary>
    public static async Task<Proposal?> LoadAsync(ClusterDb db, ClusterScope scope, string? userId, int id, CancellationToken ct) =>
        await ProposalQueries.Visible(db, scope, userId).AnyAsync(p => p.Id == id, ct)
            ? await db.Proposals.Include(p => p.Partners).Include(p => p.Competences).AsSplitQuery().SingleAsync(p => p.Id == id, ct)
            : null;
}
