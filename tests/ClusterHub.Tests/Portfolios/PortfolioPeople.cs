using System.Net.Http.Headers;
using ClusterHub.Accounts;
using ClusterHub.Portfolios;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterHub.Tests.Portfolios;

/// <summary>Portfolios and their people for the tests: made through the feature's own operations, as the administrator would.</summary>
public static class PortfolioPeople
{
    public static Task<int> CreatePortfolioAsync(this ClusterHubApplication app, string slug, string? name = null) => app.WithDb(async (db, sp) =>
    {
        var (outcome, portfolio, _) = await sp.GetRequiredService<PortfolioAccess>().CreateAsync(db, new(slug, name ?? "Portfolio " + slug, null), "test", default);
        Assert.Equal(PortfolioOutcome.Done, outcome);
        return portfolio!.Id;
    });

    /// <summary>A user with no cluster role, holding <paramref name="role"/> in the portfolio (none: a signed-in stranger), and its API client.</summary>
    public static async Task<TestPerson> CreatePortfolioPersonAsync(this ClusterHubApplication app, int portfolioId, PortfolioRole? role)
    {
        var email = $"portfolio-{role?.ToString().ToLowerInvariant() ?? "none"}-{Guid.NewGuid():N}@test.example";
        var (userId, token) = await app.WithDb(async (db, sp) =>
        {
            var user = await sp.GetRequiredService<UserAdministration>().CreateAsync(email, ClusterHubApplication.Password, null, default);
            if (role is { } r)
            {
                var (outcome, errors) = await sp.GetRequiredService<PortfolioAccess>().GrantAsync(db, portfolioId, new(email, r.ToString()), "test", default);
                Assert.True(outcome == PortfolioOutcome.Done, string.Join("; ", errors));
            }
            return (user.Id, await AccessTokens.IssueAsync(db, TimeProvider.System, user.Id, "test", null, default));
        });
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new TestPerson(email, userId, client);
    }
}
