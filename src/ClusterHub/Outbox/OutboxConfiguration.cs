using ClusterHub.Clusters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterHub.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.HasOne<Cluster>().WithMany().HasForeignKey(m => m.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.Property(m => m.Recipient).HasMaxLength(OutboxLimits.Recipient);
        b.Property(m => m.Subject).HasMaxLength(OutboxLimits.Subject);
        b.Property(m => m.LastError).HasMaxLength(OutboxLimits.Error);
        // The deliverer's question ("what is due?") and the pages' lists (newest first, by cluster and state).
        b.HasIndex(m => new { m.State, m.NextAttemptAt });
        b.HasIndex(m => new { m.ClusterId, m.State, m.CreatedAt });
    }
}

public static class OutboxLimits
{
    public const int Recipient = 320, Subject = 300, Error = 1000;
}
