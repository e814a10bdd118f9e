using System.Net;
using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Domain.Catalog;
using ServiceBooking.Tests.Infrastructure;

namespace ServiceBooking.Tests.Bookings;

public sealed class BookingTests(BookingFixture fixture) : BookingTest<BookingFixture>(fixture)
{
    [Fact]
    public async Task Without_a_car_the_page_says_so_and_links_to_the_garage()
    {
        var client = await SignedInAsync(new UserBuilder("ivan"));

        var page = await client.GetAsync("/Booking");

        Assert.True(page.Has("booking-needs-car"));
        Assert.Equal("/Garage/Edit", page.Document.QuerySelector("[data-testid=booking-add-car]")!.GetAttribute("href"));
        Assert.False(page.Has("slot-grid"));
    }

    [Fact]
    public async Task The_day_grid_has_a_column_per_advisor_a_row_per_half_hour_and_closes_what_has_begun()
    {
        var (client, _) = await ClientWithRioAsync("ivan");
        var kuznetsov = await AdvisorIdAsync("Кузнецов");

        var page = await client.GetAsync("/Booking");

        Assert.Equal(Iso(Today), page.Document.QuerySelector("[data-testid=slot-grid]")!.GetAttribute("data-date"));
        // No form encloses the grid, so its buttons need no type="button" to keep from submitting one.
        Assert.Null(page.Document.QuerySelector("[data-testid=slot-grid]")!.Closest("form"));
        Assert.Equal(4, page.Document.QuerySelectorAll("[data-testid=advisor]").Length);
        Assert.Equal(24 * 4, page.Document.QuerySelectorAll("[data-testid=slot]").Length);
        Assert.Equal("closed", CellState(page, "09:00", kuznetsov));
        Assert.Equal("free", CellState(page, "09:30", kuznetsov));
        Assert.Equal("free", CellState(page, "19:30", kuznetsov));
    }

    [Fact]
    public async Task The_calendar_offers_today_to_the_horizon_and_not_days_off()
    {
        var (client, _) = await ClientWithRioAsync("ivan");

        var december = await client.GetAsync("/Booking");
        var november = await client.HtmxAsync($"/Booking?handler=Month&month={Iso(new DateOnly(2026, 11, 1))}");
        var january = await client.HtmxAsync($"/Booking?handler=Month&month={Iso(new DateOnly(2027, 1, 1))}");

        string? State(HtmlPage page, DateOnly day) => page.Document.QuerySelector($"[data-testid=calendar-day][data-date='{Iso(day)}']")?.GetAttribute("data-state");
        Assert.False(december.Has("month-previous"));
        Assert.True(december.Has("month-next"));
        Assert.Equal("past", State(november, Today.AddDays(-1)));
        Assert.Equal("open", State(december, Today));
        Assert.False(january.Has("month-next"));
        Assert.Equal("dayoff", State(january, new DateOnly(2027, 1, 5)));
        Assert.Equal("open", State(january, new DateOnly(2027, 1, 30)));
        Assert.Equal("beyondhorizon", State(january, new DateOnly(2027, 1, 31)));
    }

