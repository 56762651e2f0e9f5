// TEMPORARY: the names of /work/briefs/contract.md (Strategy lists, indicator registry) until the lead's commit
// "Strategy lists and the indicator registry" lands on main; this file is deleted by the merge that brings them.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterHub.Strategy
{
    public sealed class StrategicArea { public int Id { get; set; } public int ClusterId { get; set; } public string Code { get; set; } = ""; public string Name { get; set; } = ""; public string? Description { get; set; } public int Order { get; set; } }
    public sealed class ValueChainStage { public int Id { get; set; } public int ClusterId { get; set; } public string Code { get; set; } = ""; public string Name { get; set; } = ""; public string? Description { get; set; } public int Order { get; set; } }

    internal sealed class StubAreaConfiguration : IEntityTypeConfiguration<StrategicArea> { public void Configure(EntityTypeBuilder<StrategicArea> b) { } }
    internal sealed class StubStageConfiguration : IEntityTypeConfiguration<ValueChainStage> { public void Configure(EntityTypeBuilder<ValueChainStage> b) { } }
}

namespace ClusterHub.Indicators
{
    public enum IndicatorUnit { Count, Share, Euros, Ratio, Days, Years }
    public enum IndicatorDirection { HigherIsBetter, LowerIsBetter }
    public sealed record IndicatorDefinition(string Key, IndicatorUnit Unit, IndicatorDirection Direction);
    public sealed record IndicatorInput(string Key, double Value);
    public sealed record IndicatorValue(string Key, double? Value, IReadOnlyList<IndicatorInput> Inputs);
    public interface IIndicatorSource
    {
        IEnumerable<IndicatorDefinition> Definitions { get; }
        Task<IReadOnlyList<IndicatorValue>> ComputeAsync(ClusterHub.Data.ClusterDb db, int clusterId, int year, CancellationToken ct);
    }
}
