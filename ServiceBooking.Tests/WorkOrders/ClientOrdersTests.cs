using ServiceBooking.Domain.WorkOrders;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Web.Modules.WorkOrders;
using ServiceBooking.Web.Platform.Data;

namespace ServiceBooking.Tests.WorkOrders;

/// <summary>The client follows their work orders on "My bookings" (/Booking/My): their own only, and nothing internal.</summary>
public sealed class ClientOrdersTests(BookingFixture fixture) : WorkOrdersTest(fixture)
{
    private DateTimeOffset Now => Fixture.Clock.GetUtcNow();

    private Task<WorkOrder> ChangeAsync(int orderId, Action<WorkOrder> change) => DbAsync(db => OrderSteps.ChangeAsync(db, orderId, change));

    /// <summary>Ivan's booking today, the car taken in by a manager; returns the order's id and a mechanic and supervisor.</summary>
    private async Task<(int OrderId, string Mechanic, string Supervisor)> IvansOrderAsync()
    {
        var (_, bookingId, _) = await BookedClientAsync();
        var managerId = await StaffAsync("marina", Roles.Manager, "Менеджерова");
        var opened = Assert.IsType<OrderOpened.Opened>(await OpenAsync(new OrderDraft("Петров Иван Сергеевич", "+79001234567", null, null, null, null, bookingId), managerId));
        return (opened.Order.Id, await StaffAsync("misha", Roles.Mechanic, "Механиков"), await StaffAsync("sveta", Roles.Supervisor, "Кураторова"));
    }

    private static AngleSharp.Dom.IElement Order(HtmlPage page, string within) =>
        page.Document.QuerySelector($"{within} [data-testid=order]") ?? throw new Xunit.Sdk.XunitException($"no order in {within}");

    private static string Text(AngleSharp.Dom.IElement order, string testId) =>
        order.QuerySelector($"[data-testid={testId}]")?.TextContent.Trim().Replace('\u00A0', ' ') ?? string.Empty;

    [Fact]
    public async Task The_order_of_a_booking_shows_beside_it_with_its_number_status_stage_car_and_when_it_was_taken_in()
    {
        var (orderId, _, _) = await IvansOrderAsync();
        var ivan = await SignInAsync(new UserBuilder("ivan"));

        var page = await ivan.GetAsync("/Booking/My");

        var order = Order(page, "[data-testid=upcoming] [data-testid=booking]");
        Assert.Equal(orderId.ToString(System.Globalization.CultureInfo.InvariantCulture), order.GetAttribute("data-id"));
        Assert.Equal("Заказ-наряд № 2026-00001", Text(order, "order-number"));
        Assert.Equal(("Принят", "NotAssigned"), (Text(order, "order-status"), order.GetAttribute("data-status")));
        Assert.Contains("text-bg-secondary", order.QuerySelector("[data-testid=order-status]")!.ClassName, StringComparison.Ordinal);
        Assert.Null(order.QuerySelector("[data-testid=order-step]")); // nobody works on it yet
        Assert.Equal("Kia Rio (IV), В 001 ОР 77", Text(order, "order-car"));
        Assert.Equal("Принят 01.12.2026 09:10", Text(order, "order-opened"));
        Assert.Null(order.QuerySelector("[data-testid=order-closed]"));
        Assert.False(page.Has("other-orders"));
    }

