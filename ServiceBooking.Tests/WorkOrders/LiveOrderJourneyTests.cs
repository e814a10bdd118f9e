using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ServiceBooking.Tests.Bookings;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Tests.Infrastructure.Browser;
using ServiceBooking.Web.Modules.WorkOrders;
using ServiceBooking.Web.Platform.Data;
using ServiceBooking.Web.Platform.Live;
using static Microsoft.Playwright.Assertions;

namespace ServiceBooking.Tests.WorkOrders;

/// <summary>
/// A supervisor's open order page follows the order: the mechanic's submission (from a phone) appears without a reload,
/// the choice the supervisor was making in a form stays as it was, and the page offers a reload for the new decision.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveOrderJourneyTests(BrowserFixture fixture) : IAsyncLifetime
{
    // While the page's stream is open it does not poll (the fallback is ten seconds): what changes came through the stream.
    private static readonly LocatorAssertionsToContainTextOptions ThroughTheStream = new() { Timeout = 5_000 };
    private int _order;

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        await JourneyWorkshop.SeedAsync(fixture);
        var ids = await WorkOrderBrowsers.CreateStaffAsync(
            fixture,
            new UserBuilder("sveta").WithName("Светлова", "Светлана").InRole(Roles.Supervisor),
            new UserBuilder("misha").WithName("Михайлов", "Михаил").InRole(Roles.Mechanic),
            new UserBuilder("kolya").WithName("Колин", "Николай").InRole(Roles.Mechanic));
        _order = await fixture.WithScopeAsync(async services =>
        {
            var orders = services.GetRequiredService<WorkOrderService>();
            var opened = (OrderOpened.Opened)await orders.OpenAsync(
                new OrderDraft("Кузнецова Анна", "+7 916 000-00-01", null, null, null, null, null), ids[0], CancellationToken.None);
            var shifts = services.GetRequiredService<Shifts>();
            await shifts.CheckInAsync(ids[1], CancellationToken.None);
            await shifts.CheckInAsync(ids[2], CancellationToken.None);
            var supervisor = new WorkshopActor(ids[0], IsAdmin: false, IsSupervisor: true, IsMechanic: false, IsShopMechanic: false, IsIntake: false);
            Assert.IsType<OrderAssigned.Done>(await orders.AssignAsync(opened.Order.Id, ids[1], supervisor, CancellationToken.None));
            return opened.Order.Id;
        });
        var hub = fixture.Site.Services.GetRequiredService<LiveHub>();
        for (var i = 0; !hub.IsListening && i < 250; i++)
        {
            await Task.Delay(20);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<IPage> SignedInAsync(string nickname, bool phone = false) => WorkOrderBrowsers.SignedInAsync(fixture, nickname, phone);

    [Fact]
    public async Task A_supervisors_open_order_page_shows_the_mechanics_submission_without_a_reload()
    {
        var orderUrl = $"/Orders/{_order}";
        var supervisor = await SignedInAsync("sveta");
        await supervisor.GotoAsync(orderUrl);
        await Expect(supervisor.GetByTestId("stages-empty")).ToBeVisibleAsync();
        // She is choosing another mechanic when the order moves on.
        await supervisor.GetByTestId("assign-mechanic").SelectOptionAsync(new SelectOptionValue { Label = "Колин Николай — Свободен" });
        await Expect(supervisor.GetByTestId("order-live")).ToHaveAttributeAsync("sse-connect", $"/Orders/{_order}/live");

        var mechanic = await SignedInAsync("misha", phone: true);
        await mechanic.GotoAsync(orderUrl);
        await mechanic.GetByTestId("option-0-description").FillAsync("Замена передних колодок");
        await mechanic.GetByTestId("option-0-price").FillAsync("6500");
        await mechanic.GetByTestId("AgreedSum").FillAsync("6500");
        await mechanic.GetByTestId("submit-Agreement").ClickAsync();
        await Expect(mechanic.GetByTestId("stage-waiting")).ToBeVisibleAsync();

        // Her page shows it, says so politely, and leaves her form as it was; a reload brings the decision.
        await Expect(supervisor.GetByTestId("order-stages")).ToContainTextAsync("Замена передних колодок", ThroughTheStream);
        await Expect(supervisor.GetByTestId("order-status")).ToHaveTextAsync("В работе");
        await Expect(supervisor.GetByTestId("order-live-note")).ToContainTextAsync("В работе");
        await Expect(supervisor.GetByTestId("order-history")).ToContainTextAsync("Согласование");
        Assert.Contains("Колин", await supervisor.GetByTestId("assign-mechanic").Locator("option:checked").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await supervisor.GetByTestId("order-stages").Locator("ol > li").CountAsync());
        await supervisor.GetByTestId("order-reload").ClickAsync();
        await Expect(supervisor.GetByTestId("decide")).ToContainTextAsync("Согласование");
        await Expect(supervisor.GetByTestId("order-changed")).ToHaveCountAsync(0);
    }
}
