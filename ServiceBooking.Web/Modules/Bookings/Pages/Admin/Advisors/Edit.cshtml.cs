using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Accounts;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.Bookings.Pages.Admin.Advisors;

/// <summary>Adds a service advisor (no id) or renames one. A new advisor is active: a column of the booking grid at once.</summary>
public sealed class Edit(ApplicationDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["PersonName.LastName"] = "Input.LastName",
        ["PersonName.FirstName"] = "Input.FirstName",
        ["PersonName.Patronymic"] = "Input.Patronymic",
    };

    [BindProperty]
    public AdvisorInput Input { get; set; } = new();

    [FromRoute]
    public int? Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is null)
        {
            return Page();
        }

        var advisor = await db.ServiceAdvisors.AsNoTracking().SingleOrDefaultAsync(a => a.Id == Id, cancellationToken);
        if (advisor is null)
        {
            return NotFound();
        }

        Input = new AdvisorInput { LastName = advisor.LastName, FirstName = advisor.FirstName, Patronymic = advisor.Patronymic };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var advisor = Id is null ? null : await db.ServiceAdvisors.SingleOrDefaultAsync(a => a.Id == Id, cancellationToken);
        if (Id is not null && advisor is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        PersonName name;
        try
        {
            name = PersonName.Create(Input.LastName, Input.FirstName, Input.Patronymic);
        }
        catch (DomainException error)
        {
            ModelState.AddDomainError(error, text, Fields);
            return Page();
        }

        // Two columns of the booking grid with the same heading would leave clients guessing.
        var advisorId = advisor?.Id ?? 0;
        if (await db.ServiceAdvisors.AnyAsync(
                a => a.Id != advisorId && a.LastName == name.LastName && a.FirstName == name.FirstName && a.Patronymic == name.Patronymic,
                cancellationToken))
        {
            ModelState.AddModelError("Input.LastName", text["Admin.Advisors.Duplicate", name.FullName]);
            return Page();
        }

        if (advisor is null)
        {
            db.ServiceAdvisors.Add(new ServiceAdvisor(name));
        }
        else
        {
            advisor.Rename(name);
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = text["Admin.Advisors.Saved", name.FullName].Value;
        return RedirectToPage("Index");
    }

    public sealed class AdvisorInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [NamePart("LastName")]
        [Display(Name = "Field.LastName")]
        public string LastName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [NamePart("FirstName")]
        [Display(Name = "Field.FirstName")]
        public string FirstName { get; set; } = string.Empty;

        [NamePart("Patronymic")]
        [Display(Name = "Field.Patronymic")]
        public string? Patronymic { get; set; }
    }
}
