using System.Globalization;
using ServiceBooking.Domain.Bookings;
using ServiceBooking.Domain.Common;

namespace ServiceBooking.Tests.Bookings.Domain;

public class TimeSlotTests
{
    private static readonly DateOnly Day = new(2026, 12, 1);

    private static TimeOnly At(string time) => TimeOnly.Parse(time, CultureInfo.InvariantCulture);

    [Fact]
    public void A_working_day_has_24_starts_half_an_hour_apart_from_0800_to_1930()
    {
        Assert.Equal(
            [
                "08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "12:30", "13:00", "13:30",
                "14:00", "14:30", "15:00", "15:30", "16:00", "16:30", "17:00", "17:30", "18:00", "18:30", "19:00", "19:30",
            ],
            TimeSlot.DayStarts.Select(t => t.ToString("HH:mm", CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("08:00", "08:30")]
    [InlineData("12:30", "13:00")]
    [InlineData("19:30", "20:00")]
    public void A_slot_on_the_grid_keeps_its_day_and_lasts_half_an_hour(string start, string end)
    {
        var slot = TimeSlot.Create(Day, At(start));

        Assert.Equal(Day, slot.Date);
        Assert.Equal(At(start), slot.Start);
        Assert.Equal(At(end), slot.End);
    }

    [Theory]
    [InlineData("07:30")] // before the centre opens
    [InlineData("00:00")]
    [InlineData("20:00")] // the centre closes at 20:00
    [InlineData("19:45")] // would end at 20:15, after closing
    [InlineData("23:45")] // would end after midnight
    public void A_slot_outside_working_hours_is_refused_naming_the_hours(string start)
    {
        var error = Assert.Throws<DomainException>(() => TimeSlot.Create(Day, At(start)));

        Assert.Equal("Slot.OutsideHours", error.Code);
        Assert.Equal<object>([new TimeOnly(8, 0), new TimeOnly(20, 0)], error.Arguments);
    }

    [Theory]
    [InlineData("10:15")]
    [InlineData("08:01")]
    [InlineData("10:00:30")]
    [InlineData("10:00:00.001")]
    public void A_slot_that_does_not_start_on_the_half_hour_is_refused(string start)
    {
        var error = Assert.Throws<DomainException>(() => TimeSlot.Create(Day, At(start)));

        Assert.Equal("Slot.NotOnTheGrid", error.Code);
    }

    [Theory]
    [InlineData("2026-12-01T09:59:59.9999999", false)] // a tick before the start
    [InlineData("2026-12-01T10:00:00", true)] // the very moment it starts counts as started
    [InlineData("2026-12-01T10:00:00.0000001", true)]
    [InlineData("2026-12-01T19:59:00", true)]
    [InlineData("2026-11-30T23:00:00", false)] // the day before, later in the day
    [InlineData("2026-12-02T08:00:00", true)] // the day after, earlier in the day
    public void A_slot_has_started_from_its_start_time_on_its_day(string localNow, bool started)
    {
        var slot = TimeSlot.Create(Day, new TimeOnly(10, 0));

        Assert.Equal(started, slot.HasStartedAt(DateTime.Parse(localNow, CultureInfo.InvariantCulture)));
    }
}
