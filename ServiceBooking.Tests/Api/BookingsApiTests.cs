using System.Net;
using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Api;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Api;

/// <summary>Booking through the API as the desk books: free cells, a visit for a client, the same rules, a cancellation.</summary>
public sealed class BookingsApiTests(BookingFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task A_bot_finds_a_free_cell_books_it_for_a_client_who_is_emailed_and_the_cell_is_no_longer_free()
    {
        var bot = Api(await TokenAsync(await StaffAsync("desk", Roles.Manager), ApiScopes.Read, ApiScopes.Bookings));
        var (_, carId) = await ClientWithRioAsync("anna");
        var clientId = await UserIdAsync("anna");
        var advisor = await AdvisorIdAsync("Кузнецов");
        var diagnostics = await RepairTypeIdAsync("Диагностика", null);
        var day = Iso(Today.AddDays(1));

        var cells = await JsonAsync(await bot.GetAsync($"/api/v1/days/{day}/cells"));
        Assert.Contains(cells.GetProperty("cells").EnumerateArray(), c => c.GetProperty("time").GetString() == "10:00:00" && c.GetProperty("advisorId").GetInt32() == advisor);

        using var booked = await PostAsync(bot, "/api/v1/bookings", new { clientId, carId, date = day, time = "10:00", advisorId = advisor, repairTypeId = diagnostics });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var booking = await JsonAsync(booked);
        Assert.Equal(("Диагностика", "Петров Иван Сергеевич"), (booking.GetProperty("work").GetString(), booking.GetProperty("clientName").GetString()));
        await Smtp.WaitForAsync("anna@example.ru");

        cells = await JsonAsync(await bot.GetAsync($"/api/v1/days/{day}/cells"));
        Assert.DoesNotContain(cells.GetProperty("cells").EnumerateArray(), c => c.GetProperty("time").GetString() == "10:00:00" && c.GetProperty("advisorId").GetInt32() == advisor);
        var list = await JsonAsync(await bot.GetAsync($"/api/v1/bookings?date={day}"));
        Assert.Equal([booking.GetProperty("id").GetInt32()], list.EnumerateArray().Select(b => b.GetProperty("id").GetInt32()));

        // The same cell again, for another client: the rule the pages keep.
        var (_, otherCar) = await ClientWithRioAsync("boris", 2);
        using var taken = await PostAsync(bot, "/api/v1/bookings", new
        {
            clientId = await UserIdAsync("boris"), carId = otherCar, date = day, time = "10:00", advisorId = advisor, repairTypeId = diagnostics,
        });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("Booking.CellTaken", (await JsonAsync(taken)).GetProperty("code").GetString());

        using var cancelled = await PostAsync(bot, $"/api/v1/bookings/{booking.GetProperty("id").GetInt32()}/cancel", new { reason = "Клиент перезвонил" });
        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        Assert.Equal(0, await DbAsync(db => db.Bookings.CountAsync(b => b.Status == ServiceBooking.Domain.Bookings.BookingStatus.Active)));
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(bot, "/api/v1/bookings/999999/cancel", new { })).StatusCode);
    }

    [Fact]
    public async Task Someone_elses_car_is_refused_next_to_its_field()
    {
        var bot = Api(await TokenAsync(await StaffAsync("desk", Roles.Manager), ApiScopes.Bookings));
        await ClientWithRioAsync("anna");
        var (_, borisCar) = await ClientWithRioAsync("boris", 2);

        using var answer = await PostAsync(bot, "/api/v1/bookings", new
        {
            clientId = await UserIdAsync("anna"), carId = borisCar, date = Iso(Today.AddDays(1)), time = "10:00",
            advisorId = await AdvisorIdAsync("Кузнецов"), repairTypeId = await RepairTypeIdAsync("Диагностика", null),
        });

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.True((await JsonAsync(answer)).GetProperty("errors").TryGetProperty("carId", out _));
    }
}
