using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ServiceBooking.Tests.Infrastructure;
using ServiceBooking.Tests.Infrastructure.Browser;
using ServiceBooking.Tests.Infrastructure.Browser.PageObjects;
using ServiceBooking.Web.Platform.Live;
using static Microsoft.Playwright.Assertions;

namespace ServiceBooking.Tests.Bookings;

/// <summary>
/// Two browsers on two instances of the site (one database): each sees the other's bookings within a second without a
/// reload, through the live streams; when the desk's stream is cut it keeps up by conditional polling.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveJourneyTests(BrowserFixture fixture) : IAsyncLifetime
{
    private const string Advisor = "Волков Д. С.";
    // While a page's stream is open it does not poll, so whatever changes on it came through the stream. How fast (a
    // second at p99) is measured by bench/run.sh; here a loaded test machine gets five seconds, the desk's poll interval.
    private static readonly LocatorAssertionsToContainTextOptions ThroughTheStream = new() { Timeout = 5_000 };
    private SiteFactory _other = default!;
    private Uri _otherUrl = default!;
    private DateOnly _day;

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        (_other, _otherUrl) = fixture.StartAnotherSite();
        _day = await JourneyWorkshop.SeedAsync(fixture);
        foreach (var site in new[] { fixture.Site, _other })
        {
            var hub = site.Services.GetRequiredService<LiveHub>();
            for (var i = 0; !hub.IsListening && i < 250; i++)
            {
                await Task.Delay(20);
            }
        }
    }

    public async Task DisposeAsync() => await _other.DisposeAsync();

    [Fact]
    public async Task Two_browsers_on_two_instances_see_each_others_bookings_without_reload_and_a_cut_stream_falls_back_to_polling()
    {
        // The manager's desk on this instance, the client's booking page on the other.
        var managerPage = await fixture.NewPageAsync();
        await new AccountPages(managerPage).SignInAsync("marina", UserBuilder.DefaultPassword);
        var desk = new BookingPages(managerPage);
        await desk.OpenDayAsync("nav-desk", _day);
        var annaPage = await fixture.NewPageAsync(site: _otherUrl);
        await new AccountPages(annaPage).SignInAsync("anna", UserBuilder.DefaultPassword);
        var anna = new BookingPages(annaPage);
        await anna.OpenDayAsync("nav-booking", _day);
        await Expect(desk.Cell("10:00", Advisor, "свободно")).ToBeVisibleAsync();

        // Anna books on the other instance: the desk shows who booked, and says so to a screen reader.
        await anna.Cell("10:00", Advisor, "свободно").ClickAsync();
        await anna.ChooseWorkAndConfirmAsync("ТО-1");
        await Expect(anna.Panel.GetByTestId("booking-done")).ToBeVisibleAsync();
        await Expect(managerPage.GetByTestId("slot-grid").Locator("[data-testid=slot][data-time='10:00'][data-state=busy] button"))
            .ToContainTextAsync("Кузнецова Анна Олеговна", ThroughTheStream);
        await Expect(managerPage.GetByTestId("live-note")).ToContainTextAsync($"10:00, {Advisor}: занято", ThroughTheStream);

        // The manager books Boris at 15:00 on this instance: Anna's page shows the cell busy, her own still hers.
        await desk.Cell("15:00", Advisor, "свободно").ClickAsync();
        await desk.FindClientAsync("борис", "Борисов Борис");
        await desk.ChooseWorkAndConfirmAsync("Диагностика");
        await Expect(desk.Panel.GetByTestId("booking-done")).ToBeVisibleAsync();
        await Expect(anna.CellText("15:00", Advisor, "занято")).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Expect(annaPage.GetByTestId("live-note")).ToContainTextAsync($"15:00, {Advisor}: занято", ThroughTheStream);
        await Expect(annaPage.GetByTestId("slot-grid").GetByRole(AriaRole.Link, new() { Name = $"10:00, {Advisor}: ваша запись" })).ToBeVisibleAsync();

        // The desk's stream is cut (and cannot come back): it polls, and an unchanged day answers 304.
        var notModified = 0;
        managerPage.Response += (_, response) =>
        {
            if (response.Url.Contains("refresh=true", StringComparison.Ordinal) && response.Status == 304)
            {
                Interlocked.Increment(ref notModified);
            }
        };
        await managerPage.RouteAsync("**/Manager/Calendar/live**", route => route.AbortAsync());
        fixture.Site.Services.GetRequiredService<LiveHub>().CloseAll();
        for (var i = 0; Volatile.Read(ref notModified) == 0 && i < 100; i++)
        {
            await Task.Delay(50);
        }

        Assert.True(notModified > 0, "the desk did not poll its unchanged day");

        // Anna cancels on the other instance: the polling desk shows the cell free again.
        await anna.CancelFirstUpcomingAsync();
        await Expect(desk.CellText("10:00", Advisor, "отменено, свободно")).ToBeVisibleAsync(new() { Timeout = 5_000 });
    }
}
