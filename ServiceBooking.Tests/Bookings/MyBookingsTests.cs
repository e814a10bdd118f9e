using System.Net;
using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Tests.Infrastructure;

namespace ServiceBooking.Tests.Bookings;

public sealed class MyBookingsTests(BookingFixture fixture) : BookingTest<BookingFixture>(fixture)
{
    private async Task<(HtmlClient Client, int CarId, int Advisor, int Diagnostics)> BookedAsync(string time = "12:00")
    {
        var (client, carId) = await ClientWithRioAsync("ivan");
        var advisor = await AdvisorIdAsync("Волков");
        var diagnostics = await RepairTypeIdAsync("Диагностика", null);
        Assert.True((await BookAsync(client, BookForm(Today, time, advisor, carId, diagnostics))).Has("booking-done"));
        return (client, carId, advisor, diagnostics);
    }

    [Fact]
    public async Task Upcoming_bookings_show_the_car_the_work_and_the_price()
    {
        var (client, _, _, _) = await BookedAsync();

        var page = await client.GetAsync("/Booking/My");

        var booking = page.Document.QuerySelector("[data-testid=upcoming] [data-testid=booking]")!;
        Assert.Equal("01.12.2026 12:00 · Волков Д. С.", booking.QuerySelector("[data-testid=booking-when]")!.TextContent);
        Assert.Contains("Kia Rio (IV), В 001 ОР 77", booking.TextContent, StringComparison.Ordinal);
        Assert.Equal("Диагностика", booking.QuerySelector("[data-testid=booking-work]")!.TextContent);
        Assert.Equal("2 310,00 ₽", booking.QuerySelector("[data-testid=booking-price]")!.TextContent.Replace('\u00A0', ' '));
    }

    [Fact]
    public async Task Cancelling_keeps_the_booking_listed_as_cancelled_and_frees_the_cell_for_someone_else()
    {
        var (client, _, advisor, diagnostics) = await BookedAsync();
        var (olga, olgaCar) = await ClientWithRioAsync("olga", 2);

        var after = await client.SubmitAsync(await client.GetAsync("/Booking/My"), "[data-testid=upcoming] form");

        Assert.Equal("Запись на 01.12.2026 в 12:00 отменена.", after.TestId("status-message"));
        Assert.True(after.Has("no-upcoming"));
        var cancelled = after.Document.QuerySelector("[data-testid=earlier] [data-testid=booking]")!;
        Assert.Equal("cancelled", cancelled.GetAttribute("data-status"));
        Assert.Equal("Отменена вами", cancelled.QuerySelector("[data-testid=booking-cancelled]")!.TextContent.Trim());
        var grid = await olga.GetAsync($"/Booking?date={Iso(Today)}");
        Assert.Equal("cancelled", CellState(grid, "12:00", advisor));
        Assert.True((await BookAsync(olga, BookForm(Today, "12:00", advisor, olgaCar, diagnostics))).Has("booking-done"));
    }

    [Fact]
    public async Task A_visit_that_has_begun_cannot_be_cancelled_online()
    {
        var (client, _, _, _) = await BookedAsync("09:30");
        var page = await client.GetAsync("/Booking/My");
        Fixture.Clock.Advance(TimeSpan.FromMinutes(25)); // 09:35 in Moscow

        var after = await client.SubmitAsync(page, "[data-testid=upcoming] form");

        Assert.StartsWith("Визит уже начался", after.TestId("error-message"), StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Active, (await DbAsync(db => db.Bookings.SingleAsync())).Status);
    }

    [Fact]
    public async Task Another_clients_booking_is_a_404_and_stays_as_it_was()
    {
        await BookedAsync();
        var id = await DbAsync(db => db.Bookings.Select(b => b.Id).SingleAsync());
        var olga = await SignedInAsync(new UserBuilder("olga"));
        var page = await olga.GetAsync("/Booking/My");
        var token = page.Document.QuerySelector("meta[name=csrf-token]")!.GetAttribute("content")!;

        using var response = await olga.PostRawAsync($"/Booking/My?id={id}&handler=Cancel", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(BookingStatus.Active, (await DbAsync(db => db.Bookings.SingleAsync())).Status);
        Assert.DoesNotContain("Волков", page.Document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_car_with_an_upcoming_booking_cannot_be_removed_and_the_message_says_why()
    {
        var (client, _, _, _) = await BookedAsync();

        var garage = await client.SubmitAsync(await client.GetAsync("/Garage"), "[data-testid=car-card] form");

        Assert.Equal("У автомобиля есть предстоящие записи (1). Сначала отмените их, затем удалите автомобиль.", garage.TestId("error-message"));
        Assert.True(garage.Has("car-card"));
    }
}

/// <summary>A service centre in Berlin, where clocks move on 28 March 2027 (02:00 CET → 03:00 CEST).</summary>
public sealed class BerlinBookingFixture : BookingFixture
{
    protected override string Zone => "Europe/Berlin";
}

public sealed class DaylightSavingTests(BerlinBookingFixture fixture) : BookingTest<BerlinBookingFixture>(fixture)
{
    [Theory]
    [InlineData("2027-03-27T07:15:00Z", "2027-03-27")] // 08:15 CET (UTC+1), the day before the change
    [InlineData("2027-03-28T06:15:00Z", "2027-03-28")] // 08:15 CEST (UTC+2), the day of the change
    [InlineData("2027-10-31T07:15:00Z", "2027-10-31")] // 08:15 CET again, the day clocks go back
    public async Task The_grid_closes_cells_by_the_service_centres_own_clock_on_both_sides_of_a_change(string utcNow, string day)
    {
        Fixture.Clock.SetUtcNow(DateTimeOffset.Parse(utcNow, System.Globalization.CultureInfo.InvariantCulture));
        var (client, _) = await ClientWithRioAsync("ivan");
        var advisor = await AdvisorIdAsync("Кузнецов");

        var page = await client.GetAsync($"/Booking?date={day}");

        Assert.Equal(day, page.Document.QuerySelector("[data-testid=slot-grid]")!.GetAttribute("data-date"));
        Assert.Equal("closed", CellState(page, "08:00", advisor));
        Assert.Equal("free", CellState(page, "08:30", advisor));
    }

    [Fact]
    public async Task A_booking_made_before_the_change_keeps_its_wall_clock_time()
    {
        Fixture.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 26, 10, 0, 0, TimeSpan.Zero));
        var (client, carId) = await ClientWithRioAsync("ivan");
        var advisor = await AdvisorIdAsync("Кузнецов");
        await BookAsync(client, BookForm(new DateOnly(2027, 3, 29), "09:00", advisor, carId, await RepairTypeIdAsync("Диагностика", null)));

        Fixture.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 29, 6, 45, 0, TimeSpan.Zero)); // 08:45 CEST
        var before = await client.GetAsync("/Booking/My");
        Fixture.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 29, 7, 5, 0, TimeSpan.Zero)); // 09:05 CEST
        var after = await client.GetAsync("/Booking/My");

        Assert.NotNull(before.Document.QuerySelector("[data-testid=upcoming] [data-testid=booking]"));
        Assert.Null(after.Document.QuerySelector("[data-testid=upcoming] [data-testid=booking]"));
        Assert.Equal("29.03.2027 09:00 · Кузнецов А. И.", after.Document.QuerySelector("[data-testid=earlier] [data-testid=booking-when]")!.TextContent);
    }
}
