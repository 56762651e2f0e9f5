using ClusterHub.Clusters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterHub.Assessment;

internal sealed class AssessmentInstrumentConfiguration : IEntityTypeConfiguration<AssessmentInstrument>
{
    public void Configure(EntityTypeBuilder<AssessmentInstrument> b)
    {
        b.HasOne<Cluster>().WithMany().HasForeignKey(i => i.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.Property(i => i.Key).HasMaxLength(AssessmentLimits.Key);
        b.Property(i => i.CopiedFrom).HasMaxLength(AssessmentLimits.Key + 16);
        b.Property(i => i.CreatedBy).HasMaxLength(256);
        b.HasIndex(i => new { i.ClusterId, i.Key, i.Version }).IsUnique().AreNullsDistinct(false); // PostgreSQL: one shipped version 1 even when two first readers race
        b.HasMany(i => i.Dimensions).WithOne().HasForeignKey(d => d.InstrumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InstrumentDimensionConfiguration : IEntityTypeConfiguration<InstrumentDimension>
{
    public void Configure(EntityTypeBuilder<InstrumentDimension> b)
    {
        b.Property(d => d.Key).HasMaxLength(AssessmentLimits.Key);
        b.HasMany(d => d.Factors).WithOne().HasForeignKey(f => f.DimensionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InstrumentFactorConfiguration : IEntityTypeConfiguration<InstrumentFactor>
{
    public void Configure(EntityTypeBuilder<InstrumentFactor> b)
    {
        b.Property(f => f.Key).HasMaxLength(AssessmentLimits.Key);
        b.HasMany(f => f.Indicators).WithOne().HasForeignKey(x => x.FactorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InstrumentIndicatorConfiguration : IEntityTypeConfiguration<InstrumentIndicator>
{
    public void Configure(EntityTypeBuilder<InstrumentIndicator> b)
    {
        b.Property(x => x.Key).HasMaxLength(AssessmentLimits.Key);
        b.Property(x => x.SourceKey).HasMaxLength(AssessmentLimits.Key);
    }
}

internal sealed class AssessmentJudgementConfiguration : IEntityTypeConfiguration<AssessmentJudgement>
{
    public void Configure(EntityTypeBuilder<AssessmentJudgement> b)
    {
        b.HasOne<Cluster>().WithMany().HasForeignKey(j => j.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AssessmentInstrument>().WithMany().HasForeignKey(j => j.InstrumentId).OnDelete(DeleteBehavior.Cascade);
        b.Property(j => j.IndicatorKey).HasMaxLength(AssessmentLimits.Key);
        b.Property(j => j.Evidence).HasMaxLength(AssessmentLimits.Evidence);
        b.Property(j => j.Author).HasMaxLength(256);
        b.HasIndex(j => new { j.ClusterId, j.Year, j.InstrumentId, j.IndicatorKey }).IsUnique();
    }
}

internal sealed class AssessmentRecordConfiguration : IEntityTypeConfiguration<AssessmentRecord>
{
    public void Configure(EntityTypeBuilder<AssessmentRecord> b)
    {
        b.HasOne<Cluster>().WithMany().HasForeignKey(r => r.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AssessmentInstrument>().WithMany().HasForeignKey(r => r.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.InstrumentKey).HasMaxLength(AssessmentLimits.Key);
        b.Property(r => r.SavedBy).HasMaxLength(256);
        b.HasIndex(r => new { r.ClusterId, r.Year, r.InstrumentKey }).IsUnique();
    }
}
