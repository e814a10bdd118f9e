using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceBooking.Domain.Reports;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Reports.Data;

internal sealed class StoredReportConfiguration : IEntityTypeConfiguration<StoredReport>
{
    /// <summary>One daily report per day, however many instances and runs of the job try to make it.</summary>
    public const string OneDailyPerDay = "ux_stored_reports_daily_day";

    public void Configure(EntityTypeBuilder<StoredReport> builder)
    {
        builder.ToTable("stored_reports");
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.From).HasColumnName("from_day");
        builder.Property(r => r.To).HasColumnName("to_day");
        builder.Property(r => r.CreatedById).HasMaxLength(450);
        builder.Ignore(r => r.CanDelete);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.CreatedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => r.From, OneDailyPerDay).HasDatabaseName(OneDailyPerDay).IsUnique().HasFilter("kind = 'Daily'");
        builder.HasIndex(r => new { r.Kind, r.CreatedAt }).HasDatabaseName("ix_stored_reports_kind_created");
    }
}
