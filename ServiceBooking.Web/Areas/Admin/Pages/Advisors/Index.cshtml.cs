using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Scheduling;
using ServiceBooking.Web.Data;

namespace ServiceBooking.Web.Areas.Admin.Pages.Advisors;

/// <summary>The service advisors: each active one is a column of the booking grid.</summary>
public sealed class Index(ApplicationDbContext db, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<ServiceAdvisor> Advisors { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Advisors = await db.ServiceAdvisors.AsNoTracking()
            .OrderBy(a => a.LastName).ThenBy(a => a.FirstName).ThenBy(a => a.Patronymic)
            .ToListAsync(cancellationToken);

    public async Task<IActionResult> OnPostToggleAsync(int id, CancellationToken cancellationToken)
    {
        var advisor = await db.ServiceAdvisors.FindAsync([id], cancellationToken);
        if (advisor is null)
        {
            return NotFound();
        }

        if (advisor.IsActive)
        {
            advisor.Deactivate();
        }
        else
        {
            advisor.Activate();
        }

        await db.SaveChangesAsync(cancellationToken);
        StatusMessage = text[advisor.IsActive ? "Admin.Advisors.Activated" : "Admin.Advisors.Deactivated", advisor.Name.FullName];
        return RedirectToPage();
    }

    /// <summary>Deletes an advisor nobody has booked; one with bookings is deactivated instead, and the message says so.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var advisor = await db.ServiceAdvisors.FindAsync([id], cancellationToken);
        if (advisor is null)
        {
            return NotFound();
        }

        var uses = await CountUsesAsync(id, cancellationToken);
        if (uses > 0)
        {
            advisor.Deactivate();
            StatusMessage = text["Admin.Advisors.InUse", advisor.Name.FullName, uses];
        }
        else
        {
            db.ServiceAdvisors.Remove(advisor);
            StatusMessage = text["Admin.Advisors.Deleted", advisor.Name.FullName];
        }

        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }

    /// <summary>How many bookings name this advisor (past ones included: they are the workshop's history).</summary>
    /// <summary>Bookings (past, upcoming or cancelled) that name the advisor: they keep the row alive.</summary>
    private Task<int> CountUsesAsync(int advisorId, CancellationToken cancellationToken) =>
        db.Bookings.CountAsync(b => b.AdvisorId == advisorId, cancellationToken);
}
