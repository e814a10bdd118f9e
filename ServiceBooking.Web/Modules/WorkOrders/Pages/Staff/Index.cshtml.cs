using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Web.Modules.WorkOrders.Pages.Staff;

/// <summary>
/// The staff of work orders a supervisor (or the Admin) manages, each mechanic free, busy or off shift; the day's
/// attendance (check-in and check-out times); deactivating and reactivating an account.
/// </summary>
public sealed class Index(StaffDirectory staff, IStringLocalizer<SharedResource> text) : PageModel
{
    public StaffOverview Overview { get; private set; } = default!;

    /// <summary>The attendance sheet's day (today by default).</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    [TempData]
    public string? ErrorMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Overview = await staff.OverviewAsync(WorkshopActor.Of(User), Date, cancellationToken);

    public Task<IActionResult> OnPostDeactivateAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(actor => staff.DeactivateAsync(actor, id, cancellationToken), "WorkOrders.Staff.Deactivated");

    public Task<IActionResult> OnPostReactivateAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(actor => staff.ReactivateAsync(actor, id, cancellationToken), "WorkOrders.Staff.Reactivated");

    private async Task<IActionResult> ChangeAsync(Func<WorkshopActor, Task<StaffSaved>> change, string done)
    {
        switch (await change(WorkshopActor.Of(User)))
        {
            case StaffSaved.NotFound:
                return NotFound();
            case StaffSaved.Refused refused:
                ErrorMessage = text.Message(refused.Error);
                break;
            case StaffSaved.Failed failed:
                ErrorMessage = string.Join(" ", failed.Errors.Select(e => e.Description));
                break;
            case StaffSaved.Saved saved:
                StatusMessage = text[done, saved.User.UserName ?? saved.User.Id];
                break;
        }

        return RedirectToPage();
    }
}
