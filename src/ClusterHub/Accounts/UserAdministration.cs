using System.Text;
using ClusterHub.Data;
using ClusterHub.Outbox;
using ClusterHub.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Accounts;

/// <summary>What became of granting or revoking a role in a cluster.</summary>
public enum RoleChange { Granted, AlreadyHeld, Revoked, NotHeld, LastManager, MemberRequired, MemberNotInCluster, UserNotFound }

/// <summary>What became of an invitation: a new account with a link to set its password, or a role for an existing one.</summary>
public enum InvitationOutcome { Invited, Granted, AlreadyHeld, InvalidEmail, InvalidName, MemberRequired, MemberNotInCluster }

public sealed record Invitation(InvitationOutcome Outcome, string? UserId = null, int? MessageId = null);

/// <summary>What became of disabling or enabling an account.</summary>
public enum AccountChange { Disabled, Enabled, NotFound, OwnAccount }

/// <summary>A person who holds a role in the cluster: what the people page and its API list.</summary>
public sealed record PersonRow(string UserId, string Email, string? DisplayName, bool Disabled, bool HasPassword, IReadOnlyList<RoleRow> Roles);

/// <summary>One role; a member representative also names the organisation it speaks for.</summary>
public sealed record RoleRow(ClusterRole Role, int? MemberId, string? MemberName);

