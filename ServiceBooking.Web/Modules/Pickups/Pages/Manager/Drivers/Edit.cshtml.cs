using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Web.Modules.Accounts;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Web.Modules.Pickups.Pages.Manager.Drivers;

/// <summary>Adds a driver (no id: the account, the Driver role, the welcome email and the profile) or edits one.</summary>
public sealed class Edit(DriverDirectory drivers, PickupRequests requests, IStringLocalizer<SharedResource> text) : PageModel
{
    [FromRoute]
    public string? Id { get; set; }

    [BindProperty]
    public DriverInput Input { get; set; } = new();

    public IReadOnlyList<PickupOption> Districts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is not null)
        {
            if (await drivers.FindAsync(Id, cancellationToken) is not { } driver)
            {
                return NotFound();
            }

            Input = new DriverInput { DistrictIds = [.. driver.DistrictIds], IsActive = driver.IsActive };
            Input.Show(driver.Nickname, driver.Email, driver.Name, driver.Phone);
        }

        Districts = await requests.AllDistrictsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Id is not null)
        {
            // Nickname and email are not changed here; they only have to pass validation.
            ModelState.Remove("Input.Nickname");
            ModelState.Remove("Input.Email");
        }

        if (ModelState.IsValid)
        {
            var draft = new DriverDraft(Input.ToDraft(), Input.DistrictIds, Input.IsActive);
            var saved = Id is null ? await drivers.CreateAsync(draft, cancellationToken) : await drivers.UpdateAsync(Id, draft, cancellationToken);
            switch (saved)
            {
                case DriverSaved.Saved done:
                    TempData["StatusMessage"] = text[Id is null ? "Drivers.Created" : "Drivers.Saved", done.Nickname].Value;
                    return RedirectToPage("Index");
                case DriverSaved.NotFound:
                    return NotFound();
                case DriverSaved.Refused refused:
                    ModelState.AddModelError(refused.Error.Code.StartsWith("Phone.", StringComparison.Ordinal) ? "Input.Phone" : "Input.DistrictIds",
                        text.Message(refused.Error));
                    break;
                case DriverSaved.Failed failed:
                    foreach (var error in failed.Errors)
                    {
                        var field = error.Code.Contains("Email", StringComparison.Ordinal) ? "Input.Email"
                            : error.Code.Contains("UserName", StringComparison.Ordinal) ? "Input.Nickname" : string.Empty;
                        ModelState.AddModelError(field, error.Description);
                    }

                    break;
            }
        }

        Districts = await requests.AllDistrictsAsync(cancellationToken);
        return Page();
    }

    public sealed class DriverInput : StaffAccountInput
    {
        public List<int> DistrictIds { get; set; } = [];

        public bool IsActive { get; set; } = true;
    }
}
