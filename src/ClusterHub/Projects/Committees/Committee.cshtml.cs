using System.Globalization;
using ClusterHub.Accounts;
using ClusterHub.Data;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Projects;

/// <summary>A committee: its members and grid (edited as lines, through the API's validators), its meetings and a new meeting's agenda.</summary>
[RequirePermission(ProjectPermissions.ReadCommittees)]
public sealed class CommitteeModel(ClusterDb db) : PageModel
{
    public CommitteeDetails Committee { get; private set; } = null!;
    public List<MeetingRow> Meetings { get; private set; } = [];
    public List<ProposalRow> Candidates { get; private set; } = [];
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    public string? GridLines { get; private set; }
    public string? MemberLines { get; private set; }
    public ClusterScope Scope => HttpContext.ClusterScope();

    public async Task<IActionResult> OnGetAsync(int committeeId, CancellationToken ct) => await LoadAsync(committeeId, ct) ? Page() : NotFound();

    /// <summary>The grid as lines <c>criterion | weight</c>.</summary>
    [RequirePermission(ProjectPermissions.ManageCommittees)]
    public async Task<IActionResult> OnPostGridAsync(int committeeId, string? grid, CancellationToken ct)
    {
        var input = Lines(grid).Select(parts => new CriterionInput(parts[0], parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : null)).ToList();
        var result = await CommitteesApi.SetGrid(committeeId, input, Scope, db, ct);
        return await AfterAsync(committeeId, result.Result, grid, null, ct);
    }

    /// <summary>The members as lines <c>e-mail | organisation (a member's name, or empty) | chair</c>.</summary>
    [RequirePermission(ProjectPermissions.ManageCommittees)]
    public async Task<IActionResult> OnPostMembersAsync(int committeeId, string? members, CancellationToken ct)
    {
        var lines = Lines(members);
        var emails = lines.Select(l => l[0].ToUpperInvariant()).ToList();
        var users = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail != null && emails.Contains(u.NormalizedEmail)).ToDictionaryAsync(u => u.NormalizedEmail!, u => u.Id, ct);
        var names = lines.Where(l => l.Length > 1 && l[1] != "").Select(l => Names.Normalize(l[1])).ToList();
        var orgs = await db.Members.AsNoTracking().Where(m => m.ClusterId == Scope.ClusterId && names.Contains(m.NormalizedName)).ToDictionaryAsync(m => m.NormalizedName, m => m.Id, ct);
        var input = lines.Select(l => new CommitteeMemberInput(users.GetValueOrDefault(l[0].ToUpperInvariant(), l[0]),
            l.Length > 1 && l[1] != "" ? orgs.TryGetValue(Names.Normalize(l[1]), out var m) ? m : -1 : null,
            l.Length > 2 && l[2].Equals("chair", StringComparison.OrdinalIgnoreCase))).ToList();
        var result = await CommitteesApi.SetMembers(committeeId, input, Scope, db, ct);
        return await AfterAsync(committeeId, result.Result, null, members, ct);
    }

    [RequirePermission(ProjectPermissions.ManageCommittees)]
    public async Task<IActionResult> OnPostMeetingAsync(int committeeId, DateOnly? on, int[]? proposalIds, CancellationToken ct)
    {
        var (meeting, errors) = await ClusterHub.Projects.Meetings.CreateAsync(db, Scope.ClusterId, committeeId, new MeetingInput(on, proposalIds ?? []), ct);
        if (meeting is not null) return Redirect($"/c/{Scope.Slug}/projects/meetings/{meeting.Id}");
        if (errors.Count == 0) return NotFound();
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await LoadAsync(committeeId, ct) ? Page() : NotFound();
    }

    private async Task<IActionResult> AfterAsync(int committeeId, IResult result, string? grid, string? members, CancellationToken ct)
    {
        switch (result)
        {
            case Microsoft.AspNetCore.Http.HttpResults.NotFound: return NotFound();
            case Microsoft.AspNetCore.Http.HttpResults.ValidationProblem v:
                Errors = [.. v.ProblemDetails.Errors.SelectMany(e => e.Value.Select(r => new FieldError(e.Key, null, r)))];
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            case Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult p:
                Errors = [new FieldError("", null, p.ProblemDetails.Detail ?? "")];
                Response.StatusCode = p.StatusCode;
                break;
            default: return Redirect($"/c/{Scope.Slug}/projects/committees/{committeeId}");
        }
        if (!await LoadAsync(committeeId, ct)) return NotFound();
        GridLines = grid ?? GridLines;
        MemberLines = members ?? MemberLines;
        return Page();
    }

    private static List<string[]> Lines(string? text) =>
        [.. (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => l.Split('|').Select(x => x.Trim()).ToArray())];

    private async Task<bool> LoadAsync(int committeeId, CancellationToken ct)
    {
        if (await Projects.Committees.FindAsync(db, Scope.ClusterId, committeeId, ct) is not { } c) return false;
        Committee = c;
        Meetings = await ClusterHub.Projects.Meetings.Rows(db, Scope.ClusterId, q => q.Where(m => m.CommitteeId == committeeId).OrderByDescending(m => m.On).ThenByDescending(m => m.Id).Take(50)).ToListAsync(ct);
        Candidates = (await ProposalQueries.PageAsync(db, Scope, null, new ProposalFilter { State = ProposalState.UnderReview, Area = c.Committee.StrategicAreaId, PageSize = 100 }, ct)).Items.ToList();
        GridLines = string.Join("\n", c.Grid.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Name} | {g.Weight}")));
        MemberLines = string.Join("\n", c.Members.Select(m => $"{m.Email} | {m.Organisation} | {(m.IsChair ? "chair" : "")}".TrimEnd(' ', '|')));
        return true;
    }
}
