using System.Globalization;
using ClusterHub.Data;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Projects;

public sealed record ScoreInput(int CriterionId, int? Score);
public sealed record ReviewInput(IReadOnlyList<ScoreInput>? Scores, string? Comments);
public sealed record ScoreDto(string Criterion, int Weight, int Score);
public sealed record ReviewDto(string Reviewer, double WeightedScore, string? Comments, DateTime SubmittedAt, IReadOnlyList<ScoreDto> Scores);
public sealed record ProposalReviews(double? WeightedScore, int Assigned, IReadOnlyList<ReviewDto> Reviews, IReadOnlyList<CriterionDto> Grid);

public enum ReviewOutcome { Saved, NotFound, NotAssigned, NoGrid, Invalid }

/// <summary>Reviews on a committee's grid: the one validator, the save, and what a proposal shows.</summary>
public static class Reviews
{
    /// <summary>Σ weight × score ÷ Σ weight.</summary>
    public static double Weighted(IEnumerable<(int Weight, int Score)> scores)
    {
        var list = scores.ToList();
        var weights = list.Sum(s => s.Weight);
        return weights == 0 ? 0 : Math.Round(list.Sum(s => (double)s.Weight * s.Score) / weights, 2);
    }

    /// <summary>Every criterion of the grid scored once, 0–10; comments within their length.</summary>
    public static List<FieldError> Validate(ReviewInput input, IReadOnlyList<ScoringCriterion> grid)
    {
        var errors = new List<FieldError>();
        var scores = input.Scores ?? [];
        foreach (var c in grid.Where(c => scores.Count(s => s.CriterionId == c.Id) != 1))
            errors.Add(new("scores", c.Name, "needs exactly one score for each criterion of the grid"));
        for (var i = 0; i < scores.Count; i++)
        {
            if (grid.All(c => c.Id != scores[i].CriterionId)) errors.Add(new($"scores[{i}].criterionId", scores[i].CriterionId.ToString(CultureInfo.InvariantCulture), "is not a criterion of the committee's grid"));
            if (scores[i].Score is not (>= 0 and <= CommitteeLimits.MaxScore)) errors.Add(new($"scores[{i}].score", scores[i].Score?.ToString(CultureInfo.InvariantCulture), $"must be between 0 and {CommitteeLimits.MaxScore}"));
        }
        if (InputText.Blank(input.Comments) is { } comments && InputText.CheckLines(comments, ProjectLimits.Text) is { } reason) errors.Add(new("comments", InputText.Echo(comments), reason));
        return errors;
    }

    /// <summary>Saves (or replaces) the reviewer's review of a proposal assigned to it, on the grid of the proposal's committee.</summary>
    public static async Task<(ReviewOutcome Outcome, List<FieldError> Errors)> SubmitAsync(ClusterDb db, int clusterId, int proposalId, string userId, ReviewInput input, DateTime now, CancellationToken ct)
    {
        if (!await db.Proposals.AnyAsync(p => p.Id == proposalId && p.ClusterId == clusterId, ct)) return (ReviewOutcome.NotFound, []);
        if (!await db.ReviewAssignments.AnyAsync(a => a.ProposalId == proposalId && a.UserId == userId, ct)) return (ReviewOutcome.NotAssigned, []);
        if (await Committees.OfProposalAsync(db, proposalId, ct) is not { } committeeId) return (ReviewOutcome.NoGrid, []);
        var grid = await db.ScoringCriteria.AsNoTracking().Where(c => c.CommitteeId == committeeId).OrderBy(c => c.Order).ToListAsync(ct);
        if (grid.Count == 0) return (ReviewOutcome.NoGrid, []);
        var errors = Validate(input, grid);
        if (errors.Count > 0) return (ReviewOutcome.Invalid, errors);
        var review = await db.ProposalReviews.Include(r => r.Scores).SingleOrDefaultAsync(r => r.ProposalId == proposalId && r.UserId == userId, ct);
        if (review is null) db.ProposalReviews.Add(review = new ProposalReview { ProposalId = proposalId, UserId = userId });
        review.CommitteeId = committeeId;
        review.Comments = InputText.Blank(input.Comments);
        review.SubmittedAt = now;
        review.Scores.Clear();
        foreach (var c in grid)
            review.Scores.Add(new ReviewScore { CriterionId = c.Id, Criterion = c.Name, Weight = c.Weight, Score = input.Scores!.Single(s => s.CriterionId == c.Id).Score!.Value });
        review.WeightedScore = Weighted(review.Scores.Select(s => (s.Weight, s.Score)));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (UniqueViolation.Is(e)) { db.ChangeTracker.Clear(); return await SubmitAsync(db, clusterId, proposalId, userId, input, now, ct); }
        return (ReviewOutcome.Saved, []);
    }

    /// <summary>
    /// A proposal's reviews and its weighted score (the mean of its reviews'): the secretariat sees every review, a reviewer its own
    /// (the proposal itself must be visible to the caller; the API checks that first).
    /// </summary>
    public static async Task<ProposalReviews> ForProposalAsync(ClusterDb db, int proposalId, string? onlyUserId, CancellationToken ct)
    {
        var q = db.ProposalReviews.AsNoTracking().Where(r => r.ProposalId == proposalId);
        var all = await q.Select(r => r.WeightedScore).ToListAsync(ct);
        if (onlyUserId is not null) q = q.Where(r => r.UserId == onlyUserId);
        var reviews = await q.OrderBy(r => r.SubmittedAt)
            .Select(r => new { Reviewer = db.Users.Where(u => u.Id == r.UserId).Select(u => u.Email).FirstOrDefault() ?? r.UserId, r.WeightedScore, r.Comments, r.SubmittedAt, r.Id })
            .ToListAsync(ct);
        var ids = reviews.Select(r => r.Id).ToList();
        var scores = (await db.Set<ReviewScore>().AsNoTracking().Where(s => ids.Contains(s.ReviewId)).OrderBy(s => s.Id).ToListAsync(ct)).ToLookup(s => s.ReviewId);
        var assigned = await db.ReviewAssignments.CountAsync(a => a.ProposalId == proposalId, ct);
        var committee = await Committees.OfProposalAsync(db, proposalId, ct);
        var grid = committee is null ? [] : await db.ScoringCriteria.AsNoTracking().Where(c => c.CommitteeId == committee).OrderBy(c => c.Order).Select(c => new CriterionDto(c.Id, c.Name, c.Weight)).ToListAsync(ct);
        return new ProposalReviews(all.Count == 0 || onlyUserId is not null ? (onlyUserId is null ? null : reviews.Select(r => (double?)r.WeightedScore).FirstOrDefault()) : Math.Round(all.Average(), 2),
            assigned, [.. reviews.Select(r => new ReviewDto(r.Reviewer, r.WeightedScore, r.Comments, r.SubmittedAt, [.. scores[r.Id].Select(s => new ScoreDto(s.Criterion, s.Weight, s.Score))]))], grid);
    }
}
