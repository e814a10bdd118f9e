using System.Net;
using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Bookings;

public sealed class CalendarTests(BookingFixture fixture) : BookingTest<BookingFixture>(fixture)
{
    private Task<HtmlClient> ManagerAsync() => SignedInAsync(new UserBuilder("anna").InRole(Roles.Manager).WithName("Смирнова", "Анна", "Павловна"));

    private async Task<(HtmlClient Client, int CarId, int Advisor)> ClientBookedAsync(string time = "12:00")
    {
        var client = await SignedInAsync(new UserBuilder("ivan").WithPhone("+79001234567").WithName("Петров", "Иван", "Сергеевич"));
        var carId = await AddCarAsync("ivan", "Kia Rio (IV)", "Z94C241BBJR000001", "В001ОР77");
        var advisor = await AdvisorIdAsync("Волков");
        Assert.True((await BookAsync(client, BookForm(Today, time, advisor, carId, await RepairTypeIdAsync("ТО-1", "Kia Rio (IV)")))).Has("booking-done"));
        return (client, carId, advisor);
    }

    [Fact]
    public async Task A_client_is_forbidden_the_desk_and_a_stranger_is_sent_to_sign_in()
    {
        var client = await SignedInAsync(new UserBuilder("ivan"));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Manager/Calendar")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.HtmxAsync($"/Manager/Calendar?handler=Day&date={Iso(Today)}")).Status);
        Assert.Equal("/Account/Login", (await HtmlClient.For(Fixture.Site).GetAsync("/Manager/Calendar")).Url.AbsolutePath);
    }

