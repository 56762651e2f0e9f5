using ClusterHub.Accounts;
using ClusterHub.Analytics.Projects;
using ClusterHub.Clusters;
using ClusterHub.Competences;
using ClusterHub.Data;
using ClusterHub.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterHub.Projects;

/// <summary>
/// A competence of the cluster's taxonomy a reviewer declares for themself, at a level 1–4 (as members' declarations:
/// 1 awareness, 2 practice, 3 expertise, 4 reference). One row per cluster, reviewer and competence.
/// </summary>
public sealed class ReviewerExpertise
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public required string UserId { get; set; }
    public int CompetenceId { get; set; }
    public Competence? Competence { get; set; }
    public int Level { get; set; }
}

internal sealed class ReviewerExpertiseConfiguration : IEntityTypeConfiguration<ReviewerExpertise>
{
    public void Configure(EntityTypeBuilder<ReviewerExpertise> b)
    {
        b.HasOne<Cluster>().WithMany().HasForeignKey(x => x.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ClusterUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Competence).WithMany().HasForeignKey(x => x.CompetenceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ClusterId, x.UserId, x.CompetenceId }).IsUnique();
    }
}

/// <summary>One line of a reviewer's expertise as given: a competence by its code and a level 1–4.</summary>
public sealed record ExpertiseInput(string? Competence, int? Level);

/// <summary>A competence at a level; <see cref="Organisation"/> names the member it comes from (null: the reviewer's own declaration).</summary>
public sealed record ExpertiseEntry(string Code, string Name, int Level, string? Organisation);

/// <summary>
/// A reviewer's expertise: what they declare (<see cref="Declared"/>), what their organisations' validated declarations give
/// (<see cref="FromOrganisations"/>, when they represent members), and the strategic areas of the committees they sit on.
/// </summary>
public sealed record ReviewerExpertiseDto(string UserId, string Reviewer, IReadOnlyList<ExpertiseEntry> Declared, IReadOnlyList<ExpertiseEntry> FromOrganisations,
    IReadOnlyList<string> CommitteeAreas);

public enum ExpertiseOutcome { Saved, NotFound, Invalid }

/// <summary>
/// Reviewers' expertise as the assignment engine weighs it: <c>area:CODE</c> tags (the strategic areas of their committees) and
/// <c>comp:CODE</c> tags (competences), each competence weighted level ÷ 4; a reviewer's own declaration wins over their
/// organisation's for the same competence. Who may read and edit whose expertise is the caller's check (<see cref="MayEdit"/>).
/// </summary>
public static class ExpertiseProfiles
{
    public const string AreaPrefix = "area:", CompetencePrefix = "comp:";

    /// <summary>The weight of a competence held at <paramref name="level"/>: level ÷ 4, so a reference (4) weighs as a strategic area (1).</summary>
    public static double Weight(int level) => level / (double)CompetenceRules.MaxLevel;

    /// <summary>A reviewer edits their own expertise; the secretariat anyone's.</summary>
    public static bool MayEdit(ClusterScope scope, string? caller, string userId) =>
        scope.Can(ProjectPermissions.ManageExpertise) || (caller is not null && string.Equals(caller, userId, StringComparison.Ordinal));

    /// <summary>The users holding the Reviewer role in the cluster: whose expertise exists.</summary>
    public static IQueryable<string> Reviewers(ClusterDb db, int clusterId) =>
        db.RoleGrants.Where(g => g.ClusterId == clusterId && g.Role == ClusterRole.Reviewer).Select(g => g.UserId);

