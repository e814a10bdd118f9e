using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Web.Modules.Bookings;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Localization;
using ServiceBooking.Web.Platform;

namespace ServiceBooking.Web.Modules.Bookings.Pages.Booking;

/// <summary>The client's bookings: upcoming ones (cancellable until they start), then past and cancelled ones, each with its history.</summary>
[EnableRateLimiting(RateLimits.Booking)]
public sealed class My(
    ApplicationDbContext db, BookingDesk desk, BookingHistory history, WorkshopClock clock, UserManager<ApplicationUser> users,
    IStringLocalizer<SharedResource> text)
    : PageModel
{
    public IReadOnlyList<MyBooking> Upcoming { get; private set; } = [];

    public IReadOnlyList<MyBooking> Earlier { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    [TempData]
    public string? ErrorMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = users.GetUserId(User)!;
        var now = clock.LocalNow;
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.ClientId == me)
            .OrderBy(b => b.Date).ThenBy(b => b.Start)
            .Select(b => new MyBooking(
                b.Id, b.Date, b.Start,
                BookingCalendar.ShortName(b.Advisor.LastName, b.Advisor.FirstName, b.Advisor.Patronymic),
                b.Car.Model.Name, b.Car.Plate.Value, b.Quote.RepairTypeName, b.Quote.Total, b.Status, b.CancelledByStaff, b.CancellationReason))
            .ToListAsync(cancellationToken);
        var histories = await history.ForClientAsync(me, [.. bookings.Select(b => b.Id)], cancellationToken);
        bookings = [.. bookings.Select(b => b with { History = histories.GetValueOrDefault(b.Id, []) })];
        Upcoming = [.. bookings.Where(b => b.Status == BookingStatus.Active && b.Date.ToDateTime(b.Start) > now)];
        Earlier = [.. bookings.Except(Upcoming).OrderByDescending(b => b.Date).ThenByDescending(b => b.Start)];
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken cancellationToken)
    {
        var outcome = await desk.CancelByClientAsync(id, users.GetUserId(User)!, cancellationToken);
        if (outcome is null)
        {
            return NotFound();
        }

        if (outcome.Succeeded)
        {
            var booking = outcome.Booking!;
            StatusMessage = text["Booking.Cancelled", booking.Date.Day(), booking.Start.Time()];
        }
        else
        {
            ErrorMessage = text.Message(outcome.Refusal!);
        }

        return RedirectToPage();
    }
}

public sealed record MyBooking(
    int Id,
    DateOnly Date,
    TimeOnly Start,
    string Advisor,
    string CarModel,
    string Plate,
    string Work,
    Domain.Common.Money Price,
    BookingStatus Status,
    bool CancelledByStaff,
    string? CancellationReason)
{
    /// <summary>What the client may see of the booking's history (made, moved, cancelled; no staff names).</summary>
    public IReadOnlyList<BookingHistoryEvent> History { get; init; } = [];
}