/// <summary>
/// Users and their roles: the people page, its API, the <c>users</c> CLI verbs and the demo call these.
/// Cluster operations take the cluster from the caller's scope, never from input, and grant only
/// <see cref="ClusterRole"/>s: the platform administrator is made on the command line alone.
/// </summary>
public sealed class UserAdministration(ClusterDb db, UserManager<ClusterUser> users, RoleManager<IdentityRole> roles, TimeProvider clock)
{
    /// <summary>How long an invitation's link works (the lifetime of Identity's data-protection tokens, set in <see cref="AccountsFeature"/>).</summary>
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    public async Task<ClusterUser> CreateAsync(string email, string password, string? displayName, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is not null) throw new InvalidOperationException($"a user with e-mail {email} already exists");
        user = new ClusterUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName ?? email };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        return user;
    }

    public async Task<ClusterUser> FindAsync(string email) =>
        await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"no user with e-mail {email}");

    /// <summary>
    /// The CLI's grant: "admin" makes a platform administrator, else a <see cref="ClusterRole"/> in the
    /// cluster named by its slug, with the member named by national id or name for a representative.
    /// </summary>
    public async Task GrantAsync(string email, string role, string? clusterSlug, string? memberNationalIdOrName, CancellationToken ct)
    {
        var user = await FindAsync(email);
        if (IsPlatformAdministrator(role))
        {
            if (!await roles.RoleExistsAsync(PlatformRoles.Administrator)) await roles.CreateAsync(new IdentityRole(PlatformRoles.Administrator));
            if (!await users.IsInRoleAsync(user, PlatformRoles.Administrator)) await users.AddToRoleAsync(user, PlatformRoles.Administrator);
            return;
        }
        var (clusterId, clusterRole) = await ClusterRoleAsync(role, clusterSlug, ct);
        int? memberId = null;
        if (clusterRole == ClusterRole.MemberRepresentative)
        {
            if (memberNationalIdOrName is null) throw new InvalidOperationException("a member representative needs --member (national id or name)");
            var key = Members.Names.Normalize(memberNationalIdOrName);
            memberId = await db.Members.Where(m => m.ClusterId == clusterId && (m.NationalId == memberNationalIdOrName || m.NormalizedName == key))
                .Select(m => (int?)m.Id).FirstOrDefaultAsync(ct) ?? throw new InvalidOperationException($"no member '{memberNationalIdOrName}' in {clusterSlug}");
        }
        var change = await GrantRoleAsync(clusterId, user.Id, clusterRole, memberId, ct);
        if (change is not (RoleChange.Granted or RoleChange.AlreadyHeld)) throw new InvalidOperationException(Describe(change));
    }

    /// <summary>The CLI's revoke: "admin" or a role in the cluster named by its slug.</summary>
    public async Task RevokeAsync(string email, string role, string? clusterSlug, CancellationToken ct)
    {
        var user = await FindAsync(email);
        if (IsPlatformAdministrator(role))
        {
            if (!await users.IsInRoleAsync(user, PlatformRoles.Administrator)) throw new InvalidOperationException($"{email} is not a platform administrator");
            await users.RemoveFromRoleAsync(user, PlatformRoles.Administrator);
            return;
        }
        var (clusterId, clusterRole) = await ClusterRoleAsync(role, clusterSlug, ct);
        var change = await RevokeRoleAsync(clusterId, user.Id, clusterRole, ct);
        if (change != RoleChange.Revoked) throw new InvalidOperationException(change == RoleChange.NotHeld ? $"{email} is not {clusterRole} in {clusterSlug}" : Describe(change));
    }

    /// <summary>
    /// Grants <paramref name="role"/> in the cluster to a user. A member representative names a member
    /// of this cluster; other roles name none.
    /// </summary>
    public async Task<RoleChange> GrantRoleAsync(int clusterId, string userId, ClusterRole role, int? memberId, CancellationToken ct)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct)) return RoleChange.UserNotFound;
        var member = await CheckMemberAsync(clusterId, role, memberId, ct);
        if (member is { } refusal) return refusal;
        if (await db.RoleGrants.AnyAsync(g => g.UserId == userId && g.ClusterId == clusterId && g.Role == role, ct)) return RoleChange.AlreadyHeld;
        db.RoleGrants.Add(new ClusterRoleGrant { UserId = userId, ClusterId = clusterId, Role = role, MemberId = role == ClusterRole.MemberRepresentative ? memberId : null });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            // Granted meanwhile by someone else (the unique index said so); anything else is a real failure.
            if (await db.RoleGrants.AnyAsync(g => g.UserId == userId && g.ClusterId == clusterId && g.Role == role, ct)) return RoleChange.AlreadyHeld;
            throw;
        }
        return RoleChange.Granted;
    }

    /// <summary>
    /// Revokes a role. The cluster keeps at least one manager: revoking the last one answers
    /// <see cref="RoleChange.LastManager"/>, also when two managers revoke each other at the same time.
    /// </summary>
    public Task<RoleChange> RevokeRoleAsync(int clusterId, string userId, ClusterRole role, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Role changes in one cluster queue behind each other: this no-op update holds the cluster's row
            // until commit, so two managers revoking each other cannot both count the other as still there.
            await db.Clusters.Where(c => c.Id == clusterId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Slug, c => c.Slug), ct);
            var grant = await db.RoleGrants.SingleOrDefaultAsync(g => g.ClusterId == clusterId && g.UserId == userId && g.Role == role, ct);
            if (grant is null) return RoleChange.NotHeld;
            if (role == ClusterRole.Manager && await db.RoleGrants.CountAsync(g => g.ClusterId == clusterId && g.Role == ClusterRole.Manager, ct) <= 1)
                return RoleChange.LastManager;
            db.RoleGrants.Remove(grant);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return RoleChange.Revoked;
        }, ct);

    /// <summary>
    /// Invites a person by e-mail into the cluster with a role, and queues the message in the same
    /// transaction. A new address gets an account without a password and a one-time link to set one
    /// (<c>/account/welcome</c>); an existing account gets the role and a notice. A link is only ever
    /// made for an account that reaches nothing beyond this cluster, so whoever reads the outbox here
    /// cannot take over an account that belongs elsewhere.
    /// </summary>
    /// <summary>How long the name an invitation gives a person may be (it is shown in lists and e-mails).</summary>
    public const int MaxDisplayNameLength = 200;

    public async Task<Invitation> InviteAsync(int clusterId, string email, string? displayName, ClusterRole role, int? memberId, Uri site, CancellationToken ct)
    {
        email = email.Trim();
        if (!System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || email.Length > OutboxLimits.Recipient)
            return new(InvitationOutcome.InvalidEmail);
        displayName = Web.InputText.Blank(displayName);
        if (displayName is not null && Web.InputText.Check(displayName, MaxDisplayNameLength) is not null) return new(InvitationOutcome.InvalidName);
        if (await CheckMemberAsync(clusterId, role, memberId, ct) is { } refusal)
            return new(refusal == RoleChange.MemberRequired ? InvitationOutcome.MemberRequired : InvitationOutcome.MemberNotInCluster);
        var cluster = await db.Clusters.AsNoTracking().Where(c => c.Id == clusterId).Select(c => new { c.Name, c.Language }).SingleAsync(ct);
        var culture = MailTexts.Culture(cluster.Language);
        var roleName = MailTexts.Text(culture, $"ClusterRole.{role}");

        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var user = await users.FindByEmailAsync(email);
            var created = user is null;
            if (user is null)
            {
                user = new ClusterUser { UserName = email, Email = email, DisplayName = displayName ?? email };
                var result = await users.CreateAsync(user); // no password: the welcome link sets it
                if (!result.Succeeded) return new Invitation(InvitationOutcome.InvalidEmail);
            }
            else if (await db.RoleGrants.AnyAsync(g => g.UserId == user.Id && g.ClusterId == clusterId && g.Role == role, ct))
                return new Invitation(InvitationOutcome.AlreadyHeld, user.Id);

            db.RoleGrants.Add(new ClusterRoleGrant { UserId = user.Id, ClusterId = clusterId, Role = role, MemberId = role == ClusterRole.MemberRepresentative ? memberId : null });
            var name = user.DisplayName ?? email;
            var now = clock.GetUtcNow().UtcDateTime;
            OutboxMessage message;
            if (created || await MayGetLinkAsync(user, clusterId, ct))
            {
                var token = await users.GeneratePasswordResetTokenAsync(user);
                message = OutboxMessage.Create(MessageKind.Invitation, clusterId, email,
                    MailTexts.Text(culture, "Mail.Invitation.Subject", cluster.Name),
                    MailTexts.Text(culture, "Mail.Invitation.Body", name, cluster.Name, roleName, WelcomeLink(site, user.Id, token), InvitationLifetime.Days), now);
            }
            else
            {
                message = OutboxMessage.Create(MessageKind.RoleGranted, clusterId, email,
                    MailTexts.Text(culture, "Mail.RoleGranted.Subject", cluster.Name),
                    MailTexts.Text(culture, "Mail.RoleGranted.Body", name, cluster.Name, roleName, new Uri(site, "/account/login")), now);
            }
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new Invitation(created || message.Kind == MessageKind.Invitation ? InvitationOutcome.Invited : InvitationOutcome.Granted, user.Id, message.Id);
        }, ct);
    }

    /// <summary><c>/account/welcome?user=…&amp;token=…</c>, the token in base64url so no character needs escaping.</summary>
    public static string WelcomeLink(Uri site, string userId, string token) =>
        QueryHelpers.AddQueryString(new Uri(site, "/account/welcome").ToString(),
            new Dictionary<string, string?> { ["user"] = userId, ["token"] = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token)) });

    /// <summary>The token of a welcome link as Identity issued it, or null when it is not base64url.</summary>
    public static string? DecodeToken(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded)) return null;
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encoded)); }
        catch (FormatException) { return null; }
    }

    /// <summary>
    /// Disables an account (Identity lockout until the end of time: no login, its API tokens refused,
    /// its cookies dropped at the next security-stamp check) or enables it again. The platform
    /// administrator's, who cannot disable their own account.
    /// </summary>
    public async Task<AccountChange> SetDisabledAsync(string userId, bool disabled, string? actingUserId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return AccountChange.NotFound;
        if (disabled && user.Id == actingUserId) return AccountChange.OwnAccount;
        if (disabled)
        {
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(user);
            return AccountChange.Disabled;
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return AccountChange.Enabled;
    }

    /// <summary>The CLI's <c>users disable|enable</c>.</summary>
    public async Task SetDisabledAsync(string email, bool disabled)
    {
        var user = await FindAsync(email);
        await SetDisabledAsync(user.Id, disabled, null);
    }

    public static bool IsDisabled(DateTimeOffset? lockoutEnd, DateTimeOffset now) => lockoutEnd is { } end && end > now;

    /// <summary>The people holding a role in the cluster, by e-mail, searched in e-mail and name, paged.</summary>
    public async Task<Page<PersonRow>> PeopleAsync(int clusterId, string? search, int? page, int? pageSize, CancellationToken ct)
    {
        var q = InCluster(clusterId);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var key = search.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // an expression for SQL: ToUpper() becomes upper() on both providers
            q = q.Where(u => u.NormalizedEmail!.Contains(key) || (u.DisplayName != null && u.DisplayName.ToUpper().Contains(key)));
#pragma warning restore CA1304, CA1311, CA1862
        }
        // The page of ids through the one paging helper, then their rows (roles and represented members) in one query.
        var ids = await q.OrderBy(u => u.NormalizedEmail).ThenBy(u => u.Id).Select(u => u.Id).PageAsync(page, pageSize, ct);
        var rows = (await RowsAsync(InCluster(clusterId).Where(u => ids.Items.Contains(u.Id)), clusterId, ct)).ToDictionary(r => r.UserId);
        return new Page<PersonRow>([.. ids.Items.Select(id => rows[id])], ids.PageNumber, ids.PageSize, ids.Total);
    }

    /// <summary>One person's standing in the cluster, or null when they hold no role there.</summary>
    public async Task<PersonRow?> PersonAsync(int clusterId, string userId, CancellationToken ct) =>
        (await RowsAsync(InCluster(clusterId).Where(u => u.Id == userId), clusterId, ct)).SingleOrDefault();

    private IQueryable<ClusterUser> InCluster(int clusterId) => db.Users.AsNoTracking().Where(u => u.Grants.Any(g => g.ClusterId == clusterId));

    private async Task<List<PersonRow>> RowsAsync(IQueryable<ClusterUser> q, int clusterId, CancellationToken ct)
    {
        var rows = await q.Select(u => new
            {
                u.Id, u.Email, u.DisplayName, u.LockoutEnd, HasPassword = u.PasswordHash != null,
                Roles = u.Grants.Where(g => g.ClusterId == clusterId).OrderBy(g => g.Role)
                    .Select(g => new RoleRow(g.Role, g.MemberId, db.Members.Where(m => m.Id == g.MemberId).Select(m => m.Name).FirstOrDefault())).ToList(),
            })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        // Lockout is compared here: SQLite cannot compare DateTimeOffset values in SQL.
        return [.. rows.Select(r => new PersonRow(r.Id, r.Email ?? "", r.DisplayName, IsDisabled(r.LockoutEnd, now), r.HasPassword, r.Roles))];
    }

    /// <summary>
    /// Whether an existing account may get a password link from this cluster: it has no password yet,
    /// is not disabled, not a platform administrator, and holds roles in no other cluster.
    /// </summary>
    private async Task<bool> MayGetLinkAsync(ClusterUser user, int clusterId, CancellationToken ct) =>
        user.PasswordHash is null
        && !IsDisabled(user.LockoutEnd, clock.GetUtcNow())
        && !await users.IsInRoleAsync(user, PlatformRoles.Administrator)
        && !await db.RoleGrants.AnyAsync(g => g.UserId == user.Id && g.ClusterId != clusterId, ct);

    private async Task<RoleChange?> CheckMemberAsync(int clusterId, ClusterRole role, int? memberId, CancellationToken ct)
    {
        if (role != ClusterRole.MemberRepresentative) return null;
        if (memberId is null) return RoleChange.MemberRequired;
        return await db.Members.AnyAsync(m => m.Id == memberId && m.ClusterId == clusterId, ct) ? null : RoleChange.MemberNotInCluster;
    }

    private async Task<(int ClusterId, ClusterRole Role)> ClusterRoleAsync(string role, string? clusterSlug, CancellationToken ct)
    {
        if (!Members.MemberValidation.TryParseEnum<ClusterRole>(role, out var clusterRole))
            throw new InvalidOperationException($"unknown role '{role}' (admin, {string.Join(", ", Enum.GetNames<ClusterRole>())})");
        if (clusterSlug is null) throw new InvalidOperationException($"role {clusterRole} needs --cluster");
        var clusterId = await db.Clusters.Where(c => c.Slug == clusterSlug).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"no cluster '{clusterSlug}'");
        return (clusterId, clusterRole);
    }

    private static bool IsPlatformAdministrator(string role) =>
        role.Equals("admin", StringComparison.OrdinalIgnoreCase) || role.Equals(PlatformRoles.Administrator, StringComparison.OrdinalIgnoreCase);

    /// <summary>The refusals in English, for the API and the CLI; pages translate <c>People.{outcome}</c>.</summary>
    public static string Describe(RoleChange change) => change switch
    {
        RoleChange.LastManager => "This is the cluster's last manager: grant the role to someone else first.",
        RoleChange.MemberRequired => "A member representative names the member it speaks for.",
        RoleChange.MemberNotInCluster => "The member is not one of this cluster's.",
        RoleChange.UserNotFound => "No such person in this cluster.",
        RoleChange.NotHeld => "The person does not hold this role.",
        RoleChange.AlreadyHeld => "The person already holds this role.",
        _ => change.ToString(),
    };
}
