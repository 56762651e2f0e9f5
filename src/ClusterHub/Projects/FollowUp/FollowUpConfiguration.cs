using ClusterHub.Clusters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterHub.Projects;

internal sealed class ProjectMilestoneConfiguration : IEntityTypeConfiguration<ProjectMilestone>
{
    public void Configure(EntityTypeBuilder<ProjectMilestone> b)
    {
        b.ToTable("ProjectMilestones");
        b.HasOne<Proposal>().WithMany().HasForeignKey(m => m.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.Property(m => m.Title).HasMaxLength(ProjectLimits.Title);
        b.Property(m => m.DoneBy).HasMaxLength(256);
        b.HasIndex(m => new { m.ProposalId, m.DueOn });
        b.HasIndex(m => new { m.State, m.DueOn });
    }
}

internal sealed class ProjectDeliverableConfiguration : IEntityTypeConfiguration<ProjectDeliverable>
{
    public void Configure(EntityTypeBuilder<ProjectDeliverable> b)
    {
        b.ToTable("ProjectDeliverables");
        b.HasOne<Proposal>().WithMany().HasForeignKey(d => d.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.Property(d => d.Title).HasMaxLength(ProjectLimits.Title);
        b.Property(d => d.DeliveredBy).HasMaxLength(256);
        b.HasIndex(d => new { d.ProposalId, d.DueOn });
        b.HasIndex(d => new { d.DeliveredOn, d.DueOn });
    }
}

internal sealed class ProjectReportConfiguration : IEntityTypeConfiguration<ProjectReport>
{
    public void Configure(EntityTypeBuilder<ProjectReport> b)
    {
        b.ToTable("ProjectReports");
        b.HasOne<Proposal>().WithMany().HasForeignKey(r => r.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.Summary).HasMaxLength(FollowUpLimits.Summary);
        b.Property(r => r.SubmittedBy).HasMaxLength(256);
        b.Property(r => r.DecidedBy).HasMaxLength(256);
        b.Property(r => r.DecisionNote).HasMaxLength(ProjectLimits.Reason);
        b.HasIndex(r => new { r.ProposalId, r.PeriodStart });
    }
}

internal sealed class DeadlineNoticeConfiguration : IEntityTypeConfiguration<DeadlineNotice>
{
    public void Configure(EntityTypeBuilder<DeadlineNotice> b)
    {
        b.ToTable("DeadlineNotices");
        b.HasOne<Cluster>().WithMany().HasForeignKey(n => n.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Proposal>().WithMany().HasForeignKey(n => n.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.Kind, n.ProposalId, n.ItemId, n.DueOn }).IsUnique();
    }
}
