using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Web.Modules.Bookings;
using ServiceBooking.Web.Modules.Bookings.Components;

namespace ServiceBooking.Tests.Bookings.Components;

public sealed class MonthCalendarTests : BunitContext
{
    private static readonly DateOnly December = new(2026, 12, 1);

    public MonthCalendarTests() => Services.AddLocalization(options => options.ResourcesPath = "Resources");

    /// <summary>
    /// December 2026 seen on the 10th: the 1st to the 9th are past, Saturday the 12th is a day off, booking is open
    /// until the 24th, the 15th is selected and the client has a booking on the 17th.
    /// </summary>
    private static MonthView Month(bool hasPrevious = false, bool hasNext = false)
    {
        var days = Enumerable.Range(1, 31).Select(day => new CalendarDay(
            new DateOnly(2026, 12, day),
            day switch
            {
                < 10 => DayState.Past,
                12 => DayState.DayOff,
                > 24 => DayState.BeyondHorizon,
                _ => DayState.Open,
            },
            HasOwnBooking: day == 17,
            IsSelected: day == 15));
        return new MonthView(December, [.. days], hasPrevious, hasNext);
    }

    private IRenderedComponent<MonthCalendar> RenderMonth(MonthView? month = null, string pagePath = "/Booking", bool oob = false) =>
        Render<MonthCalendar>(p => p.Add(c => c.Month, month ?? Month()).Add(c => c.PagePath, pagePath).Add(c => c.Oob, oob));

    private static IElement Day(IRenderedComponent<MonthCalendar> calendar, int day) =>
        calendar.Find($"[data-testid=calendar-day][data-date='2026-12-{day:00}']");

    [Fact]
    public void Weeks_start_on_monday_so_december_2026_opens_with_one_empty_cell()
    {
        var calendar = RenderMonth();

        Assert.Equal(["пн", "вт", "ср", "чт", "пт", "сб", "вс"], calendar.FindAll("thead abbr").Select(a => a.TextContent));
        Assert.Equal("понедельник", calendar.Find("thead abbr").GetAttribute("title"));
        var weeks = calendar.FindAll("tbody tr");
        Assert.Equal(5, weeks.Count);
        var firstWeek = weeks[0].QuerySelectorAll("td");
        Assert.Null(firstWeek[0].QuerySelector("[data-testid=calendar-day]"));
        Assert.Equal("2026-12-01", firstWeek[1].QuerySelector("[data-testid=calendar-day]")!.GetAttribute("data-date"));
        Assert.Equal("2026-12-07", weeks[1].QuerySelector("td [data-testid=calendar-day]")!.GetAttribute("data-date"));
        Assert.Equal(31, calendar.FindAll("[data-testid=calendar-day]").Count);
        Assert.All(weeks, week => Assert.Equal(7, week.QuerySelectorAll("td").Length));
    }

    [Fact]
    public void The_title_is_the_month_and_year()
    {
        var calendar = RenderMonth();

        Assert.Equal("декабрь 2026", calendar.Find("[data-testid=month-title]").TextContent);
        Assert.Equal("2026-12", calendar.Find("[data-testid=month-calendar]").GetAttribute("data-month"));
    }

    [Fact]
    public void An_open_day_is_a_link_to_the_day_that_htmx_loads_into_the_grid()
    {
        var day = Day(RenderMonth(pagePath: "/Manager/Calendar"), 16);

        Assert.Equal("a", day.LocalName);
        Assert.Equal("open", day.GetAttribute("data-state"));
        Assert.Equal("/Manager/Calendar?date=2026-12-16", day.GetAttribute("href"));
        Assert.Equal("/Manager/Calendar?handler=Day&date=2026-12-16", day.GetAttribute("hx-get"));
        Assert.Equal("/Manager/Calendar?date=2026-12-16", day.GetAttribute("hx-push-url"));
        Assert.Equal("#booking-day", day.GetAttribute("hx-target"));
        Assert.Equal("16 декабря, среда: можно записаться", day.GetAttribute("aria-label"));
        Assert.Equal("16", day.TextContent.Trim());
        Assert.Null(day.GetAttribute("aria-current"));
    }

    [Fact]
    public void Only_the_selected_day_is_the_current_date()
    {
        var calendar = RenderMonth();

        var current = Assert.Single(calendar.FindAll("[aria-current]"));
        Assert.Equal("2026-12-15", current.GetAttribute("data-date"));
        Assert.Equal("date", current.GetAttribute("aria-current"));
        Assert.Contains("btn-primary", current.ClassList);
        Assert.DoesNotContain("btn-primary", Day(calendar, 16).ClassList);
    }

