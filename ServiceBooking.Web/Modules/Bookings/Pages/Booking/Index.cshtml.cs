using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Web.Modules.Bookings.Pages.Booking;

/// <summary>
/// The client's booking page: a month calendar, the chosen day's grid, and a panel (htmx) that books a free cell for
/// one of the client's cars. Every fragment is a handler of this page.
/// </summary>
[EnableRateLimiting(RateLimits.Booking)]
public sealed class Index(
    BookingCalendar calendar, BookingDesk desk, LiveGrids grids, UserManager<ApplicationUser> users, IOptions<BookingOptions> options,
    IStringLocalizer<SharedResource> text)
    : PageModel
{
    public const string Path = "/Booking";

    public bool HasCars { get; private set; }

    public MonthView Month { get; private set; } = default!;

    public LiveGrid Day { get; private set; } = default!;

    public int PollSeconds => options.Value.FallbackPollSeconds;

    private string Me => users.GetUserId(User)!;

    public async Task<IActionResult> OnGetAsync(DateOnly? date, DateOnly? month, CancellationToken cancellationToken)
    {
        HasCars = (await desk.CarsOfAsync(Me, cancellationToken)).Count > 0;
        if (!HasCars)
        {
            return Page();
        }

        var day = date is { } wanted && calendar.Horizon.Covers(wanted)
            ? wanted
            : await calendar.FirstOpenDayAsync(cancellationToken);
        Month = await calendar.MonthAsync(month ?? day, day, Me, cancellationToken);
        Day = await grids.ClientAsync(day, Me, cancellationToken);
        return Page();
    }

    /// <summary>htmx: another month in the calendar.</summary>
    public async Task<IActionResult> OnGetMonthAsync(DateOnly month, CancellationToken cancellationToken) =>
        Fragment("_Month", await calendar.MonthAsync(month, selected: null, Me, cancellationToken));

    /// <summary>
    /// htmx: a day's grid, with the calendar marking that day; with <paramref name="refresh"/> the grid alone, as a
    /// conditional answer (304 while the day is unchanged): what the page asks when its stream says to re-fetch, and
    /// what it polls while the stream is down.
    /// </summary>
    public async Task<IActionResult> OnGetDayAsync(DateOnly date, bool refresh, CancellationToken cancellationToken)
    {
        if (!refresh)
        {
            return Fragment("_Day", await DayViewAsync(date, cancellationToken));
        }

        if (GridCaching.IsNotModified(HttpContext, await grids.ETagAsync(date, GridMode.Client, cancellationToken)))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        var grid = await grids.ClientAsync(date, Me, cancellationToken);
        Response.Headers.ETag = grid.ETag;
        return Fragment("_Day", new DayView(grid, null, Oob: false, PollSeconds));
    }

    /// <summary>htmx: the panel for a cell: the client's cars and the work each can have, with prices.</summary>
    public async Task<IActionResult> OnGetPanelAsync(DateOnly date, TimeOnly time, int advisorId, CancellationToken cancellationToken)
    {
        var grid = await calendar.DayAsync(date, Me, cancellationToken);
        var column = grid.Advisors.FirstOrDefault(a => a.Id == advisorId);
        if (column is null || !grid.Cells.TryGetValue((time, advisorId), out var cell))
        {
            return NotFound();
        }

        if (!cell.IsBookable)
        {
            return Fragment("_Panel", PanelView.Refused(date, time, column.Name, text["Domain.Booking.CellTaken"]) with
            {
                Day = new DayView(await grids.ClientAsync(date, Me, cancellationToken), null, Oob: true, PollSeconds),
            });
        }

        var cars = await desk.CarsOfAsync(Me, cancellationToken);
        var types = cars.Count > 0 ? await desk.RepairTypesForAsync(cars[0].Id, Me, cancellationToken) ?? [] : [];
        return Fragment("_Panel", PanelView.Choose(date, time, advisorId, column.Name, cars, cars.FirstOrDefault()?.Id, types, null));
    }

    /// <summary>htmx: the repair types (with quotes) for the car chosen in the panel.</summary>
    public async Task<IActionResult> OnGetRepairTypesAsync(int carId, CancellationToken cancellationToken) =>
        await desk.RepairTypesForAsync(carId, Me, cancellationToken) is { } types
            ? Fragment("_RepairTypes", new RepairTypesView(types, null, null))
            : NotFound();

    public IActionResult OnGetClosePanel() => Fragment("_Panel", PanelView.Hidden);

    /// <summary>htmx: books the cell. Win or lose, the answer carries a fresh grid.</summary>
    public async Task<IActionResult> OnPostBookAsync(
        DateOnly date, TimeOnly time, int advisorId, int? carId, int? repairTypeId, CancellationToken cancellationToken)
    {
        var advisor = await calendar.AdvisorNameAsync(date, advisorId, cancellationToken);
        if (carId is null || repairTypeId is null)
        {
            var cars = await desk.CarsOfAsync(Me, cancellationToken);
            var chosen = carId ?? cars.FirstOrDefault()?.Id;
            var types = chosen is { } id ? await desk.RepairTypesForAsync(id, Me, cancellationToken) ?? [] : [];
            return Fragment("_Panel", PanelView.Choose(date, time, advisorId, advisor, cars, chosen, types, text["Booking.ChooseWork"]));
        }

        var outcome = await desk.BookAsync(new BookingDraft(date, time, advisorId, carId.Value, repairTypeId.Value, Me, Me), cancellationToken);
        var day = await DayViewAsync(date, cancellationToken) with { Oob = true };
        var panel = outcome.Succeeded
            ? PanelView.Done(date, time, advisor, outcome.Booking!)
            : PanelView.Refused(date, time, advisor, text.Message(outcome.Refusal!));
        return Fragment("_Panel", panel with { Day = day });
    }

    private async Task<DayView> DayViewAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var month = await calendar.MonthAsync(date, date, Me, cancellationToken);
        return new DayView(await grids.ClientAsync(date, Me, cancellationToken), month, Oob: false, PollSeconds);
    }

    private PartialViewResult Fragment(string name, object model)
    {
        Response.Headers.Vary = "HX-Request";
        return Partial(name, model);
    }
}
