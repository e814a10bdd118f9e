using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Web.Modules.Pickups.Pages.Driver;

/// <summary>
/// The driver's page, built for a phone: the active job (address, client, a phone to tap, the comment), the button to
/// mark it done with a comment, and the last jobs done. It follows the pick-ups' stream, so a job given to the driver
/// appears by itself. Only the driver's own jobs are ever shown or finished.
/// </summary>
public sealed class Index(DriverJobs jobs, UserManager<ApplicationUser> users, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public DoneInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public DriverDesk Desk { get; private set; } = new(false, false, null, []);

    private string Me => users.GetUserId(User)!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Desk = await jobs.DeskAsync(Me, cancellationToken);

    /// <summary>The active job's panel again (the live stream's and the fallback poll's request).</summary>
    public async Task<IActionResult> OnGetJobAsync(CancellationToken cancellationToken)
    {
        Desk = await jobs.DeskAsync(Me, cancellationToken);
        if (Desk.Job is not null)
        {
            // The job came: the whole panel goes (the idle one swaps only its inside), replaced by one that stops asking.
            Response.Headers["HX-Reswap"] = "outerHTML";
            Response.Headers["HX-Reselect"] = "#driver-job";
        }

        return Partial("_Job", this);
    }

    public async Task<IActionResult> OnPostDoneAsync(int id, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            switch (await jobs.CompleteAsync(Me, id, Input.Comment, cancellationToken))
            {
                case PickupChange.NotFound:
                    return NotFound();
                case PickupChange.Refused refused when refused.Error.Code.StartsWith("Pickup.DriverComment", StringComparison.Ordinal):
                    ModelState.AddModelError("Input.Comment", text.Message(refused.Error));
                    break;
                case PickupChange.Refused refused:
                    StatusMessage = text.Message(refused.Error);
                    return RedirectToPage();
                default:
                    StatusMessage = text["Driver.Completed"];
                    return RedirectToPage();
            }
        }

        Desk = await jobs.DeskAsync(Me, cancellationToken);
        return Page();
    }

    public sealed class DoneInput
    {
        [Display(Name = "Driver.Comment")]
        public string? Comment { get; set; }
    }
}
