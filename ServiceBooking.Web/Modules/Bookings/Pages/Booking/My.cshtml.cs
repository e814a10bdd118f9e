using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Web.Modules.Bookings.Pages.Booking;

/// <summary>
/// The client's bookings: upcoming ones (cancellable until they start), then past and cancelled ones, each with its history
/// and its work order; the client's work orders that come from no booking come first.
/// </summary>
[EnableRateLimiting(RateLimits.Booking)]
public sealed class My(
    ClientBookings bookings, BookingDesk desk, UserManager<ApplicationUser> users,
    IStringLocalizer<SharedResource> text)
    : PageModel
{
    public IReadOnlyList<MyBooking> Upcoming { get; private set; } = [];

    public IReadOnlyList<MyBooking> Earlier { get; private set; } = [];

    /// <summary>The client's work orders opened for a call or a walk-in, not from one of their bookings.</summary>
    public IReadOnlyList<ClientOrder> OtherOrders { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    [TempData]
    public string? ErrorMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var list = await bookings.ListAsync(users.GetUserId(User)!, cancellationToken);
        (Upcoming, Earlier, OtherOrders) = (list.Upcoming, list.Earlier, list.OtherOrders);
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