    [Fact]
    public void A_day_with_the_clients_booking_is_marked_and_says_so()
    {
        var day = Day(RenderMonth(), 17);

        Assert.Equal("17 декабря, четверг: можно записаться, у вас есть запись", day.GetAttribute("aria-label"));
        Assert.NotNull(day.QuerySelector(".own-marker"));
        Assert.Null(Day(RenderMonth(), 16).QuerySelector(".own-marker"));
    }

    [Theory]
    [InlineData(1, "past", "1 декабря, вторник: прошедший день")]
    [InlineData(9, "past", "9 декабря, среда: прошедший день")]
    [InlineData(12, "dayoff", "12 декабря, суббота: выходной")]
    [InlineData(25, "beyondhorizon", "25 декабря, пятница: запись ещё не открыта")]
    public void A_day_that_cannot_be_booked_is_disabled_and_names_why(int date, string state, string label)
    {
        var day = Day(RenderMonth(), date);

        Assert.Equal("span", day.LocalName);
        Assert.Equal(state, day.GetAttribute("data-state"));
        // A plain span cannot carry a name (aria-label there is invalid HTML and ignored): the reason is hidden text.
        Assert.Null(day.GetAttribute("aria-label"));
        Assert.Null(day.GetAttribute("aria-disabled"));
        Assert.Equal(label, day.QuerySelector("[data-testid=calendar-day-label]")!.TextContent);
        Assert.Contains("visually-hidden", day.QuerySelector("[data-testid=calendar-day-label]")!.ClassList);
        Assert.Equal("true", day.QuerySelector("[aria-hidden]")!.GetAttribute("aria-hidden"));
        Assert.Equal(date.ToString(CultureInfo.InvariantCulture), day.QuerySelector("[aria-hidden]")!.TextContent);
        Assert.Null(day.GetAttribute("href"));
        Assert.Null(day.GetAttribute("hx-get"));
    }

    [Fact]
    public void Only_open_days_are_links()
    {
        var links = RenderMonth().FindAll("a[data-testid=calendar-day]");

        Assert.Equal([10, 11, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24], links.Select(a => int.Parse(a.TextContent.Trim(), CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_previous_and_next_months_are_links_when_allowed()
    {
        var calendar = RenderMonth(Month(hasPrevious: true, hasNext: true));

        var previous = calendar.Find("[data-testid=month-previous]");
        Assert.Equal("/Booking?month=2026-11-01", previous.GetAttribute("href"));
        Assert.Equal("/Booking?handler=Month&month=2026-11-01", previous.GetAttribute("hx-get"));
        Assert.Equal("#booking-month", previous.GetAttribute("hx-target"));
        Assert.Equal("Предыдущий месяц", previous.GetAttribute("aria-label"));
        var next = calendar.Find("[data-testid=month-next]");
        Assert.Equal("/Booking?month=2027-01-01", next.GetAttribute("href"));
        Assert.Equal("/Booking?handler=Month&month=2027-01-01", next.GetAttribute("hx-get"));
        Assert.Equal("Следующий месяц", next.GetAttribute("aria-label"));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public void A_month_one_cannot_go_to_has_no_link(bool hasPrevious, bool hasNext)
    {
        var calendar = RenderMonth(Month(hasPrevious, hasNext));

        Assert.Equal(hasPrevious ? 1 : 0, calendar.FindAll("[data-testid=month-previous]").Count);
        Assert.Equal(hasNext ? 1 : 0, calendar.FindAll("[data-testid=month-next]").Count);
        Assert.Equal((hasPrevious ? 0 : 1) + (hasNext ? 0 : 1), calendar.FindAll("span.disabled[aria-hidden=true]").Count);
        Assert.Equal((hasPrevious ? 1 : 0) + (hasNext ? 1 : 0), calendar.FindAll("[hx-get*='handler=Month']").Count);
    }

    [Fact]
    public void Sent_out_of_band_the_calendar_replaces_itself_by_id()
    {
        var month = RenderMonth(oob: true).Find("[data-testid=month-calendar]");

        Assert.Equal("booking-month", month.Id);
        Assert.Equal("true", month.GetAttribute("hx-swap-oob"));
    }

    [Fact]
    public void Rendered_in_place_the_calendar_is_not_out_of_band()
    {
        var month = RenderMonth(oob: false).Find("[data-testid=month-calendar]");

        Assert.Equal("booking-month", month.Id);
        Assert.False(month.HasAttribute("hx-swap-oob"));
    }
}
