using System.Globalization;
using System.Security.Claims;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Accounts;

/// <summary>
/// Who holds which role in the cluster, for its managers: invite a person by e-mail with a role
/// (an existing account gets the role), revoke roles; the platform administrator also disables and
/// enables accounts. Every change goes through <see cref="UserAdministration"/>, as the API's and the CLI's.
/// </summary>
[RequirePermission(AccountsFeature.ManageRoles)]
public sealed class PeopleModel(ClusterDb db, UserAdministration admin, IConfiguration configuration, IStringLocalizer<Strings> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }

    /// <summary>An e-mail to put in the invitation form: "add a role" on a person's row.</summary>
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }
    public Page<PersonRow> People { get; private set; } = new([], 1, Paging.DefaultSize, 0);
    public IReadOnlyList<(int Id, string Name)> Members { get; private set; } = [];
    public string? Message { get; private set; }
    public bool Failed { get; private set; }

    /// <summary>The invitation just queued: a link to read it in the outbox (without mail, someone passes it on).</summary>
    public int? MessageId { get; private set; }
    public ClusterScope Scope => HttpContext.ClusterScope();
    public bool IsAdministrator => User.IsInRole(PlatformRoles.Administrator);
    public string? CurrentUserId => User.FindFirstValue(ClaimTypes.NameIdentifier);
    private int? pageNumber;

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        pageNumber = page;
        await LoadAsync(ct);
    }

    public async Task OnPostInviteAsync(string? email, string? displayName, ClusterRole? role, int? memberId, CancellationToken ct)
    {
        Email = email;
        if (role is not { } r || !Enum.IsDefined(r)) Show("People.RoleRequired", failed: true, email);
        else
        {
            var invitation = await admin.InviteAsync(Scope.ClusterId, email ?? "", displayName, r, memberId, SiteAddress.Of(Request, configuration), ct);
            Show($"People.{invitation.Outcome}", invitation.Outcome is not (InvitationOutcome.Invited or InvitationOutcome.Granted), email, l[$"ClusterRole.{r}"]);
            MessageId = invitation.MessageId;
            if (!Failed) Email = null;
        }
        await LoadAsync(ct);
    }

    public async Task OnPostRevokeAsync(string userId, ClusterRole role, CancellationToken ct)
    {
        var email = await EmailOfAsync(userId, ct);
        var change = await admin.RevokeRoleAsync(Scope.ClusterId, userId, role, ct);
        Show($"People.{change}", change != RoleChange.Revoked, email, l[$"ClusterRole.{role}"]);
        await LoadAsync(ct);
    }

    /// <summary>Only the platform administrator disables accounts: an account may hold roles in other clusters.</summary>
    [PlatformAdministrator]
    public Task OnPostDisableAsync(string userId, CancellationToken ct) => SetDisabledAsync(userId, true, ct);

    [PlatformAdministrator]
    public Task OnPostEnableAsync(string userId, CancellationToken ct) => SetDisabledAsync(userId, false, ct);

    private async Task SetDisabledAsync(string userId, bool disabled, CancellationToken ct)
    {
        var email = await EmailOfAsync(userId, ct);
        var change = await admin.SetDisabledAsync(userId, disabled, CurrentUserId);
        Show($"People.Account{change}", change is AccountChange.NotFound or AccountChange.OwnAccount, email);
        await LoadAsync(ct);
    }

    private void Show(string key, bool failed, params object?[] args)
    {
        Message = string.Format(CultureInfo.CurrentCulture, l[key].Value, args);
        Failed = failed;
        if (failed) Response.StatusCode = key.EndsWith(".LastManager", StringComparison.Ordinal) || key.EndsWith(".AlreadyHeld", StringComparison.Ordinal)
            ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
    }

    private Task<string?> EmailOfAsync(string userId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        People = await admin.PeopleAsync(Scope.ClusterId, Search, pageNumber, Paging.DefaultSize, ct);
        Members = (await db.Members.AsNoTracking().Where(m => m.ClusterId == Scope.ClusterId).OrderBy(m => m.NormalizedName)
            .Select(m => new { m.Id, m.Name }).ToListAsync(ct)).Select(m => (m.Id, m.Name)).ToList();
    }

    public string PageLink(int page) => QueryHelpers.AddQueryString($"/c/{Scope.Slug}/people", new Dictionary<string, string?>
    {
        ["search"] = Search, ["page"] = page.ToString(CultureInfo.InvariantCulture),
    }.Where(q => !string.IsNullOrEmpty(q.Value)));

    public string AddRoleLink(string email) => QueryHelpers.AddQueryString($"/c/{Scope.Slug}/people", "email", email) + "#invite-form";
}
