using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Reports;
using ServiceBooking.Web.Platform;
using ServiceBooking.Web.Platform.Validation;

namespace ServiceBooking.Web.Modules.Reports.Pages.Reports;

/// <summary>
/// The workshop's figures for a period (today, this week, month or year, or days of the manager's choosing), each
/// linking to the rows it counts, with charts drawn from the tables beside them. With htmx a period change replaces
/// only <c>_Summary</c>; without it the links and the form load the page.
/// </summary>
public sealed class Index(ReportSummaries summaries, WorkshopClock clock, IStringLocalizer<SharedResource> text) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new() { ["Report.Period"] = nameof(From), ["Report.PeriodTooLong"] = nameof(To) };

    [BindProperty(SupportsGet = true)]
    public PeriodKind Period { get; set; } = PeriodKind.Month;

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Reports.Field.From")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Reports.Field.To")]
    public DateOnly? To { get; set; }

    public ReportSummary? Summary { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Response.Headers.Vary = "HX-Request";
        if (ModelState.GetFieldValidationState(nameof(Period)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            // An unknown period in the address (an old bookmark): the default one, as a link without it would show.
            ModelState.Remove(nameof(Period));
            Period = PeriodKind.Month;
        }

        if (ModelState.IsValid)
        {
            try
            {
                var period = Period == PeriodKind.Custom ? ReportPeriod.Custom(From, To) : ReportPeriod.Of(Period, clock.Today);
                Summary = await summaries.CurrentAsync(period);
                (From, To) = (period.From, period.To);
            }
            catch (DomainException error)
            {
                ModelState.AddDomainError(error, text, Fields);
            }
        }

        var partial = Request.Headers.ContainsKey("HX-Request") && !Request.Headers.ContainsKey("HX-History-Restore-Request");
        return partial ? Partial("_Summary", this) : Page();
    }

    /// <summary>The address of the rows a figure counts, for this period.</summary>
    public string ListUrl(ReportMeasure measure, object? narrowing = null) => ListUrl(measure, Summary!.Period.From, Summary.Period.To, narrowing);

    /// <summary>The address of the rows a figure counts on the days from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public string ListUrl(ReportMeasure measure, DateOnly from, DateOnly to, object? narrowing = null)
    {
        var values = new RouteValueDictionary(narrowing)
        {
            ["measure"] = measure, ["from"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["to"] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return Url.Page("/Reports/List", values)!;
    }
}
