using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceBooking.Domain.Campaigns;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Campaigns.Data;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.Property(c => c.Subject).HasMaxLength(Campaign.MaxSubjectLength);
        builder.Property(c => c.Body).HasMaxLength(Campaign.MaxBodyLength);
        builder.Property(c => c.Audience).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.CreatedById).HasMaxLength(450);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.Status);
    }
}
