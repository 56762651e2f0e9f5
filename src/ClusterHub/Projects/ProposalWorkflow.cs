using ClusterHub.Data;
using Microsoft.EntityFrameworkCore;
using static ClusterHub.Projects.ProposalState;

namespace ClusterHub.Projects;

/// <summary>What a person does to a proposal; each is one edge (or a few) of <see cref="ProposalWorkflow.Moves"/>.</summary>
public enum ProposalAction { Submit, StartReview, Certify, Return, Reject, SendToFunder, Fund, DeclineFunding, Start, Complete, ReachMarket }

/// <summary>What became of a transition.</summary>
public enum TransitionOutcome
{
    Done,
    NotFound,
    /// <summary>The action does not leave the proposal's current state (e.g. certify a draft).</summary>
    NotAllowed,
    /// <summary>Someone moved the proposal at the same time and won; nothing of this request was written.</summary>
    Concurrent,
    /// <summary>Returning, rejecting or declining needs a reason for the coordinator.</summary>
    ReasonRequired,
    /// <summary>The proposal fails a rule of its call (the reasons come with the outcome).</summary>
    NotEligible,
    /// <summary>Sending to a funder needs a call.</summary>
    NoCall,
    /// <summary>Completing a project whose milestones are not all done needs the secretariat's reason to close anyway (listed in Failed).</summary>
    OpenMilestones,
}

public sealed record TransitionResult(TransitionOutcome Outcome, ProposalState? From = null, ProposalState? To = null, IReadOnlyList<FailedRule>? Failed = null);

/// <summary>
/// The labelling pipeline as an explicit state machine: the one table of allowed moves, and the one operation
/// that applies them. A move is written with its <see cref="ProposalStateChange"/> row (who, when, why) and
/// the proposal's field changes in the change history (with the reason as <see cref="ClusterDb.ChangeReason"/>);
/// the proposal's version decides between two people moving it at once.
/// </summary>
public static class ProposalWorkflow
{
    public sealed record Move(ProposalAction Action, ProposalState[] From, ProposalState To);

    /// <summary>draft → submitted → under review → certified / returned / rejected → submitted to funder → funded / not funded → running → completed → on the market.</summary>
    public static readonly IReadOnlyList<Move> Moves =
    [
        new(ProposalAction.Submit, [Draft, ReturnedForRevision], Submitted),
        new(ProposalAction.StartReview, [Submitted], UnderReview),
        new(ProposalAction.Certify, [UnderReview], Certified),
        new(ProposalAction.Return, [UnderReview], ReturnedForRevision),
        new(ProposalAction.Reject, [UnderReview], Rejected),
        new(ProposalAction.SendToFunder, [Certified], SubmittedToFunder),
        new(ProposalAction.Fund, [SubmittedToFunder], Funded),
        new(ProposalAction.DeclineFunding, [SubmittedToFunder], NotFunded),
        new(ProposalAction.Start, [Funded], Running),
        new(ProposalAction.Complete, [Running], Completed),
        new(ProposalAction.ReachMarket, [Completed], OnTheMarket),
    ];

    private static readonly Dictionary<ProposalAction, Move> ByAction = Moves.ToDictionary(m => m.Action);

    /// <summary>The actions that leave <paramref name="state"/>: the page's buttons.</summary>
    public static IEnumerable<ProposalAction> AllowedFrom(ProposalState state) => Moves.Where(m => m.From.Contains(state)).Select(m => m.Action);

    public static ProposalState Target(ProposalAction action) => ByAction[action].To;

    /// <summary>Actions that a coordinator must hear the why of.</summary>
    public static bool NeedsReason(ProposalAction action) => action is ProposalAction.Return or ProposalAction.Reject or ProposalAction.DeclineFunding;

    /// <summary>The states the proposal's consortium may still edit.</summary>
    public static bool IsEditable(ProposalState state) => state is Draft or ReturnedForRevision;

