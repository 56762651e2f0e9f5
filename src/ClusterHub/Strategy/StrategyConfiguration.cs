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
}
