using System.Globalization;
using Microsoft.Playwright;

namespace ServiceBooking.Tests.Infrastructure.Browser.PageObjects;

/// <summary>The booking page, "My bookings" and the manager's desk, as people use them.</summary>
public sealed class BookingPages(IPage page)
{
    public IPage Page => page;

    public ILocator Panel => page.GetByTestId("booking-panel");

    /// <summary>Opens the calendar (the client's, or the desk) and picks the day, turning the month when needed.</summary>
    public async Task OpenDayAsync(string navTestId, DateOnly day)
    {
        await page.GetByTestId(navTestId).ClickAsync();
        var iso = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var month = day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (await page.GetByTestId("month-calendar").GetAttributeAsync("data-month") != month)
        {
            await page.GetByTestId("month-next").ClickAsync();
            await Assertions.Expect(page.GetByTestId("month-calendar")).ToHaveAttributeAsync("data-month", month);
        }

        await page.Locator($"[data-testid=calendar-day][data-date='{iso}']").ClickAsync();
        await Assertions.Expect(page.GetByTestId("slot-grid")).ToHaveAttributeAsync("data-date", iso);
    }

    /// <summary>A cell of the grid, found the way a screen reader names it: "12:00, Волков Д. С.: свободно".</summary>
    public ILocator Cell(string time, string advisor, string state) =>
        page.GetByTestId("slot-grid").GetByRole(AriaRole.Button, new() { Name = $"{time}, {advisor}: {state}", Exact = true });

    public ILocator CellText(string time, string advisor, string state) =>
        page.GetByTestId("slot-grid").GetByText($"{time}, {advisor}: {state}", new() { Exact = false });

    public async Task ChooseWorkAndConfirmAsync(string work)
    {
        await Panel.Locator($"[data-testid=repair-type][data-name='{work}'] input[type=radio]").CheckAsync();
        await Panel.GetByTestId("booking-confirm").ClickAsync();
    }

    public ILocator Price(string work) => Panel.Locator($"[data-testid=repair-type][data-name='{work}'] [data-testid=repair-type-total]");

    public async Task CancelFirstUpcomingAsync()
    {
        page.Dialog += Accept;
        await page.GetByTestId("nav-my-bookings").ClickAsync();
        await page.GetByTestId("upcoming").GetByTestId("booking-cancel").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("status-message")).ToBeVisibleAsync();
        page.Dialog -= Accept;
    }

    public async Task FindClientAsync(string query, string name)
    {
        var search = Panel.GetByTestId("client-search");
        var match = Panel.GetByTestId("client-match").Filter(new() { HasText = name });
        // htmx listens to the search box once it has processed the panel just swapped in: text typed before that (a
        // loaded machine can take a while) starts no search, so it is typed again, as a person would.
        for (var attempt = 1; ; attempt++)
        {
            await search.FillAsync(query);
            try
            {
                await match.WaitForAsync(new() { Timeout = 3_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 5)
            {
                await search.FillAsync(string.Empty);
            }
        }

        await match.ClickAsync();
        await Assertions.Expect(Panel.GetByTestId("desk-client")).ToContainTextAsync(name);
    }

    public async Task DeleteOpenBookingAsync(string reason)
    {
        page.Dialog += Accept;
        await Panel.GetByTestId("desk-delete-reason").FillAsync(reason);
        await Panel.GetByTestId("desk-delete").ClickAsync();
        await Assertions.Expect(Panel.GetByTestId("desk-deleted")).ToBeVisibleAsync();
        page.Dialog -= Accept;
    }

    private static async void Accept(object? sender, IDialog dialog) => await dialog.AcceptAsync();
}