    /// <summary>A reviewer's expertise; null when the user is not a reviewer of the cluster.</summary>
    public static async Task<ReviewerExpertiseDto?> FindAsync(ClusterDb db, int clusterId, string userId, CancellationToken ct)
    {
        if (!await Reviewers(db, clusterId).AnyAsync(u => u == userId, ct)) return null;
        var email = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email ?? u.Id).SingleAsync(ct);
        var declared = await db.ReviewerExpertise.AsNoTracking().Where(x => x.ClusterId == clusterId && x.UserId == userId)
            .OrderBy(x => x.Competence!.Order).ThenBy(x => x.Competence!.Code)
            .Select(x => new ExpertiseEntry(x.Competence!.Code, x.Competence.Name, x.Level, null)).ToListAsync(ct);
        var organisations = await OrganisationsQuery(db, clusterId, [userId]).OrderBy(x => x.Organisation).ThenBy(x => x.Order).ThenBy(x => x.Code)
            .Select(x => new ExpertiseEntry(x.Code, x.Name, x.Level, x.Organisation)).ToListAsync(ct);
        var areas = await db.CommitteeMembers.AsNoTracking().Where(m => m.UserId == userId && db.Committees.Any(c => c.Id == m.CommitteeId && c.ClusterId == clusterId))
            .SelectMany(m => db.Committees.Where(c => c.Id == m.CommitteeId).SelectMany(c => db.StrategicAreas.Where(a => a.Id == c.StrategicAreaId)))
            .Select(a => a.Code).Distinct().OrderBy(a => a).ToListAsync(ct);
        return new ReviewerExpertiseDto(userId, email, declared, organisations, areas);
    }

    /// <summary>Built by member initialisation, not a constructor, so that EF composes further ordering and projection on it.</summary>
    private sealed class OrganisationCompetence
    {
        public required string UserId { get; init; }
        public required string Organisation { get; init; }
        public required string Code { get; init; }
        public required string Name { get; init; }
        public int Order { get; init; }
        public int Level { get; init; }
    }

    /// <summary>The validated declarations of the members the users represent (RoleGrants: MemberRepresentative with a member).</summary>
    private static IQueryable<OrganisationCompetence> OrganisationsQuery(ClusterDb db, int clusterId, List<string> userIds) =>
        from g in db.RoleGrants
        where g.ClusterId == clusterId && g.Role == ClusterRole.MemberRepresentative && g.MemberId != null && userIds.Contains(g.UserId)
        from d in db.CompetenceDeclarations
        where d.MemberId == g.MemberId && d.ClusterId == clusterId && d.State == DeclarationState.Validated
        select new OrganisationCompetence { UserId = g.UserId, Organisation = d.Member!.Name, Code = d.Competence!.Code, Name = d.Competence.Name, Order = d.Competence.Order, Level = d.Level };

    /// <summary>
    /// Replaces the reviewer's own declarations with <paramref name="input"/> (an empty list clears them). Every line names a
    /// competence of the cluster's taxonomy by code, once, with a level 1–4; errors are located (<c>[2].level</c>).
    /// </summary>
    public static Task<(ExpertiseOutcome Outcome, IReadOnlyList<FieldError> Errors)> SetAsync(ClusterDb db, int clusterId, string userId,
        IReadOnlyList<ExpertiseInput>? input, CancellationToken ct) => SetAsync(db, clusterId, userId, input, retried: false, ct);

    private static async Task<(ExpertiseOutcome Outcome, IReadOnlyList<FieldError> Errors)> SetAsync(ClusterDb db, int clusterId, string userId,
        IReadOnlyList<ExpertiseInput>? input, bool retried, CancellationToken ct)
    {
        if (!await Reviewers(db, clusterId).AnyAsync(u => u == userId, ct)) return (ExpertiseOutcome.NotFound, []);
        var codes = await ClusterHub.Competences.Declarations.CodesAsync(db, clusterId, ct);
        var errors = Validate(input, codes, out var levels);
        if (errors.Count > 0) return (ExpertiseOutcome.Invalid, errors);
        var rows = await db.ReviewerExpertise.Where(x => x.ClusterId == clusterId && x.UserId == userId).ToListAsync(ct);
        db.ReviewerExpertise.RemoveRange(rows.Where(r => !levels.ContainsKey(r.CompetenceId)));
        foreach (var (competenceId, level) in levels)
        {
            if (rows.SingleOrDefault(r => r.CompetenceId == competenceId) is { } row) row.Level = level;
            else db.ReviewerExpertise.Add(new ReviewerExpertise { ClusterId = clusterId, UserId = userId, CompetenceId = competenceId, Level = level });
        }
        db.ChangeReason = "Reviewer expertise of " + userId;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (!retried && UniqueViolation.Is(e))
        {
            // Two saves of the same reviewer raced: the other one's lines stand; saving once again replaces them.
            db.ChangeTracker.Clear();
            return await SetAsync(db, clusterId, userId, input, retried: true, ct);
        }
        return (ExpertiseOutcome.Saved, []);
    }

    /// <summary>The one validator of a reviewer's expertise (API and page): competence ids → levels.</summary>
    public static List<FieldError> Validate(IReadOnlyList<ExpertiseInput>? input, IReadOnlyDictionary<string, int> codes, out Dictionary<int, int> levels)
    {
        var errors = new List<FieldError>();
        levels = [];
        if (input is null) { errors.Add(new("expertise", null, "is required: a list of { competence, level } (empty to clear)")); return errors; }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < input.Count; i++)
        {
            var code = CompetenceRules.NormalizeCode(input[i].Competence);
            var at = $"[{i}]";
            var id = 0;
            if (code.Length == 0) errors.Add(new(at + ".competence", input[i].Competence, "is required"));
            else if (!codes.TryGetValue(code, out id)) errors.Add(new(at + ".competence", input[i].Competence, "is not a competence of this cluster's taxonomy"));
            else if (!seen.Add(code)) errors.Add(new(at + ".competence", input[i].Competence, "names the same competence more than once"));
            if (CompetenceRules.Level(at + ".level", input[i].Level) is { } level) errors.Add(level);
            else if (id != 0) levels[id] = input[i].Level!.Value;
        }
        return errors;
    }

    /// <summary>
    /// Each user's competence tags, <c>comp:CODE</c> weighted level ÷ 4: their own declarations, and for a competence they did not
    /// declare, the highest level among the validated declarations of the members they represent.
    /// </summary>
    public static async Task<Dictionary<string, List<WeightedTag>>> CompetenceTagsAsync(ClusterDb db, int clusterId, List<string> userIds, CancellationToken ct)
    {
        var own = await db.ReviewerExpertise.AsNoTracking().Where(x => x.ClusterId == clusterId && userIds.Contains(x.UserId))
            .Select(x => new { x.UserId, x.Competence!.Code, x.Level }).ToListAsync(ct);
        var organisations = await OrganisationsQuery(db, clusterId, userIds).Select(x => new { x.UserId, x.Code, x.Level }).ToListAsync(ct);
        var tags = new Dictionary<string, List<WeightedTag>>(StringComparer.Ordinal);
        foreach (var user in userIds)
        {
            var levels = organisations.Where(o => o.UserId == user).GroupBy(o => o.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(o => o.Level), StringComparer.Ordinal);
            foreach (var o in own.Where(o => o.UserId == user)) levels[o.Code] = o.Level; // the reviewer's own word wins
            tags[user] = [.. levels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => new WeightedTag(CompetencePrefix + l.Key, Weight(l.Value)))];
        }
        return tags;
    }

    /// <summary>The names behind tags, for people: <c>area:A1</c> → the area's name, <c>comp:WELD</c> → the competence's.</summary>
    public static async Task<Dictionary<string, string>> TagNamesAsync(ClusterDb db, int clusterId, CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in await db.StrategicAreas.AsNoTracking().Where(a => a.ClusterId == clusterId).Select(a => new { a.Code, a.Name }).ToListAsync(ct))
            names.TryAdd(AreaPrefix + a.Code, a.Name);
        foreach (var c in await db.Competences.AsNoTracking().Where(c => c.ClusterId == clusterId).Select(c => new { c.Code, c.Name }).ToListAsync(ct))
            names.TryAdd(CompetencePrefix + c.Code, c.Name);
        return names;
    }
}