    [Fact]
    public async Task Choosing_a_day_gives_its_grid_and_a_calendar_that_marks_only_the_clients_own_days()
    {
        var (ivan, ivanCar) = await ClientWithRioAsync("ivan");
        var (olga, olgaCar) = await ClientWithRioAsync("olga", 2);
        var volkov = await AdvisorIdAsync("Волков");
        var kuznetsov = await AdvisorIdAsync("Кузнецов");
        var diagnostics = await RepairTypeIdAsync("Диагностика", null);
        await BookAsync(ivan, BookForm(Today, "12:00", volkov, ivanCar, diagnostics));
        await BookAsync(ivan, BookForm(Today.AddDays(2), "10:00", kuznetsov, ivanCar, diagnostics));
        await BookAsync(olga, BookForm(Today.AddDays(1), "09:00", kuznetsov, olgaCar, diagnostics));
        await BookAsync(olga, BookForm(Today.AddDays(3), "09:00", kuznetsov, olgaCar, diagnostics));

        var second = await ivan.HtmxAsync($"/Booking?handler=Day&date={Iso(Today.AddDays(1))}");
        var third = await ivan.HtmxAsync($"/Booking?handler=Day&date={Iso(Today.AddDays(2))}");

        string[] Marked(HtmlPage page) => [.. page.Document.QuerySelectorAll("[data-testid=calendar-day]")
            .Where(d => d.QuerySelector(".own-marker") is not null).Select(d => d.GetAttribute("data-date")!)];
        string? Selected(HtmlPage page) => page.Document.QuerySelector("[data-testid=calendar-day][aria-current=date]")?.GetAttribute("data-date");
        Assert.Equal(Iso(Today.AddDays(1)), second.Document.QuerySelector("[data-testid=slot-grid]")!.GetAttribute("data-date"));
        Assert.Equal(("busy", "free"), (CellState(second, "09:00", kuznetsov), CellState(second, "12:00", volkov)));
        Assert.Equal([Iso(Today), Iso(Today.AddDays(2))], Marked(second));
        Assert.Equal(Iso(Today.AddDays(1)), Selected(second));
        Assert.Equal(("own", "free"), (CellState(third, "10:00", kuznetsov), CellState(third, "12:00", volkov)));
        Assert.Equal([Iso(Today), Iso(Today.AddDays(2))], Marked(third));
        Assert.Equal(Iso(Today.AddDays(2)), Selected(third));
    }

    [Fact]
    public async Task The_panel_offers_the_cars_work_with_prices_that_follow_the_formula()
    {
        var (client, carId) = await ClientWithRioAsync("ivan");
        var advisor = await AdvisorIdAsync("Кузнецов");

        var panel = await client.HtmxAsync($"/Booking?handler=Panel&date={Iso(Today)}&time=10:00&advisorId={advisor}");

        var offered = panel.Document.QuerySelectorAll("[data-testid=repair-type]").Select(e => e.GetAttribute("data-name")).ToList();
        Assert.Equal(["Диагностика", "ТО-1", "ТО-2", "ТО-3", "ТО-4"], offered);
        var expected = await DbAsync(async db =>
        {
            var type = await db.RepairTypes.Include(t => t.LabourRate).Include(t => t.CarModel).Include(t => t.Parts).ThenInclude(p => p.Part)
                .SingleAsync(t => t.Name == "ТО-1" && t.CarModel!.Name == "Kia Rio (IV)");
            var model = await db.CarModels.Include(m => m.Engine).ThenInclude(e => e.Oil).SingleAsync(m => m.Name == "Kia Rio (IV)");
            return CostCalculator.Calculate(type, model).Total;
        });
        var shown = panel.Document.QuerySelector("[data-testid=repair-type][data-name='ТО-1'] [data-testid=repair-type-total]")!.TextContent;
        // 1,0 h × 2 600 × 1,05 = 2 730; filter 650; 3,6 l × 950 = 3 420.
        Assert.Equal(6800.00m, expected.Amount);
        Assert.Equal("6 800,00 ₽", shown.Replace('\u00A0', ' '));
        Assert.NotNull(panel.Document.QuerySelector($"[data-testid=booking-car][value='{carId}'][checked]"));
    }

    [Fact]
    public async Task Booking_stores_the_quote_and_the_cell_becomes_the_clients_own()
    {
        var (client, carId) = await ClientWithRioAsync("ivan");
        var advisor = await AdvisorIdAsync("Соколова");
        var to1 = await RepairTypeIdAsync("ТО-1", "Kia Rio (IV)");

        var result = await BookAsync(client, BookForm(Today, "10:00", advisor, carId, to1));

        Assert.True(result.Has("booking-done"));
        Assert.Equal("6 800,00 ₽", result.TestId("booking-done-price")!.Replace('\u00A0', ' '));
        Assert.Equal("own", CellState(result, "10:00", advisor));
        var booking = await DbAsync(db => db.Bookings.SingleAsync());
        Assert.Equal((Today, new TimeOnly(10, 0), BookingStatus.Active, "ТО-1", 6800.00m),
            (booking.Date, booking.Start, booking.Status, booking.Quote.RepairTypeName, booking.Quote.Total.Amount));
        Assert.Equal((2730.00m, 650.00m, 3420.00m), (booking.Quote.Labour.Amount, booking.Quote.Parts.Amount, booking.Quote.Oil.Amount));
    }