    [Fact]
    public async Task The_client_sees_each_stage_in_plain_words_and_never_the_sums_the_staff_or_their_words()
    {
        var (orderId, mechanic, supervisor) = await IvansOrderAsync();
        var ivan = await SignInAsync(new UserBuilder("ivan"));

        await ChangeAsync(orderId, o => o.Assign(mechanic, mechanicOnShift: true, mechanicHasOtherOrder: false, Now));
        var assigned = Order(await ivan.GetAsync("/Booking/My"), "[data-testid=booking]");
        Assert.Equal(("Скоро в работе", "Этап: Согласование"), (Text(assigned, "order-status"), Text(assigned, "order-step")));

        await ChangeAsync(orderId, o => o.Agree(mechanic, 18_765.43m, Now));
        var filed = Order(await ivan.GetAsync("/Booking/My"), "[data-testid=booking]");
        Assert.Equal(("В работе", "Этап: Согласование — ожидает проверки"), (Text(filed, "order-status"), Text(filed, "order-step")));

        await ChangeAsync(orderId, o => o.Return(supervisor, "Клиент просил дешевле, уточните", Now));
        await ChangeAsync(orderId, o => o.Agree(mechanic, 18_765.43m, Now));
        await ChangeAsync(orderId, o => o.Approve(supervisor, Now));
        var page = await ivan.GetAsync("/Booking/My");

        Assert.Equal("Этап: Предоплата", Text(Order(page, "[data-testid=booking]"), "order-step"));
        var html = page.Document.DocumentElement.OuterHtml.Replace('\u00A0', ' ').Replace('\u202F', ' ');
        foreach (var secret in new[] { "18 765", "18765", "765,43", "765.43", "Замена сцепления", "Механиков", "Кураторова", "Менеджерова", "уточните" })
        {
            Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_closed_order_says_when_it_was_done_or_refused()
    {
        var (orderId, mechanic, supervisor) = await IvansOrderAsync();
        var ivan = await SignInAsync(new UserBuilder("ivan"));
        await ChangeAsync(orderId, o => o.Assign(mechanic, mechanicOnShift: true, mechanicHasOtherOrder: false, Now));
        await ChangeAsync(orderId, o => o.Agree(mechanic, 9_000m, Now));
        await ChangeAsync(orderId, o => o.Approve(supervisor, Now));
        await ChangeAsync(orderId, o => o.SubmitPrepayment(mechanic, OrderSteps.Rub(2_000m), Now));
        await ChangeAsync(orderId, o => o.Approve(supervisor, Now));
        Assert.Equal("Этап: Ремонт", Text(Order(await ivan.GetAsync("/Booking/My"), "[data-testid=booking]"), "order-step"));
        await ChangeAsync(orderId, o => o.SubmitFinalReport(mechanic, OrderSteps.Rub(9_000m), OrderSteps.Rub(9_000m), "contract.jpg", Now));
        Assert.Equal("Этап: Итоговый отчёт — ожидает проверки", Text(Order(await ivan.GetAsync("/Booking/My"), "[data-testid=booking]"), "order-step"));
        Fixture.Clock.Advance(TimeSpan.FromHours(5)); // 14:10 in Moscow
        await ChangeAsync(orderId, o => o.Approve(supervisor, Now));

        var done = Order(await ivan.GetAsync("/Booking/My"), "[data-testid=booking]");

        Assert.Equal(("Выполнен", "Done"), (Text(done, "order-status"), done.GetAttribute("data-status")));
        Assert.Null(done.QuerySelector("[data-testid=order-step]"));
        Assert.Equal("· выполнен 01.12.2026 14:10", Text(done, "order-closed"));
    }

    [Fact]
    public async Task A_refusal_closes_the_order_without_the_work()
    {
        var (orderId, mechanic, supervisor) = await IvansOrderAsync();
        var ivan = await SignInAsync(new UserBuilder("ivan"));
        await ChangeAsync(orderId, o => o.Assign(mechanic, mechanicOnShift: true, mechanicHasOtherOrder: false, Now));
        await ChangeAsync(orderId, o => o.SubmitAgreement(mechanic, [WorkOption.Create("Замена сцепления", OrderSteps.Rub(18_000m))], null,
            OrderSteps.Rub(1_500m), "Дорого", Now));
        await ChangeAsync(orderId, o => o.Approve(supervisor, Now));

        var refused = Order(await ivan.GetAsync("/Booking/My"), "[data-testid=booking]");

        Assert.Equal(("Отказ от работ", "Refused"), (Text(refused, "order-status"), refused.GetAttribute("data-status")));
        Assert.Contains("text-bg-danger", refused.QuerySelector("[data-testid=order-status]")!.ClassName, StringComparison.Ordinal);
        Assert.Equal("· закрыт без работ 01.12.2026 09:10", Text(refused, "order-closed"));
    }

    [Fact]
    public async Task A_client_sees_their_orders_for_calls_on_their_own_and_never_another_clients()
    {
        await IvansOrderAsync();
        var operatorId = await StaffAsync("oper", Roles.Operator, "Операторова");
        var olga = await CreateUserAsync(new UserBuilder("olga").WithPhone("+79005550000").WithName("Смирнова", "Ольга"));
        var olgaCar = await AddCarAsync("olga", "Kia Rio (IV)", "Z94C241BBJR000002", "В002ОР77");
        var called = Assert.IsType<OrderOpened.Opened>(await OpenAsync(
            new OrderDraft("Смирнова Ольга", "8 900 555-00-00", null, "Стучит подвеска", olgaCar, null, null), operatorId)).Order;
        await OpenForCallerAsync(operatorId, "Смирнова Ольга", "+7 900 555-00-01"); // a caller without an account, of the same name

        var olgasPage = await SignInAsync(new UserBuilder("olga"));
        var hers = await olgasPage.GetAsync("/Booking/My");
        var ivans = await (await SignInAsync(new UserBuilder("ivan"))).GetAsync("/Booking/My");

        Assert.Equal(olga.Id, called.ClientId);
        var mine = Assert.Single(hers.Document.QuerySelectorAll("[data-testid=order]"));
        Assert.Equal(("Заказ-наряд № 2026-00002", "Kia Rio (IV), В 002 ОР 77"), (Text(mine, "order-number"), Text(mine, "order-car")));
        Assert.NotNull(hers.Document.QuerySelector("[data-testid=other-orders] [data-testid=order]"));
        Assert.DoesNotContain("Стучит подвеска", hers.Document.Body!.TextContent, StringComparison.Ordinal);
        var his = Assert.Single(ivans.Document.QuerySelectorAll("[data-testid=order]"));
        Assert.Equal("Заказ-наряд № 2026-00001", Text(his, "order-number"));
        Assert.False(ivans.Has("other-orders"));
    }
}
