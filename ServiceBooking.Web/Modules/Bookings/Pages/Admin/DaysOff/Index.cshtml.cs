using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Web.Modules.Accounts;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Localization;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.Bookings.Pages.Admin.DaysOff;

/// <summary>
/// The working calendar: days the service centre is closed, from today on (past ones on demand), and a form to add one.
/// "Today" is the date in the service centre's time zone, not the server's.
/// </summary>
public sealed class Index(
    ApplicationDbContext db, IStringLocalizer<SharedResource> text, WorkshopClock clock) : PageModel
{
    private const string DateIndex = "ix_days_off_date";

    private static readonly Dictionary<string, string> Fields = new()
    {
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

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Today = TodayAtTheCentre();
        if (ModelState.IsValid)
        {
            await CheckDateAsync(Input.Date!.Value, cancellationToken);
        }

        DayOff? day = null;
        if (ModelState.IsValid)
        {
            try
            {
                day = new DayOff(Input.Date!.Value, Input.Reason);
            }
            catch (DomainException error)
            {
                ModelState.AddDomainError(error, text, Fields);
            }
        }

        if (day is null)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        db.DaysOff.Add(day);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (UniqueViolation.Constraint(error) == DateIndex)
        {
            // Another admin marked the same day between our check and our save.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.Date", text["Admin.DaysOff.Duplicate", day.Date.Day()]);
            await LoadAsync(cancellationToken);
            return Page();
        }

        StatusMessage = text["Admin.DaysOff.Added", day.Date.Day()];
        return RedirectToPage(new { past = Past ? true : (bool?)null });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var day = await db.DaysOff.FindAsync([id], cancellationToken);
        if (day is null)
        {
            return NotFound();
        }

        db.DaysOff.Remove(day);
        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = text["Admin.DaysOff.Deleted", day.Date.Day()];
        return RedirectToPage(new { past = Past ? true : (bool?)null });
    }

    /// <summary>The date cannot have passed, be marked already, or have bookings on it.</summary>
    private async Task CheckDateAsync(DateOnly date, CancellationToken cancellationToken)
    {
        if (date < Today)
        {
            ModelState.AddModelError("Input.Date", text["Admin.DaysOff.InPast", Today.Day()]);
        }
        else if (await db.DaysOff.AnyAsync(d => d.Date == date, cancellationToken))
        {
            ModelState.AddModelError("Input.Date", text["Admin.DaysOff.Duplicate", date.Day()]);
        }
        else if (await CountBookingsOnAsync(date, cancellationToken) is var bookings and > 0)
        {
            ModelState.AddModelError("Input.Date", text["Admin.DaysOff.HasBookings", date.Day(), bookings]);
        }
    }

    /// <summary>How many active bookings are on the date; a day with bookings cannot simply be closed.</summary>
    private Task<int> CountBookingsOnAsync(DateOnly date, CancellationToken cancellationToken) =>
        db.Bookings.CountAsync(b => b.Date == date && b.Status == Domain.Bookings.BookingStatus.Active, cancellationToken);

    private DateOnly TodayAtTheCentre() => clock.Today;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Today = TodayAtTheCentre();
        var today = Today;
        var days = db.DaysOff.AsNoTracking();
        if (!Past)
        {
            days = days.Where(d => d.Date >= today);
        }

        Days = await days.OrderBy(d => d.Date).ToListAsync(cancellationToken);
    }

    public sealed class DayOffInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.Date")]
        public DateOnly? Date { get; set; }

        [Display(Name = "Field.Reason")]
        public string? Reason { get; set; }
    }
}
