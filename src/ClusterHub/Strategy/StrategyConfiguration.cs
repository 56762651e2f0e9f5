using ClusterHub.Clusters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterHub.Strategy;

internal abstract class StrategyListConfiguration<T> : IEntityTypeConfiguration<T> where T : StrategyListEntry
{
    public virtual void Configure(EntityTypeBuilder<T> b)
    {
        b.HasOne<Cluster>().WithMany().HasForeignKey(e => e.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.Property(e => e.Code).HasMaxLength(StrategyLimits.Code);
        b.Property(e => e.Name).HasMaxLength(StrategyLimits.Name);
        b.Property(e => e.Description).HasMaxLength(StrategyLimits.Description);
        b.HasIndex(e => new { e.ClusterId, e.Code }).IsUnique();
    }
}

internal sealed class StrategicAreaConfiguration : StrategyListConfiguration<StrategicArea>;
internal sealed class ActivityDomainConfiguration : StrategyListConfiguration<ActivityDomain>;
internal sealed class ValueChainStageConfiguration : StrategyListConfiguration<ValueChainStage>;

public static class StrategyLimits
{
    public const int Code = 16;
    public const int Name = 200;
    public const int Description = 4000;
    public const int Decisions = 20000;
    public const int IndicatorKey = 64;
}

internal sealed class ClusterStrategyConfiguration : IEntityTypeConfiguration<ClusterStrategy>
{
    public void Configure(EntityTypeBuilder<ClusterStrategy> b)
    {
        b.HasKey(s => s.ClusterId);
        b.HasOne<Cluster>().WithOne().HasForeignKey<ClusterStrategy>(s => s.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.Property(s => s.Vision).HasMaxLength(StrategyLimits.Description);
    }
}

internal sealed class RoadmapActionConfiguration : IEntityTypeConfiguration<RoadmapAction>
{
    public void Configure(EntityTypeBuilder<RoadmapAction> b)
    {
        b.HasOne<Cluster>().WithMany().HasForeignKey(a => a.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StrategicArea>().WithMany().HasForeignKey(a => a.StrategicAreaId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.Title).HasMaxLength(StrategyLimits.Name);
        b.Property(a => a.Owner).HasMaxLength(StrategyLimits.Name);
        b.HasIndex(a => new { a.ClusterId, a.Axis });
    }
}

internal sealed class ObjectiveConfiguration : IEntityTypeConfiguration<Objective>
{
    public void Configure(EntityTypeBuilder<Objective> b)
    {
        b.HasOne<Cluster>().WithMany().HasForeignKey(o => o.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StrategicArea>().WithMany().HasForeignKey(o => o.StrategicAreaId).OnDelete(DeleteBehavior.Restrict);
        b.Property(o => o.Title).HasMaxLength(StrategyLimits.Name);
        b.Property(o => o.IndicatorKey).HasMaxLength(StrategyLimits.IndicatorKey);
        b.HasMany(o => o.Targets).WithOne().HasForeignKey(t => t.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ObjectiveTargetConfiguration : IEntityTypeConfiguration<ObjectiveTarget>
{
    public void Configure(EntityTypeBuilder<ObjectiveTarget> b)
    {
        b.HasIndex(t => new { t.ObjectiveId, t.Year }).IsUnique();
        b.HasOne<StrategyReview>().WithMany().HasForeignKey(t => t.SetInReviewId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StrategyReviewConfiguration : IEntityTypeConfiguration<StrategyReview>
{
    public void Configure(EntityTypeBuilder<StrategyReview> b)
    {
        b.HasOne<Cluster>().WithMany().HasForeignKey(r => r.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.ClusterId, r.Year }).IsUnique();
        b.Property(r => r.Title).HasMaxLength(StrategyLimits.Name);
        b.Property(r => r.Decisions).HasMaxLength(StrategyLimits.Decisions);
        b.Property(r => r.ClosedBy).HasMaxLength(256);
        b.HasMany(r => r.Indicators).WithOne().HasForeignKey(i => i.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Results).WithOne().HasForeignKey(i => i.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewIndicatorConfiguration : IEntityTypeConfiguration<ReviewIndicator>
{
    public void Configure(EntityTypeBuilder<ReviewIndicator> b)
    {
        b.Property(i => i.Key).HasMaxLength(StrategyLimits.IndicatorKey);
        b.Property(i => i.Evidence).HasMaxLength(Indicators.ManualIndicatorLimits.Evidence + 1000);
        b.HasIndex(i => new { i.ReviewId, i.Key }).IsUnique();
    }
}

internal sealed class ReviewResultConfiguration : IEntityTypeConfiguration<ReviewResult>
{
    public void Configure(EntityTypeBuilder<ReviewResult> b)
    {
        b.Property(r => r.IndicatorKey).HasMaxLength(StrategyLimits.IndicatorKey);
        b.HasOne<Objective>().WithMany().HasForeignKey(r => r.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
    }
}
