using System.Text.RegularExpressions;
using ClusterHub.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Clusters;

public sealed record NewCluster(string? Slug, string? Name, string? LegalForm, DateOnly? FoundedOn, string? Region, string? Sector, string? Website);

/// <summary>Registering a cluster initiative on the platform (platform administrators; the <c>clusters create</c> verb).</summary>
public static partial class ClusterRegistration
{
    public static async Task<(Cluster? Cluster, Dictionary<string, string[]> Errors)> CreateAsync(ClusterDb db, NewCluster input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var slug = input.Slug?.Trim().ToLowerInvariant() ?? "";
        if (!Slug().IsMatch(slug)) errors["slug"] = ["must be 2-64 lower-case letters, digits or dashes, starting with a letter"];
        else if (await db.Clusters.AnyAsync(c => c.Slug == slug, ct)) errors["slug"] = [$"'{slug}' is already taken"];
        if (string.IsNullOrWhiteSpace(input.Name)) errors["name"] = ["is required"];
        if (input.Region is { Length: > 0 } r && !Members.FrenchGeography.Regions.ContainsKey(r)) errors["region"] = ["is not an INSEE region code"];
        if (input.Website is { Length: > 0 } w && !Uri.TryCreate(w, UriKind.Absolute, out _)) errors["website"] = ["is not an absolute URL"];
        if (errors.Count > 0) return (null, errors);
        var cluster = new Cluster
        {
            Slug = slug, Name = input.Name!.Trim(), LegalForm = input.LegalForm, FoundedOn = input.FoundedOn,
            Region = string.IsNullOrEmpty(input.Region) ? null : input.Region, Sector = input.Sector, Website = input.Website,
        };
        db.Clusters.Add(cluster);
        await db.SaveChangesAsync(ct);
        return (cluster, errors);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,63}$")] private static partial Regex Slug();
}
