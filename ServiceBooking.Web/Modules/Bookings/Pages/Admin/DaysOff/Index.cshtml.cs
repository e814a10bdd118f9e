using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Web.Modules.Bookings.Scheduling;
using ServiceBooking.Web.Platform.Localization;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.Bookings.Pages.Admin.DaysOff;

/// <summary>
/// The working calendar: days the service centre is closed, from today on (past ones on demand), and a form to add one.
/// "Today" is the date in the service centre's time zone, not the server's.
/// </summary>
public sealed class Index(WorkingCalendar calendar, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>A day off's rules are about its date, but for the reason's length.</summary>
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["DayOff."] = "Input.Date",
        ["DayOff.Reason"] = "Input.Reason",
    };

    [BindProperty]
    public DayOffInput Input { get; set; } = new();

    /// <summary>Show the days that have passed too.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Past { get; set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<DayOff> Days { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Show(await calendar.DaysOffAsync(Past, cancellationToken));

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Show(await calendar.DaysOffAsync(Past, cancellationToken));
            return Page();
        }

        var marking = await calendar.MarkDayOffAsync(Input.Date!.Value, Input.Reason, Past, cancellationToken);
        if (!marking.IsMarked)
        {
            ModelState.AddDomainError(marking.Refusal, text, Fields);
            Show(marking.List);
            return Page();
        }

        StatusMessage = text["Admin.DaysOff.Added", marking.Day.Date.Day()];
        return RedirectToPage(new { past = Past ? true : (bool?)null });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        if (await calendar.ReopenAsync(id, cancellationToken) is not { } day)
        {
            return NotFound();
        }

        StatusMessage = text["Admin.DaysOff.Deleted", day.Date.Day()];
        return RedirectToPage(new { past = Past ? true : (bool?)null });
    }

    private void Show(DaysOffList list) => (Today, Days) = (list.Today, list.Days);

    public sealed class DayOffInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.Date")]
        public DateOnly? Date { get; set; }

        [Display(Name = "Field.Reason")]
        public string? Reason { get; set; }
    }
}
