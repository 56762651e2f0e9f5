using System.Globalization;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Projects;

public sealed record CommitteeInput(string? Name, int? StrategicAreaId);
public sealed record CommitteeMemberInput(string? UserId, int? MemberId, bool IsChair);
public sealed record CriterionInput(string? Name, int? Weight);
public sealed record CommitteeRow(int Id, string Name, int StrategicAreaId, string Area, int Members, string? Chair);
public sealed record CommitteeMemberDto(string UserId, string? Email, int? MemberId, string? Organisation, bool IsChair);
public sealed record CriterionDto(int Id, string Name, int Weight);
public sealed record CommitteeDetails(CommitteeRow Committee, IReadOnlyList<CommitteeMemberDto> Members, IReadOnlyList<CriterionDto> Grid, int Version);

/// <summary>Committees, their members and scoring grids: the one validator of each input and the queries the API and pages share.</summary>
public static class Committees
{
    /// <summary>Validates a committee's name and area; when valid, writes them onto <paramref name="committee"/>.</summary>
    public static async Task<List<FieldError>> ApplyAsync(ClusterDb db, int clusterId, CommitteeInput input, Committee committee, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var name = InputText.Blank(input.Name);
        if (name is null) errors.Add(new("name", input.Name, "is required"));
        else if (InputText.Check(name, ProjectLimits.Name) is { } reason) errors.Add(new("name", InputText.Echo(name), reason));
        if (input.StrategicAreaId is not { } area || !await db.StrategicAreas.AnyAsync(a => a.Id == area && a.ClusterId == clusterId, ct))
            errors.Add(new("strategicAreaId", input.StrategicAreaId?.ToString(CultureInfo.InvariantCulture), "is not a strategic area of this cluster"));
        else if (name is not null && await db.Committees.AnyAsync(c => c.ClusterId == clusterId && c.Name == name && c.Id != committee.Id, ct))
            errors.Add(new("name", name, "is the name of another committee"));
        if (errors.Count > 0) return errors;
        committee.Name = name!;
        committee.StrategicAreaId = input.StrategicAreaId!.Value;
        return errors;
    }