    [Fact]
    public async Task A_later_oil_price_change_does_not_touch_a_stored_quote_but_changes_new_ones()
    {
        var (client, carId) = await ClientWithRioAsync("ivan");
        var advisor = await AdvisorIdAsync("Соколова");
        await BookAsync(client, BookForm(Today, "10:00", advisor, carId, await RepairTypeIdAsync("ТО-1", "Kia Rio (IV)")));

        await DbAsync(db => db.Database.ExecuteSqlRawAsync("update oils set price_per_litre = 1000 where brand = 'Shell Helix HX8'"));
        var panel = await client.HtmxAsync($"/Booking?handler=Panel&date={Iso(Today.AddDays(1))}&time=10:00&advisorId={advisor}");

        Assert.Equal(6800.00m, (await DbAsync(db => db.Bookings.SingleAsync())).Quote.Total.Amount);
        Assert.Equal("6 980,00 ₽", panel.Document.QuerySelector("[data-testid=repair-type][data-name='ТО-1'] [data-testid=repair-type-total]")!.TextContent.Replace('\u00A0', ' '));
    }

    [Theory]
    [InlineData(0, "09:00", "Это время уже прошло.")]
    [InlineData(35, "10:00", "05.01.2027 сервис не работает.")]
    [InlineData(61, "10:00", "Запись открыта до 30.01.2027.")]
    [InlineData(1, "20:00", "Запись возможна с 08:00 до 20:00.")]
    [InlineData(1, "10:15", "Визит начинается в начале часа или в половине.")]
    public async Task A_cell_that_cannot_be_booked_is_refused_with_the_reason(int daysAhead, string time, string message)
    {
        var (client, carId) = await ClientWithRioAsync("ivan");

        var result = await BookAsync(client, BookForm(Today.AddDays(daysAhead), time, await AdvisorIdAsync("Волков"), carId,
            await RepairTypeIdAsync("Диагностика", null)));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal(message, result.TestId("booking-refused-message"));
        Assert.Equal(0, await DbAsync(db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task Someone_elses_car_and_work_for_another_model_are_refused()
    {
        var (client, carId) = await ClientWithRioAsync("ivan");
        var (_, otherCar) = await ClientWithRioAsync("olga", 2);
        var advisor = await AdvisorIdAsync("Волков");

        var notMine = await BookAsync(client, BookForm(Today, "11:00", advisor, otherCar, await RepairTypeIdAsync("Диагностика", null)));
        var vestaWork = await BookAsync(client, BookForm(Today, "11:00", advisor, carId, await RepairTypeIdAsync("ТО-1", "Lada Vesta")));

        Assert.Equal("Выберите один из автомобилей в гараже.", notMine.TestId("booking-refused-message"));
        Assert.Equal("«ТО-1» не выполняется для Kia Rio (IV).", vestaWork.TestId("booking-refused-message"));
        Assert.Equal(0, await DbAsync(db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task A_taken_cell_and_a_second_booking_the_same_day_are_refused()
    {
        var (ivan, ivanCar) = await ClientWithRioAsync("ivan");
        var (olga, olgaCar) = await ClientWithRioAsync("olga", 2);
        var advisor = await AdvisorIdAsync("Волков");
        var diagnostics = await RepairTypeIdAsync("Диагностика", null);
        await BookAsync(ivan, BookForm(Today, "12:00", advisor, ivanCar, diagnostics));

        var taken = await BookAsync(olga, BookForm(Today, "12:00", advisor, olgaCar, diagnostics));
        var second = await BookAsync(ivan, BookForm(Today, "15:00", advisor, ivanCar, diagnostics));
        var nextDay = await BookAsync(ivan, BookForm(Today.AddDays(1), "15:00", advisor, ivanCar, diagnostics));

        Assert.StartsWith("Извините, это время только что заняли.", taken.TestId("booking-refused-message"), StringComparison.Ordinal);
        Assert.Equal("busy", CellState(taken, "12:00", advisor));
        Assert.Equal("На 01.12.2026 уже есть запись: не больше одного визита в день.", second.TestId("booking-refused-message"));
        Assert.True(nextDay.Has("booking-done"));
    }

    [Fact]
    public async Task A_client_sees_others_bookings_as_busy_without_their_details()
    {
        var (ivan, ivanCar) = await ClientWithRioAsync("ivan");
        var (olga, _) = await ClientWithRioAsync("olga", 2);
        var advisor = await AdvisorIdAsync("Волков");
        await BookAsync(ivan, BookForm(Today, "12:00", advisor, ivanCar, await RepairTypeIdAsync("Диагностика", null)));

        var page = await olga.GetAsync($"/Booking?date={Iso(Today)}");

        Assert.Equal("busy", CellState(page, "12:00", advisor));
        Assert.DoesNotContain("Петров", page.Document.QuerySelector("[data-testid=slot-grid]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("[data-testid=slot][data-state=busy] button, [hx-get*='handler=Booking']"));
    }

    [Fact]
    public async Task Fifty_clients_racing_for_one_cell_leave_one_booking_and_fifty_answers_without_a_server_error()
    {
        var advisor = await AdvisorIdAsync("Морозова");
        var diagnostics = await RepairTypeIdAsync("Диагностика", null);
        var racers = new List<(HtmlClient Client, int CarId, HtmlPage Page)>();
        for (var i = 0; i < 50; i++)
        {
            var (client, carId) = await ClientWithRioAsync($"racer{i}", 100 + i);
            racers.Add((client, carId, await client.GetAsync("/Booking")));
        }

        var results = await Task.WhenAll(racers.Select(r =>
            r.Client.HtmxAsync("/Booking?handler=Book", r.Page, BookForm(Today, "16:00", advisor, r.CarId, diagnostics))));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Single(results, r => r.Has("booking-done"));
        var losers = results.Where(r => !r.Has("booking-done")).ToList();
        Assert.Equal(49, losers.Count);
        Assert.All(losers, r => Assert.StartsWith("Извините, это время только что заняли.", r.TestId("booking-refused-message"), StringComparison.Ordinal));
        Assert.All(losers, r => Assert.Equal("busy", CellState(r, "16:00", advisor)));
        Assert.Equal(1, await DbAsync(db => db.Bookings.CountAsync(b => b.Status == BookingStatus.Active)));
    }

    [Fact]
    public async Task One_client_racing_for_many_cells_of_one_day_gets_one_booking()
    {
        var (client, carId) = await ClientWithRioAsync("ivan");
        var page = await client.GetAsync("/Booking");
        var diagnostics = await RepairTypeIdAsync("Диагностика", null);
        var advisors = await DbAsync(db => db.ServiceAdvisors.Select(a => a.Id).ToListAsync());
        var cells = advisors.SelectMany(a => new[] { "13:00", "13:30", "14:00", "14:30", "15:00" }.Select(t => (a, t))).ToList();

        var results = await Task.WhenAll(cells.Select(c => client.HtmxAsync("/Booking?handler=Book", page, BookForm(Today, c.t, c.a, carId, diagnostics))));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Single(results, r => r.Has("booking-done"));
        Assert.All(results.Where(r => !r.Has("booking-done")), r =>
            Assert.Equal("На 01.12.2026 уже есть запись: не больше одного визита в день.", r.TestId("booking-refused-message")));
        Assert.Equal(1, await DbAsync(db => db.Bookings.CountAsync()));
    }
}
