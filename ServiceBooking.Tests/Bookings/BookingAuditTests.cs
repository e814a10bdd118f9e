using Microsoft.EntityFrameworkCore;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Platform.Audit;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.Bookings;

/// <summary>
/// Every change of a booking is in the audit trail with who made it and the fields before and after, and the history
/// built from it shows on the desk's booking panel (with names) and on the client's own bookings (without staff names).
/// </summary>
public sealed class BookingAuditTests(BookingFixture fixture) : BookingTest<BookingFixture>(fixture)
{
    private static readonly UserBuilder Anna = new UserBuilder("anna").InRole(Roles.Manager).WithName("Смирнова", "Анна", "Павловна");

    private Task<string> UserIdAsync(string nickname) => DbAsync(db => db.Users.Where(u => u.UserName == nickname).Select(u => u.Id).SingleAsync());

    private async Task<(HtmlClient Client, int BookingId)> IvanBookedAsync()
    {
        var (client, carId) = await ClientWithRioAsync("ivan");
        var booked = await BookAsync(client, BookForm(Today, "12:00", await AdvisorIdAsync("Волков"), carId, await RepairTypeIdAsync("ТО-1", "Kia Rio (IV)")));
        Assert.True(booked.Has("booking-done"));
        return (client, await DbAsync(db => db.Bookings.Select(b => b.Id).SingleAsync()));
    }

    private static List<(string When, string What, string Who)> Steps(HtmlPage page, string scope) =>
        [.. page.Document.QuerySelectorAll($"{scope} [data-testid=history-step]").Select(step => (
            step.QuerySelector("[data-testid=history-at]")!.TextContent.Trim(),
            step.QuerySelector("[data-testid=history-what]")!.TextContent.Trim(),
            step.QuerySelector("[data-testid=history-who]")!.TextContent.Trim()))];

    [Fact]
    public async Task A_clients_booking_is_recorded_as_added_by_the_client_with_its_slot_car_and_quote()
    {
        var (_, id) = await IvanBookedAsync();

        var entry = Assert.Single(await TrailAsync("Booking", id));

        var ivan = await UserIdAsync("ivan");
        Assert.Equal((AuditAction.Added, AuditActorKind.User, ivan, "ivan"), (entry.Action, entry.ActorKind, entry.ActorId, entry.ActorName));
        Assert.Equal(BookingFixture.DefaultNow, entry.At);
        Assert.False(string.IsNullOrEmpty(entry.RequestId));
        var fields = entry.ReadChanges();
        Assert.All(fields.Values, f => Assert.Null(f.Before));
        Assert.Equal(("2026-12-01", "12:00:00", "Active", ivan, ivan), (fields["Date"].AfterText, fields["Start"].AfterText, fields["Status"].AfterText,
            fields["ClientId"].AfterText, fields["BookedById"].AfterText));
        Assert.Equal(("ТО-1", 6800m), (fields["Quote.RepairTypeName"].AfterText, fields["Quote.Total"].After!.Value.GetDecimal()));
        Assert.Equal(await DbAsync(db => db.Bookings.Select(b => b.CarId).SingleAsync()), fields["CarId"].After!.Value.GetInt32());
        Assert.DoesNotContain("Id", fields.Keys);
        Assert.DoesNotContain("CancellationReason", fields.Keys); // nothing to say yet: nulls are left out of an addition
    }

    [Fact]
    public async Task A_manager_deleting_a_booking_is_recorded_as_that_managers_change_of_exactly_the_cancellation_fields()
    {
        var (_, id) = await IvanBookedAsync();
        var manager = await SignedInAsync(Anna);
        Fixture.Clock.Advance(TimeSpan.FromMinutes(5));

        var result = await manager.HtmxAsync($"/Manager/Calendar?handler=Delete&id={id}", await manager.GetAsync("/Manager/Calendar"),
            new Dictionary<string, string> { ["reason"] = "Подъёмник на ремонте" });
        Assert.True(result.Has("desk-deleted"));

        var change = (await TrailAsync("Booking", id))[^1];
        var anna = await UserIdAsync("anna");
        Assert.Equal((AuditAction.Changed, AuditActorKind.User, anna, "anna"), (change.Action, change.ActorKind, change.ActorId, change.ActorName));
        Assert.Equal(BookingFixture.DefaultNow.AddMinutes(5), change.At);
        var fields = change.ReadChanges();
        Assert.Equal(["CancellationReason", "CancelledAt", "CancelledById", "CancelledByStaff", "Status"], fields.Keys.Order());
        Assert.Equal(("Active", "Cancelled"), (fields["Status"].BeforeText, fields["Status"].AfterText));
        Assert.Equal((null, "Подъёмник на ремонте"), (fields["CancellationReason"].BeforeText, fields["CancellationReason"].AfterText));
        Assert.Equal((null, anna), (fields["CancelledById"].BeforeText, fields["CancelledById"].AfterText));
        Assert.Equal(("false", "true"), (fields["CancelledByStaff"].BeforeText, fields["CancelledByStaff"].AfterText));
        Assert.Equal(BookingFixture.DefaultNow.AddMinutes(5), fields["CancelledAt"].After!.Value.GetDateTimeOffset());
    }

