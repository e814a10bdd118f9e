using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Garage;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Web.Modules.Garage.Pages.Garage;

/// <summary>The client's garage: their cars, with a way to add, edit and remove them.</summary>
public sealed class Index(GarageService garage, UserManager<ApplicationUser> users, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<Car> Cars { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    private string Owner => users.GetUserId(User)!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Cars = await garage.CarsOfAsync(Owner, cancellationToken);

    /// <summary>Takes a car out of the garage; refused, with the reason, while it has bookings to come.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken)
    {
        try
        {
            if (await garage.RemoveAsync(Owner, id, cancellationToken) is not { } car)
            {
                return NotFound();
            }

            StatusMessage = text["Garage.Removed", car.Model.Name, car.Plate.Display];
        }
        catch (DomainException error)
        {
            TempData["ErrorMessage"] = text.Message(error);
        }

        return RedirectToPage();
    }
}
