using System.Net;
using Microsoft.EntityFrameworkCore;
using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Modules.WorkOrders;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.WorkOrders;

/// <summary>The work orders' pages as people use them, through forms and htmx requests, in Russian (the default).</summary>
public sealed class WorkOrderPagesTests(BookingFixture fixture) : WorkOrdersTest(fixture)
{
    private static readonly UserBuilder OperatorUser = new UserBuilder("olga").InRole(Roles.Operator).WithName("Оператова", "Ольга");
    private static readonly UserBuilder SupervisorUser = new UserBuilder("sveta").InRole(Roles.Supervisor).WithName("Светлова", "Светлана");
    private static readonly UserBuilder MechanicUser = new UserBuilder("misha").InRole(Roles.Mechanic).WithName("Михайлов", "Михаил");

    private static Dictionary<string, string> OrderForm(string name, string phone, string? mileage = null) => new()
    {
        ["Input.ClientName"] = name,
        ["Input.Phone"] = phone,
        ["Input.Address"] = "ул. Белорусская, д. 34, кв. 3",
        ["Input.Comment"] = "Стучит подвеска",
        ["Input.Mileage"] = mileage ?? string.Empty,
    };

    [Fact]
    public async Task An_operator_opens_an_order_for_a_caller_and_a_wrong_phone_is_told_next_to_the_field()
    {
        var client = await SignedInAsync(OperatorUser);

        var wrong = await client.SubmitAsync(await client.GetAsync("/Orders/New"), "[data-testid=order-form]", OrderForm("Кузнецова Анна", "12-34"));
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Equal("Укажите номер в виде +7 900 123-45-67 или 8 900 123-45-67.", wrong.FieldError("Phone"));
        Assert.Equal("12-34", wrong.FieldValue("Phone"));

        var opened = await client.SubmitAsync(wrong, "[data-testid=order-form]", OrderForm("Кузнецова Анна", "8 916 123-45-67"));

        Assert.Matches(@"^/Orders/\d+$", opened.Url.AbsolutePath);
        Assert.Equal("Заказ № 2026-00001", opened.TestId("order-title"));
        Assert.Equal("Не назначен", opened.TestId("order-status"));
        Assert.Equal("+7 916 123-45-67", opened.TestId("order-phone"));
        Assert.Equal("opened", opened.Document.QuerySelector("[data-testid=history-step]")?.GetAttribute("data-step"));
        Assert.Contains("Оператова Ольга", opened.TestId("history-who"), StringComparison.Ordinal);
        Assert.True(opened.Has("order-stages"));
        Assert.False(opened.Has("assign"));
    }

    [Fact]
    public async Task A_mileage_without_a_car_is_refused_next_to_the_mileage()
    {
        var client = await SignedInAsync(OperatorUser);

        var page = await client.SubmitAsync(await client.GetAsync("/Orders/New"), "[data-testid=order-form]", OrderForm("Кузнецова Анна", "8 916 123-45-67", "42000"));

        Assert.Equal("Пробег указывается для автомобиля: выберите автомобиль или оставьте пробег пустым.", page.FieldError("Mileage"));
        Assert.Equal(0, await DbAsync(db => db.WorkOrders.CountAsync()));
    }

    [Fact]
    public async Task Typing_a_blacklisted_phone_warns_the_operator_and_a_caller_with_an_account_is_offered_their_cars()
    {
        var (_, _, carId) = await BookedClientAsync(phone: "+79001234567");
        var supervisorId = await StaffAsync("sveta", Roles.Supervisor);
        await ServiceAsync<Blacklist, Blacklisted>(b => b.AddAsync(supervisorId, null, "+7 900 123-45-67", "Не забрал машину", CancellationToken.None));
        var client = await SignedInAsync(OperatorUser);

        var check = await client.HtmxAsync("/Orders/New?handler=Phone&Input.Phone=8%20900%20123%2045%2067");
        var clean = await client.HtmxAsync("/Orders/New?handler=Phone&Input.Phone=8%20916%20000%2000%2001");

        Assert.Contains("Не забрал машину", check.TestId("blacklist-reason"), StringComparison.Ordinal);
        Assert.Equal("alert", check.Document.QuerySelector("[data-testid=blacklist-warning]")?.GetAttribute("role"));
        Assert.Equal(carId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            check.Document.QuerySelector("[data-testid=intake-car-choice]")?.GetAttribute("value"));
        Assert.False(clean.Has("blacklist-warning"));
        Assert.False(clean.Has("intake-cars"));
    }

