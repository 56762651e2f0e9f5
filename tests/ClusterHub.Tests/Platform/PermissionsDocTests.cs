using System.Text;
using ClusterHub.Accounts;

namespace ClusterHub.Tests.Platform;

/// <summary>
/// docs/permissions.md is the permission table as the features declare it; this test fails when they
/// drift apart. Regenerate with <c>CLUSTERHUB_WRITE_DOCS=1 dotnet test --filter PermissionsDoc</c>.
/// </summary>
public sealed class PermissionsDocTests
{
    private static string Render()
    {
        var roles = Enum.GetValues<ClusterRole>();
        var portfolioRoles = Enum.GetValues<PortfolioRole>();
        var md = new StringBuilder();
        md.Append("# Who may do what\n\n");
        md.Append("Generated from the permissions each feature declares (`IFeature.Permissions`); the same table is at `/permissions`\n");
        md.Append("in the application. The platform administrator holds every permission in every cluster. \"own\": a member\n");
        md.Append("representative holds it for the organisation it speaks for, and for no other. A user with no role in a cluster\n");
        md.Append("gets 404 for everything in it; a role without the permission gets 403. Portfolio roles (Portfolio Analyst, Portfolio\n");
        md.Append("Viewer) are held in one portfolio, granted by the platform administrator, and answer the same way for it.\n\n");
        md.Append("| permission | ").Append(string.Join(" | ", roles)).Append(" | ").Append(string.Join(" | ", portfolioRoles.Select(r => $"Portfolio {r}"))).Append(" |\n");
        md.Append("|---|").Append(string.Concat(roles.Select(_ => "---|"))).Append(string.Concat(portfolioRoles.Select(_ => "---|"))).Append('\n');
        foreach (var p in PermissionTable.All)
        {
            md.Append("| `").Append(p.Name).Append("` | ");
            md.Append(string.Join(" | ", roles.Select(r => !p.GrantedTo.Contains(r) ? "" : r == ClusterRole.MemberRepresentative && p.OwnOrganisationOnly ? "own" : "yes")));
            md.Append(" | ").Append(string.Join(" | ", portfolioRoles.Select(r => p.PortfolioGrantedTo.Contains(r) ? "yes" : "")));
            md.Append(" |\n");
        }
        return md.ToString();
    }

    [Fact]
    public void The_permissions_page_in_docs_is_the_declared_table()
    {
        var path = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../docs/permissions.md"));
        var expected = Render();
        if (Environment.GetEnvironmentVariable("CLUSTERHUB_WRITE_DOCS") == "1") File.WriteAllText(path, expected);
        Assert.True(File.Exists(path) && File.ReadAllText(path) == expected, "docs/permissions.md is out of date; regenerate it:\n" + expected);
    }
}
