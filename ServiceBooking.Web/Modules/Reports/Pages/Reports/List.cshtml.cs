using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Reports;
using ServiceBooking.Domain.WorkOrders;

namespace ServiceBooking.Web.Modules.Reports.Pages.Reports;

/// <summary>
/// The rows a figure of the reports counts, for its period and narrowing (an advisor, a mechanic, a district …), paged;
/// each row links to its booking's day, its order or its request. A bad period or an unknown measure is a 404: these
/// addresses are made by the reports page.
/// </summary>
public sealed class List(ReportSummaries summaries, ReportRows rows) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ReportMeasure Measure { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Advisor { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? RepairType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Mechanic { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Driver { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? District { get; set; }

    [BindProperty(SupportsGet = true)]
    public WorkOrderStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ReportPeriod Period { get; private set; } = default!;

    public ReportList Result { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || !Enum.IsDefined(Measure))
        {
            return NotFound();
        }

        try
        {
            Period = ReportPeriod.Custom(From, To);
        }
        catch (DomainException)
        {
            return NotFound();
        }

        var narrowing = new ReportNarrowing(Advisor, RepairType, Mechanic, Driver, District, Status);
        Result = await rows.ListAsync(Measure, narrowing, summaries.Range(Period), PageNumber, cancellationToken);
        return Page();
    }

    /// <summary>This list's address on another page.</summary>
    public string PageUrl(int page) => Url.Page("List", new
    {
        measure = Measure, from = Period.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        to = Period.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        advisor = Advisor, repairType = RepairType, mechanic = Mechanic, driver = Driver, district = District, status = Status, p = page,
    })!;
}
