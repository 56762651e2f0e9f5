using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Projects;

/// <summary>What a funder's user sees: the certified proposals sent to its funder (the calls of that funder), and their course since.</summary>
public static class FunderView
{
    /// <summary>The states of a proposal sent to a funder and after.</summary>
    public static readonly ProposalState[] SentStates =
        [ProposalState.SubmittedToFunder, ProposalState.Funded, ProposalState.NotFunded, ProposalState.Running, ProposalState.Completed, ProposalState.OnTheMarket];

    /// <summary>The proposals sent to the user's funders; the secretariat (who decides) sees those sent to every funder.</summary>
    public static IQueryable<Proposal> Visible(ClusterDb db, ClusterScope scope, string? userId)
    {
        var q = db.Proposals.AsNoTracking().Where(p => p.ClusterId == scope.ClusterId && SentStates.Contains(p.State) && p.CallId != null);
        return ProposalQueries.SeesAll(scope) ? q : q.Where(p => db.FunderUsers.Any(f => f.UserId == userId && f.FunderId == p.Call!.FunderId));
    }

    public static Task<Page<ProposalRow>> PageAsync(ClusterDb db, ClusterScope scope, string? userId, int? page, int? pageSize, CancellationToken ct) =>
        Visible(db, scope, userId).OrderByDescending(p => p.StateSince).ThenByDescending(p => p.Id)
            .Select(ProposalQueries.Row)
            .PageAsync(page, pageSize, ct);

    /// <summary>Links a user with the Funder role in the cluster to one of its funders (again: no change).</summary>
    public static async Task<List<FieldError>> LinkAsync(ClusterDb db, int clusterId, int funderId, string? userId, CancellationToken ct)
    {
        if (userId is null || !await db.RoleGrants.AnyAsync(g => g.UserId == userId && g.ClusterId == clusterId && g.Role == ClusterRole.Funder, ct))
            return [new FieldError("userId", InputText.Echo(userId), "is not a user with the Funder role in this cluster")];
        if (!await db.FunderUsers.AnyAsync(f => f.FunderId == funderId && f.UserId == userId, ct))
        {
            db.FunderUsers.Add(new FunderUser { FunderId = funderId, UserId = userId });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException e) when (UniqueViolation.Is(e)) { db.ChangeTracker.Clear(); }
        }
        return [];
    }
}
