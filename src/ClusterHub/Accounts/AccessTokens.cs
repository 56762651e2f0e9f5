using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using ClusterHub.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClusterHub.Accounts;

public static class AccessTokens
{
    public const string Scheme = "AccessToken";
    private const string Prefix = "chp_";

    /// <summary>
    /// The one rule for a token's name, for the tokens page and the <c>users token</c> verb: required, at most
    /// <see cref="AccessToken.MaxNameLength"/> characters, readable (<see cref="Web.InputText"/>). Null when it is fine.
    /// </summary>
    public static string? CheckName(string? name) =>
        Web.InputText.Blank(name) is { } text ? Web.InputText.Check(text, AccessToken.MaxNameLength) : "is required";

    /// <summary>Creates a token and returns its clear text, which is shown once and never stored.</summary>
    public static async Task<string> IssueAsync(ClusterDb db, TimeProvider clock, string userId, string name, TimeSpan? lifetime, CancellationToken ct)
    {
        if (CheckName(name) is { } reason) throw new ArgumentException($"The token's name {reason}.", nameof(name));
        name = name.Trim();
        var secret = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var now = clock.GetUtcNow().UtcDateTime;
        db.AccessTokens.Add(new AccessToken
        {
            UserId = userId, Name = name, Hash = Hash(secret), Prefix = secret[..10],
            CreatedAt = now, ExpiresAt = lifetime is { } l ? now + l : null,
        });
        await db.SaveChangesAsync(ct);
        return secret;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>Authenticates <c>Authorization: Bearer chp_…</c> against the stored hashes.</summary>
public sealed class AccessTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ClusterDb db, IUserClaimsPrincipalFactory<ClusterUser> principals, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var hash = AccessTokens.Hash(header["Bearer ".Length..].Trim());
        var now = clock.GetUtcNow().UtcDateTime;
        var token = await db.AccessTokens.AsNoTracking()
            .Where(t => t.Hash == hash && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now))
            .Select(t => new { t.UserId }).SingleOrDefaultAsync(Context.RequestAborted);
        if (token is null) return AuthenticateResult.Fail("The access token is unknown, expired or revoked.");
        var user = await db.Users.FindAsync([token.UserId], Context.RequestAborted);
        if (user is null) return AuthenticateResult.Fail("The token's user no longer exists.");
        // A locked or disabled account (lockout end in the future) loses its tokens with its password.
        if (user.LockoutEnd is { } end && end > clock.GetUtcNow()) return AuthenticateResult.Fail("The token's account is locked or disabled.");
        var principal = await principals.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    /// <summary>
    /// A 401 says how to authenticate (RFC 6750 §3): <c>Bearer</c> without credentials, and
    /// <c>error="invalid_token"</c> with the reason when a token was sent but refused.
    /// </summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = result.Failure is { } failure
            ? $"Bearer error=\"invalid_token\", error_description=\"{failure.Message.Replace("\"", "'", StringComparison.Ordinal)}\""
            : "Bearer";
    }
}
