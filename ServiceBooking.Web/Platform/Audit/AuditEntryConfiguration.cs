using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServiceBooking.Web.Platform.Audit;

/// <summary>
/// <c>audit_entries</c>: no foreign keys (an entry outlives the user and the entity it names), and indexes for the
/// questions the trail is asked: one entity's history (a booking's panel), everything of one kind in a period (the
/// Admin's log: role changes, price changes), everything one person did, everything in a period. The triggers that
/// refuse UPDATE, DELETE and TRUNCATE are created by the migration (<c>AuditTrailAndNoticeChannels</c>).
/// </summary>
internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public const string Table = "audit_entries";

    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable(Table);
        builder.Property(e => e.ActorKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.ActorId).HasMaxLength(450);
        builder.Property(e => e.ActorName).HasMaxLength(256);
        builder.Property(e => e.EntityType).HasMaxLength(64);
        builder.Property(e => e.EntityId).HasMaxLength(450);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Changes).HasColumnType("jsonb");
        builder.Property(e => e.RequestId).HasMaxLength(100);

        builder.HasIndex(e => new { e.EntityType, e.EntityId, e.At }).HasDatabaseName("ix_audit_entries_entity");
        builder.HasIndex(e => new { e.EntityType, e.At }).HasDatabaseName("ix_audit_entries_type_at");
        builder.HasIndex(e => new { e.ActorId, e.At }).HasFilter("actor_id IS NOT NULL").HasDatabaseName("ix_audit_entries_actor");
        builder.HasIndex(e => e.At).HasDatabaseName("ix_audit_entries_at");
    }
}
