using ClusterHub.Cli;
using ClusterHub.Demo;
using ClusterHub.Web;
using Microsoft.AspNetCore.Identity;

namespace ClusterHub.Accounts;

/// <summary>Users, their roles in clusters, access tokens, and the table of who may do what.</summary>
public sealed class AccountsFeature : IFeature
{
    /// <summary>Granting and revoking roles in the cluster, inviting people.</summary>
    public const string ManageRoles = "accounts.roles.manage";

    public IEnumerable<Permission> Permissions => [Permission.Grant(ManageRoles, ClusterRole.Manager)];

    public IEnumerable<NavigationEntry> Navigation => [new(80, "Nav.People", "/people", ManageRoles)];

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<UserAdministration>();
        // Password-reset tokens are the invitations' one-time links: a week to answer one.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = UserAdministration.InvitationLifetime);
        // A disabled account's sign-in cookie stops working within a minute, not the default half hour.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
    }

    public void MapApi(RouteGroupBuilder api, RouteGroupBuilder cluster) => api.MapPeople(cluster);

    public void AddVerbs(CliVerbs verbs) => verbs.Root.Subcommands.Add(UserCommands.Create(verbs.Out));

    /// <summary>One account per role, so each view of the product can be tried (see <see cref="NuclearValleyDemo.Accounts"/>).</summary>
    public async Task SeedDemoAsync(DemoSeed seed, CancellationToken ct)
    {
        var admin = seed.Get<UserAdministration>();
        foreach (var (email, role, member) in NuclearValleyDemo.Accounts)
        {
            await admin.CreateAsync(email, NuclearValleyDemo.Password, null, ct);
            await admin.GrantAsync(email, role, NuclearValleyDemo.Slug, member, ct);
        }
        seed.Log.WriteLine($"{NuclearValleyDemo.Accounts.Length} demo accounts (password {NuclearValleyDemo.Password})");
    }
}
