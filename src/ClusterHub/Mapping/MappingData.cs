using ClusterHub.Clusters;
using ClusterHub.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterHub.Mapping;

/// <summary>
/// A regional statistics table a cluster loaded (URSSAF communes × APE codes, US states × clusters…): what it is and
/// where it came from. Its cells are <see cref="MappingValue"/> rows, its regions <see cref="MappingRegion"/> rows; it is
/// never edited once stored (a new version is a new upload), so the pages may cache its table.
/// </summary>
public sealed class MappingDataset
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public required string Name { get; set; }
    /// <summary>Where the figures come from, in words (publisher, licence, extract).</summary>
    public string? Source { get; set; }
    /// <summary>The code systems, in words: <c>commune (INSEE)</c>, <c>NAF rev. 2</c>, <c>state (FIPS)</c>, <c>USCMP cluster</c>.</summary>
    public string? RegionCodes { get; set; }
    public string? IndustryCodes { get; set; }
    /// <summary>The uploaded file's name.</summary>
    public required string FileName { get; set; }
    /// <summary>The columns it was read with (<see cref="RegionalColumns"/>), as JSON, so the read can be repeated.</summary>
    public required string Columns { get; set; }
    public int FirstYear { get; set; }
    public int LastYear { get; set; }
    /// <summary>Rows of the file read, and cells stored (known or missing).</summary>
    public int FileRows { get; set; }
    public int Cells { get; set; }
    public int MissingCells { get; set; }
    public int Regions { get; set; }
    public int Industries { get; set; }
    /// <summary>Whether the regions have parents (the base of a parent-region LQ).</summary>
    public bool HasParents { get; set; }
    /// <summary>Boundaries for the map, as the user uploaded them (GeoJSON), and the feature property that holds the region code.</summary>
    public string? Boundaries { get; set; }
    public string? BoundaryKey { get; set; }
    /// <summary>The import job that stored it.</summary>
    public int? JobId { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>A region of a dataset: its code as the file wrote it, its parent's code and its name when the file gave them.</summary>
public sealed class MappingRegion
{
    public int DatasetId { get; set; }
    /// <summary>The region's position in the dataset (the engine's dense id), what <see cref="MappingValue.Region"/> holds.</summary>
    public int Index { get; set; }
    public required string Code { get; set; }
    public string? Parent { get; set; }
    public string? Name { get; set; }
}

/// <summary>An industry code of a dataset, by its position, what <see cref="MappingValue.Industry"/> holds.</summary>
public sealed class MappingIndustry
{
    public int DatasetId { get; set; }
    public int Index { get; set; }
    public required string Code { get; set; }
}

/// <summary>
/// One cell: region × industry × year. Codes are text, kept once per dataset (<see cref="MappingRegion"/>,
/// <see cref="MappingIndustry"/>), and the cell refers to them by position, so that a row is four integers and a
/// number: a million cells stay some 40 MB rather than the 80 MB the codes repeated would take. A suppressed or flagged
/// cell is stored with a null value: missing, never zero.
/// </summary>
public sealed class MappingValue
{
    public int DatasetId { get; set; }
    public int Region { get; set; }
    public int Industry { get; set; }
    public int Year { get; set; }
    public double? Value { get; set; }
}

/// <summary>A cluster definition: industry codes or prefixes (<c>25*</c>) → clusters, edited on its page or imported from CSV.</summary>
public sealed class MappingDefinition : History.IVersioned
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public required string Name { get; set; }
    /// <summary>The code system the codes are in (NAF rev. 2, NAICS 2012), in words.</summary>
    public string? CodeSystem { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
    public List<MappingDefinitionCode> Codes { get; set; } = [];
    public int Version { get; set; }
}

public sealed class MappingDefinitionCode : History.IHistoryPart
{
    string History.IHistoryPart.SubjectType => nameof(MappingDefinition);
    int History.IHistoryPart.SubjectId => DefinitionId;
    public int DefinitionId { get; set; }
    /// <summary>An industry code as written (NAF may keep its dot), or a prefix ending in '*'.</summary>
    public required string Industry { get; set; }
    public required string Cluster { get; set; }
}

/// <summary>A saved view of a dataset: the definition (or single industry), the year, the base and the measure the map shows.</summary>
public sealed class MappingView
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public int DatasetId { get; set; }
    public required string Name { get; set; }
    public int? DefinitionId { get; set; }
    /// <summary>The cluster of the definition, or the industry code when there is no definition.</summary>
    public string? Subject { get; set; }
    public int? Year { get; set; }
    public MappingBase Base { get; set; }
    public required string Measure { get; set; }
    public required string Sort { get; set; }
}

public static class MappingLimits
{
    public const int Name = 200;
    public const int Source = 2000;
    public const int CodeSystem = 100;
    public const int FileName = 260;
    public const int Columns = 2000;
    public const int Code = 40;
    public const int RegionName = 200;
    public const int Measure = 40;
    /// <summary>Entries of one definition: the US benchmark crosswalk has 992.</summary>
    public const int DefinitionCodes = 20_000;
    /// <summary>A regional file's largest upload: 1 million long rows are about 40 MB of CSV.</summary>
    public const long UploadBytes = 256L * 1024 * 1024;
    /// <summary>A boundaries file's largest upload (GeoJSON of every French commune, simplified, is about 30 MB).</summary>
    public const int BoundaryBytes = 40 * 1024 * 1024;
}

