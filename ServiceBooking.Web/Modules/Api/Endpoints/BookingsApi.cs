using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Api;
using ServiceBooking.Web.Modules.Bookings;
using ServiceBooking.Web.Platform.Hosting;

namespace ServiceBooking.Web.Modules.Api.Endpoints;

/// <summary>
/// Booking through the API, as the desk books (PRODUCT.md sections D and E): a day's free cells (from the same cached
/// grid as the pages), a visit booked for a client (the same rules: one per cell and one per client a day, kept by the
/// database; the client is emailed), cancelled (the client is emailed), and a day's bookings.
/// </summary>
public static class BookingsApi
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["Booking.NotYourCar"] = "carId",
        ["Booking.RepairType"] = "repairTypeId",
        ["Booking.AdvisorUnavailable"] = "advisorId",
        ["Slot."] = "time",
        ["Booking.DayOff"] = "date",
        ["Booking.InThePast"] = "time",
        ["Booking.BeyondHorizon"] = "date",
    };

    public static void MapBookingsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/days/{date}/cells", FreeCellsAsync).WithTags("Bookings").RequireScope(ApiScopes.Read)
            .WithSummary("The day's free cells: each half-hour a service advisor can still be booked for.");
        var bookings = api.MapGroup("/bookings").WithTags("Bookings");
        bookings.MapGet("", ListAsync).RequireScope(ApiScopes.Read, Policies.Staff).WithSummary("A day's active bookings.");
        bookings.MapPost("", BookAsync).RequireScope(ApiScopes.Bookings, Policies.Staff).Idempotent()
            .WithSummary("Books a visit for a client: a free cell, the client's car and a repair type for it.");
        bookings.MapPost("/{id:int}/cancel", CancelAsync).RequireScope(ApiScopes.Bookings, Policies.Staff)
            .WithSummary("Cancels a booking (the client is emailed, with the reason when given).");
    }

    private static async Task<Ok<FreeCellsDto>> FreeCellsAsync(DateOnly date, BookingCalendar calendar, CancellationToken cancellationToken)
    {
        var grid = await calendar.DayAsync(date, null, cancellationToken);
        var names = grid.Advisors.ToDictionary(a => a.Id, a => a.Name);
        return TypedResults.Ok(new FreeCellsDto(date, grid.IsClosedDay,
            [.. grid.Cells.Values.Where(c => c.IsBookable).OrderBy(c => c.Start).ThenBy(c => c.AdvisorId).Select(c => new FreeCellDto(c.Start, c.AdvisorId, names[c.AdvisorId]))]));
    }

    private static async Task<Ok<List<BookingDto>>> ListAsync(DateOnly date, BookingDesk desk, CancellationToken cancellationToken) =>
        TypedResults.Ok((await desk.SummariesAsync(date, cancellationToken)).Values.OrderBy(s => s.Start).ThenBy(s => s.Advisor, StringComparer.Ordinal)
            .Select(BookingDto.Of).ToList());

    private static async Task<Results<Created<BookingDto>, ProblemHttpResult>> BookAsync(
        NewBooking body, ClaimsPrincipal user, BookingDesk desk, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        if (ApiProblems.Required(text, ("clientId", body.ClientId), ("carId", body.CarId), ("date", body.Date), ("time", body.Time),
                ("advisorId", body.AdvisorId), ("repairTypeId", body.RepairTypeId)) is { } missing)
        {
            return missing;
        }

        var draft = new BookingDraft(body.Date!.Value, body.Time!.Value, body.AdvisorId!.Value, body.CarId!.Value, body.RepairTypeId!.Value,
            body.ClientId!, user.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var outcome = await desk.BookAsync(draft, cancellationToken);
        return outcome.Booking is { } booking
            ? TypedResults.Created($"{ApiModule.Prefix}/bookings/{booking.Id}", BookingDto.Of((await desk.SummaryAsync(booking.Id, cancellationToken))!))
            : ApiProblems.Refused(outcome.Refusal!, text, Fields);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> CancelAsync(
        int id, CancelBooking? body, ClaimsPrincipal user, BookingDesk desk, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken) =>
        await desk.CancelByStaffAsync(id, user.FindFirstValue(ClaimTypes.NameIdentifier)!, body?.Reason, cancellationToken) switch
        {
            null => ApiProblems.NotFound(text),
            { Refusal: { } refusal } => ApiProblems.Refused(refusal, text),
            _ => TypedResults.NoContent(),
        };
}
