using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Web.Modules.Bookings;
using ServiceBooking.Web.Modules.Bookings.Components;
using static ServiceBooking.Tests.Catalog.Domain.CatalogBuilder;

namespace ServiceBooking.Tests.Bookings.Components;

public sealed class SlotGridViewTests : BunitContext
{
    private const string Ivan = "client-ivan";
    private const string Olga = "client-olga";

    private static readonly DateOnly Day = new(2026, 12, 1);

    // 08:15 on the day itself: the 08:00 cells have begun.
    private static readonly DateTime LocalNow = new(2026, 12, 1, 8, 15, 0);

    private static readonly GridAdvisor[] Advisors = [new(1, "Кузнецов А. И."), new(2, "Морозова Е. В.")];

    // 09:00 Кузнецов: Olga's booking; 09:30 Морозова: cancelled; 10:00 Морозова: Ivan's booking.
    private static readonly GridBooking[] Bookings =
    [
        new(11, 1, new TimeOnly(9, 0), Olga, BookingStatus.Active),
        new(12, 2, new TimeOnly(9, 30), Ivan, BookingStatus.Cancelled),
        new(13, 2, new TimeOnly(10, 0), Ivan, BookingStatus.Active),
    ];

    private static readonly Dictionary<int, BookingSummary> StaffDetails = new()
    {
        [11] = new BookingSummary(
            11, Day, new TimeOnly(9, 0), "Кузнецов А. И.", "Петрова Ольга Николаевна", "+79001234567", "olga@example.com", "Kia Rio (IV)", "В001ОР77", "ТО-1", Rub(6800m)),
    };

    public SlotGridViewTests() => Services.AddLocalization(options => options.ResourcesPath = "Resources");

    private IRenderedComponent<SlotGridView> RenderGrid(string? viewerId, string pagePath = "/Booking", IReadOnlyDictionary<int, BookingSummary>? details = null) =>
        Render<SlotGridView>(p => p
            .Add(g => g.Grid, SlotGrid.Build(Day, Advisors, Bookings, viewerId, LocalNow, closedDay: false))
            .Add(g => g.PagePath, pagePath)
            .Add(g => g.Details, details));

    private static IElement Cell(IRenderedComponent<SlotGridView> grid, string time, int advisorId) =>
        grid.Find($"[data-testid=slot][data-time='{time}'][data-advisor='{advisorId}']");

