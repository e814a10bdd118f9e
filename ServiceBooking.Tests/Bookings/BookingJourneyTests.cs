using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Tests.Infrastructure.Browser;
using ServiceBooking.Tests.Infrastructure.Browser.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace ServiceBooking.Tests.Bookings;

[Collection(BrowserCollection.Name)]
public sealed class BookingJourneyTests(BrowserFixture fixture) : IAsyncLifetime
{
    private const string Advisor = "Волков Д. С.";
    private DateOnly _day;

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        _day = await JourneyWorkshop.SeedAsync(fixture);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Two_clients_share_a_cell_by_cancelling_and_a_manager_books_and_deletes_with_an_email()
    {
        // Anna books ТО-1 and sees its price.
        var annaPage = await fixture.NewPageAsync();
        await new AccountPages(annaPage).SignInAsync("anna", UserBuilder.DefaultPassword);
        var anna = new BookingPages(annaPage);
        await anna.OpenDayAsync("nav-booking", _day);
        await anna.Cell("12:00", Advisor, "свободно").ClickAsync();
        await Expect(anna.Price("ТО-1")).ToHaveTextAsync("6 800,00 ₽".Replace(' ', '\u00A0'));
        await anna.ChooseWorkAndConfirmAsync("ТО-1");
        await Expect(anna.Panel.GetByTestId("booking-done-price")).ToHaveTextAsync("6 800,00 ₽".Replace(' ', '\u00A0'));
        await Expect(annaPage.GetByTestId("slot-grid").GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = $"12:00, {Advisor}: ваша запись" })).ToBeVisibleAsync();

        // Boris sees that cell busy.
        var borisPage = await fixture.NewPageAsync();
        await new AccountPages(borisPage).SignInAsync("boris", UserBuilder.DefaultPassword);
        var boris = new BookingPages(borisPage);
        await boris.OpenDayAsync("nav-booking", _day);
        await Expect(boris.CellText("12:00", Advisor, "занято")).ToBeVisibleAsync();
        await Expect(boris.Cell("12:00", Advisor, "свободно")).ToHaveCountAsync(0);

        // Anna cancels; the cell shows cancelled and Boris books it.
        await anna.CancelFirstUpcomingAsync();
        await boris.OpenDayAsync("nav-booking", _day);
        await boris.Cell("12:00", Advisor, "отменено, свободно").ClickAsync();
        await boris.ChooseWorkAndConfirmAsync("Диагностика");
        await Expect(boris.Panel.GetByTestId("booking-done")).ToBeVisibleAsync();

        // A manager books Anna in at 15:00, then deletes Boris's booking with a reason; Boris gets the email.
        var managerPage = await fixture.NewPageAsync();
        await new AccountPages(managerPage).SignInAsync("marina", UserBuilder.DefaultPassword);
        var desk = new BookingPages(managerPage);
        await desk.OpenDayAsync("nav-desk", _day);
        await desk.Cell("15:00", Advisor, "свободно").ClickAsync();
        await desk.FindClientAsync("кузнец", "Кузнецова Анна Олеговна");
        await desk.ChooseWorkAndConfirmAsync("ТО-2");
        await Expect(desk.Panel.GetByTestId("booking-done")).ToBeVisibleAsync();
        var booked = managerPage.GetByTestId("slot-grid").Locator("[data-testid=slot][data-time='15:00'][data-state=busy] button");
        await Expect(booked).ToContainTextAsync("Кузнецова Анна Олеговна");
        // A screen reader hears the time, the advisor and the state before the client; the page does not show them.
        await Expect(managerPage.GetByTestId("slot-grid").GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = $"15:00, {Advisor}: занято: Кузнецова Анна Олеговна" }))
            .ToHaveCountAsync(1);
        await Expect(booked.Locator("span")).ToHaveCSSAsync("width", "1px");

        await managerPage.GetByTestId("slot-grid").Locator("[data-testid=slot][data-time='12:00'][data-state=busy] button").ClickAsync();
        await Expect(desk.Panel.GetByTestId("desk-booking-client")).ToHaveTextAsync("Борисов Борис");
        await desk.DeleteOpenBookingAsync("Заболел мастер");
        await Expect(desk.CellText("12:00", Advisor, "отменено, свободно")).ToBeVisibleAsync();

        var mail = await fixture.Smtp.WaitForAsync(m => m.To == "boris@example.ru" && m.Message.Subject == "Ваша запись в сервис отменена");
        Assert.Contains("Причина: Заболел мастер", mail.Text, StringComparison.Ordinal);
        await borisPage.GotoAsync(new Uri(mail.Link("/Booking/My")).PathAndQuery);
        await Expect(borisPage.GetByTestId("booking-cancelled").First).ToContainTextAsync("Заболел мастер");
    }

    [Fact]
    public async Task The_desk_shows_a_clients_new_booking_without_a_reload()
    {
        var managerPage = await fixture.NewPageAsync();
        await new AccountPages(managerPage).SignInAsync("marina", UserBuilder.DefaultPassword);
        var desk = new BookingPages(managerPage);
        await desk.OpenDayAsync("nav-desk", _day);
        await Expect(desk.Cell("10:00", Advisor, "свободно")).ToBeVisibleAsync();

        var annaPage = await fixture.NewPageAsync();
        await new AccountPages(annaPage).SignInAsync("anna", UserBuilder.DefaultPassword);
        var anna = new BookingPages(annaPage);
        await anna.OpenDayAsync("nav-booking", _day);
        await anna.Cell("10:00", Advisor, "свободно").ClickAsync();
        await anna.ChooseWorkAndConfirmAsync("ТО-1");

        await Expect(managerPage.GetByTestId("slot-grid").Locator("[data-testid=slot][data-time='10:00'][data-state=busy] button"))
            .ToContainTextAsync("Кузнецова Анна Олеговна", new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task The_grid_works_with_the_keyboard_alone()
    {
        var annaPage = await fixture.NewPageAsync();
        await new AccountPages(annaPage).SignInAsync("anna", UserBuilder.DefaultPassword);
        var anna = new BookingPages(annaPage);
        await anna.OpenDayAsync("nav-booking", _day);

        await anna.Cell("08:00", "Волков Д. С.", "свободно").FocusAsync();
        await annaPage.Keyboard.PressAsync("Tab");
        await annaPage.Keyboard.PressAsync("Enter");

        await Expect(anna.Panel).ToHaveAttributeAsync("data-state", "choose");
        await Expect(anna.Panel.Locator("h2")).ToContainTextAsync("08:00");
        await annaPage.Locator("#repair-types input[type=radio]").First.FocusAsync();
        await annaPage.Keyboard.PressAsync("Space");
        await annaPage.GetByTestId("booking-confirm").FocusAsync();
        await annaPage.Keyboard.PressAsync("Enter");
        await Expect(anna.Panel.GetByTestId("booking-done")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task On_a_phone_the_grid_scrolls_sideways_inside_itself_and_the_page_does_not()
    {
        var phone = await fixture.NewPageAsync(phone: true);
        await new AccountPages(phone).SignInAsync("anna", UserBuilder.DefaultPassword);
        await phone.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Открыть или закрыть меню" }).ClickAsync();
        var booking = new BookingPages(phone);
        await booking.OpenDayAsync("nav-booking", _day);

        var pageOverflows = await phone.EvaluateAsync<bool>("() => window.innerWidth > 375 || document.documentElement.scrollWidth > window.innerWidth");
        var gridScrolls = await phone.GetByTestId("slot-grid").EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth");
        Assert.False(pageOverflows, "the page is wider than the phone");
        Assert.True(gridScrolls, "the grid should scroll inside its own box");
        await booking.Cell("19:30", Advisor, "свободно").ScrollIntoViewIfNeededAsync();
        await booking.Cell("19:30", Advisor, "свободно").ClickAsync();
        await Expect(booking.Panel).ToHaveAttributeAsync("data-state", "choose");
    }

    [Fact]
    public async Task On_a_390_by_844_phone_a_tapped_cell_brings_its_panel_into_view_and_the_caption_stays_put()
    {
        var phone = await fixture.NewPageAsync(phone: true, new Microsoft.Playwright.ViewportSize { Width = 390, Height = 844 });
        await new AccountPages(phone).SignInAsync("anna", UserBuilder.DefaultPassword);
        await phone.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Открыть или закрыть меню" }).ClickAsync();
        var booking = new BookingPages(phone);
        await booking.OpenDayAsync("nav-booking", _day);

        // The caption is where it was after the grid is scrolled sideways.
        var grid = phone.GetByTestId("slot-grid");
        var caption = phone.GetByTestId("grid-caption");
        var captionBefore = await caption.BoundingBoxAsync();
        await grid.EvaluateAsync("e => { e.scrollLeft = e.scrollWidth; }");
        Assert.True(await grid.EvaluateAsync<int>("e => e.scrollLeft") > 100, "the grid did not scroll sideways");
        var captionAfter = await caption.BoundingBoxAsync();
        await Expect(caption).ToContainTextAsync("Время приёмщиков на");
        Assert.Equal(captionBefore!.X, captionAfter!.X, 1.0);

        // A tap far down the grid: the panel, above the grid, comes into view with the focus on its heading.
        var cell = booking.Cell("19:30", Advisor, "свободно");
        await cell.ScrollIntoViewIfNeededAsync();
        await cell.TapAsync();
        await Expect(booking.Panel).ToHaveAttributeAsync("data-state", "choose");
        await Expect(booking.Panel.Locator("h2")).ToBeFocusedAsync();
        // Wholly on screen (Bootstrap scrolls smoothly: the assertion waits for the scroll to end).
        await Expect(booking.Panel.Locator("h2")).ToBeInViewportAsync(new() { Ratio = 1 });
    }
}
