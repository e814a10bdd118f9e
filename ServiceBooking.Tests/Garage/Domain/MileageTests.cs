using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Garage;

namespace ServiceBooking.Tests.Garage.Domain;

public class MileageTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(45_000)]
    [InlineData(3_000_000)]
    public void A_reading_from_0_to_3_000_000_km_is_accepted(int kilometres)
    {
        Assert.Equal(kilometres, Mileage.FromKilometres(kilometres).Kilometres);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void A_negative_reading_is_refused(int kilometres)
    {
        var error = Assert.Throws<DomainException>(() => Mileage.FromKilometres(kilometres));

        Assert.Equal("Mileage.Negative", error.Code);
    }

    [Theory]
    [InlineData(3_000_001)]
    [InlineData(int.MaxValue)]
    public void A_reading_above_3_000_000_km_is_refused_and_names_the_maximum(int kilometres)
    {
        var error = Assert.Throws<DomainException>(() => Mileage.FromKilometres(kilometres));

        Assert.Equal("Mileage.TooLarge", error.Code);
        Assert.Equal([3_000_000], error.Arguments);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_larger_or_equal_reading_is_always_accepted(bool confirmed)
    {
        var before = Mileage.FromKilometres(45_000);

        Assert.Equal(50_000, before.ChangeTo(Mileage.FromKilometres(50_000), confirmed).Kilometres);
        Assert.Equal(45_000, before.ChangeTo(Mileage.FromKilometres(45_000), confirmed).Kilometres);
    }

    [Fact]
    public void A_smaller_reading_is_refused_without_confirmation_and_names_the_old_reading()
    {
        var before = Mileage.FromKilometres(45_000);

        var error = Assert.Throws<DomainException>(() => before.ChangeTo(Mileage.FromKilometres(44_999), decreaseConfirmed: false));

        Assert.Equal("Mileage.Decreased", error.Code);
        Assert.Equal([45_000], error.Arguments);
    }

    [Fact]
    public void A_smaller_reading_is_accepted_when_the_owner_confirms_it()
    {
        var before = Mileage.FromKilometres(45_000);

        Assert.Equal(4_500, before.ChangeTo(Mileage.FromKilometres(4_500), decreaseConfirmed: true).Kilometres);
    }

    [Fact]
    public void Readings_compare_by_kilometres()
    {
        var less = Mileage.FromKilometres(10);
        var more = Mileage.FromKilometres(20);

        Assert.True(less < more);
        Assert.True(more > less);
        Assert.True(less <= Mileage.FromKilometres(10));
        Assert.True(more >= Mileage.FromKilometres(20));
        Assert.True(less.CompareTo(more) < 0);
        Assert.Equal(0, less.CompareTo(Mileage.FromKilometres(10)));
        Assert.Equal(Mileage.FromKilometres(10), less);
    }

    [Fact]
    public void MaxKilometres_is_3_000_000()
    {
        Assert.Equal(3_000_000, Mileage.MaxKilometres);
    }
}
