using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Clusters;

/// <summary>A cluster initiative: the hub organisation whose members, dues and projects the platform holds.</summary>
public sealed class Cluster
{
    public int Id { get; set; }

    /// <summary>Short, stable, URL-safe name used in every route (<c>/c/{slug}</c>).</summary>
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? LegalForm { get; set; }
    public DateOnly? FoundedOn { get; set; }
    public string? Region { get; set; }
    public string? Sector { get; set; }
    public string? Website { get; set; }

    /// <summary>The language its messages are written in ("en", "fr", "ko"); none means English.</summary>
    public string? Language { get; set; }

    public List<ClusterOffice> Offices { get; set; } = [];
    public List<ClusterCertification> Certifications { get; set; } = [];
}

public enum OfficeKind { HeadOffice, Branch, LiaisonOffice, PartnerAssociation }

public sealed class ClusterOffice
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public OfficeKind Kind { get; set; }
    public required string City { get; set; }
    public string? Region { get; set; }

    /// <summary>
    /// The cluster's home regions: those of its own offices (head office, branches, liaison offices), not of the
    /// partner associations elsewhere. The dashboard and the indicators count members "in the cluster's regions" by them.
    /// </summary>
    public static Task<List<string>> HomeRegionsAsync(Data.ClusterDb db, int clusterId, CancellationToken ct) =>
        db.Set<ClusterOffice>().AsNoTracking()
            .Where(o => o.ClusterId == clusterId && o.Kind != OfficeKind.PartnerAssociation && o.Region != null)
            .Select(o => o.Region!).Distinct().OrderBy(r => r).ToListAsync(ct);
}

/// <summary>A state label and when it was granted, e.g. "pôle de compétitivité" in 2005.</summary>
public sealed class ClusterCertification
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public required string Label { get; set; }
    public DateOnly GrantedOn { get; set; }
    public string? Note { get; set; }
}
