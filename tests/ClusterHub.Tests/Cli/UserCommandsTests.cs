using ClusterHub.Cli;
using ClusterHub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterHub.Tests.Cli;

/// <summary><c>users grant|revoke|disable|enable</c> on a fresh SQLite file: the people page's operations from the command line.</summary>
public sealed class UserCommandsTests() : CliSandbox("users")
{
    [Fact]
    public async Task Roles_are_revoked_but_never_the_last_manager_and_accounts_are_disabled_and_enabled()
    {
        Assert.Equal(0, (await Run("clusters", "create", "nv", "--name", "Nuclear Valley")).Exit);
        foreach (var email in new[] { "boss@nv.example", "staff@nv.example" })
            Assert.Equal(0, (await Run("users", "create", email, "--password", "Test-pass-1!")).Exit);
        Assert.Equal(0, (await Run("users", "grant", "boss@nv.example", "Manager", "--cluster", "nv")).Exit);
        Assert.Equal(0, (await Run("users", "grant", "staff@nv.example", "Staff", "--cluster", "nv")).Exit);

        var (exit, output, err) = await Run("users", "revoke", "staff@nv.example", "Staff", "--cluster", "nv");
        Assert.True(exit == 0, err);
        Assert.Contains("revoked Staff", output, StringComparison.Ordinal);
        (exit, _, err) = await Run("users", "revoke", "staff@nv.example", "Staff", "--cluster", "nv");
        Assert.Equal(1, exit);
        Assert.Contains("is not Staff in nv", err, StringComparison.Ordinal);
        (exit, _, err) = await Run("users", "revoke", "boss@nv.example", "Manager", "--cluster", "nv");
        Assert.Equal(1, exit);
        Assert.Single(err.TrimEnd().Split('\n'));
        Assert.Contains("last manager", err, StringComparison.Ordinal);

        Assert.Equal(0, (await Run("users", "disable", "staff@nv.example")).Exit);
        Assert.True(await Query(db => db.Users.Where(u => u.Email == "staff@nv.example").Select(u => u.LockoutEnd != null).SingleAsync()));
        Assert.Equal(0, (await Run("users", "enable", "staff@nv.example")).Exit);
        Assert.False(await Query(db => db.Users.Where(u => u.Email == "staff@nv.example").Select(u => u.LockoutEnd != null).SingleAsync()));
        (exit, _, err) = await Run("users", "disable", "nobody@nv.example");
        Assert.Equal(1, exit);
        Assert.Contains("no user with e-mail", err, StringComparison.Ordinal);
    }
}
