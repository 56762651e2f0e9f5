using ClusterHub.Cli;
using ClusterHub.Demo;
using ClusterHub.Web;

namespace ClusterHub.Accounts;

/// <summary>Users, their roles in clusters, access tokens, and the table of who may do what.</summary>
public sealed class AccountsFeature : IFeature
{
    /// <summary>Granting and revoking roles in the cluster, inviting people.</summary>
    public const string ManageRoles = "accounts.roles.manage";

    public IEnumerable<Permission> Permissions => [Permission.Grant(ManageRoles, ClusterRole.Manager)];

    public void AddServices(IServiceCollection services) => services.AddScoped<UserAdministration>();

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
