using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.WorkOrders.Data;

internal sealed class ShiftConfiguration : IEntityTypeConfiguration<Shift>
{
    public const string OneOpenShift = "ux_shifts_mechanic_open";

    public void Configure(EntityTypeBuilder<Shift> builder)
    {
        builder.Property(s => s.MechanicId).HasMaxLength(450);
        builder.Ignore(s => s.IsOpen);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.MechanicId).OnDelete(DeleteBehavior.Restrict);
        // Checking in twice at once (two taps, two tabs) makes one shift.
        builder.HasIndex(s => s.MechanicId, OneOpenShift).HasDatabaseName(OneOpenShift).IsUnique().HasFilter("checked_out_at IS NULL");
        builder.HasIndex(s => new { s.MechanicId, s.CheckedInAt }).HasDatabaseName("ix_shifts_mechanic_checked_in");
        builder.HasIndex(s => s.CheckedInAt).HasDatabaseName("ix_shifts_checked_in");
    }
}

internal sealed class BlacklistEntryConfiguration : IEntityTypeConfiguration<BlacklistEntry>
{
    public void Configure(EntityTypeBuilder<BlacklistEntry> builder)
    {
        builder.ToTable("blacklist_entries", t => t.HasCheckConstraint("ck_blacklist_entries_someone", "client_id IS NOT NULL OR phone IS NOT NULL"));
        builder.Property(b => b.ClientId).HasMaxLength(450);
        builder.Property(b => b.Phone).HasMaxLength(Phones.MaxLength);
        builder.Property(b => b.Reason).HasMaxLength(BlacklistEntry.MaxReasonLength);
        builder.Property(b => b.AddedById).HasMaxLength(450);
        builder.Property(b => b.LiftedById).HasMaxLength(450);
        builder.Ignore(b => b.IsActive);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(b => b.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(b => b.AddedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(b => b.LiftedById).OnDelete(DeleteBehavior.Restrict);
        // One standing entry per account and per phone; lifted ones stay for the history.
        builder.HasIndex(b => b.ClientId, "ux_blacklist_entries_client_active").HasDatabaseName("ux_blacklist_entries_client_active").IsUnique().HasFilter("lifted_at IS NULL");
        builder.HasIndex(b => b.Phone, "ux_blacklist_entries_phone_active").HasDatabaseName("ux_blacklist_entries_phone_active").IsUnique().HasFilter("lifted_at IS NULL");
    }
}
