using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace ClusterHub.Surveys;

/// <summary>
/// The personal links' tokens: 256 random bits in base64url (43 characters), kept only as their SHA-256 hash, so
/// that the database alone opens no questionnaire. The link is <c>/survey/{token}</c>.
/// </summary>
public static class SurveyTokens
{
    public static string New() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    /// <summary>What a token looks like; anything else is unknown without a look at the database.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string Link(Uri site, string token) => new Uri(site, "/survey/" + token).ToString();
}