    [Fact]
    public async Task A_client_cancelling_is_recorded_as_the_clients_change()
    {
        var (client, id) = await IvanBookedAsync();

        await client.SubmitAsync(await client.GetAsync("/Booking/My"), "[data-testid=upcoming] form");

        var change = (await TrailAsync("Booking", id))[^1];
        Assert.Equal((AuditAction.Changed, await UserIdAsync("ivan")), (change.Action, change.ActorId));
        Assert.Equal(["CancelledAt", "CancelledById", "Status"], change.ReadChanges().Keys.Order());
    }

    [Fact]
    public async Task The_losers_of_a_race_for_one_cell_leave_no_entry_and_the_winner_leaves_one()
    {
        var advisor = await AdvisorIdAsync("Морозова");
        var diagnostics = await RepairTypeIdAsync("Диагностика", null);
        var racers = new List<(HtmlClient Client, int CarId, HtmlPage Page)>();
        for (var i = 0; i < 10; i++)
        {
            var (client, carId) = await ClientWithRioAsync($"racer{i}", 100 + i);
            racers.Add((client, carId, await client.GetAsync("/Booking")));
        }

        await Task.WhenAll(racers.Select(r => r.Client.HtmxAsync("/Booking?handler=Book", r.Page, BookForm(Today, "16:00", advisor, r.CarId, diagnostics))));

        var booking = await DbAsync(db => db.Bookings.SingleAsync());
        var racerIds = await DbAsync(db => db.Users.Where(u => u.UserName!.StartsWith("racer")).Select(u => u.Id).ToListAsync());
        var entries = await DbAsync(db => db.AuditTrail.Where(e => e.EntityType == "Booking" && racerIds.Contains(e.ActorId!)).ToListAsync());
        var entry = Assert.Single(entries);
        Assert.Equal((booking.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), booking.ClientId), (entry.EntityId, entry.ActorId));
    }

    [Fact]
    public async Task The_desk_panel_shows_the_bookings_history_with_the_names_of_who_did_what()
    {
        await SignedInAsync(new UserBuilder("ivan").WithName("Петров", "Иван", "Сергеевич"));
        var carId = await AddCarAsync("ivan", "Kia Rio (IV)", "Z94C241BBJR000001", "В001ОР77");
        var manager = await SignedInAsync(Anna);
        var form = BookForm(Today, "14:30", await AdvisorIdAsync("Волков"), carId, await RepairTypeIdAsync("ТО-1", "Kia Rio (IV)"));
        form["clientId"] = await UserIdAsync("ivan");
        Assert.True((await manager.HtmxAsync("/Manager/Calendar?handler=Book", await manager.GetAsync("/Manager/Calendar"), form)).Has("booking-done"));
        var id = await DbAsync(db => db.Bookings.Select(b => b.Id).SingleAsync());

        var panel = await manager.HtmxAsync($"/Manager/Calendar?handler=Booking&id={id}");

        Assert.Equal([("01.12.2026 09:10", "Запись сделана", "Смирнова Анна Павловна")], Steps(panel, "[data-testid=desk-booking]"));
    }

    [Fact]
    public async Task The_client_sees_when_the_booking_was_made_and_cancelled_by_the_service_centre_without_the_managers_name()
    {
        var (client, id) = await IvanBookedAsync();
        var manager = await SignedInAsync(Anna);
        Fixture.Clock.Advance(TimeSpan.FromMinutes(50));
        await manager.HtmxAsync($"/Manager/Calendar?handler=Delete&id={id}", await manager.GetAsync("/Manager/Calendar"),
            new Dictionary<string, string> { ["reason"] = "Подъёмник на ремонте" });

        var mine = await client.GetAsync("/Booking/My");

        Assert.Equal(
            [("01.12.2026 09:10", "Запись сделана", "вами"), ("01.12.2026 10:00", "Отменена", "сервисом")],
            Steps(mine, $"[data-testid=booking][data-id='{id}']"));
        Assert.Equal("— Подъёмник на ремонте", mine.TestId("history-reason"));
        Assert.DoesNotContain("Смирнова", mine.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("anna", mine.Document.Body!.TextContent, StringComparison.Ordinal);
        var desk = await manager.HtmxAsync($"/Manager/Calendar?handler=Booking&id={id}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, desk.Status); // the desk shows active bookings only
    }

    [Fact]
    public async Task Another_clients_bookings_and_their_history_stay_out_of_my_page()
    {
        var (_, id) = await IvanBookedAsync();
        var olga = await SignedInAsync(new UserBuilder("olga"));

        var page = await olga.GetAsync("/Booking/My");

        Assert.False(page.Has("history-step"));
        Assert.Null(page.Document.QuerySelector($"[data-testid=booking][data-id='{id}']"));
    }
}
