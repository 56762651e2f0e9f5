using Microsoft.AspNetCore.Identity;

namespace ClusterHub.Accounts;

public sealed class ClusterUser : IdentityUser
{
    public string? DisplayName { get; set; }
    public List<ClusterRoleGrant> Grants { get; set; } = [];
}

/// <summary>
/// Roles inside one cluster. The platform administrator is not here: it is an Identity role
/// (<see cref="PlatformRoles.Administrator"/>) that spans every cluster.
/// </summary>
public enum ClusterRole { Manager, Staff, MemberRepresentative, Reviewer, Observer, Funder }

/// <summary>A user's role in one cluster; a member representative also names the organisation it speaks for.</summary>
public sealed class ClusterRoleGrant
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public int ClusterId { get; set; }
    public Clusters.Cluster? Cluster { get; set; }
    public ClusterRole Role { get; set; }
    public int? MemberId { get; set; }
}

public static class PlatformRoles
{
    public const string Administrator = "PlatformAdministrator";
}

/// <summary>A personal access token for the API and the CLI. Only its SHA-256 hash is stored.</summary>
public sealed class AccessToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }

    /// <summary>What the user calls the token (at most <see cref="MaxNameLength"/> characters, checked by <see cref="AccessTokens.CheckName"/>).</summary>
    public required string Name { get; set; }

    public const int MaxNameLength = 100;

    public required string Hash { get; set; }

    /// <summary>The first characters of the token, shown in lists so a person can tell tokens apart.</summary>
    public required string Prefix { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