    /// <summary>
    /// The members: each a user with a role in the cluster, at most once, its organisation a member of the cluster (or none: an
    /// independent expert), exactly one chair.
    /// </summary>
    public static async Task<List<FieldError>> ValidateMembersAsync(ClusterDb db, int clusterId, IReadOnlyList<CommitteeMemberInput>? input, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var list = input ?? [];
        if (list.Count is 0 or > CommitteeLimits.MaxMembers) { errors.Add(new("members", list.Count.ToString(CultureInfo.InvariantCulture), $"a committee has 1 to {CommitteeLimits.MaxMembers} members")); return errors; }
        var userIds = list.Select(m => m.UserId ?? "").ToList();
        var known = (await db.RoleGrants.AsNoTracking().Where(g => g.ClusterId == clusterId && userIds.Contains(g.UserId)).Select(g => g.UserId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var memberIds = list.Where(m => m.MemberId != null).Select(m => m.MemberId!.Value).ToList();
        var members = (await db.Members.AsNoTracking().Where(m => m.ClusterId == clusterId && memberIds.Contains(m.Id)).Select(m => m.Id).ToListAsync(ct)).ToHashSet();
        for (var i = 0; i < list.Count; i++)
        {
            if (string.IsNullOrEmpty(list[i].UserId) || !known.Contains(list[i].UserId!)) errors.Add(new($"members[{i}].userId", InputText.Echo(list[i].UserId), "is not a user of this cluster"));
            if (list[i].MemberId is { } m && !members.Contains(m)) errors.Add(new($"members[{i}].memberId", m.ToString(CultureInfo.InvariantCulture), "is not a member of this cluster"));
        }
        foreach (var dup in list.GroupBy(m => m.UserId).Where(g => g.Count() > 1)) errors.Add(new("members", InputText.Echo(dup.Key), "names a user more than once"));
        if (list.Count(m => m.IsChair) != 1) errors.Add(new("members", list.Count(m => m.IsChair).ToString(CultureInfo.InvariantCulture), "a committee has exactly one chair"));
        return errors;
    }

    /// <summary>The scoring grid: 1 to 20 criteria, each named once, weights whole numbers from 1 to 100 that sum to 100.</summary>
    public static List<FieldError> ValidateGrid(IReadOnlyList<CriterionInput>? input)
    {
        var errors = new List<FieldError>();
        var list = input ?? [];
        if (list.Count is 0 or > CommitteeLimits.MaxCriteria) { errors.Add(new("criteria", list.Count.ToString(CultureInfo.InvariantCulture), $"a grid has 1 to {CommitteeLimits.MaxCriteria} criteria")); return errors; }
        for (var i = 0; i < list.Count; i++)
        {
            var name = InputText.Blank(list[i].Name);
            if (name is null) errors.Add(new($"criteria[{i}].name", list[i].Name, "is required"));
            else if (InputText.Check(name, ProjectLimits.Name) is { } reason) errors.Add(new($"criteria[{i}].name", InputText.Echo(name), reason));
            if (list[i].Weight is not (>= 1 and <= 100)) errors.Add(new($"criteria[{i}].weight", list[i].Weight?.ToString(CultureInfo.InvariantCulture), "must be between 1 and 100"));
        }
        foreach (var dup in list.GroupBy(c => InputText.Blank(c.Name)?.ToUpperInvariant()).Where(g => g.Key != null && g.Count() > 1)) errors.Add(new("criteria", InputText.Echo(dup.First().Name), "names a criterion more than once"));
        var sum = list.Sum(c => c.Weight ?? 0);
        if (errors.Count == 0 && sum != 100) errors.Add(new("criteria", sum.ToString(CultureInfo.InvariantCulture), "the weights must sum to 100"));
        return errors;
    }

    /// <summary>The cluster's committees, filtered and ordered by <paramref name="shape"/> before the projection (EF filters entities, not records).</summary>
    public static IQueryable<CommitteeRow> Rows(ClusterDb db, int clusterId, Func<IQueryable<Committee>, IQueryable<Committee>>? shape = null) =>
        (shape ?? (q => q.OrderBy(c => c.Name).ThenBy(c => c.Id)))(db.Committees.AsNoTracking().Where(c => c.ClusterId == clusterId))
            .Select(c => new CommitteeRow(c.Id, c.Name, c.StrategicAreaId,
                db.StrategicAreas.Where(a => a.Id == c.StrategicAreaId).Select(a => a.Code + " " + a.Name).First(),
                c.Members.Count, c.Members.Where(m => m.IsChair).Select(m => db.Users.Where(u => u.Id == m.UserId).Select(u => u.Email).FirstOrDefault()).FirstOrDefault()));

    public static async Task<CommitteeDetails?> FindAsync(ClusterDb db, int clusterId, int id, CancellationToken ct)
    {
        var row = await Rows(db, clusterId, q => q.Where(c => c.Id == id)).SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var members = await db.CommitteeMembers.AsNoTracking().Where(m => m.CommitteeId == id).OrderByDescending(m => m.IsChair).ThenBy(m => m.Id)
            .Select(m => new CommitteeMemberDto(m.UserId, db.Users.Where(u => u.Id == m.UserId).Select(u => u.Email).FirstOrDefault(), m.MemberId,
                db.Members.Where(x => x.Id == m.MemberId).Select(x => x.Name).FirstOrDefault(), m.IsChair)).ToListAsync(ct);
        var grid = await db.ScoringCriteria.AsNoTracking().Where(c => c.CommitteeId == id).OrderBy(c => c.Order).Select(c => new CriterionDto(c.Id, c.Name, c.Weight)).ToListAsync(ct);
        var version = await db.Committees.Where(c => c.Id == id).Select(c => c.Version).SingleAsync(ct);
        return new CommitteeDetails(row, members, grid, version);
    }

    /// <summary>The committee of a proposal: the one of its strategic area (the first made, when there are several).</summary>
    public static Task<int?> OfProposalAsync(ClusterDb db, int proposalId, CancellationToken ct) =>
        db.Proposals.AsNoTracking().Where(p => p.Id == proposalId)
            .Select(p => db.Committees.Where(c => c.ClusterId == p.ClusterId && c.StrategicAreaId == p.StrategicAreaId).OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefault())
            .SingleOrDefaultAsync(ct);

    /// <summary>Whether the user chairs the committee of the proposal's strategic area.</summary>
    public static async Task<bool> ChairsAsync(ClusterDb db, int proposalId, string? userId, CancellationToken ct) =>
        userId is not null && await OfProposalAsync(db, proposalId, ct) is { } committee
        && await db.CommitteeMembers.AnyAsync(m => m.CommitteeId == committee && m.UserId == userId && m.IsChair, ct);

    /// <summary>The users of the cluster that may sit on a committee (anyone with a role in it), for the page's choices.</summary>
    public static async Task<List<(string Id, string Email)>> UsersAsync(ClusterDb db, int clusterId, CancellationToken ct) =>
        [.. (await db.RoleGrants.AsNoTracking().Where(g => g.ClusterId == clusterId && g.Role == ClusterRole.Reviewer)
            .Join(db.Users, g => g.UserId, u => u.Id, (g, u) => new { u.Id, u.Email }).Distinct().ToListAsync(ct))
            .OrderBy(u => u.Email, StringComparer.Ordinal).Select(u => (u.Id, u.Email ?? u.Id))];
}
