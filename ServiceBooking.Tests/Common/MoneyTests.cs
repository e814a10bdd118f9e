using System.Globalization;
using ServiceBooking.Domain.Common;
using static ServiceBooking.Tests.Catalog.Domain.CatalogBuilder;

namespace ServiceBooking.Tests.Common;

public class MoneyTests
{
    [Theory]
    [InlineData("2.345", "2.35")]
    [InlineData("2.344", "2.34")]
    [InlineData("0.005", "0.01")]
    [InlineData("0.004", "0.00")]
    [InlineData("1.005", "1.01")]
    [InlineData("2.5", "2.50")]
    [InlineData("2.675", "2.68")]
    [InlineData("1234.5", "1234.50")]
    [InlineData("0.015", "0.02")]
    [InlineData("0.025", "0.03")]
    [InlineData("99.9949", "99.99")]
    [InlineData("99.995", "100.00")]
    public void An_amount_is_rounded_to_kopecks_half_away_from_zero(string roubles, string expected)
    {
        Assert.Equal(Dec(expected), Money.FromRoubles(Dec(roubles)).Amount);
    }

    [Fact]
    public void Rounding_of_a_midpoint_is_not_bankers_rounding()
    {
        // Banker's rounding would give 0.02 and 2.34; a receipt gives 0.03 and 2.35.
        Assert.Equal(0.03m, Money.FromRoubles(0.025m).Amount);
        Assert.Equal(2.35m, Money.FromRoubles(2.345m).Amount);
    }

    [Theory]
    [InlineData("2.345", "2.35")]
    [InlineData("-2.345", "-2.35")]
    [InlineData("-2.344", "-2.34")]
    [InlineData("-0.005", "-0.01")]
    public void Round_goes_half_away_from_zero_on_both_sides(string amount, string expected)
    {
        Assert.Equal(Dec(expected), Money.Round(Dec(amount)));
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("-1")]
    [InlineData("-100000000")]
    public void A_negative_amount_is_refused(string roubles)
    {
        var error = Assert.Throws<DomainException>(() => Money.FromRoubles(Dec(roubles)));

        Assert.Equal("Money.Negative", error.Code);
    }

    [Fact]
    public void Zero_is_a_valid_amount_and_equals_Money_Zero()
    {
        Assert.Equal(Money.Zero, Money.FromRoubles(0m));
        Assert.Equal(0m, Money.Zero.Amount);
    }

    [Fact]
    public void The_maximum_amount_itself_is_accepted()
    {
        Assert.Equal(Money.MaxAmount, Money.FromRoubles(Money.MaxAmount).Amount);
        Assert.Equal(100_000_000m, Money.MaxAmount);
    }

    [Theory]
    [InlineData("100000000.01")]
    [InlineData("100000001")]
    [InlineData("79228162514264337593543950335")]
    public void An_amount_above_the_maximum_is_refused_and_names_the_maximum(string roubles)
    {
        var error = Assert.Throws<DomainException>(() => Money.FromRoubles(Dec(roubles)));

        Assert.Equal("Money.TooLarge", error.Code);
        Assert.Equal([Money.MaxAmount], error.Arguments);
    }

    [Theory]
    [InlineData("100.00", "1.5", "150.00")]
    [InlineData("1234.55", "0.3", "370.37")] // 370.365
    [InlineData("1234.54", "0.3", "370.36")] // 370.362
    [InlineData("0.01", "0.5", "0.01")] // 0.005
    [InlineData("0.01", "0.49", "0.00")] // 0.0049
    [InlineData("450.50", "2", "901.00")]
    [InlineData("890.55", "4.1", "3651.26")] // 3651.255
    [InlineData("10.00", "0", "0.00")]
    public void Times_multiplies_and_rounds_to_kopecks(string amount, string factor, string expected)
    {
        Assert.Equal(Dec(expected), Rub(Dec(amount)).Times(Dec(factor)).Amount);
    }

    [Fact]
    public void Times_a_negative_factor_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => Rub(10m).Times(-1m));

        Assert.Equal("Money.Negative", error.Code);
    }

    [Fact]
    public void Times_beyond_the_maximum_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => Rub(60_000_000m).Times(2m));

        Assert.Equal("Money.TooLarge", error.Code);
    }

    [Fact]
    public void Amounts_add_up_to_the_kopeck()
    {
        Assert.Equal(Rub(4312.5m + 3738m), Rub(4312.5m) + Rub(3738m));
        Assert.Equal(0.3m, (Rub(0.1m) + Rub(0.2m)).Amount);
        Assert.Equal(Rub(12.34m), Money.Add(Rub(12m), Rub(0.34m)));
        Assert.Equal(Rub(5m), Rub(5m) + Money.Zero);
    }

    [Fact]
    public void Amounts_compare_by_value()
    {
        var small = Rub(99.99m);
        var big = Rub(100m);

        Assert.True(small < big);
        Assert.True(big > small);
        Assert.True(small <= big);
        Assert.True(big >= small);
        Assert.True(big <= Rub(100m));
        Assert.True(big >= Rub(100m));
        Assert.False(big < Rub(100m));
        Assert.False(small > big);
        Assert.True(small.CompareTo(big) < 0);
        Assert.True(big.CompareTo(small) > 0);
        Assert.Equal(0, big.CompareTo(Rub(100m)));
    }

    [Fact]
    public void Amounts_sort_from_cheapest()
    {
        var sorted = new[] { Rub(300m), Rub(0.01m), Rub(20m) }.Order().ToList();

        Assert.Equal([Rub(0.01m), Rub(20m), Rub(300m)], sorted);
    }

    [Fact]
    public void Amounts_written_with_different_scale_are_equal()
    {
        var first = Rub(1.1m);
        var second = Rub(1.10m);
        var third = Rub(1.100m);

        Assert.Equal(first, second);
        Assert.True(first == third);
        Assert.Equal(first.GetHashCode(), third.GetHashCode());
        Assert.NotEqual(Rub(1.1m), Rub(1.11m));
    }

    [Theory]
    [InlineData("1234.5", "1234.50")]
    [InlineData("0", "0.00")]
    [InlineData("0.1", "0.10")]
    [InlineData("7", "7.00")]
    [InlineData("1000000.005", "1000000.01")]
    [InlineData("100000000", "100000000.00")]
    public void ToString_is_invariant_with_two_decimals_and_no_group_separator(string roubles, string expected)
    {
        Assert.Equal(expected, Money.FromRoubles(Dec(roubles)).ToString());
    }

    [Fact]
    public void ToString_ignores_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("ru-RU");

            Assert.Equal("1234.50", Rub(1234.5m).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
