using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Web.Platform.Notifications;

namespace ServiceBooking.Web.Platform.Pages.Admin.Email;

/// <summary>
/// The outbox (every channel's notices), newest first, with counts per status and a status filter (a plain GET form); a
/// notice the dispatcher gave up on (Failed) can be queued again (<see cref="OutboxQueue"/>).
/// </summary>
public sealed class Index(OutboxQueue queue, WorkshopClock workshop, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int PageSize = OutboxQueue.PageSize;

    /// <summary>Only messages in this status; all of them when empty.</summary>
    [BindProperty(SupportsGet = true, Name = "status")]
    public OutboxStatus? Filter { get; set; }

    /// <summary>The list page, from 1 ("page" is taken by Razor Pages' routing).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyDictionary<OutboxStatus, int> Counts { get; private set; } = new Dictionary<OutboxStatus, int>();

    public int Total { get; private set; }

    public int PageCount { get; private set; } = 1;

    public IReadOnlyList<OutboxRow> Rows { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    [TempData]
    public string? ErrorMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        (Counts, Total, PageNumber, PageCount, Rows) = await queue.PageAsync(Filter, PageNumber, cancellationToken);

    /// <summary>Queues a Failed message again; one in any other status is left as it is, and the page says so.</summary>
    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken)
    {
        var (outcome, recipient, status) = await queue.RetryAsync(id, cancellationToken);
        switch (outcome)
        {
            case RetryOutcome.NotFound:
                return NotFound();
            case RetryOutcome.Retried:
                StatusMessage = text["Admin.Email.Retried", recipient];
                break;
            default:
                ErrorMessage = text["Admin.Email.NotFailed", recipient, text[StatusKey(status)]];
                break;
        }

        return RedirectToPage(new { status = Filter, p = PageNumber > 1 ? PageNumber : (int?)null });
    }

    public static string StatusKey(OutboxStatus status) => $"Admin.Email.Status.{status}";

    public static string KindKey(NoticeKind kind) => $"Admin.Email.Kind.{kind}";

    public static string ChannelKey(NoticeChannel channel) => $"Admin.Email.Channel.{channel}";

    /// <summary>An instant as the service centre's wall clock shows it.</summary>
    public string Local(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, workshop.Zone).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
}
