using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceBooking.Domain.Garage;
using ServiceBooking.Domain.Pickups;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Pickups.Data;

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public const string UniqueName = "ux_districts_name";

    public void Configure(EntityTypeBuilder<District> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(District.MaxNameLength);
        // Unique ignoring case: "Центральный" and "центральный" are one district (a stored lower-case copy, indexed).
        builder.Property<string>("NameKey").HasMaxLength(District.MaxNameLength).HasComputedColumnSql("lower(name)", stored: true);
        builder.HasIndex("NameKey").HasDatabaseName(UniqueName).IsUnique();
    }
}

internal sealed class DriverConfiguration : IEntityTypeConfiguration<Driver>
{
    public void Configure(EntityTypeBuilder<Driver> builder)
    {
        builder.Property(d => d.UserId).HasMaxLength(450);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.UserId).IsUnique().HasDatabaseName("ux_drivers_user");
        // The districts served, as an integer array: the dispatcher asks "serves district N" with an index (GIN).
        builder.Property(d => d.DistrictIds).HasColumnType("integer[]");
        builder.HasIndex(d => d.DistrictIds).HasMethod("gin").HasDatabaseName("ix_drivers_districts");
    }
}

internal sealed class PickupRequestConfiguration : IEntityTypeConfiguration<PickupRequest>
{
    /// <summary>The index that keeps a driver to one active job; a save that runs into it lost a race for that driver.</summary>
    public const string OneActiveJobPerDriver = "ux_pickup_requests_driver_active";

    /// <summary>The sequence invoice numbers come from: each completed job takes the next one, once.</summary>
    public const string InvoiceNumbers = "pickup_invoice_numbers";

    public void Configure(EntityTypeBuilder<PickupRequest> builder)
    {
        builder.ToTable("pickup_requests");
        builder.Property(r => r.ClientId).HasMaxLength(450);
        builder.Property(r => r.Address).HasMaxLength(PickupRequest.MaxAddressLength);
        builder.Property(r => r.Comment).HasMaxLength(PickupRequest.MaxCommentLength);
        builder.Property(r => r.DriverComment).HasMaxLength(PickupRequest.MaxCommentLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.DriverId).HasMaxLength(450);
        builder.Property(r => r.ConfirmedById).HasMaxLength(450);
        builder.Property(r => r.PaidById).HasMaxLength(450);
        builder.Property(r => r.ProposedFor).HasColumnType("timestamp without time zone");
        builder.Property(r => r.Price).HasConversion(Converters.Money).HasPrecision(12, 2);
        builder.Metadata.Model.AddSequence(InvoiceNumbers);
        builder.HasIndex(r => r.InvoiceNumber).IsUnique().HasDatabaseName("ux_pickup_requests_invoice").HasFilter("invoice_number IS NOT NULL");
        // xmin as the row's version: two dispatchers giving the same waiting request to two drivers, one is told.
        builder.Property<uint>("Version").IsRowVersion();
        builder.Ignore(r => r.WaitsForDriver);
        builder.Ignore(r => r.IsClosed);

        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.DriverId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Car>().WithMany().HasForeignKey(r => r.CarId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<District>().WithMany().HasForeignKey(r => r.DistrictId).OnDelete(DeleteBehavior.Restrict);

        // The rule that must hold under concurrency (PRODUCT.md section H): one active job per driver.
        builder.HasIndex(r => r.DriverId, OneActiveJobPerDriver).HasDatabaseName(OneActiveJobPerDriver).IsUnique()
            .HasFilter("status = 'InProgress'");
        // The district's queue: agreed, no driver yet, oldest first.
        builder.HasIndex(r => new { r.DistrictId, r.AnsweredAt }).HasDatabaseName("ix_pickup_requests_queue")
            .HasFilter("status = 'InProgress' AND driver_id IS NULL");
        builder.HasIndex(r => new { r.Status, r.RequestedAt }).HasDatabaseName("ix_pickup_requests_status_requested");
        builder.HasIndex(r => new { r.ClientId, r.RequestedAt }).HasDatabaseName("ix_pickup_requests_client");
        // The desk's table, newest first: all of them, by district, by wished day.
        builder.HasIndex(r => r.RequestedAt).HasDatabaseName("ix_pickup_requests_requested");
        builder.HasIndex(r => new { r.DistrictId, r.RequestedAt }).HasDatabaseName("ix_pickup_requests_district_requested");
        builder.HasIndex(r => new { r.WishedDate, r.RequestedAt }).HasDatabaseName("ix_pickup_requests_wished");
        // By status and district together (the desk's usual filter): the count up to CountLimit is read from this index
        // alone and the page in order, whatever the status; with the status's and the district's indexes apart, the
        // statement's generic plan ANDed both bitmaps (all 44 000 done requests of the benchmark) for every page.
        builder.HasIndex(r => new { r.Status, r.DistrictId, r.RequestedAt }).HasDatabaseName("ix_pickup_requests_status_district");
        // A driver's finished jobs, latest first (their page and card).
        builder.HasIndex(r => new { r.DriverId, r.CompletedAt }).HasDatabaseName("ix_pickup_requests_driver_completed");
        // The reports count requests by when they were completed and paid.
        builder.HasIndex(r => r.CompletedAt).HasFilter("completed_at IS NOT NULL").HasDatabaseName("ix_pickup_requests_completed");
        builder.HasIndex(r => r.PaidAt).HasFilter("paid_at IS NOT NULL").HasDatabaseName("ix_pickup_requests_paid");
    }
}