    /// <summary>
    /// Checks and applies <paramref name="action"/> to a proposal (its call and partners loaded), without saving:
    /// the demo applies many before one save, the API one. Pure: the rules are tested without a database.
    /// </summary>
    /// <remarks><c>openMilestones</c>: the project's milestones not done yet (<see cref="FollowUpWork.OpenMilestonesAsync"/>); completing with any
    /// needs a reason, the secretariat's decision to close anyway, recorded as the move's reason.</remarks>
    public static TransitionResult Apply(Proposal proposal, ProposalAction action, string? reason, string actor, DateTime at, long? grantedCents = null,
        IReadOnlyList<FailedRule>? openMilestones = null)
    {
        var move = ByAction[action];
        var from = proposal.State;
        if (!move.From.Contains(from)) return new(TransitionOutcome.NotAllowed, from, move.To);
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (NeedsReason(action) && reason is null) return new(TransitionOutcome.ReasonRequired, from, move.To);
        if (action == ProposalAction.Submit && proposal.Call is { } call)
        {
            var failed = Eligibility.CheckForSubmission(call, proposal.DurationMonths, proposal.Partners, DateOnly.FromDateTime(at));
            if (failed.Count > 0) return new(TransitionOutcome.NotEligible, from, move.To, failed);
        }
        if (action == ProposalAction.SendToFunder && proposal.CallId is null) return new(TransitionOutcome.NoCall, from, move.To);
        if (action == ProposalAction.Complete && openMilestones is { Count: > 0 } && reason is null) return new(TransitionOutcome.OpenMilestones, from, move.To, openMilestones);
        if (action == ProposalAction.Fund) proposal.GrantedCents = grantedCents ?? proposal.Partners.Sum(p => p.RequestedCents);
        var change = new ProposalStateChange { ClusterId = proposal.ClusterId, From = from, To = move.To, At = at, DaysInPrevious = (int)Math.Max(0, (at - proposal.StateSince).TotalDays), Actor = actor, Reason = reason };
        proposal.State = move.To;
        proposal.StateSince = at;
        proposal.StateChanges.Add(change);
        return new(TransitionOutcome.Done, from, move.To);
    }

    /// <summary>The change history's reason for a move: the person's words, else the action's name.</summary>
    public static string ReasonOf(ProposalAction action, string? reason) => string.IsNullOrWhiteSpace(reason) ? action.ToString() : reason.Trim();

    /// <summary>Applies one action and saves it; of two people moving the same proposal at once one wins, the other gets <see cref="TransitionOutcome.Concurrent"/>.</summary>
    public static async Task<TransitionResult> TransitionAsync(ClusterDb db, int clusterId, int proposalId, ProposalAction action, string? reason, long? grantedCents, string actor, DateTime at, CancellationToken ct)
    {
        var proposal = await db.Proposals.Include(p => p.Call).ThenInclude(c => c!.FundingRates).Include(p => p.Partners)
            .SingleOrDefaultAsync(p => p.Id == proposalId && p.ClusterId == clusterId, ct);
        if (proposal is null) return new(TransitionOutcome.NotFound);
        var open = action == ProposalAction.Complete ? await FollowUpWork.OpenMilestonesAsync(db, proposalId, ct) : null;
        var result = Apply(proposal, action, reason, actor, at, grantedCents, open);
        if (result.Outcome != TransitionOutcome.Done) { db.ChangeTracker.Clear(); return result; }
        db.ChangeReason = ReasonOf(action, reason);
        await ProjectMessages.QueueDecisionAsync(db, proposal, action, reason, at, ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { db.ChangeTracker.Clear(); return result with { Outcome = TransitionOutcome.Concurrent }; }
        return result;
    }
}

/// <summary>The refusals of <see cref="ProposalWorkflow"/> in words; pages translate the same keys (<c>Projects.Transition.{outcome}</c>).</summary>
public static class TransitionMessages
{
    public static string Key(TransitionOutcome outcome) => $"Projects.Transition.{outcome}";

    public static string English(TransitionResult r, ProposalAction action) => r.Outcome switch
    {
        TransitionOutcome.NotAllowed => $"A proposal in state {r.From} cannot be moved by '{action}' (it leads from {string.Join(" or ", ProposalWorkflow.Moves.Single(m => m.Action == action).From)} to {r.To}).",
        TransitionOutcome.Concurrent => "Someone else moved this proposal at the same time; reload it and try again.",
        TransitionOutcome.ReasonRequired => $"'{action}' needs a reason for the coordinator.",
        TransitionOutcome.NotEligible => "The proposal fails rules of its call: " + string.Join(" ", r.Failed!.Select(f => f.Reason)),
        TransitionOutcome.NoCall => "The proposal names no call, so there is no funder to send it to.",
        TransitionOutcome.OpenMilestones => $"{r.Failed!.Count} milestone(s) are not done: " + string.Join("; ", r.Failed!.Select(f => f.Reason)) + ". Give a reason to complete the project anyway.",
        _ => r.Outcome.ToString(),
    };
}
