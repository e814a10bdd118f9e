using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Web.Modules.Bookings;
using ServiceBooking.Web.Modules.Bookings.Components;

namespace ServiceBooking.Tests.Bookings.Components;

public sealed class BookingHistoryViewTests : BunitContext
{
    private static readonly DateTime Morning = new(2026, 12, 1, 9, 10, 0);

    public BookingHistoryViewTests() => Services.AddLocalization(options => options.ResourcesPath = "Resources");

    private IRenderedComponent<BookingHistoryView> Show(params BookingHistoryEvent[] events) =>
        Render<BookingHistoryView>(p => p.Add(v => v.Events, events));

    private static List<string> Lines(IRenderedComponent<BookingHistoryView> view) =>
        [.. view.FindAll("[data-testid=history-step]").Select(step => string.Join(" ", step.TextContent.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)))];

    [Fact]
    public void Each_step_reads_when_what_and_who_in_the_order_given()
    {
        var view = Show(
            new BookingHistoryEvent(Morning, BookingStep.Booked, BookingActor.You),
            new BookingHistoryEvent(Morning.AddHours(2), BookingStep.Moved, BookingActor.ServiceCentre)
            {
                From = (new DateOnly(2026, 12, 3), new TimeOnly(12, 0)),
                To = (new DateOnly(2026, 12, 4), new TimeOnly(9, 30)),
            },
            new BookingHistoryEvent(Morning.AddDays(1), BookingStep.Cancelled, BookingActor.ServiceCentre) { Reason = "Подъёмник на ремонте" });

        Assert.Equal(
            [
                "01.12.2026 09:10 · Запись сделана · вами",
                "01.12.2026 11:10 · Перенесена с 03.12.2026 12:00 на 04.12.2026 09:30 · сервисом",
                "02.12.2026 09:10 · Отменена · сервисом — Подъёмник на ремонте",
            ],
            Lines(view));
        Assert.Equal(["booked", "moved", "cancelled"], view.FindAll("[data-testid=history-step]").Select(s => s.GetAttribute("data-step")));
        Assert.Equal("2026-12-01T09:10", view.Find("[data-testid=history-at]").GetAttribute("datetime"));
    }

    [Fact]
    public void Staff_read_names_and_what_ran_by_itself()
    {
        var view = Show(
            new BookingHistoryEvent(Morning, BookingStep.Booked, BookingActor.Person, "Смирнова Анна Павловна"),
            new BookingHistoryEvent(Morning, BookingStep.Changed, BookingActor.Job, "reminders"),
            new BookingHistoryEvent(Morning, BookingStep.Changed, BookingActor.Command, "create-admin"),
            new BookingHistoryEvent(Morning, BookingStep.Deleted, BookingActor.System, "startup"),
            new BookingHistoryEvent(Morning, BookingStep.Changed, BookingActor.Anonymous),
            new BookingHistoryEvent(Morning, BookingStep.Cancelled, BookingActor.Automatic));

        Assert.Equal(
            [
                "01.12.2026 09:10 · Запись сделана · Смирнова Анна Павловна",
                "01.12.2026 09:10 · Изменена · автоматически (задание reminders)",
                "01.12.2026 09:10 · Изменена · командой create-admin",
                "01.12.2026 09:10 · Удалена · сайтом (startup)",
                "01.12.2026 09:10 · Изменена · без входа на сайт",
                "01.12.2026 09:10 · Отменена · автоматически",
            ],
            Lines(view));
    }

    [Fact]
    public void A_booking_with_nothing_recorded_says_so()
    {
        var view = Show();

        Assert.Empty(view.FindAll("[data-testid=history-step]"));
        Assert.Equal("Пока ничего не записано.", view.Find("[data-testid=history-empty]").TextContent);
    }

    [Fact]
    public void In_english_the_steps_read_in_english()
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-GB");
        try
        {
            var view = Show(new BookingHistoryEvent(Morning, BookingStep.Cancelled, BookingActor.You));

            Assert.Equal(["01.12.2026 09:10 · Cancelled · by you"], Lines(view));
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }
}
