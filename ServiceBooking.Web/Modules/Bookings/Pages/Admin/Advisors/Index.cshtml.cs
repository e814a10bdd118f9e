using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Web.Platform.Admin;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Web.Modules.Bookings.Pages.Admin.Advisors;

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
        if (await AdminEntries.ToggleAsync<ServiceAdvisor>(db, id, cancellationToken) is not { } advisor)
        {
            return NotFound();
        }

        StatusMessage = text[advisor.IsActive ? "Admin.Advisors.Activated" : "Admin.Advisors.Deactivated", advisor.Name.FullName];
        return RedirectToPage();
    }

    /// <summary>Deletes an advisor nobody has booked; one with bookings is deactivated instead, and the message says so.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var deleted = await AdminEntries.DeleteUnusedAsync<ServiceAdvisor>(
            db, id, () => CountUsesAsync(id, cancellationToken), cancellationToken);
        if (deleted is not ({ } advisor, var uses))
        {
            return NotFound();
        }

        StatusMessage = uses > 0
            ? text["Admin.Advisors.InUse", advisor.Name.FullName, uses]
            : text["Admin.Advisors.Deleted", advisor.Name.FullName];
        return RedirectToPage();
    }

    /// <summary>Bookings (past, upcoming or cancelled) that name the advisor: they keep the row alive.</summary>
    private Task<int> CountUsesAsync(int advisorId, CancellationToken cancellationToken) =>
        db.Bookings.CountAsync(b => b.AdvisorId == advisorId, cancellationToken);
}
