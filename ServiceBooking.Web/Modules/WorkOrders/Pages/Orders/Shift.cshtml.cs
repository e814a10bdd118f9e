using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Web.Modules.WorkOrders.Pages.Orders;

/// <summary>
/// A mechanic's check-in and check-out, posted from the card on <c>/Orders</c> and back there with what happened. A page
/// of its own so that its policy (mechanics only) is checked before anything else, as every page's is.
/// </summary>
public sealed class Shift(Shifts shifts, UserManager<ApplicationUser> users, IStringLocalizer<SharedResource> text) : PageModel
{
    public Task<IActionResult> OnPostCheckInAsync(CancellationToken cancellationToken) =>
        ChangeAsync(() => shifts.CheckInAsync(users.GetUserId(User)!, cancellationToken), "WorkOrders.Shift.CheckedIn");

    public Task<IActionResult> OnPostCheckOutAsync(CancellationToken cancellationToken) =>
        ChangeAsync(() => shifts.CheckOutAsync(users.GetUserId(User)!, cancellationToken), "WorkOrders.Shift.CheckedOut");

    private async Task<IActionResult> ChangeAsync(Func<Task<Domain.WorkOrders.Shift>> change, string done)
    {
        try
        {
            await change();
            TempData["StatusMessage"] = text[done].Value;
        }
        catch (DomainException refusal)
        {
            TempData["ErrorMessage"] = text.Message(refusal);
        }

        return RedirectToPage("Index");
    }
}
