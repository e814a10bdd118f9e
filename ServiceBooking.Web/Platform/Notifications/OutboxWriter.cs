using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Email;

namespace ServiceBooking.Web.Platform.Notifications;

/// <summary>
/// What to queue: an email (the channel every notice takes today; its recipient is the message's address) and where
/// it comes from. Telegram (issue 17) adds its own kind of entry to this writer, not another outbox.
/// </summary>
public sealed record OutboxEntry(EmailMessage Message, NoticeKind Kind, string DedupKey, string? UserId = null, int? BookingId = null, int? CampaignId = null);

/// <summary>Puts notices in the outbox, in the caller's transaction.</summary>
public sealed class OutboxWriter(ApplicationDbContext db, TimeProvider clock)
{
    private const int RowsPerInsert = 400;

    /// <summary>Adds one email to the context: it is stored by the caller's SaveChanges, with the change that causes it.</summary>
    public OutboxMessage Add(OutboxEntry entry)
    {
        var now = clock.GetUtcNow();
        var message = new OutboxMessage
        {
            Channel = NoticeChannel.Email,
            Kind = entry.Kind,
            DedupKey = entry.DedupKey,
            Recipient = entry.Message.To,
            RecipientName = entry.Message.ToName,
            Subject = entry.Message.Subject,
            HtmlBody = entry.Message.HtmlBody,
            TextBody = entry.Message.TextBody,
            Headers = new Dictionary<string, string>(entry.Message.Headers),
            Attachments = [.. entry.Message.Attachments.Select(a => new OutboxAttachment { FileName = a.FileName, ContentType = a.ContentType, Content = a.Content })],
            UserId = entry.UserId,
            BookingId = entry.BookingId,
            CampaignId = entry.CampaignId,
            Status = OutboxStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };
        db.Outbox.Add(message);
        return message;
    }

    /// <summary>Adds one Telegram message to the context, for the caller's SaveChanges (<paramref name="chatId"/> is the recipient).</summary>
    public OutboxMessage AddTelegram(long chatId, string text, NoticeKind kind, string dedupKey, string? userId = null)
    {
        var now = clock.GetUtcNow();
        var message = new OutboxMessage
        {
            Channel = NoticeChannel.Telegram,
            Kind = kind,
            DedupKey = dedupKey,
            Recipient = chatId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            TextBody = text,
            UserId = userId,
            Status = OutboxStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };
        db.Outbox.Add(message);
        return message;
    }

    /// <summary>
    /// Queues many emails at once (reminders, campaigns) with plain SQL: <c>INSERT … ON CONFLICT (channel, dedup_key) DO NOTHING</c>,
    /// so running a job twice, or on two instances, queues each email once. Joins the context's transaction when there
    /// is one. Returns how many were new. Attachments are not supported here.
    /// </summary>
    public async Task<int> EnqueueManyAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Any(e => e.Message.Attachments.Count > 0))
        {
            throw new ArgumentException("Bulk queuing does not take attachments.", nameof(entries));
        }

        var now = clock.GetUtcNow();
        var inserted = 0;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            foreach (var chunk in entries.Chunk(RowsPerInsert))
            {
                await using var command = connection.CreateCommand();
                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction;
                var sql = new StringBuilder(
                    "INSERT INTO outbox_messages (channel, kind, dedup_key, recipient, recipient_name, subject, html_body, text_body, headers, user_id, " +
                    "campaign_id, booking_id, status, attempts, next_attempt_at, created_at) VALUES ");
                for (var i = 0; i < chunk.Length; i++)
                {
                    var e = chunk[i];
                    var p = $"@p{i}_";
                    sql.Append(i == 0 ? string.Empty : ",")
                        .Append(CultureInfo.InvariantCulture,
                            $"('Email',{p}k,{p}d,{p}t,{p}n,{p}s,{p}h,{p}x,{p}j::jsonb,{p}u,{p}c,{p}b,'Pending',0,@now,@now)");
                    command.Parameters.Add(new NpgsqlParameter($"{p}k", e.Kind.ToString()));
                    command.Parameters.Add(new NpgsqlParameter($"{p}d", e.DedupKey));
                    command.Parameters.Add(new NpgsqlParameter($"{p}t", e.Message.To));
                    command.Parameters.Add(new NpgsqlParameter($"{p}n", NpgsqlDbType.Text) { Value = (object?)e.Message.ToName ?? DBNull.Value });
                    command.Parameters.Add(new NpgsqlParameter($"{p}s", e.Message.Subject));
                    command.Parameters.Add(new NpgsqlParameter($"{p}h", e.Message.HtmlBody));
                    command.Parameters.Add(new NpgsqlParameter($"{p}x", e.Message.TextBody));
                    command.Parameters.Add(new NpgsqlParameter($"{p}j", JsonSerializer.Serialize(e.Message.Headers)));
                    command.Parameters.Add(new NpgsqlParameter($"{p}u", NpgsqlDbType.Text) { Value = (object?)e.UserId ?? DBNull.Value });
                    command.Parameters.Add(new NpgsqlParameter($"{p}c", NpgsqlDbType.Integer) { Value = (object?)e.CampaignId ?? DBNull.Value });
                    command.Parameters.Add(new NpgsqlParameter($"{p}b", NpgsqlDbType.Integer) { Value = (object?)e.BookingId ?? DBNull.Value });
                }

                sql.Append(" ON CONFLICT (channel, dedup_key) DO NOTHING");
                command.Parameters.Add(new NpgsqlParameter("now", now));
                command.CommandText = sql.ToString();
                inserted += await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return inserted;
    }

    /// <summary>Drops what is still waiting for a booking (its reminder), in the caller's transaction.</summary>
    public Task<int> DropPendingForBookingAsync(int bookingId, NoticeKind kind, CancellationToken cancellationToken) =>
        db.Outbox
            .Where(m => m.BookingId == bookingId && m.Kind == kind && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.Status, OutboxStatus.Dropped), cancellationToken);
}
