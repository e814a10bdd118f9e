using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Domain.Garage;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.WorkOrders.Data;

internal sealed class WorkOrderConfiguration : IEntityTypeConfiguration<WorkOrder>
{
    /// <summary>The index that keeps a mechanic to one active order; a save that runs into it lost a race.</summary>
    public const string OneActiveOrderPerMechanic = "ux_work_orders_mechanic_active";

    /// <summary>One order per booking: the car arrives once.</summary>
    public const string OneOrderPerBooking = "ux_work_orders_booking";

    public void Configure(EntityTypeBuilder<WorkOrder> builder)
    {
        builder.Property(o => o.Number).HasConversion(WorkOrderConverters.Number).HasMaxLength(10);
        builder.Property(o => o.ClientId).HasMaxLength(450);
        builder.Property(o => o.ClientName).HasMaxLength(WorkOrder.MaxClientNameLength);
        builder.Property(o => o.Phone).HasMaxLength(Phones.MaxLength);
        builder.Property(o => o.Address).HasMaxLength(WorkOrder.MaxAddressLength);
        builder.Property(o => o.Comment).HasMaxLength(WorkOrder.MaxCommentLength);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.MechanicId).HasMaxLength(450);
        builder.Property(o => o.CreatedById).HasMaxLength(450);
        builder.Property(o => o.ShopMechanicId).HasMaxLength(450);
        builder.Property(o => o.ShopSum).HasConversion(Converters.Money).HasPrecision(12, 2);
        builder.Property(o => o.ArrivalMileage).HasConversion(Converters.Mileage);

        // PostgreSQL's xmin as the row's version: a supervisor assigning an order that someone changed since it was read
        // (another supervisor, a mechanic's submission) is told so instead of overwriting the change.
        builder.Property<uint>("Version").IsRowVersion();

        builder.Ignore(o => o.IsClosed);
        builder.Ignore(o => o.Pending);
        builder.Ignore(o => o.IsInShop);
        builder.Ignore(o => o.Deductions);
        builder.HasMany(o => o.Submissions).WithOne().HasForeignKey(s => s.WorkOrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Submissions).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(o => o.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(o => o.MechanicId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(o => o.ShopMechanicId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(o => o.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Car>().WithMany().HasForeignKey(o => o.CarId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Booking>().WithMany().HasForeignKey(o => o.BookingId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(o => o.Number).IsUnique().HasDatabaseName("ux_work_orders_number");
        // The rule that must hold under concurrency (PRODUCT.md section G): at most one order assigned or in progress
        // per mechanic, whoever assigns at the same moment.
        builder.HasIndex(o => o.MechanicId, OneActiveOrderPerMechanic).HasDatabaseName(OneActiveOrderPerMechanic).IsUnique()
            .HasFilter("status IN ('Assigned', 'InProgress')");
        builder.HasIndex(o => o.BookingId, OneOrderPerBooking).HasDatabaseName(OneOrderPerBooking).IsUnique().HasFilter("booking_id IS NOT NULL");
        builder.HasIndex(o => new { o.MechanicId, o.CreatedAt }).HasDatabaseName("ix_work_orders_mechanic_created");
        builder.HasIndex(o => new { o.Status, o.CreatedAt }).HasDatabaseName("ix_work_orders_status_created");
        builder.HasIndex(o => o.CreatedAt).HasDatabaseName("ix_work_orders_created");
        // The reports count orders by when they closed.
        builder.HasIndex(o => o.ClosedAt).HasFilter("closed_at IS NOT NULL").HasDatabaseName("ix_work_orders_closed");
        // … and the open ones by when they were given (the hours clocked on them).
        builder.HasIndex(o => o.AssignedAt).HasFilter("closed_at IS NULL").HasDatabaseName("ix_work_orders_open_assigned");
        builder.HasIndex(o => o.ClientId);
        builder.HasIndex(o => o.CarId);
        builder.HasIndex(o => o.ShopMechanicId);
        builder.ToTable(t => t.HasCheckConstraint("ck_work_orders_priority", $"shop_priority BETWEEN 1 AND {WorkOrder.MaxPriority}"));
    }
}

internal sealed class StageSubmissionConfiguration : IEntityTypeConfiguration<StageSubmission>
{
    public void Configure(EntityTypeBuilder<StageSubmission> builder)
    {
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.SubmittedById).HasMaxLength(450);
        builder.Property(s => s.DecidedById).HasMaxLength(450);
        builder.Property(s => s.Comment).HasMaxLength(StageSubmission.MaxCommentLength);
        builder.Property(s => s.RefusalReason).HasMaxLength(StageSubmission.MaxReasonLength);
        builder.Property(s => s.Problem).HasMaxLength(StageSubmission.MaxProblemLength);
        builder.Property(s => s.Photo).HasMaxLength(200);
        builder.Property(s => s.ContractPhoto).HasMaxLength(200);
        foreach (var money in new[] { nameof(StageSubmission.AgreedSum), nameof(StageSubmission.RefusalSum), nameof(StageSubmission.Prepayment),
                     nameof(StageSubmission.TotalReceived), nameof(StageSubmission.NetSum) })
        {
            builder.Property(money).HasConversion(Converters.Money).HasPrecision(12, 2);
        }

        // The options offered and the expense lines are values of their submission (no identity, never changed once
        // submitted): stored with it as jsonb, so the audit trail records them with the submission's other fields.
        builder.Property(s => s.Options).HasConversion(WorkOrderConverters.Options, WorkOrderConverters.OptionsComparer).HasColumnType("jsonb");
        builder.Property(s => s.Expenses).HasConversion(WorkOrderConverters.Expenses, WorkOrderConverters.ExpensesComparer).HasColumnType("jsonb");
        builder.Ignore(s => s.IsRefusal);

        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.SubmittedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.DecidedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.WorkOrderId);
        // One stage waits for the supervisor at a time: two submissions at once (two tabs, a bot) leave one.
        builder.HasIndex(s => s.WorkOrderId, "ux_stage_submissions_pending").HasDatabaseName("ux_stage_submissions_pending").IsUnique().HasFilter("state = 'Submitted'");
    }
}
