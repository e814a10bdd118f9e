using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Garage;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Web.Modules.Garage.Pages.Garage;

/// <summary>The client's garage: their cars, with a way to add, edit and remove them.</summary>
public sealed class Index(
    ApplicationDbContext db, UserManager<ApplicationUser> users, WorkshopClock clock, IStringLocalizer<SharedResource> text)
    : PageModel
{
    public IReadOnlyList<Car> Cars { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var owner = users.GetUserId(User)!;
        Cars = await db.Cars.AsNoTracking()
            .Include(c => c.Model).ThenInclude(m => m.Engine)
            .Where(c => c.OwnerId == owner && c.IsActive)
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Takes a car out of the garage; refused, with the reason, while it has bookings to come.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken)
    {
        var owner = users.GetUserId(User)!;
        var car = await db.Cars.Include(c => c.Model)
            .SingleOrDefaultAsync(c => c.Id == id && c.OwnerId == owner && c.IsActive, cancellationToken);
        if (car is null)
        {
            return NotFound();
        }

        try
        {
            car.Remove(await UpcomingBookingsAsync(car, cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
            StatusMessage = text["Garage.Removed", car.Model.Name, car.Plate.Display];
        }
        catch (DomainException error)
        {
            TempData["ErrorMessage"] = text.Message(error);
        }

        return RedirectToPage();
    }

    /// <summary>Active bookings of the car that have not begun yet (the service centre's local time).</summary>
    private async Task<int> UpcomingBookingsAsync(Car car, CancellationToken cancellationToken)
    {
        var now = clock.LocalNow;
        var today = DateOnly.FromDateTime(now);
        var time = TimeOnly.FromDateTime(now);
        return await db.Bookings.CountAsync(
            b => b.CarId == car.Id && b.Status == Domain.Bookings.BookingStatus.Active && (b.Date > today || (b.Date == today && b.Start > time)),
            cancellationToken);
    }
}
