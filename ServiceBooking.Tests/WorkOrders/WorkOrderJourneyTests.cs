using Microsoft.Playwright;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Tests.Infrastructure.Browser;
using ServiceBooking.Tests.Infrastructure.Browser.PageObjects;
using ServiceBooking.Web.Platform.Data;
using static Microsoft.Playwright.Assertions;

namespace ServiceBooking.Tests.WorkOrders;

/// <summary>
/// A car from booking to approved final report in the browser, with every role as new users would do it: the client
/// books, the desk takes the car in, the mechanic (on a phone) checks in and works the stages, the supervisor assigns,
/// returns and approves, the shop mechanic (on a phone) takes the car in the shop and files the work.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkOrderJourneyTests(BrowserFixture fixture) : IAsyncLifetime
{
    private const string Advisor = "Волков Д. С.";

    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private DateOnly _day;

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        _day = await JourneyWorkshop.SeedAsync(fixture);
        await WorkOrderBrowsers.CreateStaffAsync(
            fixture,
            new UserBuilder("sveta").WithName("Светлова", "Светлана").InRole(Roles.Supervisor),
            new UserBuilder("misha").WithName("Михайлов", "Михаил").InRole(Roles.Mechanic),
            new UserBuilder("gena").WithName("Геннадьев", "Геннадий").InRole(Roles.ShopMechanic));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<IPage> SignedInAsync(string nickname, bool phone = false) => WorkOrderBrowsers.SignedInAsync(fixture, nickname, phone);

    private static FilePayload Photo(string name) => new() { Name = name, MimeType = "image/png", Buffer = Png };

    private static async Task OpenStageAsync(IPage page, string kind)
    {
        var form = page.GetByTestId($"stage-form-{kind}");
        if (await form.GetAttributeAsync("open") is null)
        {
            await form.Locator("summary").ClickAsync();
        }
    }

    private static async Task ApproveAsync(IPage supervisor, string orderUrl, string stage)
    {
        await supervisor.GotoAsync(orderUrl);
        await Expect(supervisor.GetByTestId("decide")).ToContainTextAsync(stage);
        await supervisor.GetByTestId("approve").ClickAsync();
        await Expect(supervisor.GetByTestId("status-message")).ToHaveTextAsync("Этап принят.");
    }

    [Fact]
    public async Task A_booked_car_goes_through_every_stage_to_an_approved_report_with_each_step_in_its_history()
    {
        // The client books ТО-1 at 12:00.
        var client = await SignedInAsync("anna");
        var booking = new BookingPages(client);
        await booking.OpenDayAsync("nav-booking", _day);
        await booking.Cell("12:00", Advisor, "свободно").ClickAsync();
        await booking.ChooseWorkAndConfirmAsync("ТО-1");
        await Expect(booking.Panel.GetByTestId("booking-done")).ToBeVisibleAsync();

        // The car arrives: the desk opens the order from the booking, with the mileage read.
        var manager = await SignedInAsync("marina");
        var desk = new BookingPages(manager);
        await desk.OpenDayAsync("nav-desk", _day);
        await manager.GetByTestId("slot-grid").Locator("[data-testid=slot][data-time='12:00'][data-state=busy] button").ClickAsync();
        await desk.Panel.GetByTestId("desk-open-order").ClickAsync();
        await Expect(manager.GetByTestId("intake-booking")).ToBeVisibleAsync();
        // (The client gave no phone on registering: the desk asks for it.)
        await manager.GetByTestId("Phone").FillAsync("8 916 123-45-67");
        await manager.GetByTestId("Mileage").FillAsync("24500");
        await manager.GetByTestId("order-submit").ClickAsync();
        await Expect(manager.GetByTestId("order-status")).ToHaveTextAsync("Не назначен");
        var orderUrl = new Uri(manager.Url).AbsolutePath;

        // The mechanic checks in on a phone; the supervisor gives them the order.
        var mechanic = await SignedInAsync("misha", phone: true);
        await mechanic.GotoAsync("/Orders");
        await mechanic.GetByTestId("check-in").ClickAsync();
        await Expect(mechanic.GetByTestId("shift-state")).ToHaveAttributeAsync("data-state", "on");
        var supervisor = await SignedInAsync("sveta");
        await supervisor.GotoAsync(orderUrl);
        await supervisor.GetByTestId("assign-mechanic").SelectOptionAsync(new SelectOptionValue { Label = "Михайлов Михаил — Свободен" });
        await supervisor.GetByTestId("assign-submit").ClickAsync();
        await Expect(supervisor.GetByTestId("order-mechanic")).ToHaveTextAsync("Михайлов Михаил");

        // Agreement: submitted, returned with a comment, submitted again with a second option, approved.
        await mechanic.GotoAsync(orderUrl);
        await mechanic.GetByTestId("option-0-description").FillAsync("Замена передних колодок");
        await mechanic.GetByTestId("option-0-price").FillAsync("6500");
        await mechanic.GetByTestId("AgreedSum").FillAsync("6500");
        await mechanic.GetByTestId("submit-Agreement").ClickAsync();
        await Expect(mechanic.GetByTestId("stage-waiting")).ToBeVisibleAsync();
        await supervisor.GotoAsync(orderUrl);
        await supervisor.GetByTestId("Comment").FillAsync("Предложите и вариант с дисками");
        await supervisor.GetByTestId("return").ClickAsync();
        await Expect(supervisor.GetByTestId("status-message")).ToHaveTextAsync("Этап возвращён механику.");
        await mechanic.GotoAsync(orderUrl);
        await Expect(mechanic.GetByTestId("stage-comment")).ToHaveTextAsync("Предложите и вариант с дисками");
        await mechanic.GetByTestId("option-0-description").FillAsync("Замена передних колодок");
        await mechanic.GetByTestId("option-0-price").FillAsync("6500");
        await mechanic.GetByTestId("option-1-description").FillAsync("Колодки и диски");
        await mechanic.GetByTestId("option-1-price").FillAsync("14000");
        await mechanic.GetByTestId("AgreedSum").FillAsync("14000");
        await mechanic.GetByTestId("submit-Agreement").ClickAsync();
        await ApproveAsync(supervisor, orderUrl, "Согласование");

        // Prepayment.
        await mechanic.GotoAsync(orderUrl);
        await mechanic.GetByTestId("Amount").FillAsync("5000");
        await mechanic.GetByTestId("submit-Prepayment").ClickAsync();
        await ApproveAsync(supervisor, orderUrl, "Предоплата");

        // In the shop: the car's photo, a due date, the problem; the supervisor puts it first in the queue.
        await mechanic.GotoAsync(orderUrl);
        await OpenStageAsync(mechanic, "InShop");
        await mechanic.GetByTestId("Photo").SetInputFilesAsync(Photo("car.png"));
        await mechanic.GetByTestId("DueDate").FillAsync(_day.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await mechanic.GetByTestId("Problem").FillAsync("Проточить диски");
        await mechanic.GetByTestId("submit-InShop").ClickAsync();
        await Expect(mechanic.GetByTestId("stage-waiting")).ToBeVisibleAsync();
        await supervisor.GotoAsync(orderUrl);
        await supervisor.GetByTestId("Priority").FillAsync("2");
        await supervisor.GetByTestId("set-priority").ClickAsync();
        await Expect(supervisor.GetByTestId("status-message")).ToHaveTextAsync("Приоритет в стационаре изменён.");
        await ApproveAsync(supervisor, orderUrl, "Стационар");

        // The shop mechanic, on a phone, takes the car and files 3 000 ₽ of work; the order goes back to its mechanic.
        var shop = await SignedInAsync("gena", phone: true);
        await shop.GotoAsync("/Workshop");
        await Expect(shop.GetByTestId("queue-problem")).ToHaveTextAsync("Проточить диски");
        await shop.GetByTestId("claim").ClickAsync();
        await shop.GetByTestId("shop-sum").FillAsync("3000");
        await shop.GetByTestId("file").ClickAsync();
        await Expect(shop.GetByTestId("queue-empty")).ToBeVisibleAsync();

        // Expenses: the parts with their receipt.
        await mechanic.GotoAsync(orderUrl);
        await Expect(mechanic.GetByTestId("shop-work")).ToContainTextAsync("Геннадьев Геннадий");
        await OpenStageAsync(mechanic, "Expenses");
        await mechanic.GetByTestId("expense-0-kind").SelectOptionAsync("Parts");
        await mechanic.GetByTestId("expense-0-description").FillAsync("Диски и колодки");
        await mechanic.GetByTestId("expense-0-sum").FillAsync("7000");
        await mechanic.GetByTestId("expense-0-receipt").SetInputFilesAsync(Photo("receipt.png"));
        await mechanic.GetByTestId("submit-Expenses").ClickAsync();
        await ApproveAsync(supervisor, orderUrl, "Оприходование");
        await Expect(supervisor.GetByTestId("stage-receipt")).ToBeVisibleAsync();

        // Final report: 14 000 received, net 4 000 (without 7 000 of parts and 3 000 of shop work), the contract's photo.
        await mechanic.GotoAsync(orderUrl);
        await mechanic.GetByTestId("Total").FillAsync("14000");
        await mechanic.GetByTestId("Net").FillAsync("4000");
        await mechanic.GetByTestId("Contract").SetInputFilesAsync(Photo("contract.png"));
        await mechanic.GetByTestId("submit-FinalReport").ClickAsync();
        await Expect(mechanic.GetByTestId("stage-waiting")).ToBeVisibleAsync();
        await ApproveAsync(supervisor, orderUrl, "Отчёт");
        await Expect(supervisor.GetByTestId("order-status")).ToHaveTextAsync("Выполнен");

        var steps = await supervisor.GetByTestId("history-step").EvaluateAllAsync<string[]>("steps => steps.map(s => s.dataset.step)");
        Assert.Equal(
            [
                "opened", "assigned", "submitted", "statuschanged", "returned", "submitted", "approved", "submitted", "approved", "submitted",
                "priorityset", "approved", "shopclaimed", "shopworkfiled", "submitted", "approved", "submitted", "statuschanged", "approved",
            ],
            steps);

        // The client follows it on their bookings page, without the workshop's sums.
        await client.GotoAsync("/Booking/My");
        await Expect(client.Locator("main")).ToContainTextAsync("Выполнен");
        await Expect(client.Locator("main")).Not.ToContainTextAsync("14\u00A0000");
    }
}