    [Fact]
    public async Task The_desk_shows_who_booked_what_and_follows_the_days_live_stream()
    {
        var (_, _, advisor) = await ClientBookedAsync();
        var manager = await ManagerAsync();

        var page = await manager.GetAsync("/Manager/Calendar");

        var cell = page.Document.QuerySelector($"[data-testid=slot][data-time='12:00'][data-advisor='{advisor}'][data-state=busy] button")!;
        Assert.Equal("Петров Иван Сергеевич", cell.QuerySelector("b")!.TextContent);
        Assert.Equal(
            ["+7 900 123-45-67", "Kia Rio (IV), В 001 ОР 77", "ТО-1 · 6 800,00 ₽"],
            cell.QuerySelector("small")!.ChildNodes.Where(n => n.NodeType == AngleSharp.Dom.NodeType.Text).Select(n => n.TextContent.Replace('\u00A0', ' ')));
        // No form encloses the grid, so its buttons need no type="button" to keep from submitting one.
        Assert.Null(cell.Closest("form"));
        var day = page.Document.QuerySelector("[data-testid=desk-day]")!;
        Assert.Equal("sse", day.GetAttribute("hx-ext"));
        Assert.Matches($@"^/Manager/Calendar/live\?date={Iso(Today)}&v=[0-9]+$", day.GetAttribute("sse-connect"));
        // When the stream says so, and while it is down (every 5 s), the grid asks for itself conditionally.
        Assert.Equal("sse:resync, live:poll", day.GetAttribute("hx-trigger"));
        Assert.Equal($"/Manager/Calendar?handler=Day&date={Iso(Today)}&refresh=true", day.GetAttribute("hx-get"));
        Assert.Equal("5", day.GetAttribute("data-live-poll"));
        Assert.NotNull(day.QuerySelector("[data-testid=live-note][role=status][sse-swap=cells]"));
        var id = await DbAsync(db => db.Bookings.Select(b => b.Id).SingleAsync());
        var details = await manager.HtmxAsync($"/Manager/Calendar?handler=Booking&id={id}");
        Assert.Contains("+7 900 123-45-67", details.TestId("desk-booking"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("петров")]
    [InlineData("8 900 123-45-67")]
    [InlineData("ivan@example")]
    [InlineData("b001op")]
    public async Task Clients_are_found_by_name_phone_email_or_plate(string query)
    {
        await ClientBookedAsync();
        await SignedInAsync(new UserBuilder("olga").WithName("Иванова", "Ольга"));
        var manager = await ManagerAsync();

        var results = await manager.HtmxAsync($"/Manager/Calendar?handler=Clients&date={Iso(Today)}&time=15:00&advisorId=1&q={Uri.EscapeDataString(query)}");

        var found = results.Document.QuerySelectorAll("[data-testid=client-match]").Select(m => m.QuerySelector(".fw-semibold")!.TextContent).ToList();
        Assert.Equal(["Петров Иван Сергеевич"], found);
    }

    [Fact]
    public async Task A_manager_books_a_free_cell_for_a_client()
    {
        await SignedInAsync(new UserBuilder("ivan"));
        var carId = await AddCarAsync("ivan", "Lada Vesta", "XTAGFL110KY123456", "Х777КХ197");
        var manager = await ManagerAsync();
        var advisor = await AdvisorIdAsync("Морозова");
        var clientId = await DbAsync(db => db.Users.Where(u => u.UserName == "ivan").Select(u => u.Id).SingleAsync());
        var desk = await manager.GetAsync("/Manager/Calendar");

        var panel = await manager.HtmxAsync($"/Manager/Calendar?handler=Panel&date={Iso(Today)}&time=14:30&advisorId={advisor}&clientId={clientId}");
        Assert.Equal(["Диагностика", "ТО-1", "ТО-2", "ТО-3", "ТО-4"], panel.Document.QuerySelectorAll("[data-testid=repair-type]").Select(t => t.GetAttribute("data-name")));
        var form = BookForm(Today, "14:30", advisor, carId, await RepairTypeIdAsync("ТО-2", "Lada Vesta"));
        form["clientId"] = clientId;
        var result = await manager.HtmxAsync("/Manager/Calendar?handler=Book", desk, form);

        Assert.True(result.Has("booking-done"));
        Assert.Equal("busy", CellState(result, "14:30", advisor));
        var booking = await DbAsync(db => db.Bookings.SingleAsync());
        var managerId = await DbAsync(db => db.Users.Where(u => u.UserName == "anna").Select(u => u.Id).SingleAsync());
        Assert.Equal((clientId, managerId, "ТО-2"), (booking.ClientId, booking.BookedById, booking.Quote.RepairTypeName));
    }

    [Fact]
    public async Task Deleting_a_booking_cancels_it_with_the_reason_and_the_client_is_emailed()
    {
        var (client, _, advisor) = await ClientBookedAsync();
        var manager = await ManagerAsync();
        var desk = await manager.GetAsync("/Manager/Calendar");
        var id = await DbAsync(db => db.Bookings.Select(b => b.Id).SingleAsync());

        var result = await manager.HtmxAsync($"/Manager/Calendar?handler=Delete&id={id}", desk,
            new Dictionary<string, string> { ["reason"] = "Подъёмник на ремонте" });

        Assert.Equal("Запись удалена, клиенту отправлено письмо.", result.TestId("desk-deleted-message"));
        Assert.Equal("cancelled", CellState(result, "12:00", advisor));
        var booking = await DbAsync(db => db.Bookings.SingleAsync());
        Assert.Equal((BookingStatus.Cancelled, true, "Подъёмник на ремонте"), (booking.Status, booking.CancelledByStaff, booking.CancellationReason));
        var mail = await Smtp.WaitForAsync(m => m.To == "ivan@example.ru" && m.Message.Subject == "Ваша запись в сервис отменена");
        Assert.Contains("Причина: Подъёмник на ремонте", mail.Text, StringComparison.Ordinal);
        Assert.Contains("01.12.2026 в 12:00", mail.Text, StringComparison.Ordinal);
        Assert.EndsWith("/Booking/My", mail.Link("/Booking/My"), StringComparison.Ordinal);
        var mine = await client.GetAsync("/Booking/My");
        Assert.Contains("Отменена сервисом", mine.TestId("booking-cancelled"), StringComparison.Ordinal);
        Assert.Contains("Подъёмник на ремонте", mine.TestId("booking-cancelled"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_an_unknown_booking_is_a_404_and_a_client_cannot_delete_at_all()
    {
        await ClientBookedAsync();
        var manager = await ManagerAsync();
        var desk = await manager.GetAsync("/Manager/Calendar");
        var id = await DbAsync(db => db.Bookings.Select(b => b.Id).SingleAsync());
        var olga = await SignedInAsync(new UserBuilder("olga"));
        var olgaPage = await olga.GetAsync("/Booking");

        var unknown = await manager.HtmxAsync("/Manager/Calendar?handler=Delete&id=999999", desk, new Dictionary<string, string>());
        var byClient = await olga.HtmxAsync($"/Manager/Calendar?handler=Delete&id={id}", olgaPage, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(HttpStatusCode.Forbidden, byClient.Status);
        Assert.Equal(BookingStatus.Active, (await DbAsync(db => db.Bookings.SingleAsync())).Status);
    }

    [Fact]
    public async Task A_booking_is_deleted_even_while_the_mail_server_is_down_and_its_email_waits_in_the_outbox()
    {
        await ClientBookedAsync();
        var manager = await ManagerAsync();
        var desk = await manager.GetAsync("/Manager/Calendar");
        var id = await DbAsync(db => db.Bookings.Select(b => b.Id).SingleAsync());
        Smtp.Refuse = true;
        try
        {
            var result = await manager.HtmxAsync($"/Manager/Calendar?handler=Delete&id={id}", desk, new Dictionary<string, string>());

            Assert.Equal("Запись удалена, клиенту отправлено письмо.", result.TestId("desk-deleted-message"));
            Assert.Equal(BookingStatus.Cancelled, (await DbAsync(db => db.Bookings.SingleAsync())).Status);
            var queued = await DbAsync(db => db.Outbox.SingleAsync(m => m.Kind == Web.Platform.Notifications.NoticeKind.BookingCancelled));
            Assert.Equal(($"BookingCancelled:{id}", "ivan@example.ru"), (queued.DedupKey, queued.Recipient));
            Assert.NotEqual(Web.Platform.Notifications.OutboxStatus.Sent, queued.Status);
        }
        finally
        {
            Smtp.Refuse = false;
        }
    }
}
