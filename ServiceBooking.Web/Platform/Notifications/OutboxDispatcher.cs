using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Hosting;

namespace ServiceBooking.Web.Platform.Notifications;

/// <summary>
/// Delivers what is due in the outbox (a scheduled job), each notice through the sender of its channel. Notices are
/// claimed in the database (<c>FOR UPDATE SKIP LOCKED</c>, with a lease), so several instances of the site never send
/// the same one; a failed notice waits longer after each attempt and is marked Failed after the last, with its error
/// kept. An instance claims only the channels it has a sender for: a notice of another channel stays Pending, with a
/// note saying so, for an instance that has one.
/// </summary>
public sealed partial class OutboxDispatcher(
    ApplicationDbContext db, IEnumerable<INoticeSender> senders, TimeProvider clock, IOptions<OutboxOptions> options, ILogger<OutboxDispatcher> log)
    : ScheduledJob(Name)
{
    public const string Name = "outbox";

    private const string ClaimSql = """
        UPDATE outbox_messages SET status = 'Sending', claimed_by = {0}, claimed_until = {1}, attempts = attempts + 1
        WHERE id IN (
            SELECT id FROM outbox_messages
            WHERE ((status = 'Pending' AND next_attempt_at <= {2}) OR (status = 'Sending' AND claimed_until < {2}))
              AND channel = ANY({4})
            ORDER BY next_attempt_at, id
            LIMIT {3}
            FOR UPDATE SKIP LOCKED)
        RETURNING id AS "Value"
        """;

    /// <summary>
    /// Notes on due notices of channels this instance cannot send that they wait for another instance, once (a note
    /// already there, or an error from an instance that tried, is kept). Sending one clears it.
    /// </summary>
    private const string NoteUnservedSql = """
        UPDATE outbox_messages
        SET last_error = 'No sender for the ' || channel || ' channel on ' || {0} || ': kept pending for an instance that has one'
        WHERE status = 'Pending' AND next_attempt_at <= {1} AND last_error IS NULL AND NOT (channel = ANY({2}))
        """;

    private readonly Dictionary<NoticeChannel, INoticeSender> _senders = senders.ToDictionary(s => s.Channel);

    /// <summary>Sends batches until nothing is due.</summary>
    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && await DispatchBatchAsync(cancellationToken) > 0)
        {
        }
    }

    /// <summary>Claims and sends one batch; returns how many notices it claimed.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var claim = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow();
        var served = _senders.Values.Where(s => s.CanSend).Select(s => s.Channel.ToString()).ToArray();
        var ids = await db.Database
            .SqlQueryRaw<long>(ClaimSql, claim, now.AddSeconds(settings.ClaimSeconds), now, settings.BatchSize, served)
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            // Nothing this instance can send is due: whatever is due is another channel's (a cheap look, done when idle).
            if (await db.Database.ExecuteSqlRawAsync(NoteUnservedSql, [Environment.MachineName, now, served], cancellationToken) > 0)
            {
                LogUnserved(log, string.Join(", ", served));
            }

            return 0;
        }

        var messages = await db.Outbox.AsNoTracking().Include(m => m.Attachments)
            .Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(cancellationToken);

        // Promo notices go only to those who still want them, whenever they opted out.
        var optedOut = await OptedOutAsync(messages, cancellationToken);
        foreach (var dropped in messages.Where(m => m.CampaignId is not null && optedOut.Contains(m.UserId!)))
        {
            await Finish(dropped.Id, claim).ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, OutboxStatus.Dropped).SetProperty(m => m.ClaimedBy, (string?)null), cancellationToken);
        }

        foreach (var channel in messages.Where(m => m.CampaignId is null || !optedOut.Contains(m.UserId!)).GroupBy(m => m.Channel))
        {
            var toSend = channel.ToList();
            await _senders[channel.Key].SendManyAsync(toSend, (index, error) => RecordAsync(toSend[index], claim, error), cancellationToken);
        }

        return ids.Count;
    }

    private async Task RecordAsync(OutboxMessage message, string claim, Exception? error)
    {
        var now = clock.GetUtcNow();
        if (error is null)
        {
            await Finish(message.Id, claim).ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
            return;
        }

        var settings = options.Value;
        var attempts = message.Attempts; // counted when the message was claimed
        var givingUp = attempts >= settings.MaxAttempts;
        var text = $"{error.GetType().Name}: {error.Message}";
        var delay = settings.RetryDelay(attempts);
        if (error is NoticeDeferredException deferred && deferred.RetryAfter > delay)
        {
            delay = deferred.RetryAfter;
        }

        await Finish(message.Id, claim).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, givingUp ? OutboxStatus.Failed : OutboxStatus.Pending)
            .SetProperty(m => m.NextAttemptAt, now + delay)
            .SetProperty(m => m.ClaimedBy, (string?)null)
            .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, text.Length > 2000 ? text[..2000] : text), CancellationToken.None);
        LogFailed(log, error, message.Channel, message.Id, attempts, givingUp);
    }

    /// <summary>Only the claim holder may record the outcome (a claim that expired belongs to someone else now).</summary>
    private IQueryable<OutboxMessage> Finish(long id, string claim) => db.Outbox.Where(m => m.Id == id && m.ClaimedBy == claim);

    private async Task<HashSet<string>> OptedOutAsync(List<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var promoUsers = messages.Where(m => m.CampaignId is not null && m.UserId is not null).Select(m => m.UserId!).Distinct().ToList();
        return promoUsers.Count == 0
            ? []
            : (await db.Users.Where(u => promoUsers.Contains(u.Id) && u.PromoOptOut).Select(u => u.Id).ToListAsync(cancellationToken)).ToHashSet();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel} notice {MessageId} failed (attempt {Attempts}, giving up: {GivingUp})")]
    private static partial void LogFailed(ILogger logger, Exception error, NoticeChannel channel, long messageId, int attempts, bool givingUp);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notices are due on a channel this instance has no sender for (it sends {Served}); they wait for an instance that has one")]
    private static partial void LogUnserved(ILogger logger, string served);
}
