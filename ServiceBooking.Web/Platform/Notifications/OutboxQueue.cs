using Microsoft.EntityFrameworkCore;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Platform.Notifications;

/// <summary>One line of the Admin's list: what an admin needs to see, without the bodies.</summary>
public sealed record OutboxRow(
    long Id, DateTimeOffset CreatedAt, NoticeChannel Channel, NoticeKind Kind, string Recipient, string? RecipientName, string Subject,
    OutboxStatus Status, int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError)
{
    /// <summary>Longer errors are cut in the list; the whole text is one click away.</summary>
    public const int ErrorPreviewLength = 80;

    public string? ErrorPreview =>
        LastError is { Length: > ErrorPreviewLength } error ? string.Concat(error.AsSpan(0, ErrorPreviewLength - 1), "…") : LastError;
}

/// <summary>A page of the outbox with the counts per status.</summary>
public sealed record OutboxPage(IReadOnlyDictionary<OutboxStatus, int> Counts, int Total, int PageNumber, int PageCount, IReadOnlyList<OutboxRow> Rows);

/// <summary>What asking for a retry came to.</summary>
public enum RetryOutcome
{
    NotFound,
    Retried,

    /// <summary>The notice was not Failed (someone retried it already, or it went out): left as it is.</summary>
    NotFailed,
}

/// <summary>
/// The outbox as the Admin sees it (every channel's notices), newest first, with counts per status; a notice the
/// dispatcher gave up on can be queued again. Only the columns the list shows are read, never the bodies.
/// </summary>
public sealed class OutboxQueue(ApplicationDbContext db, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<OutboxPage> PageAsync(OutboxStatus? filter, int pageNumber, CancellationToken cancellationToken)
    {
        var counted = await db.Outbox.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var counts = Enum.GetValues<OutboxStatus>().ToDictionary(s => s, s => counted.SingleOrDefault(c => c.Key == s)?.Count ?? 0);
        var shown = filter is { } status ? db.Outbox.Where(m => m.Status == status) : db.Outbox;
        var total = filter is { } only ? counts[only] : counts.Values.Sum();
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        pageNumber = Math.Clamp(pageNumber, 1, pageCount);
        var rows = await shown.AsNoTracking()
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip((pageNumber - 1) * PageSize).Take(PageSize)
            .Select(m => new OutboxRow(m.Id, m.CreatedAt, m.Channel, m.Kind, m.Recipient, m.RecipientName, m.Subject, m.Status, m.Attempts,
                m.NextAttemptAt, m.SentAt, m.LastError))
            .ToListAsync(cancellationToken);
        return new OutboxPage(counts, total, pageNumber, pageCount, rows);
    }

    /// <summary>
    /// Queues a Failed notice again: Pending, no attempts counted, due now; its last error stays for reference. The status
    /// check is part of the update, so a notice that changed since the page was shown is not touched.
    /// </summary>
    public async Task<(RetryOutcome Outcome, string Recipient, OutboxStatus Status)> RetryAsync(long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var queued = await db.Outbox
            .Where(m => m.Id == id && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now), cancellationToken);
        var notice = await db.Outbox.Where(m => m.Id == id).Select(m => new { m.Recipient, m.Status }).SingleOrDefaultAsync(cancellationToken);
        return notice is null
            ? (RetryOutcome.NotFound, string.Empty, default)
            : (queued == 1 ? RetryOutcome.Retried : RetryOutcome.NotFailed, notice.Recipient, notice.Status);
    }
}