internal sealed class MappingDatasetConfiguration : IEntityTypeConfiguration<MappingDataset>
{
    public void Configure(EntityTypeBuilder<MappingDataset> b)
    {
        b.ToTable("MappingDatasets");
        b.HasOne<Cluster>().WithMany().HasForeignKey(d => d.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.Property(d => d.Name).HasMaxLength(MappingLimits.Name);
        b.Property(d => d.Source).HasMaxLength(MappingLimits.Source);
        b.Property(d => d.RegionCodes).HasMaxLength(MappingLimits.CodeSystem);
        b.Property(d => d.IndustryCodes).HasMaxLength(MappingLimits.CodeSystem);
        b.Property(d => d.FileName).HasMaxLength(MappingLimits.FileName);
        b.Property(d => d.Columns).HasMaxLength(MappingLimits.Columns);
        b.Property(d => d.BoundaryKey).HasMaxLength(MappingLimits.Name);
        b.Property(d => d.CreatedBy).HasMaxLength(JobLimits.StartedBy);
        b.HasIndex(d => new { d.ClusterId, d.Id });
    }
}

internal sealed class MappingRegionConfiguration : IEntityTypeConfiguration<MappingRegion>
{
    public void Configure(EntityTypeBuilder<MappingRegion> b)
    {
        b.ToTable("MappingRegions");
        b.HasKey(r => new { r.DatasetId, r.Index });
        b.HasOne<MappingDataset>().WithMany().HasForeignKey(r => r.DatasetId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.Code).HasMaxLength(MappingLimits.Code);
        b.Property(r => r.Parent).HasMaxLength(MappingLimits.Code);
        b.Property(r => r.Name).HasMaxLength(MappingLimits.RegionName);
    }
}

internal sealed class MappingIndustryConfiguration : IEntityTypeConfiguration<MappingIndustry>
{
    public void Configure(EntityTypeBuilder<MappingIndustry> b)
    {
        b.ToTable("MappingIndustries");
        b.HasKey(r => new { r.DatasetId, r.Index });
        b.HasOne<MappingDataset>().WithMany().HasForeignKey(r => r.DatasetId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.Code).HasMaxLength(MappingLimits.Code);
    }
}

internal sealed class MappingValueConfiguration : IEntityTypeConfiguration<MappingValue>
{
    public void Configure(EntityTypeBuilder<MappingValue> b)
    {
        b.ToTable("MappingValues");
        // The key is the cell: no surrogate id, and the clustered order (SQLite) is the order the table is read in.
        b.HasKey(v => new { v.DatasetId, v.Year, v.Region, v.Industry });
        b.HasOne<MappingDataset>().WithMany().HasForeignKey(v => v.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MappingDefinitionConfiguration : IEntityTypeConfiguration<MappingDefinition>
{
    public void Configure(EntityTypeBuilder<MappingDefinition> b)
    {
        b.ToTable("MappingDefinitions");
        b.HasOne<Cluster>().WithMany().HasForeignKey(d => d.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.Property(d => d.Name).HasMaxLength(MappingLimits.Name);
        b.Property(d => d.CodeSystem).HasMaxLength(MappingLimits.CodeSystem);
        b.Property(d => d.UpdatedBy).HasMaxLength(JobLimits.StartedBy);
        b.HasMany(d => d.Codes).WithOne().HasForeignKey(c => c.DefinitionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.ClusterId, d.Name }).IsUnique();
    }
}

internal sealed class MappingDefinitionCodeConfiguration : IEntityTypeConfiguration<MappingDefinitionCode>
{
    public void Configure(EntityTypeBuilder<MappingDefinitionCode> b)
    {
        b.ToTable("MappingDefinitionCodes");
        b.HasKey(c => new { c.DefinitionId, c.Industry, c.Cluster });
        b.Property(c => c.Industry).HasMaxLength(MappingLimits.Code);
        b.Property(c => c.Cluster).HasMaxLength(MappingLimits.Name);
    }
}

internal sealed class MappingViewConfiguration : IEntityTypeConfiguration<MappingView>
{
    public void Configure(EntityTypeBuilder<MappingView> b)
    {
        b.ToTable("MappingViews");
        b.HasOne<Cluster>().WithMany().HasForeignKey(v => v.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<MappingDataset>().WithMany().HasForeignKey(v => v.DatasetId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<MappingDefinition>().WithMany().HasForeignKey(v => v.DefinitionId).OnDelete(DeleteBehavior.SetNull);
        b.Property(v => v.Name).HasMaxLength(MappingLimits.Name);
        b.Property(v => v.Subject).HasMaxLength(MappingLimits.Name);
        b.Property(v => v.Measure).HasMaxLength(MappingLimits.Measure);
        b.Property(v => v.Sort).HasMaxLength(MappingLimits.Measure);
    }
}
