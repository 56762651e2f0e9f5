using System.Text.RegularExpressions;
using ClusterHub.Accounts;
using ClusterHub.Clusters;
using ClusterHub.History;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterHub.Portfolios;

/// <summary>
/// Many clusters assessed side by side (a national programme's poles). Platform-level: the platform administrator creates
/// it and grants portfolio roles (<see cref="PortfolioGrant"/>); clusters on the platform enter only by their manager's
/// consent (<see cref="PortfolioConsent"/>), clusters off the platform by import (<see cref="PortfolioEntry"/>).
/// </summary>
public sealed class Portfolio : IVersioned
{
    public int Id { get; set; }
    /// <summary>Short, URL-safe name used in every route (<c>/portfolios/{slug}</c>).</summary>
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public int Version { get; set; }
}

/// <summary>A user's role in one portfolio (one role per user and portfolio).</summary>
public sealed class PortfolioGrant
{
    public int Id { get; set; }
    public int PortfolioId { get; set; }
    public required string UserId { get; set; }
    public PortfolioRole Role { get; set; }
    public DateTime GrantedAt { get; set; }
    public string GrantedBy { get; set; } = "";
}

/// <summary>
/// A cluster manager's consent that the cluster appears in a portfolio: its assessment scores and a few headline figures
/// (active members, life-cycle stage, coverage), never members or invoices. Revoking keeps the row (who, when) and
/// removes the cluster from the portfolio at once; consenting again reopens it.
/// </summary>
public sealed class PortfolioConsent : IVersioned
{
    public int Id { get; set; }
    public int PortfolioId { get; set; }
    public int ClusterId { get; set; }
    public DateTime GivenAt { get; set; }
    public string GivenBy { get; set; } = "";
    public DateTime? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    public int Version { get; set; }

    public bool Active => RevokedAt is null;
}

/// <summary>A cluster that does not run on the platform, entered by import: its name, region and sector/theme.</summary>
public sealed class PortfolioEntry : IVersioned
{
    public int Id { get; set; }
    public int PortfolioId { get; set; }
    public string Name { get; set; } = "";
    public string? Region { get; set; }
    public string? Sector { get; set; }
    public int Version { get; set; }
    public List<PortfolioEntryYear> Years { get; set; } = [];
}

/// <summary>
/// An imported cluster's figures for one year on one instrument version: its size (members) and its scores (JSON:
/// dimension or factor key → 0–100; a part without a score is absent, never 0). Marked imported by being here, and
/// <see cref="Illustrative"/> when the values are not real (the demo's).
/// </summary>
public sealed class PortfolioEntryYear : IVersioned
{
    public int Id { get; set; }
    public int EntryId { get; set; }
    public int Year { get; set; }
    public int? Size { get; set; }
    public string InstrumentKey { get; set; } = "";
    public int InstrumentVersion { get; set; }
    public string Scores { get; set; } = "{}";
    public bool Illustrative { get; set; }
    public DateTime ImportedAt { get; set; }
    public string ImportedBy { get; set; } = "";
    public int Version { get; set; }
}

public static partial class PortfolioLimits
{
    public const int Slug = 64;
    public const int Name = 200;
    public const int Description = 2000;
    public const int Region = 100;
    public const int Sector = 100;
    public const int Actor = 256;
    public const int MaxSize = 10_000_000;

    public static bool IsSlug(string? slug) => slug is not null && SlugPattern().IsMatch(slug);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")]
    private static partial Regex SlugPattern();
}

internal sealed class PortfolioConfiguration : IEntityTypeConfiguration<Portfolio>
{
    public void Configure(EntityTypeBuilder<Portfolio> b)
    {
        b.Property(p => p.Slug).HasMaxLength(PortfolioLimits.Slug);
        b.Property(p => p.Name).HasMaxLength(PortfolioLimits.Name);
        b.Property(p => p.Description).HasMaxLength(PortfolioLimits.Description);
        b.Property(p => p.CreatedBy).HasMaxLength(PortfolioLimits.Actor);
        b.HasIndex(p => p.Slug).IsUnique();
    }
}

internal sealed class PortfolioGrantConfiguration : IEntityTypeConfiguration<PortfolioGrant>
{
    public void Configure(EntityTypeBuilder<PortfolioGrant> b)
    {
        b.HasOne<Portfolio>().WithMany().HasForeignKey(g => g.PortfolioId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ClusterUser>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Property(g => g.GrantedBy).HasMaxLength(PortfolioLimits.Actor);
        b.HasIndex(g => new { g.PortfolioId, g.UserId }).IsUnique();
    }
}

internal sealed class PortfolioConsentConfiguration : IEntityTypeConfiguration<PortfolioConsent>
{
    public void Configure(EntityTypeBuilder<PortfolioConsent> b)
    {
        b.HasOne<Portfolio>().WithMany().HasForeignKey(c => c.PortfolioId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Cluster>().WithMany().HasForeignKey(c => c.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.Property(c => c.GivenBy).HasMaxLength(PortfolioLimits.Actor);
        b.Property(c => c.RevokedBy).HasMaxLength(PortfolioLimits.Actor);
        b.HasIndex(c => new { c.PortfolioId, c.ClusterId }).IsUnique();
    }
}

internal sealed class PortfolioEntryConfiguration : IEntityTypeConfiguration<PortfolioEntry>
{
    public void Configure(EntityTypeBuilder<PortfolioEntry> b)
    {
        b.HasOne<Portfolio>().WithMany().HasForeignKey(e => e.PortfolioId).OnDelete(DeleteBehavior.Cascade);
        b.Property(e => e.Name).HasMaxLength(PortfolioLimits.Name);
        b.Property(e => e.Region).HasMaxLength(PortfolioLimits.Region);
        b.Property(e => e.Sector).HasMaxLength(PortfolioLimits.Sector);
        b.HasIndex(e => new { e.PortfolioId, e.Name }).IsUnique();
        b.HasMany(e => e.Years).WithOne().HasForeignKey(y => y.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PortfolioEntryYearConfiguration : IEntityTypeConfiguration<PortfolioEntryYear>
{
    public void Configure(EntityTypeBuilder<PortfolioEntryYear> b)
    {
        b.Property(y => y.InstrumentKey).HasMaxLength(Assessment.AssessmentLimits.Key);
        b.Property(y => y.ImportedBy).HasMaxLength(PortfolioLimits.Actor);
        b.HasIndex(y => new { y.EntryId, y.Year, y.InstrumentKey }).IsUnique();
    }
}
