using System.Net;
using System.Net.Http.Headers;
using ClusterHub.Accounts;
using ClusterHub.Tests.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterHub.Tests.Accounts;

/// <summary>Signing in tells nobody which e-mails have an account; the API says how to authenticate.</summary>
public abstract class SignInTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ClusterHubApplication
{
    private const string Password = "Right-pass-1!";

    /// <summary>
    /// Timing made structural: the cost of a login is one password hash, so an unknown e-mail, a
    /// wrong password and a locked account must each verify exactly one hash (before the fix an
    /// unknown e-mail verified none and answered in 2 ms against 75–145 ms).
    /// </summary>
    [Fact]
    public async Task Every_failed_login_costs_one_password_hash_whether_the_account_exists_or_not()
    {
        var email = await CreateUserAsync();
        Assert.Equal(1, await HashesVerifiedBy($"nobody-{Guid.NewGuid():N}@test.example", "Wrong-pass-1!"));
        Assert.Equal(1, await HashesVerifiedBy(email, "Wrong-pass-1!"));

        // A locked account: Identity refuses before hashing, and would answer fast.
        await app.WithDb<int>(async (_, sp) =>
        {
            var users = sp.GetRequiredService<UserManager<ClusterUser>>();
            var user = await users.FindByNameAsync(email);
            await users.SetLockoutEndDateAsync(user!, TimeProvider.System.GetUtcNow().AddHours(1));
            return 0;
        });
        Assert.Equal(1, await HashesVerifiedBy(email, Password));
    }

    [Fact]
    public async Task An_unknown_email_and_a_wrong_password_get_the_same_answer()
    {
        var email = await CreateUserAsync();
        async Task<(HttpStatusCode, string)> Attempt(string who, string password)
        {
            using var page = new PageRequests(app, https: false);
            await page.GetAsync("/account/login");
            var response = await page.PostAsync("/account/login", new() { ["Email"] = who, ["Password"] = password });
            var html = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, System.Text.RegularExpressions.Regex.Match(html, @"<p class=""error""[^>]*>([^<]*)</p>").Groups[1].Value);
        }
        var unknown = await Attempt($"nobody-{Guid.NewGuid():N}@test.example", Password);
        var wrong = await Attempt(email, "Wrong-pass-1!");
        Assert.Equal((HttpStatusCode.OK, "Wrong e-mail or password."), unknown);
        Assert.Equal(unknown, wrong);
        Assert.Equal(HttpStatusCode.Redirect, (await Attempt(email, Password)).Item1);
    }

    [Fact]
    public async Task A_401_from_the_api_says_bearer_and_why_a_token_was_refused()
    {
        var anonymous = await app.CreateAnonymousClient().GetAsync("/api/v1/clusters");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Bearer", Assert.Single(anonymous.Headers.WwwAuthenticate).ToString());

        var forged = app.CreateAnonymousClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "chp_not-a-real-token");
        var refused = await forged.GetAsync("/api/v1/clusters");
        var challenge = Assert.Single(refused.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.StartsWith("error=\"invalid_token\", error_description=\"The access token is unknown", challenge.Parameter, StringComparison.Ordinal);
        await refused.Problem(HttpStatusCode.Unauthorized); // still ProblemDetails
    }

    /// <summary>Runs the login page's POST with a hasher that counts verifications, for both the page and Identity.</summary>
    private Task<int> HashesVerifiedBy(string email, string password) => app.WithDb(async (_, sp) =>
    {
        var users = sp.GetRequiredService<UserManager<ClusterUser>>();
        var counting = new CountingHasher(users.PasswordHasher);
        users.PasswordHasher = counting;
        var signIn = sp.GetRequiredService<SignInManager<ClusterUser>>();
        signIn.Context = new DefaultHttpContext { RequestServices = sp };
        var login = new LoginModel(signIn, users) { Email = email, Password = password };
        Assert.IsType<PageResult>(await login.OnPostAsync());
        Assert.True(login.Failed);
        return counting.Verified;
    });

    private async Task<string> CreateUserAsync()
    {
        var email = $"signin-{Guid.NewGuid():N}@test.example";
        await app.WithDb<int>(async (_, sp) => { await sp.GetRequiredService<UserAdministration>().CreateAsync(email, Password, null, default); return 0; });
        return email;
    }

    private sealed class CountingHasher(IPasswordHasher<ClusterUser> inner) : IPasswordHasher<ClusterUser>
    {
        public int Verified { get; private set; }
        public string HashPassword(ClusterUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ClusterUser user, string hashedPassword, string providedPassword)
        {
            Verified++;
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

public sealed class SignInOnSqlite(SqliteApplication app) : SignInTests<SqliteApplication>(app);
public sealed class SignInOnPostgres(PostgresApplication app) : SignInTests<PostgresApplication>(app);
