using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Hosting;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Web.Modules.Bookings.Pages.Manager.Calendar;

/// <summary>
/// The manager's desk: the same calendar and grid as clients see, with who booked what; a free cell books for a client
/// found by name, phone, email or plate; a booking can be deleted with a reason, and the client is emailed. The grid
/// is live (<see cref="LiveGridStreams"/>), so managers see each other's and clients' changes as they are made.
/// </summary>
[EnableRateLimiting(RateLimits.Booking)]
public sealed class Index(
    BookingCalendar calendar, BookingDesk desk, BookingHistory history, LiveGrids grids, DeskClients clients,
    UserManager<ApplicationUser> users,
    IOptions<BookingOptions> options, IStringLocalizer<SharedResource> text)
    : PageModel
{
    public const string Path = "/Manager/Calendar";

    public MonthView Month { get; private set; } = default!;

    public DeskDay Day { get; private set; } = default!;

    public int PollSeconds => options.Value.FallbackPollSeconds;

    private string Me => users.GetUserId(User)!;

    public async Task OnGetAsync(DateOnly? date, DateOnly? month, CancellationToken cancellationToken)
    {
        var day = date ?? await calendar.FirstOpenDayAsync(cancellationToken);
        Month = await calendar.MonthAsync(month ?? day, day, viewerId: null, cancellationToken);
        Day = await DayAsync(day, withMonth: false, oob: false, cancellationToken);
    }

    public async Task<IActionResult> OnGetMonthAsync(DateOnly month, CancellationToken cancellationToken) =>
        Fragment("_Month", await calendar.MonthAsync(month, selected: null, viewerId: null, cancellationToken));

    /// <summary>
    /// htmx: the day's grid and the calendar; with <paramref name="refresh"/> the grid alone, as a conditional answer
    /// (304 while the day is unchanged): what the desk asks when its stream says to re-fetch, and polls while it is down.
    /// </summary>
    public async Task<IActionResult> OnGetDayAsync(DateOnly date, bool refresh, CancellationToken cancellationToken)
    {
        if (refresh && GridCaching.IsNotModified(HttpContext, await grids.ETagAsync(date, GridMode.Desk, cancellationToken)))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        var day = await DayAsync(date, withMonth: !refresh, oob: false, cancellationToken);
        if (refresh)
        {
            Response.Headers.ETag = day.Grid.ETag;
        }

        return Fragment("_Day", day);
    }

    /// <summary>htmx: a free cell's panel; without a client, the client search; with one, their cars and the work.</summary>
    public async Task<IActionResult> OnGetPanelAsync(DateOnly date, TimeOnly time, int advisorId, string? clientId, int? carId, CancellationToken cancellationToken)
    {
        var grid = await calendar.DayAsync(date, viewerId: null, cancellationToken);
        var advisor = grid.Advisors.FirstOrDefault(a => a.Id == advisorId);
        if (advisor is null || !grid.Cells.TryGetValue((time, advisorId), out var cell))
        {
            return NotFound();
        }

        var slot = new DeskSlot(date, time, advisorId, advisor.Name);
        if (!cell.IsBookable)
        {
            return Fragment("_Panel", new DeskPanel(DeskPanelState.Refused, slot) { Message = text["Domain.Booking.CellTaken"] });
        }

        if (clientId is null)
        {
            return Fragment("_Panel", new DeskPanel(DeskPanelState.FindClient, slot));
        }

        var client = await users.FindByIdAsync(clientId);
        if (client is null)
        {
            return NotFound();
        }

        var cars = await desk.CarsOfAsync(client.Id, cancellationToken);
        var chosen = carId ?? cars.FirstOrDefault()?.Id;
        var types = chosen is { } id ? await desk.RepairTypesForAsync(id, client.Id, cancellationToken) ?? [] : [];
        return Fragment("_Panel", new DeskPanel(DeskPanelState.Choose, slot) { Client = client, Cars = cars, CarId = chosen, RepairTypes = types });
    }

    /// <summary>htmx: clients matching a name, phone, email or plate (at most 20).</summary>
    public async Task<IActionResult> OnGetClientsAsync(string? q, DateOnly date, TimeOnly time, int advisorId, CancellationToken cancellationToken)
    {
        var found = await clients.FindAsync(q, cancellationToken);
        return Fragment("_Clients", new ClientResults(new DeskSlot(date, time, advisorId, string.Empty), q ?? string.Empty, found));
    }

    public async Task<IActionResult> OnGetRepairTypesAsync(string clientId, int carId, CancellationToken cancellationToken) =>
        await desk.RepairTypesForAsync(carId, clientId, cancellationToken) is { } types
            ? Fragment("_RepairTypes", new RepairTypesView(types, null, null))
            : NotFound();

    public IActionResult OnGetClosePanel() => Fragment("_Panel", DeskPanel.Hidden);

    /// <summary>htmx: books the cell for the client. Win or lose, the answer carries a fresh grid.</summary>
    public async Task<IActionResult> OnPostBookAsync(
        DateOnly date, TimeOnly time, int advisorId, string clientId, int? carId, int? repairTypeId, CancellationToken cancellationToken)
    {
        var client = await users.FindByIdAsync(clientId);
        if (client is null)
        {
            return NotFound();
        }

        var slot = new DeskSlot(date, time, advisorId, await calendar.AdvisorNameAsync(date, advisorId, cancellationToken));
        if (carId is null || repairTypeId is null)
        {
            var cars = await desk.CarsOfAsync(client.Id, cancellationToken);
            var chosen = carId ?? cars.FirstOrDefault()?.Id;
            var types = chosen is { } id ? await desk.RepairTypesForAsync(id, client.Id, cancellationToken) ?? [] : [];
            return Fragment("_Panel", new DeskPanel(DeskPanelState.Choose, slot)
            {
                Client = client, Cars = cars, CarId = chosen, RepairTypes = types, Message = text["Booking.ChooseWork"],
            });
        }

        var outcome = await desk.BookAsync(new BookingDraft(date, time, advisorId, carId.Value, repairTypeId.Value, client.Id, Me), cancellationToken);
        var panel = outcome.Succeeded
            ? new DeskPanel(DeskPanelState.Done, slot) { Client = client, Booked = outcome.Booking }
            : new DeskPanel(DeskPanelState.Refused, slot) { Client = client, Message = text.Message(outcome.Refusal!) };
        return Fragment("_Panel", panel with { Day = await DayAsync(date, withMonth: false, oob: true, cancellationToken) });
    }

    /// <summary>htmx: a booking's details and history, with the form to delete it.</summary>
    public async Task<IActionResult> OnGetBookingAsync(int id, CancellationToken cancellationToken)
    {
        var summary = await desk.SummaryAsync(id, cancellationToken);
        return summary is null
            ? NotFound()
            : Fragment("_Panel", new DeskPanel(DeskPanelState.Booking, new DeskSlot(summary.Date, summary.Start, 0, summary.Advisor))
            {
                Summary = summary,
                History = await history.ForStaffAsync(id, cancellationToken),
            });
    }

    /// <summary>htmx: deletes a booking; the client is emailed (with the reason, when given).</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, string? reason, CancellationToken cancellationToken)
    {
        var outcome = await desk.CancelByStaffAsync(id, Me, reason, cancellationToken);
        if (outcome is null)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            var summary = await desk.SummaryAsync(id, cancellationToken);
            var slot = summary is null ? new DeskSlot(default, default, 0, string.Empty) : new DeskSlot(summary.Date, summary.Start, 0, summary.Advisor);
            return Fragment("_Panel", new DeskPanel(DeskPanelState.Refused, slot) { Message = text.Message(outcome.Refusal!) });
        }

        var booking = outcome.Booking!;
        var deleted = new DeskSlot(booking.Date, booking.Start, booking.AdvisorId, $"{booking.Advisor.LastName} {booking.Advisor.FirstName}");
        return Fragment("_Panel", new DeskPanel(DeskPanelState.Deleted, deleted)
        {
            Message = text["Desk.DeletedAndEmailed"],
            Day = await DayAsync(booking.Date, withMonth: false, oob: true, cancellationToken),
        });
    }

    private async Task<DeskDay> DayAsync(DateOnly date, bool withMonth, bool oob, CancellationToken cancellationToken) => new(
        await grids.DeskAsync(date, cancellationToken),
        withMonth ? await calendar.MonthAsync(date, date, viewerId: null, cancellationToken) : null,
        oob,
        PollSeconds);

    private PartialViewResult Fragment(string name, object model)
    {
        Response.Headers.Vary = "HX-Request";
        return Partial(name, model);
    }
}
