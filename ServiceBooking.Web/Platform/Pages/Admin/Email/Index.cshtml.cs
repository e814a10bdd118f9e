using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Notifications;
using ServiceBooking.Web.Platform;

namespace ServiceBooking.Web.Platform.Pages.Admin.Email;

/// <summary>
/// The outbox (every channel's notices), newest first, with counts per status and a status filter (a plain GET form). A message the dispatcher
/// gave up on (Failed) can be queued again: its attempts start over and it is due at once. Only the columns the list
/// shows are read, never the bodies.
/// </summary>
public sealed class Index(ApplicationDbContext db, TimeProvider clock, WorkshopClock workshop, IStringLocalizer<SharedResource> text)
    : PageModel
{
    public const int PageSize = 50;

    /// <summary>Longer errors are cut in the list; the whole text is one click away.</summary>
    public const int ErrorPreviewLength = 80;

    /// <summary>Only messages in this status; all of them when empty.</summary>
    [BindProperty(SupportsGet = true, Name = "status")]
    public OutboxStatus? Filter { get; set; }

    /// <summary>The list page, from 1 ("page" is taken by Razor Pages' routing).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyDictionary<OutboxStatus, int> Counts { get; private set; } = new Dictionary<OutboxStatus, int>();

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    [TempData]
    public string? ErrorMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var counts = await db.Outbox.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        Counts = Enum.GetValues<OutboxStatus>().ToDictionary(s => s, s => counts.SingleOrDefault(c => c.Key == s)?.Count ?? 0);

        var shown = Filter is { } status ? db.Outbox.Where(m => m.Status == status) : db.Outbox;
        Total = Filter is { } only ? Counts[only] : Counts.Values.Sum();
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await shown.AsNoTracking()
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(m => new Row(m.Id, m.CreatedAt, m.Channel, m.Kind, m.Recipient, m.RecipientName, m.Subject, m.Status, m.Attempts, m.NextAttemptAt, m.SentAt, m.LastError))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Queues a Failed message again: Pending, no attempts counted, due now; its last error stays for reference. A message
    /// in any other status is left as it is (someone retried it already, or it went out) and the page says so.
    /// </summary>
    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken)
    {
        // The status check is part of the update, so a message that changed since the page was shown is not touched.
        var now = clock.GetUtcNow();
        var queued = await db.Outbox
            .Where(m => m.Id == id && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now), cancellationToken);
        var message = await db.Outbox.Where(m => m.Id == id).Select(m => new { m.Recipient, m.Status }).SingleOrDefaultAsync(cancellationToken);
        if (message is null)
        {
            return NotFound();
        }

        if (queued == 1)
        {
            StatusMessage = text["Admin.Email.Retried", message.Recipient];
        }
        else
        {
            ErrorMessage = text["Admin.Email.NotFailed", message.Recipient, text[StatusKey(message.Status)]];
        }

        return RedirectToPage(new { status = Filter, p = PageNumber > 1 ? PageNumber : (int?)null });
    }

    public static string StatusKey(OutboxStatus status) => $"Admin.Email.Status.{status}";

    public static string KindKey(NoticeKind kind) => $"Admin.Email.Kind.{kind}";

    public static string ChannelKey(NoticeChannel channel) => $"Admin.Email.Channel.{channel}";

    /// <summary>An instant as the service centre's wall clock shows it.</summary>
    public string Local(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, workshop.Zone).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>One line of the list: what an admin needs to see, without the bodies.</summary>
    public sealed record Row(
        long Id, DateTimeOffset CreatedAt, NoticeChannel Channel, NoticeKind Kind, string Recipient, string? RecipientName, string Subject, OutboxStatus Status, int Attempts,
        DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError)
    {
        public string? ErrorPreview =>
            LastError is { Length: > ErrorPreviewLength } error ? string.Concat(error.AsSpan(0, ErrorPreviewLength - 1), "…") : LastError;
    }
}
