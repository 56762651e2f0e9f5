using System.Text.RegularExpressions;
using ClusterHub.Data;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Clusters;

public sealed record NewCluster(string? Slug, string? Name, string? LegalForm, DateOnly? FoundedOn, string? Region, string? Sector, string? Website);

/// <summary>
/// How much a cluster's profile holds: <see cref="ClusterRegistration"/> enforces these and
/// <see cref="ClusterConfiguration"/> gives the columns the same lengths.
/// </summary>
public static class ClusterLimits
{
    public const int Slug = 64;
    public const int Name = 200;
    public const int LegalForm = 100;

    /// <summary>An INSEE region code (two characters), checked against <see cref="Members.FrenchGeography"/>.</summary>
    public const int Region = 2;

    public const int Sector = 200;

    /// <summary>A home page's address; longer ones are tracking links, not a cluster's site.</summary>
    public const int Website = 300;

    public const int OfficeCity = 100;
    public const int CertificationLabel = 200;
    public const int CertificationNote = 1000;

    /// <summary>The oldest cluster organisations (chambers, trade associations) date from the 19th century.</summary>
    public static readonly DateOnly EarliestFounding = new(1800, 1, 1);
}

/// <summary>
/// Registering a cluster initiative on the platform (platform administrators; the <c>clusters create</c> verb):
/// the one validator of <see cref="NewCluster"/>.
/// </summary>
public static partial class ClusterRegistration
{
    public static async Task<(Cluster? Cluster, Dictionary<string, string[]> Errors)> CreateAsync(ClusterDb db, NewCluster input, DateOnly today, CancellationToken ct)
    {
        var (cluster, errors) = Validate(input, today);
        if (cluster is not null && await db.Clusters.AnyAsync(c => c.Slug == cluster.Slug, ct)) errors["slug"] = [$"'{cluster.Slug}' is already taken"];
        if (cluster is null || errors.Count > 0) return (null, errors);
        db.Clusters.Add(cluster);
        await db.SaveChangesAsync(ct);
        return (cluster, errors);
    }

    /// <summary>The cluster <paramref name="input"/> describes, or null and why not; everything but the slug being free.</summary>
    public static (Cluster? Cluster, Dictionary<string, string[]> Errors) Validate(NewCluster input, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        string? Text(string field, string? value, int maxLength)
        {
            var text = InputText.Blank(value);
            if (text is not null && InputText.Check(text, maxLength) is { } reason) errors[field] = [reason];
            return text;
        }

        var slug = input.Slug?.Trim().ToLowerInvariant() ?? "";
        if (!Slug().IsMatch(slug)) errors["slug"] = ["must be 2-64 lower-case letters, digits or dashes, starting with a letter"];
        var name = Text("name", input.Name, ClusterLimits.Name);
        if (name is null) errors["name"] = ["is required"];
        var legalForm = Text("legalForm", input.LegalForm, ClusterLimits.LegalForm);
        var region = InputText.Blank(input.Region);
        if (region is not null && !Members.FrenchGeography.Regions.ContainsKey(region)) errors["region"] = ["is not an INSEE region code"];
        var sector = Text("sector", input.Sector, ClusterLimits.Sector);
        var website = Text("website", input.Website, ClusterLimits.Website);
        if (website is not null && !errors.ContainsKey("website")
            && (!Uri.TryCreate(website, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            errors["website"] = ["is not an http or https address"];
        if (input.FoundedOn is { } founded && (founded < ClusterLimits.EarliestFounding || founded > today))
            errors["foundedOn"] = [$"must be between {ClusterLimits.EarliestFounding:yyyy-MM-dd} and today"];
        if (errors.Count > 0) return (null, errors);
        return (new Cluster { Slug = slug, Name = name!, LegalForm = legalForm, FoundedOn = input.FoundedOn, Region = region, Sector = sector, Website = website }, errors);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,63}$")] private static partial Regex Slug();
}
