using ClusterHub.Clusters;
using ClusterHub.History;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterHub.Indicators;

/// <summary>
/// A cluster's own indicator, entered by hand once a year with written evidence: what the platform cannot count
/// (press coverage, delegations received, jobs its members report). Its key is <c>manual.{code}</c>, so it can never
/// take a computed indicator's key, and objectives and reviews read it like any other.
/// </summary>
public sealed class ManualIndicator : IVersioned
{
    public int Id { get; set; }
    public int ClusterId { get; set; }
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string Definition { get; set; } = "";
    public IndicatorUnit Unit { get; set; }
    public IndicatorDirection Direction { get; set; }
    public int Version { get; set; }
    public List<ManualIndicatorValue> Values { get; set; } = [];

    public IndicatorDefinition ToDefinition() => new(Key, Unit, Direction) { Name = Name, Description = Definition };
}

/// <summary>One year's value of a manual indicator: the figure, the evidence it rests on and who entered it.</summary>
public sealed class ManualIndicatorValue : IVersioned, IHistoryPart
{
    public int Id { get; set; }
    public int ManualIndicatorId { get; set; }
    public int Year { get; set; }
    public double Value { get; set; }
    public string Evidence { get; set; } = "";
    public string Author { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public int Version { get; set; }

    string IHistoryPart.SubjectType => nameof(ManualIndicator);
    int IHistoryPart.SubjectId => ManualIndicatorId;
}

public static class ManualIndicatorLimits
{
    public const string Prefix = "manual.";
    public const int Code = 48, Key = 64, Name = 200, Definition = 2000, Evidence = 4000, Author = 256;
}

internal sealed class ManualIndicatorConfiguration : IEntityTypeConfiguration<ManualIndicator>
{
    public void Configure(EntityTypeBuilder<ManualIndicator> b)
    {
        b.Property(i => i.Key).HasMaxLength(ManualIndicatorLimits.Key);
        b.Property(i => i.Name).HasMaxLength(ManualIndicatorLimits.Name);
        b.Property(i => i.Definition).HasMaxLength(ManualIndicatorLimits.Definition);
        b.HasIndex(i => new { i.ClusterId, i.Key }).IsUnique();
        b.HasOne<Cluster>().WithMany().HasForeignKey(i => i.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.Values).WithOne().HasForeignKey(v => v.ManualIndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ManualIndicatorValueConfiguration : IEntityTypeConfiguration<ManualIndicatorValue>
{
    public void Configure(EntityTypeBuilder<ManualIndicatorValue> b)
    {
        b.Property(v => v.Evidence).HasMaxLength(ManualIndicatorLimits.Evidence);
        b.Property(v => v.Author).HasMaxLength(ManualIndicatorLimits.Author);
        b.HasIndex(v => new { v.ManualIndicatorId, v.Year }).IsUnique();
    }
}
