using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.WorkOrders;

namespace ServiceBooking.Tests.WorkOrders.Domain;

public sealed class ShiftAndBlacklistTests
{
    private static readonly DateTimeOffset Morning = new(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(3));

    [Fact]
    public void A_mechanic_checks_in_once_then_out_and_is_on_shift_only_in_between()
    {
        var shift = Shift.CheckIn("m1", open: null, Morning);

        Assert.True(shift.IsOnShift(Morning.AddHours(4)));
        Assert.Equal("Shift.AlreadyOn", Assert.Throws<DomainException>(() => Shift.CheckIn("m1", shift, Morning.AddHours(1))).Code);

        shift.CheckOut(Morning.AddHours(9));

        Assert.False(shift.IsOnShift(Morning.AddHours(9.5)));
        Assert.Equal(TimeSpan.FromHours(9), shift.Length(Morning.AddDays(1)));
        Assert.Equal("Shift.NotOn", Assert.Throws<DomainException>(() => shift.CheckOut(Morning.AddHours(10))).Code);
        Assert.True(Shift.CheckIn("m1", shift, Morning.AddDays(1)).IsOpen);
    }

    [Fact]
    public void A_shift_left_open_overnight_no_longer_counts_and_a_new_one_may_start()
    {
        var forgotten = Shift.CheckIn("m1", open: null, Morning);

        Assert.False(forgotten.IsOnShift(Morning.AddHours(17)));
        Assert.Equal(Shift.Longest, forgotten.Length(Morning.AddHours(30)));
        Assert.True(Shift.CheckIn("m1", forgotten, Morning.AddHours(24)).IsOnShift(Morning.AddHours(25)));
    }

    [Fact]
    public void A_blacklist_entry_names_an_account_or_a_phone_with_a_reason_and_is_lifted_once()
    {
        Assert.Equal("Blacklist.NobodyNamed", Assert.Throws<DomainException>(() => BlacklistEntry.Add(null, " ", "грубил", "s1", Morning)).Code);
        Assert.Equal("Blacklist.ReasonRequired", Assert.Throws<DomainException>(() => BlacklistEntry.Add("c1", null, "", "s1", Morning)).Code);

        var entry = BlacklistEntry.Add(null, "+79001234567", "Не оплатил ремонт", "s1", Morning);

        Assert.True(entry.Covers("anyone", "+79001234567"));
        Assert.False(entry.Covers("c1", "+79007654321"));
        entry.Lift("admin", Morning.AddDays(1));
        Assert.False(entry.Covers(null, "+79001234567"));
        Assert.Equal("Blacklist.AlreadyLifted", Assert.Throws<DomainException>(() => entry.Lift("admin", Morning.AddDays(2))).Code);
    }
}