    /// <summary>The text as read aloud: non-breaking spaces as spaces, runs of white space as one.</summary>
    private static string Spoken(IElement element) =>
        string.Join(' ', element.TextContent.Replace('\u00A0', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void The_grid_has_a_column_per_advisor_and_a_row_per_half_hour()
    {
        var grid = RenderGrid(Ivan);

        Assert.Equal(["Кузнецов А. И.", "Морозова Е. В."], grid.FindAll("th[data-testid=advisor]").Select(th => th.TextContent));
        Assert.Equal(["1", "2"], grid.FindAll("th[data-testid=advisor]").Select(th => th.GetAttribute("data-advisor")));
        var rows = grid.FindAll("tbody tr");
        Assert.Equal(24, rows.Count);
        Assert.Equal("08:00", rows[0].QuerySelector("th[scope=row]")!.TextContent);
        Assert.Equal("19:30", rows[^1].QuerySelector("th[scope=row]")!.TextContent);
        Assert.All(rows, row => Assert.Equal(2, row.QuerySelectorAll("[data-testid=slot]").Length));
        Assert.Equal("2026-12-01", grid.Find("[data-testid=slot-grid]").GetAttribute("data-date"));
        Assert.Equal("Время приёмщиков на вторник, 1 декабря 2026", grid.Find("caption").TextContent);
    }

    [Fact]
    public void Every_cell_carries_its_state()
    {
        var grid = RenderGrid(Ivan);

        Assert.Equal("closed", Cell(grid, "08:00", 1).GetAttribute("data-state"));
        Assert.Equal("free", Cell(grid, "08:30", 1).GetAttribute("data-state"));
        Assert.Equal("busy", Cell(grid, "09:00", 1).GetAttribute("data-state"));
        Assert.Equal("cancelled", Cell(grid, "09:30", 2).GetAttribute("data-state"));
        Assert.Equal("own", Cell(grid, "10:00", 2).GetAttribute("data-state"));
        Assert.Equal(43, grid.FindAll("[data-testid=slot][data-state=free]").Count); // 48 − 2 closed − busy − cancelled − own
    }

    [Fact]
    public void A_free_cell_is_a_button_that_names_time_advisor_and_state_and_opens_the_panel()
    {
        var button = Cell(RenderGrid(Ivan), "08:30", 1).QuerySelector("button")!;

        Assert.Equal("08:30, Кузнецов А. И.: свободно", Spoken(button));
        Assert.Equal("08:30, Кузнецов А. И.: ", button.QuerySelector(".visually-hidden")!.TextContent);
        Assert.Equal("/Booking?handler=Panel&date=2026-12-01&time=08:30&advisorId=1", button.GetAttribute("hx-get"));
        var table = button.Closest("table")!;
        Assert.Equal(("#booking-panel", "outerHTML"), (table.GetAttribute("hx-target"), table.GetAttribute("hx-swap")));
    }

    [Fact]
    public void A_cancelled_cell_is_a_button_too_and_says_it_is_free_again()
    {
        var button = Cell(RenderGrid(Ivan, pagePath: "/Manager/Calendar"), "09:30", 2).QuerySelector("button")!;

        Assert.Equal("09:30, Морозова Е. В.: отменено, свободно", Spoken(button));
        Assert.Equal("/Manager/Calendar?handler=Panel&date=2026-12-01&time=09:30&advisorId=2", button.GetAttribute("hx-get"));
    }

    [Fact]
    public void A_busy_cell_shows_a_client_nothing_but_busy_and_cannot_be_clicked()
    {
        var grid = RenderGrid(Ivan);
        var cell = Cell(grid, "09:00", 1);

        Assert.Equal("09:00, Кузнецов А. И.: занято", Spoken(cell));
        Assert.Empty(cell.QuerySelectorAll("button, a"));
        Assert.DoesNotContain(Olga, grid.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Booking", grid.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Staff_see_who_booked_a_busy_cell_and_open_the_booking_from_it()
    {
        var grid = RenderGrid(viewerId: null, pagePath: "/Manager/Calendar", details: StaffDetails);
        var button = Cell(grid, "09:00", 1).QuerySelector("button")!;

        Assert.Equal("/Manager/Calendar?handler=Booking&id=11", button.GetAttribute("hx-get"));
        Assert.Equal("#booking-panel", button.Closest("table")!.GetAttribute("hx-target"));
        // What a screen reader says first (hidden by site.css), then the client, then a line each: phone, car, work.
        Assert.Equal(["SPAN", "B", "SMALL"], button.Children.Select(e => e.TagName));
        Assert.Equal("09:00, Кузнецов А. И.: занято:", Spoken(button.Children[0]));
        Assert.Equal("Петрова Ольга Николаевна", button.Children[1].TextContent);
        var small = button.Children[2];
        Assert.Equal(["BR", "BR"], small.Children.Select(e => e.TagName));
        Assert.Equal(
            ["+7 900 123-45-67", "Kia Rio (IV), В 001 ОР 77", "ТО-1 · 6 800,00 ₽"],
            small.ChildNodes.Where(n => n.NodeType == NodeType.Text).Select(n => n.TextContent.Replace('\u00A0', ' ')));
        // Nothing between the parts: the grid is sent whole, and every byte of its hundreds of cells counts.
        Assert.DoesNotMatch(@">\s+<", button.OuterHtml);
        Assert.Contains("<small>+7 900 123-45-67<br>", grid.Markup, StringComparison.Ordinal);
        Assert.Contains("6\u00A0800,00 ₽</small>", grid.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Staff_see_a_busy_cell_without_details_as_plain_busy()
    {
        var grid = RenderGrid(viewerId: null, pagePath: "/Manager/Calendar", details: new Dictionary<int, BookingSummary>());
        var cell = Cell(grid, "09:00", 1);

        Assert.Equal("09:00, Кузнецов А. И.: занято", Spoken(cell));
        Assert.Empty(cell.QuerySelectorAll("button, a"));
    }

    [Fact]
    public void Staff_see_a_clients_booking_as_busy_not_as_their_own()
    {
        var grid = RenderGrid(viewerId: null, pagePath: "/Manager/Calendar", details: StaffDetails);

        Assert.Equal("busy", Cell(grid, "10:00", 2).GetAttribute("data-state"));
        Assert.Empty(grid.FindAll("a[href='/Booking/My']"));
    }

    [Fact]
    public void The_viewers_own_cell_links_to_their_bookings()
    {
        var cell = Cell(RenderGrid(Ivan), "10:00", 2);

        var link = cell.QuerySelector("a")!;
        Assert.Equal("/Booking/My", link.GetAttribute("href"));
        Assert.Equal("10:00, Морозова Е. В.: ваша запись", Spoken(link));
        Assert.Null(cell.QuerySelector("button"));
    }

    [Fact]
    public void A_closed_cell_is_not_a_button_and_says_unavailable_to_screen_readers()
    {
        var cell = Cell(RenderGrid(Ivan), "08:00", 2);

        Assert.Equal("08:00, Морозова Е. В.: недоступно", Spoken(cell.QuerySelector(".visually-hidden")!));
        Assert.Equal("—", cell.QuerySelector("[aria-hidden=true]")!.TextContent);
        Assert.Empty(cell.QuerySelectorAll("button, a"));
    }

    [Fact]
    public void Only_free_and_cancelled_cells_are_buttons_for_a_client()
    {
        var grid = RenderGrid(Ivan);

        var buttons = grid.FindAll("button");
        Assert.Equal(44, buttons.Count); // 43 free + 1 cancelled
        Assert.All(buttons, b => Assert.Contains(b.Closest("[data-testid=slot]")!.GetAttribute("data-state"), new[] { "free", "cancelled" }));
    }
}
