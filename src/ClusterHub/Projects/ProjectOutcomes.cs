using ClusterHub.Data;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Projects;

/// <summary>What a project brought to market (a product, a first sale, jobs, a patent): recorded by the secretariat, for the API and the proposal page.</summary>
public static class ProjectOutcomes
{
    public enum AddOutcome { Added, NotFound, TooEarly, Invalid }

    public const string TooEarly = "A proposal has no outcomes before it runs; a running, completed or marketed project does.";

    public static bool Records(ProposalState state) => state is ProposalState.Running or ProposalState.Completed or ProposalState.OnTheMarket;

    public static async Task<(AddOutcome Outcome, List<FieldError> Errors)> AddAsync(ClusterDb db, int clusterId, int proposalId, OutcomeInput input, CancellationToken ct)
    {
        var proposal = await db.Proposals.SingleOrDefaultAsync(p => p.Id == proposalId && p.ClusterId == clusterId, ct);
        if (proposal is null) return (AddOutcome.NotFound, []);
        if (!Records(proposal.State)) return (AddOutcome.TooEarly, []);
        var errors = new List<FieldError>();
        var description = input.Description?.Trim();
        if (string.IsNullOrEmpty(description)) errors.Add(new("description", input.Description, "is required"));
        else if (description.Length > ProjectLimits.Name) errors.Add(new("description", description, $"is longer than {ProjectLimits.Name} characters"));
        if (input.Count is < 0 or > 1_000_000) errors.Add(new("count", input.Count?.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be between 0 and 1000000"));
        if (input.On.Year is < Years.Min or > Years.Max) errors.Add(new("on", input.On.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "is not a plausible date"));
        if (errors.Count > 0) return (AddOutcome.Invalid, errors);
        db.ProjectOutcomes.Add(new ProjectOutcome { ProposalId = proposalId, Kind = input.Kind, Description = description!, On = input.On, Count = input.Count });
        await db.SaveChangesAsync(ct);
        return (AddOutcome.Added, errors);
    }
}
