using ClusterHub.Clusters;
using ClusterHub.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterHub.Surveys;

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> b)
    {
        b.HasOne<Cluster>().WithMany().HasForeignKey(s => s.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.ClusterId, s.Year }).IsUnique();
        b.Property(s => s.Title).HasMaxLength(SurveyLimits.Title);
        b.Ignore(s => s.ExpiresAt);
        b.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyItemConfiguration : IEntityTypeConfiguration<SurveyItem>
{
    public void Configure(EntityTypeBuilder<SurveyItem> b)
    {
        b.HasIndex(i => new { i.SurveyId, i.Key }).IsUnique();
        b.Property(i => i.Key).HasMaxLength(SurveyLimits.ItemKey);
        b.Property(i => i.TextEn).HasMaxLength(SurveyLimits.ItemText);
        b.Property(i => i.TextFr).HasMaxLength(SurveyLimits.ItemText);
        b.Property(i => i.TextKo).HasMaxLength(SurveyLimits.ItemText);
    }
}

internal sealed class SurveyInvitationConfiguration : IEntityTypeConfiguration<SurveyInvitation>
{
    public void Configure(EntityTypeBuilder<SurveyInvitation> b)
    {
        b.HasOne<Survey>().WithMany().HasForeignKey(i => i.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(i => i.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<MemberContact>().WithMany().HasForeignKey(i => i.ContactId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(i => new { i.SurveyId, i.MemberId }).IsUnique(); // one voice per organisation
        b.Property(i => i.Language).HasMaxLength(SurveyLimits.Language);
    }
}

internal sealed class SurveyLinkConfiguration : IEntityTypeConfiguration<SurveyLink>
{
    public void Configure(EntityTypeBuilder<SurveyLink> b)
    {
        b.HasOne(l => l.Invitation).WithMany().HasForeignKey(l => l.InvitationId).OnDelete(DeleteBehavior.Cascade);
        b.Property(l => l.TokenHash).HasMaxLength(SurveyLimits.TokenHash);
        b.HasIndex(l => l.TokenHash).IsUnique();
    }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> b)
    {
        b.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.SurveyId, r.MemberType });
    }
}

internal sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> b)
    {
        b.HasOne<SurveyItem>().WithMany().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.ResponseId, a.ItemId }).IsUnique();
    }
}
