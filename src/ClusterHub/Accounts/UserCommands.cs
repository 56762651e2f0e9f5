using System.CommandLine;
using ClusterHub.Cli;
using ClusterHub.Data;

namespace ClusterHub.Accounts;

/// <summary><c>users create|grant|revoke|disable|enable|token</c>: the same <see cref="UserAdministration"/> the people page and its API run.</summary>
internal static class UserCommands
{
    public static Command Create(TextWriter stdout)
    {
        var email = new Argument<string>("email");
        var password = new Option<string>("--password") { Required = true };
        var name = new Option<string?>("--name");
        var create = new Command("create", "Create a user") { email, password, name };
        create.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            await sp.GetRequiredService<UserAdministration>().CreateAsync(parse.GetValue(email)!, parse.GetValue(password)!, parse.GetValue(name), ct);
            stdout.WriteLine($"created {parse.GetValue(email)}");
            return 0;
        }, ct));

        var role = new Argument<string>("role") { Description = "admin, Manager, Staff, MemberRepresentative, Reviewer or Observer" };
        var cluster = new Option<string?>("--cluster");
        var member = new Option<string?>("--member")
        {
            Description = "For a member representative: the organisation it speaks for, by national id (SIREN/SIRET/VAT) or by name; not the database id",
        };
        var grant = new Command("grant", "Grant a role") { email, role, cluster, member };
        grant.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            await sp.GetRequiredService<UserAdministration>().GrantAsync(parse.GetValue(email)!, parse.GetValue(role)!, parse.GetValue(cluster), parse.GetValue(member), ct);
            stdout.WriteLine($"granted {parse.GetValue(role)} to {parse.GetValue(email)}");
            return 0;
        }, ct));

        var revoke = new Command("revoke", "Revoke a role (a cluster keeps its last manager)") { email, role, cluster };
        revoke.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            await sp.GetRequiredService<UserAdministration>().RevokeAsync(parse.GetValue(email)!, parse.GetValue(role)!, parse.GetValue(cluster), ct);
            stdout.WriteLine($"revoked {parse.GetValue(role)} from {parse.GetValue(email)}");
            return 0;
        }, ct));

        var disable = new Command("disable", "Disable an account: no login, its API tokens refused, until enabled") { email };
        disable.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            await sp.GetRequiredService<UserAdministration>().SetDisabledAsync(parse.GetValue(email)!, disabled: true);
            stdout.WriteLine($"disabled {parse.GetValue(email)}");
            return 0;
        }, ct));
        var enable = new Command("enable", "Enable a disabled account again") { email };
        enable.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            await sp.GetRequiredService<UserAdministration>().SetDisabledAsync(parse.GetValue(email)!, disabled: false);
            stdout.WriteLine($"enabled {parse.GetValue(email)}");
            return 0;
        }, ct));

        var tokenName = new Option<string>("--token-name") { DefaultValueFactory = _ => "cli" };
        var days = new Option<int?>("--expires-in-days");
        var token = new Command("token", "Issue a personal access token (printed once)") { email, tokenName, days };
        token.SetAction((parse, ct) => CliVerbs.WithServices(parse, async (sp, ct) =>
        {
            if (AccessTokens.CheckName(parse.GetValue(tokenName)) is { } reason) throw new CliException($"--token-name {reason}");
            var user = await sp.GetRequiredService<UserAdministration>().FindAsync(parse.GetValue(email)!);
            var lifetime = parse.GetValue(days) is { } d ? TimeSpan.FromDays(d) : (TimeSpan?)null;
            stdout.WriteLine(await AccessTokens.IssueAsync(sp.GetRequiredService<ClusterDb>(), sp.GetRequiredService<TimeProvider>(), user.Id, parse.GetValue(tokenName)!, lifetime, ct));
            return 0;
        }, ct));
        return new Command("users", "Manage users, roles and tokens") { create, grant, revoke, disable, enable, token };
    }
}