    [Fact]
    public async Task The_desk_opens_an_order_from_a_booking_with_the_clients_car_and_the_mileage_read_at_arrival()
    {
        var (_, bookingId, carId) = await BookedClientAsync();
        var manager = await SignedInAsync(new UserBuilder("marina").InRole(Roles.Manager));
        var panel = await manager.HtmxAsync($"/Manager/Calendar?handler=Booking&id={bookingId}");
        var link = panel.Document.QuerySelector("[data-testid=desk-open-order]")?.GetAttribute("href");
        Assert.Equal($"/Orders/New?bookingId={bookingId}", link);

        var form = await manager.GetAsync(link!);
        Assert.Equal("Петров Иван Сергеевич", form.FieldValue("ClientName"));
        Assert.Equal("+7 900 123-45-67", form.FieldValue("Phone"));
        Assert.Contains("Kia Rio (IV)", form.TestId("intake-car"), StringComparison.Ordinal);
        var lower = await manager.SubmitAsync(form, "[data-testid=order-form]", new Dictionary<string, string> { ["Input.Mileage"] = "1000" });
        Assert.Equal("У автомобиля записан пробег 30 000 км: показание не может быть меньше.", lower.FieldError("Mileage").Replace('\u00A0', ' '));

        var opened = await manager.SubmitAsync(lower, "[data-testid=order-form]", new Dictionary<string, string> { ["Input.Mileage"] = "31250" });

        Assert.Equal("31 250 км", opened.TestId("order-mileage")?.Replace('\u00A0', ' '));
        Assert.Contains("ТО-1", opened.TestId("order-booking"), StringComparison.Ordinal);
        Assert.Equal(31_250, await DbAsync(db => db.Cars.Where(c => c.Id == carId).Select(c => c.Mileage.Kilometres).SingleAsync()));
        var again = await manager.GetAsync(link!);
        var twice = await manager.SubmitAsync(again, "[data-testid=order-form]");
        Assert.Equal(opened.Url, twice.Url);
        Assert.Contains("уже открыт заказ 2026-00001", twice.TestId("status-message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supervisor_gives_an_order_to_a_mechanic_on_shift_and_is_told_plainly_when_the_mechanic_is_not()
    {
        var supervisor = await SignedInAsync(SupervisorUser);
        var mechanicId = (await CreateUserAsync(MechanicUser)).Id;
        var orderId = await OpenForCallerAsync(mechanicId);

        var offShift = await supervisor.GetAsync($"/Orders/{orderId}");
        Assert.NotNull(offShift.Document.QuerySelector($"[data-testid=assign-mechanic] option[value='{mechanicId}'][disabled]"));
        var refused = await supervisor.SubmitAsync(offShift, "[data-testid=assign-form]", new Dictionary<string, string> { ["mechanicId"] = mechanicId });
        Assert.Equal("Этот мастер не на смене.", refused.TestId("assign-error"));

        await CheckInAsync(mechanicId);
        var assigned = await supervisor.SubmitAsync(await supervisor.GetAsync($"/Orders/{orderId}"), "[data-testid=assign-form]",
            new Dictionary<string, string> { ["mechanicId"] = mechanicId });

        Assert.Equal("Назначен", assigned.TestId("order-status"));
        Assert.Equal("Михайлов Михаил", assigned.TestId("order-mechanic"));
        Assert.Contains("Назначен: Михайлов Михаил", assigned.Document.QuerySelectorAll("[data-testid=history-what]").Select(e => e.TextContent));
    }

    [Fact]
    public async Task Unknown_orders_and_other_mechanics_orders_are_not_found_and_clients_are_forbidden()
    {
        var supervisorId = await StaffAsync("sveta", Roles.Supervisor);
        var mechanicId = (await CreateUserAsync(MechanicUser)).Id;
        await CheckInAsync(mechanicId);
        var orderId = await OpenForCallerAsync(supervisorId);
        Assert.IsType<OrderAssigned.Done>(await AssignAsync(orderId, mechanicId, Supervisor(supervisorId)));
        var mechanic = await SignInAsync(MechanicUser);
        var other = await SignedInAsync(new UserBuilder("kolya").InRole(Roles.Mechanic));
        var client = await SignedInAsync(new UserBuilder("ivan"));

        Assert.Equal(HttpStatusCode.OK, (await mechanic.GetAsync($"/Orders/{orderId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Orders/{orderId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await mechanic.GetAsync("/Orders/999999")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/Orders/New")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync(OperatorUser)).GetAsync("/Orders/New?bookingId=999999")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Orders")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/Orders/{orderId}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await mechanic.GetAsync("/Staff")).Status);
        Assert.Single((await mechanic.GetAsync("/Orders")).Document.QuerySelectorAll("[data-testid=order-row]"));
        Assert.Empty((await other.GetAsync("/Orders")).Document.QuerySelectorAll("[data-testid=order-row]"));
    }

    [Fact]
    public async Task A_mechanic_checks_in_and_out_on_the_orders_page()
    {
        var mechanic = await SignedInAsync(MechanicUser);

        var page = await mechanic.GetAsync("/Orders");
        Assert.Equal("off", page.Document.QuerySelector("[data-testid=shift-state]")?.GetAttribute("data-state"));
        Assert.Contains("Не на смене", page.TestId("shift-state"), StringComparison.Ordinal);

        var on = await mechanic.SubmitAsync(page, "[data-testid=shift-form]");
        Assert.Equal("on", on.Document.QuerySelector("[data-testid=shift-state]")?.GetAttribute("data-state"));
        Assert.Contains("На смене с 09:10", on.TestId("shift-state"), StringComparison.Ordinal);

        var off = await mechanic.SubmitAsync(on, "[data-testid=shift-form]");
        Assert.Equal("off", off.Document.QuerySelector("[data-testid=shift-state]")?.GetAttribute("data-state"));
        Assert.Equal("Смена закончена.", off.TestId("status-message"));
        var operatorClient = await SignedInAsync(OperatorUser);
        var forbidden = await operatorClient.PostRawAsync("/Orders/Shift?handler=CheckIn", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task The_list_filters_by_status_and_day_as_a_plain_form_and_as_an_htmx_fragment()
    {
        var supervisor = await SignedInAsync(SupervisorUser);
        var supervisorId = await DbAsync(db => db.Users.Where(u => u.UserName == "sveta").Select(u => u.Id).SingleAsync());
        var mechanicId = (await CreateUserAsync(MechanicUser)).Id;
        await CheckInAsync(mechanicId);
        var assigned = await OpenForCallerAsync(supervisorId);
        await OpenForCallerAsync(supervisorId, "Орлов Олег", "+7 916 000-00-02");
        Assert.IsType<OrderAssigned.Done>(await AssignAsync(assigned, mechanicId, Supervisor(supervisorId)));

        var all = await supervisor.GetAsync("/Orders");
        // What the filter form sends without JavaScript (a GET of its fields).
        Assert.Equal("get", all.Document.QuerySelector("[data-testid=order-filters]")?.GetAttribute("method"));
        var filtered = await supervisor.GetAsync($"/Orders?Status=Assigned&Mechanic={mechanicId}&Date=");
        var fragment = await supervisor.HtmxAsync($"/Orders?Status=NotAssigned&Date={Iso(Today)}");
        var tomorrow = await supervisor.HtmxAsync($"/Orders?Date={Iso(Today.AddDays(1))}");

        Assert.Equal(2, all.Document.QuerySelectorAll("[data-testid=order-row]").Length);
        Assert.Equal([assigned.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            filtered.Document.QuerySelectorAll("[data-testid=order-row]").Select(r => r.GetAttribute("data-id")));
        Assert.Null(fragment.Document.QuerySelector("[data-testid=order-filters]"));
        Assert.Equal(["NotAssigned"], fragment.Document.QuerySelectorAll("[data-testid=order-status]").Select(s => s.GetAttribute("data-status")));
        Assert.True(tomorrow.Has("orders-empty"));
        Assert.Contains("Михайлов Михаил", filtered.Document.QuerySelectorAll("[data-testid=filter-mechanic] option").Select(o => o.TextContent));
    }

    [Fact]
    public async Task A_long_list_counts_only_so_far_past_its_page_says_more_than_that_and_still_pages_to_the_end()
    {
        var supervisor = await SignedInAsync(SupervisorUser);
        var supervisorId = await DbAsync(db => db.Users.Where(u => u.UserName == "sveta").Select(u => u.Id).SingleAsync());
        var count = WorkOrderService.CountAhead + 30;
        await DbAsync(db =>
        {
            db.WorkOrders.AddRange(Enumerable.Range(1, count).Select(n => WorkOrder.Open(OrderNumber.Create(2026, n), null, "Орлов Олег", "+79160000002",
                null, null, null, null, supervisorId, BookingFixture.DefaultNow.AddMinutes(-n))));
            return db.SaveChangesAsync();
        });

        var first = await supervisor.HtmxAsync("/Orders");
        var counted = await supervisor.HtmxAsync("/Orders?p=21");
        var past = await supervisor.HtmxAsync("/Orders?p=99");

        // Page 1 counts 500 orders past its start and stops: "more than 500", at least 21 pages.
        Assert.Equal($"Найдено заказов: больше {WorkOrderService.CountAhead}", first.TestId("order-count"));
        Assert.Equal("Страница 1 из более чем 20", first.TestId("order-page"));
        Assert.Equal("/Orders?p=2", first.Document.QuerySelector("[data-testid=order-next]")?.GetAttribute("href"));
        Assert.Equal(WorkOrderService.PageSize, first.Document.QuerySelectorAll("[data-testid=order-row]").Length);
        // From page 21 the end is within reach: counted exactly.
        Assert.Equal($"Найдено заказов: {count}", counted.TestId("order-count"));
        Assert.Equal("Страница 21 из 22", counted.TestId("order-page"));
        // A page past the end is the last one, as before.
        Assert.Equal("Страница 22 из 22", past.TestId("order-page"));
        Assert.Equal(count - (21 * WorkOrderService.PageSize), past.Document.QuerySelectorAll("[data-testid=order-row]").Length);
        Assert.False(past.Has("order-next"));
    }

    [Fact]
    public async Task A_supervisor_adds_a_mechanic_on_the_staff_page_who_shows_off_shift_and_a_taken_nickname_is_told_at_the_field()
    {
        var supervisor = await SignedInAsync(SupervisorUser);
        var form = await supervisor.GetAsync("/Staff/Edit");
        Assert.Equal(["Mechanic", "ShopMechanic"], form.Document.QuerySelectorAll("[data-testid=Kind] option").Select(o => o.GetAttribute("value")));
        var fields = new Dictionary<string, string>
        {
            ["Input.Nickname"] = "kolya", ["Input.Email"] = "kolya@example.ru", ["Input.LastName"] = "Колесников", ["Input.FirstName"] = "Николай",
            ["Input.Phone"] = "8 916 555-01-02", ["Input.Kind"] = "Mechanic",
        };

        var list = await supervisor.SubmitAsync(form, "[data-testid=staff-form]", fields);
        var taken = await supervisor.SubmitAsync(await supervisor.GetAsync("/Staff/Edit"), "[data-testid=staff-form]", fields);
        var asSupervisor = await supervisor.SubmitAsync(await supervisor.GetAsync("/Staff/Edit"), "[data-testid=staff-form]",
            new Dictionary<string, string>(fields) { ["Input.Nickname"] = "boss2", ["Input.Email"] = "boss2@example.ru", ["Input.Kind"] = "Supervisor" });

        var row = list.Document.QuerySelector("[data-testid=staff-row][data-kind=Mechanic]")!;
        Assert.Contains("Колесников Николай", row.QuerySelector("[data-testid=staff-name]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(("OffShift", "Не на смене"), (row.QuerySelector("[data-testid=mechanic-status]")!.GetAttribute("data-status"),
            row.QuerySelector("[data-testid=mechanic-status]")!.TextContent));
        Assert.Contains("+7 916 555-01-02", row.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(string.Empty, taken.FieldError("Nickname"));
        Assert.Equal("Вы не можете управлять этим сотрудником.", asSupervisor.FieldError("Kind"));
        var wrongPhone = await supervisor.SubmitAsync(await supervisor.GetAsync("/Staff/Edit"), "[data-testid=staff-form]",
            new Dictionary<string, string>(fields) { ["Input.Nickname"] = "petya", ["Input.Email"] = "petya@example.ru", ["Input.Phone"] = "12" });
        Assert.Equal("Укажите номер в виде +7 900 123-45-67 или 8 900 123-45-67.", wrongPhone.FieldError("Phone"));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await SignedInAsync(OperatorUser)).GetAsync("/Staff")).Status);
    }

    [Fact]
    public async Task The_admin_may_add_every_kind_of_staff_and_a_supervisor_edits_and_deactivates_a_mechanic_from_the_list()
    {
        var admin = await SignedInAsync(new UserBuilder("boss").InRole(Roles.Admin));
        Assert.Equal(["Supervisor", "Operator", "Mechanic", "ShopMechanic"],
            (await admin.GetAsync("/Staff/Edit")).Document.QuerySelectorAll("[data-testid=Kind] option").Select(o => o.GetAttribute("value")));
        var supervisor = await SignedInAsync(SupervisorUser);
        var mechanicId = (await CreateUserAsync(MechanicUser)).Id;

        var edit = await supervisor.GetAsync($"/Staff/Edit/{mechanicId}");
        Assert.Equal("Михайлов", edit.FieldValue("LastName"));
        var list = await supervisor.SubmitAsync(edit, "[data-testid=staff-form]", new Dictionary<string, string> { ["Input.LastName"] = "Михеев", ["Input.Kind"] = "ShopMechanic" });
        var row = list.Document.QuerySelector($"[data-testid=staff-row][data-id='{mechanicId}']")!;
        Assert.Equal("ShopMechanic", row.GetAttribute("data-kind"));
        Assert.Contains("Михеев Михаил", row.TextContent, StringComparison.Ordinal);

        var deactivated = await supervisor.SubmitAsync(list, $"[data-testid=staff-row][data-id='{mechanicId}'] form");

        Assert.Equal("Deactivated", deactivated.Document.QuerySelector($"[data-testid=staff-row][data-id='{mechanicId}'] [data-testid=mechanic-status]")?.GetAttribute("data-status"));
        Assert.True(deactivated.Has("staff-reactivate"));
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync("/Staff/Edit/no-such-person")).Status);
    }

    [Fact]
    public async Task A_blacklisted_client_trying_to_book_online_is_told_politely_to_call()
    {
        var (client, carId) = await ClientWithRioAsync("ivan");
        var supervisorId = await StaffAsync("sveta", Roles.Supervisor);
        await ServiceAsync<Blacklist, Blacklisted>(b => b.AddAsync(supervisorId, "ivan", null, "Не забрал машину", CancellationToken.None));

        var refused = await BookAsync(client, BookForm(Today, "16:00", await AdvisorIdAsync("Волков"), carId, await RepairTypeIdAsync("ТО-1", "Kia Rio (IV)")));

        Assert.Equal("Онлайн-запись для вашей учётной записи недоступна. Пожалуйста, позвоните в сервисный центр — мы подберём для вас время.",
            refused.TestId("booking-refused-message"));
        Assert.Equal(0, await DbAsync(db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task A_supervisor_lists_an_orders_client_from_the_order_page_and_the_order_then_says_so()
    {
        var supervisor = await SignedInAsync(SupervisorUser);
        var orderId = await OpenForCallerAsync(await DbAsync(db => db.Users.Where(u => u.UserName == "sveta").Select(u => u.Id).SingleAsync()));

        var order = await supervisor.GetAsync($"/Orders/{orderId}");
        var form = await supervisor.GetAsync(order.Document.QuerySelector("[data-testid=order-blacklist-link] a")!.GetAttribute("href")!);
        Assert.Equal("+7 916 000-00-01", form.FieldValue("Phone"));
        await supervisor.SubmitAsync(form, "[data-testid=blacklist-form]", new Dictionary<string, string> { ["Input.Reason"] = "Заказ 2026-00001: грубил" });

        var after = await supervisor.GetAsync($"/Orders/{orderId}");
        Assert.Contains("грубил", after.TestId("order-blacklisted"), StringComparison.Ordinal);
        Assert.False(after.Has("order-blacklist-link"));
        Assert.False((await (await SignedInAsync(OperatorUser)).GetAsync($"/Orders/{orderId}")).Has("order-blacklist-link"));
    }

    [Fact]
    public async Task A_supervisor_lists_a_phone_on_the_blacklist_and_lifts_it()
    {
        var supervisor = await SignedInAsync(SupervisorUser);

        var empty = await supervisor.SubmitAsync(await supervisor.GetAsync("/Blacklist"), "[data-testid=blacklist-form]",
            new Dictionary<string, string> { ["Input.Reason"] = "Грубил" });
        Assert.Equal("Укажите клиента: учётную запись, телефон или и то и другое.", empty.FormErrors);
        var listed = await supervisor.SubmitAsync(empty, "[data-testid=blacklist-form]",
            new Dictionary<string, string> { ["Input.Phone"] = "8 916 123 45 67", ["Input.Reason"] = "Грубил" });

        Assert.Equal("+7 916 123-45-67", listed.TestId("blacklist-who"));
        var lifted = await supervisor.SubmitAsync(listed, "[data-testid=blacklist-entry] form");
        Assert.True(lifted.Has("blacklist-empty"));
        Assert.Equal(1, await DbAsync(db => db.Blacklist.CountAsync(e => e.LiftedAt != null)));
    }
}
