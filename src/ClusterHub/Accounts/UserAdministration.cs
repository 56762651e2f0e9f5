using ClusterHub.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Accounts;

/// <summary>Creating users and granting roles: the <c>users</c> CLI verbs and the demo call these.</summary>
public sealed class UserAdministration(ClusterDb db, UserManager<ClusterUser> users, RoleManager<IdentityRole> roles)
{
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

    /// <summary>Grants <paramref name="role"/>: "admin" for the platform, else a <see cref="ClusterRole"/> in the cluster.</summary>
    public async Task GrantAsync(string email, string role, string? clusterSlug, string? memberNationalIdOrName, CancellationToken ct)
    {
        var user = await FindAsync(email);
        if (role.Equals("admin", StringComparison.OrdinalIgnoreCase) || role.Equals(PlatformRoles.Administrator, StringComparison.OrdinalIgnoreCase))
        {
            if (!await roles.RoleExistsAsync(PlatformRoles.Administrator)) await roles.CreateAsync(new IdentityRole(PlatformRoles.Administrator));
            if (!await users.IsInRoleAsync(user, PlatformRoles.Administrator)) await users.AddToRoleAsync(user, PlatformRoles.Administrator);
            return;
        }
        if (!Members.MemberValidation.TryParseEnum<ClusterRole>(role, out var clusterRole))
            throw new InvalidOperationException($"unknown role '{role}' (admin, {string.Join(", ", Enum.GetNames<ClusterRole>())})");
        if (clusterSlug is null) throw new InvalidOperationException($"role {clusterRole} needs --cluster");
        var cluster = await db.Clusters.SingleOrDefaultAsync(c => c.Slug == clusterSlug, ct) ?? throw new InvalidOperationException($"no cluster '{clusterSlug}'");
        int? memberId = null;
        if (clusterRole == ClusterRole.MemberRepresentative)
        {
            if (memberNationalIdOrName is null) throw new InvalidOperationException("a member representative needs --member (national id or name)");
            var key = Members.Names.Normalize(memberNationalIdOrName);
            memberId = await db.Members.Where(m => m.ClusterId == cluster.Id && (m.NationalId == memberNationalIdOrName || m.NormalizedName == key))
                .Select(m => (int?)m.Id).FirstOrDefaultAsync(ct) ?? throw new InvalidOperationException($"no member '{memberNationalIdOrName}' in {clusterSlug}");
        }
        if (await db.RoleGrants.AnyAsync(g => g.UserId == user.Id && g.ClusterId == cluster.Id && g.Role == clusterRole, ct)) return;
        db.RoleGrants.Add(new ClusterRoleGrant { UserId = user.Id, ClusterId = cluster.Id, Role = clusterRole, MemberId = memberId });
        await db.SaveChangesAsync(ct);
    }
}
