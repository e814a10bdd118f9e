using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Bookings.Data;

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.Property(b => b.Start).HasColumnName("start_time");
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.ClientId).HasMaxLength(450);
        builder.Property(b => b.BookedById).HasMaxLength(450);
        builder.Property(b => b.CancelledById).HasMaxLength(450);
        builder.Property(b => b.CancellationReason).HasMaxLength(Booking.MaxReasonLength);
        builder.Ignore(b => b.Slot);
        builder.Ignore(b => b.IsActive);
        builder.OwnsOne(b => b.Quote, quote =>
        {
            quote.Property(q => q.RepairTypeName).HasMaxLength(100);
            quote.Property(q => q.Labour).IsMoney();
            quote.Property(q => q.Parts).IsMoney();
            quote.Property(q => q.Oil).IsMoney();
            quote.Property(q => q.Total).IsMoney();
            quote.Property(q => q.NormHours).HasPrecision(6, 2);
        });
        builder.Navigation(b => b.Quote).IsRequired();

        builder.HasOne(b => b.Advisor).WithMany().HasForeignKey(b => b.AdvisorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(b => b.Car).WithMany().HasForeignKey(b => b.CarId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(b => b.RepairType).WithMany().HasForeignKey(b => b.RepairTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(b => b.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(b => b.BookedById).OnDelete(DeleteBehavior.Restrict);

        // The two rules that must hold under concurrency: one active booking per cell, one per client per day.
        builder.HasIndex(b => new { b.AdvisorId, b.Date, b.Start }).IsUnique()
            .HasFilter("status = 'Active'").HasDatabaseName("ux_bookings_cell_active");
        builder.HasIndex(b => new { b.ClientId, b.Date }).IsUnique()
            .HasFilter("status = 'Active'").HasDatabaseName("ux_bookings_client_day_active");
        // The reports count bookings by when they were made and cancelled.
        builder.HasIndex(b => b.BookedAt).HasDatabaseName("ix_bookings_booked_at");
        builder.HasIndex(b => b.CancelledAt).HasFilter("cancelled_at IS NOT NULL").HasDatabaseName("ix_bookings_cancelled_at");
        builder.HasIndex(b => new { b.Date, b.AdvisorId }).HasDatabaseName("ix_bookings_date_advisor");
        builder.ToTable(t => t.HasCheckConstraint(
            "ck_bookings_start_on_grid",
            "start_time >= time '08:00' and start_time <= time '19:30' and extract(minute from start_time) in (0, 30) and extract(second from start_time) = 0"));
    }
}
