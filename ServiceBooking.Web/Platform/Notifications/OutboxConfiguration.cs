using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServiceBooking.Web.Platform.Notifications;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.Property(m => m.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.DedupKey).HasMaxLength(200);
        builder.Property(m => m.Recipient).HasMaxLength(256);
        builder.Property(m => m.RecipientName).HasMaxLength(200);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.Headers).HasColumnType("jsonb").HasConversion(
            headers => JsonSerializer.Serialize(headers, JsonSerializerOptions.Default),
            json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, JsonSerializerOptions.Default) ?? new Dictionary<string, string>(),
            new ValueComparer<Dictionary<string, string>>(
                (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                d => d.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value)),
                d => new Dictionary<string, string>(d)));
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.Property(m => m.ClaimedBy).HasMaxLength(100);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.OutboxMessageId).OnDelete(DeleteBehavior.Cascade);

        // The same notice is never queued twice on a channel, whoever queues it and however often.
        builder.HasIndex(m => new { m.Channel, m.DedupKey }).IsUnique().HasDatabaseName("ux_outbox_channel_dedup_key");
        // What the dispatcher looks for: due messages, and claims that expired.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt }).HasDatabaseName("ix_outbox_status_next_attempt");
        builder.HasIndex(m => m.CampaignId).HasDatabaseName("ix_outbox_campaign");
        builder.HasIndex(m => m.BookingId).HasDatabaseName("ix_outbox_booking");
    }
}

internal sealed class OutboxAttachmentConfiguration : IEntityTypeConfiguration<OutboxAttachment>
{
    public void Configure(EntityTypeBuilder<OutboxAttachment> builder)
    {
        builder.ToTable("outbox_attachments");
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.ContentType).HasMaxLength(100);
    }
}
