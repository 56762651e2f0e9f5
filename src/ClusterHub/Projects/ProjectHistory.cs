using static ClusterHub.Projects.ProposalState;

namespace ClusterHub.Projects;

/// <summary>
/// A past project's moves as a file carries them: one date column per state (<c>submitted_at</c>, <c>funded_at</c>, …), the
/// dates of the moves on the one way from a draft to the project's state through <see cref="ProposalWorkflow.Moves"/>
/// (without the return-for-revision loop, which a file of past projects does not replay).
/// </summary>
public static class ProjectHistory
{
    /// <summary>Every state a move leads to, in workflow order: one date column each.</summary>
    public static readonly IReadOnlyList<ProposalState> Dated = [.. Enum.GetValues<ProposalState>().Where(s => s != Draft)];

    private static readonly Dictionary<ProposalState, ProposalState[]> Paths = Build();

    /// <summary><c>SubmittedToFunder</c> → <c>submitted_to_funder_at</c>.</summary>
    public static string Column(ProposalState state) =>
        string.Concat(state.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())) + "_at";

    /// <summary>The states a proposal passes through from its draft to <paramref name="state"/>, in order, the draft left out (empty for a draft).</summary>
    public static IReadOnlyList<ProposalState> Path(ProposalState state) => Paths[state];

    private static Dictionary<ProposalState, ProposalState[]> Build()
    {
        var paths = new Dictionary<ProposalState, ProposalState[]> { [Draft] = [] };
        var queue = new Queue<ProposalState>([Draft]);
        while (queue.TryDequeue(out var from))
        {
            if (from == ReturnedForRevision) continue; // the loop back to submission is not part of a past project's one way
            foreach (var move in ProposalWorkflow.Moves.Where(m => m.From.Contains(from) && !paths.ContainsKey(m.To)))
            {
                paths[move.To] = [.. paths[from], move.To];
                queue.Enqueue(move.To);
            }
        }
        return paths;
    }
}
