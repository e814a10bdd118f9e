using ServiceBooking.Domain.Bookings;
using ServiceBooking.Domain.Common;

namespace ServiceBooking.Tests.Bookings.Domain;

/// <summary>A day off cannot be set on a past day, a day off already, or a day with bookings.</summary>
public class DayOffTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static DayOffCircumstances Free => new(Today, AlreadyOff: false, ActiveBookings: 0);

    [Fact]
    public void Today_and_later_days_can_be_marked_off_with_a_reason()
    {
        var today = DayOff.Mark(Today, "  Инвентаризация ", Free);
        var later = DayOff.Mark(Today.AddDays(30), null, Free);

        Assert.Equal((Today, "Инвентаризация"), (today.Date, today.Reason));
        Assert.Equal((Today.AddDays(30), (string?)null), (later.Date, later.Reason));
    }

    [Fact]
    public void A_day_that_has_passed_at_the_service_centre_is_refused_naming_today()
    {
        var error = Assert.Throws<DomainException>(() => DayOff.Mark(Today.AddDays(-1), null, Free));

        Assert.Equal("DayOff.InPast", error.Code);
        Assert.Equal([Today], error.Arguments);
    }

    [Fact]
    public void A_day_that_is_off_already_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => DayOff.Mark(Today.AddDays(3), null, Free with { AlreadyOff = true }));

        Assert.Equal("DayOff.Taken", error.Code);
        Assert.Equal([Today.AddDays(3)], error.Arguments);
    }

    [Fact]
    public void A_day_with_active_bookings_is_refused_with_their_number()
    {
        var error = Assert.Throws<DomainException>(() => DayOff.Mark(Today.AddDays(1), "Праздник", Free with { ActiveBookings = 2 }));

        Assert.Equal("DayOff.HasBookings", error.Code);
        Assert.Equal([Today.AddDays(1), 2], error.Arguments);
    }

    [Fact]
    public void The_date_is_judged_before_the_reason()
    {
        var longReason = new string('я', 201);

        Assert.Equal("DayOff.InPast", Assert.Throws<DomainException>(() => DayOff.Mark(Today.AddDays(-1), longReason, Free)).Code);
        Assert.Equal("DayOff.ReasonTooLong", Assert.Throws<DomainException>(() => DayOff.Mark(Today, longReason, Free)).Code);
    }
}
